# PRESSCLIP_SANITIZE: AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer on
# every target of this project, compiled and linked, C and C++ alike (scripts/test.sh --sanitize).
# The system libraries (Xapian, ICU, yaml-cpp, libstdc++) stay uninstrumented.
option(PRESSCLIP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(PRESSCLIP_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "PRESSCLIP_SANITIZE needs GCC or Clang, not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  # -fno-sanitize-recover=all: undefined behaviour ends the program, so the test fails instead
  # of printing a line that nobody reads.
  set(PRESSCLIP_SANITIZER_FLAGS
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  # Directory scope, before any target exists: this directory and every subdirectory.
  add_compile_options(${PRESSCLIP_SANITIZER_FLAGS})
  add_link_options(${PRESSCLIP_SANITIZER_FLAGS})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # With -fsanitize=address, GCC 12 to 14 warn falsely that <regex>'s own std::function
    # may be used uninitialized (https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105616), which
    # PRESSCLIP_WERROR turns into errors. The normal build keeps the warning.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()

  # An uninstrumented program (python3) can load the instrumented libpressclip.so only with
  # the ASan runtime preloaded, and libstdc++ with it, so that ASan finds the real
  # __cxa_throw when it starts (tests/foreign/README.md).
  execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=libasan.so
    OUTPUT_VARIABLE asan_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=libstdc++.so
    OUTPUT_VARIABLE libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT IS_ABSOLUTE "${asan_runtime}" OR NOT IS_ABSOLUTE "${libstdcxx}")
    message(FATAL_ERROR "PRESSCLIP_SANITIZE: the compiler does not know where libasan.so is")
  endif()
  set(PRESSCLIP_SANITIZER_PRELOAD "${asan_runtime} ${libstdcxx}")

  # The default sanitizer options (sanitizer_options.c), linked into every executable of the
  # project once all are defined, so that ctest, scripts and manual runs all get them.
  # Privately: they never reach the exported package.
  add_library(pressclip_sanitizer_options OBJECT "${CMAKE_CURRENT_LIST_DIR}/sanitizer_options.c")
  function(pressclip_link_sanitizer_options directory)
    get_property(targets DIRECTORY "${directory}" PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      if(type STREQUAL "EXECUTABLE")
        set_property(TARGET ${target} APPEND PROPERTY LINK_LIBRARIES pressclip_sanitizer_options)
      endif()
    endforeach()
    get_property(subdirectories DIRECTORY "${directory}" PROPERTY SUBDIRECTORIES)
    foreach(subdirectory IN LISTS subdirectories)
      pressclip_link_sanitizer_options("${subdirectory}")
    endforeach()
  endfunction()
  cmake_language(DEFER CALL pressclip_link_sanitizer_options "${CMAKE_CURRENT_SOURCE_DIR}")
endif()
