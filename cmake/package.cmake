# SPDX-License-Identifier: GPL-2.0-or-later
# Debian package of the plugin for the Wireshark it was built against:
#   cmake -S . -B build-deb -DRESCAP_BUILD_TESTS=OFF && cmake --build build-deb && (cd build-deb && cpack -G DEB)
# gives wireshark-plugin-rescap_<version>+ws<major>.<minor>-<revision>_<arch>.deb,
# which installs the stripped rescap.so into Wireshark's system plugin folder
# (Wireshark_PLUGIN_INSTALL_DIR/epan), the colouring rules and the docs into
# /usr/share/doc/wireshark-plugin-rescap/, and depends on the libwireshark
# package that this build links against. A plugin only loads in the Wireshark
# minor version it was built for, hence one package per version. The Debian
# files (copyright, changelog, description) are in packaging/deb/; lintian
# checks the result in scripts/matrix.sh (doc/install.md).
#
# The package's install rules are their own component, left out of a plain
# `cmake --install` (which installs the plugin alone, see CMakeLists.txt).

file(RELATIVE_PATH _rescap_system_dir "${Wireshark_INSTALL_PREFIX}" "${Wireshark_PLUGIN_INSTALL_DIR}")
install(TARGETS rescap LIBRARY DESTINATION "${_rescap_system_dir}/epan" COMPONENT system EXCLUDE_FROM_ALL)

# Debian's hardening flags (dpkg-buildflags, hardening=+all) on the plugin
# that the package ships and the tests load (lintian: hardening-no-bindnow,
# hardening-no-fortify-functions): full RELRO with immediate binding, and
# fortified libc calls where optimized (-U first: some compilers define it).
# Not under the sanitizers, whose interceptors fortify would bypass.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND NOT RESCAP_SANITIZE)
  target_link_options(rescap PRIVATE LINKER:-z,relro LINKER:-z,now)
  target_compile_options(rescap PRIVATE "$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
endif()

set(_rescap_ws "${Wireshark_MAJOR_VERSION}.${Wireshark_MINOR_VERSION}")
math(EXPR _rescap_ws_next "${Wireshark_MINOR_VERSION} + 1")

set(CPACK_PACKAGE_NAME "wireshark-plugin-rescap")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}+ws${_rescap_ws}")
# The Debian revision: a packaging-only fix (or a rebuild) bumps it without a
# new upstream version; it makes the package non-native, hence
# changelog.Debian.gz.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(RESCAP_DEB_VERSION "${CPACK_PACKAGE_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
set(CPACK_PACKAGE_VENDOR "rescap plugin developers")
set(CPACK_PACKAGE_CONTACT "rescap plugin developers <rescap-plugin@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Wireshark ${_rescap_ws} dissector plugin for the ghost ports 283 (rescap) and 403 (decap)")
set(RESCAP_WS "${_rescap_ws}")
configure_file(packaging/deb/description.txt "${CMAKE_BINARY_DIR}/deb/description.txt" @ONLY)
# The extended description under the summary line (lintian: extended-description-is-empty).
file(READ "${CMAKE_BINARY_DIR}/deb/description.txt" CPACK_DEBIAN_PACKAGE_DESCRIPTION)
# nmap-service-probes names the product and version of a ghost-port service;
# without it the plugin still identifies the protocol.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nmap-common")
set(CPACK_DEBIAN_PACKAGE_ENHANCES "wireshark, tshark")
# Debian ships binaries stripped as dh_strip does (lintian:
# unstripped-binary-or-object, binary-has-unneeded-section): done on the
# staged files, so the build tree keeps its debug information.
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/deb-strip.cmake")
set(CPACK_RESCAP_STRIP "${CMAKE_STRIP}")

# /usr/share/doc/<package>: the DEP-5 copyright file, the Debian changelog
# (gzip -n: no name or time stamp, so the same sources give the same
# package), the colouring rules and the reference docs.
set(_rescap_docdir "share/doc/${CPACK_PACKAGE_NAME}")
install(FILES packaging/deb/copyright README.md doc/protocol.md doc/install.md doc/rescap.colorfilters doc/fields.md
        DESTINATION "${_rescap_docdir}" COMPONENT system EXCLUDE_FROM_ALL)
configure_file(packaging/deb/changelog.in "${CMAKE_BINARY_DIR}/deb/changelog" @ONLY)
# gzip is on every Debian system; elsewhere (Windows) there is no .deb to make.
find_program(RESCAP_GZIP gzip)
if(RESCAP_GZIP)
  execute_process(COMMAND "${RESCAP_GZIP}" -9 -n -c "${CMAKE_BINARY_DIR}/deb/changelog"
                  OUTPUT_FILE "${CMAKE_BINARY_DIR}/deb/changelog.Debian.gz" RESULT_VARIABLE _rescap_gzip_status)
  if(NOT _rescap_gzip_status EQUAL 0)
    message(FATAL_ERROR "gzip of the Debian changelog failed: ${_rescap_gzip_status}")
  endif()
  install(FILES "${CMAKE_BINARY_DIR}/deb/changelog.Debian.gz"
          DESTINATION "${_rescap_docdir}" COMPONENT system EXCLUDE_FROM_ALL)
else()
  message(STATUS "cpack: no gzip, so no changelog.Debian.gz: the .deb would not pass lintian")
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX "${Wireshark_INSTALL_PREFIX}")
set(CPACK_COMPONENTS_ALL system)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

# The package that ships the libwireshark this build links against
# (libwireshark16 for 4.0, libwireshark18 for 4.4, ...), asked from dpkg.
get_target_property(_rescap_epan_config epan IMPORTED_CONFIGURATIONS)
list(GET _rescap_epan_config 0 _rescap_epan_config)
get_target_property(_rescap_epan epan IMPORTED_LOCATION_${_rescap_epan_config})
get_filename_component(_rescap_epan "${_rescap_epan}" REALPATH)
execute_process(COMMAND dpkg-query -S "${_rescap_epan}" OUTPUT_VARIABLE _rescap_owner
                RESULT_VARIABLE _rescap_dpkg ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
if(_rescap_dpkg EQUAL 0 AND _rescap_owner MATCHES "^([^:,]+)")
  set(_rescap_libws "${CMAKE_MATCH_1}")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "${_rescap_libws} (>= ${_rescap_ws}.0), ${_rescap_libws} (<< ${Wireshark_MAJOR_VERSION}.${_rescap_ws_next})")
else()
  message(STATUS "cpack: no dpkg package owns ${_rescap_epan}; the .deb will not name its libwireshark")
endif()

include(CPack)
