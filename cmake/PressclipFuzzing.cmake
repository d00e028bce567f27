# PRESSCLIP_FUZZ: a clang build for libFuzzer (scripts/fuzz.sh). Everything is compiled with
# coverage instrumentation and AddressSanitizer + UndefinedBehaviorSanitizer, so that the
# fuzz/ targets explore the library itself; the targets link libFuzzer's main.
option(PRESSCLIP_FUZZ "Build the fuzz/ targets as libFuzzer programs (needs clang)" OFF)
if(PRESSCLIP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PRESSCLIP_FUZZ needs clang: configure with CC=clang CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
