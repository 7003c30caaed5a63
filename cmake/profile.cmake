# SPDX-License-Identifier: GPL-2.0-or-later
# The "Ghost ports" Wireshark configuration profile, made at configure time
# in <build>/profile/: its colorfilters are the plugin's rules
# (doc/rescap.colorfilters) in front of this Wireshark's default rules, so
# that they win over the TCP/UDP ones; its preferences add the service,
# product, version and finding columns (doc/profile/preferences), its recent
# file gives them widths that show their text (doc/profile/recent).
# Installed by scripts/install.sh and the package (cmake/package.cmake).

set(RESCAP_WIRESHARK_DATA_DIR "${Wireshark_INSTALL_PREFIX}/share/wireshark"
    CACHE PATH "Wireshark's data folder: its default colorfilters and global profiles")
set(RESCAP_PROFILE_NAME "Ghost ports")
set(RESCAP_PROFILE_BUILD_DIR "${CMAKE_BINARY_DIR}/profile")

set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_CURRENT_SOURCE_DIR}/doc/rescap.colorfilters" "${CMAKE_CURRENT_SOURCE_DIR}/doc/profile/preferences"
             "${CMAKE_CURRENT_SOURCE_DIR}/doc/profile/recent")
file(READ "${CMAKE_CURRENT_SOURCE_DIR}/doc/rescap.colorfilters" _rescap_rules)
set(_rescap_defaults "")
if(EXISTS "${RESCAP_WIRESHARK_DATA_DIR}/colorfilters")
  file(READ "${RESCAP_WIRESHARK_DATA_DIR}/colorfilters" _rescap_defaults)
else()
  message(WARNING "no ${RESCAP_WIRESHARK_DATA_DIR}/colorfilters: the profile holds the plugin's rules only")
endif()
file(WRITE "${RESCAP_PROFILE_BUILD_DIR}/colorfilters"
     "${_rescap_rules}\n# Wireshark's default rules follow.\n${_rescap_defaults}")
configure_file("${CMAKE_CURRENT_SOURCE_DIR}/doc/profile/preferences" "${RESCAP_PROFILE_BUILD_DIR}/preferences" COPYONLY)
# Column widths: the Protocol column shows "RESCAP/TLSv1.3" whole.
configure_file("${CMAKE_CURRENT_SOURCE_DIR}/doc/profile/recent" "${RESCAP_PROFILE_BUILD_DIR}/recent" COPYONLY)

# Where `cmake --install` puts it: the global profiles of this Wireshark as
# root (or when the plugin goes to the system folder), else the user's.
if(RESCAP_INSTALL_DIR STREQUAL Wireshark_PLUGIN_INSTALL_DIR OR NOT DEFINED ENV{HOME})
  set(_rescap_profiles "${RESCAP_WIRESHARK_DATA_DIR}/profiles")
else()
  set(_rescap_profiles "$ENV{HOME}/.config/wireshark/profiles")
endif()
set(RESCAP_PROFILE_INSTALL_DIR "${_rescap_profiles}" CACHE PATH "Wireshark profiles folder for the Ghost ports profile")
install(DIRECTORY "${RESCAP_PROFILE_BUILD_DIR}/" DESTINATION "${RESCAP_PROFILE_INSTALL_DIR}/${RESCAP_PROFILE_NAME}")

# The package: Wireshark's global profiles.
file(RELATIVE_PATH _rescap_profiles_rel "${Wireshark_INSTALL_PREFIX}" "${RESCAP_WIRESHARK_DATA_DIR}/profiles")
install(DIRECTORY "${RESCAP_PROFILE_BUILD_DIR}/" DESTINATION "${_rescap_profiles_rel}/${RESCAP_PROFILE_NAME}"
        COMPONENT system EXCLUDE_FROM_ALL)
