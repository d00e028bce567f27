# What `cmake --install build --prefix P` installs: the command, the shared library with its
# SONAME, the public headers, a CMake package (find_package(pressclip) ->
# pressclip::pressclip), a pkg-config file and the man pages.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(PRESSCLIP_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/pressclip")

install(TARGETS pressclip_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS pressclip EXPORT pressclipTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/pressclip"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" FILES_MATCHING PATTERN "*.h")
install(FILES "${PROJECT_BINARY_DIR}/include/pressclip/version.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/pressclip")

install(EXPORT pressclipTargets NAMESPACE pressclip:: DESTINATION "${PRESSCLIP_CMAKE_DIR}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/pressclipConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/pressclipConfig.cmake" INSTALL_DESTINATION "${PRESSCLIP_CMAKE_DIR}")
# Before 1.0 every minor version may change the API: only the same MAJOR.MINOR is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/pressclipConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/pressclipConfig.cmake"
  "${PROJECT_BINARY_DIR}/pressclipConfigVersion.cmake" DESTINATION "${PRESSCLIP_CMAKE_DIR}")

file(RELATIVE_PATH PKGCONFIG_TO_PREFIX "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
configure_file("${PROJECT_SOURCE_DIR}/cmake/pressclip.pc.in" "${PROJECT_BINARY_DIR}/pressclip.pc"
  @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/pressclip.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

install(FILES "${PROJECT_SOURCE_DIR}/man/pressclip.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${PROJECT_SOURCE_DIR}/man/pressclip-query.7"
  DESTINATION "${CMAKE_INSTALL_MANDIR}/man7")
