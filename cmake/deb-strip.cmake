# SPDX-License-Identifier: GPL-2.0-or-later
# CPack pre-build script (cmake/package.cmake): strips the staged shared
# objects the way Debian's dh_strip does, before the package is made.
if(NOT CPACK_RESCAP_STRIP)
  message(FATAL_ERROR "deb-strip: no strip program (CMAKE_STRIP is empty)")
endif()
file(GLOB_RECURSE _rescap_objects "${CPACK_TEMPORARY_DIRECTORY}/*.so")
if(NOT _rescap_objects)
  message(FATAL_ERROR "deb-strip: no shared object under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(_object IN LISTS _rescap_objects)
  execute_process(COMMAND "${CPACK_RESCAP_STRIP}" --remove-section=.comment --remove-section=.note
                          --strip-unneeded "${_object}" COMMAND_ERROR_IS_FATAL ANY)
  message(STATUS "deb-strip: stripped ${_object}")
endforeach()
