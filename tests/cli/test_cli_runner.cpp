// Tests of the end-to-end runner itself: what makes a run of a child program fail a test.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "cli_runner.h"

using namespace pressclip::test;

namespace {

// Runs `sh -c SCRIPT`, as the runner runs the pressclip binary.
RunResult run_shell(const std::string& script) { return run_program("/bin/sh", {"-c", script}); }

}  // namespace

TEST_CASE("runner: a sanitizer report from a child fails the test, whatever its exit status") {
  // In a PRESSCLIP_SANITIZE build a child that hits a memory error, a leak or undefined
  // behaviour prints one of these and exits; the status alone could pass for "nothing found".
  for (const char* report :
       {"==7==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010",
        "==7==ERROR: LeakSanitizer: detected memory leaks",
        "schema/dates.cpp:12:5: runtime error: signed integer overflow",
        "SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior schema/dates.cpp:12:5"}) {
    CAPTURE(report);
    CHECK_THROWS_AS(run_shell(std::string("echo '") + report + "' >&2; exit 1"),
                    std::runtime_error);
  }
}

TEST_CASE("runner: an ordinary error line on standard error is the child's own business") {
  const RunResult result = run_shell("echo 'pressclip: error: the query is empty' >&2; exit 2");
  CHECK(result.exit_code == 2);
  CHECK(result.err == "pressclip: error: the query is empty\n");
}
