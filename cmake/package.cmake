# Debian package of the plugin for the Wireshark it was built against:
#   cmake -S . -B build-deb -DRESCAP_BUILD_TESTS=OFF && cmake --build build-deb && (cd build-deb && cpack -G DEB)
# gives wireshark-plugin-rescap_<version>+ws<major>.<minor>_<arch>.deb, which
# installs rescap.so into Wireshark's system plugin folder
# (Wireshark_PLUGIN_INSTALL_DIR/epan) and depends on the libwireshark package
# that this build links against. A plugin only loads in the Wireshark minor
# version it was built for, hence one package per version.
#
# The system-folder install rule is its own component, left out of a plain
# `cmake --install` (which keeps installing to the personal folder).

file(RELATIVE_PATH _rescap_system_dir "${Wireshark_INSTALL_PREFIX}" "${Wireshark_PLUGIN_INSTALL_DIR}")
install(TARGETS rescap LIBRARY DESTINATION "${_rescap_system_dir}/epan" COMPONENT system EXCLUDE_FROM_ALL)

set(_rescap_ws "${Wireshark_MAJOR_VERSION}.${Wireshark_MINOR_VERSION}")
math(EXPR _rescap_ws_next "${Wireshark_MINOR_VERSION} + 1")

set(CPACK_PACKAGE_NAME "wireshark-plugin-rescap")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}+ws${_rescap_ws}")
set(CPACK_PACKAGE_VENDOR "rescap plugin authors")
set(CPACK_PACKAGE_CONTACT "rescap plugin authors <rescap@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Wireshark ${_rescap_ws} dissector plugin for the ghost ports 283 (rescap) and 403 (decap)")
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
