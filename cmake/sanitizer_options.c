/* Default sanitizer settings, linked into every program of a PRESSCLIP_SANITIZE build
 * (cmake/PressclipSanitizers.cmake), so that they hold however a program is run: by
 * scripts/test.sh --sanitize, by ctest in the build directory, or by hand. The variables
 * ASAN_OPTIONS and UBSAN_OPTIONS still override them. */

#define PRESSCLIP_SANITIZER_HOOK __attribute__((visibility("default"), used))

/* Stop at the first error. exitcode=99: a finding must never pass for one of pressclip's own
 * exit statuses (1 is "nothing found", 2 an error), which tests expect. Leaks are checked at
 * every exit; initialisation order and stack use after return are checked too. */
PRESSCLIP_SANITIZER_HOOK const char* __asan_default_options(void) {
  return "detect_leaks=1:halt_on_error=1:exitcode=99:check_initialization_order=1:"
         "strict_init_order=1:detect_stack_use_after_return=1";
}

/* Undefined behaviour ends the program (it is also compiled with -fno-sanitize-recover=all),
 * with the stack that led to it. */
PRESSCLIP_SANITIZER_HOOK const char* __ubsan_default_options(void) {
  return "halt_on_error=1:print_stacktrace=1:exitcode=99";
}

/* No leak suppressions: nothing leaks on the paths the suite runs, system libraries
 * included. A leak there that is not ours would be suppressed by defining
 * __lsan_default_suppressions() here, one line per leak with the reason. (Stacks stop at the
 * first frame of a library built without frame pointers, such as Xapian; run with
 * ASAN_OPTIONS=fast_unwind_on_malloc=0 to see the whole stack, three times slower.) */
