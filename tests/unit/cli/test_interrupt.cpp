// Unit tests of the SIGINT/SIGTERM handlers that ask an indexing run to stop.
#include "cli/interrupt.h"

#include <doctest/doctest.h>

#include <csignal>
#include <stdexcept>

using pressclip::cli::interrupted_exit_status;
using pressclip::cli::interrupted_signal;
using pressclip::cli::InterruptFlag;

// The second-signal path (default action, raised again) kills the process, so it is not
// tested here.

TEST_CASE("SIGINT sets the flag and is recorded, without killing the process") {
  InterruptFlag flag;
  REQUIRE(flag.stop() != nullptr);
  CHECK_FALSE(flag.raised());
  CHECK_FALSE(flag.stop()->load());
  CHECK(interrupted_signal() == 0);
  CHECK(interrupted_exit_status() == 0);
  REQUIRE(std::raise(SIGINT) == 0);
  CHECK(flag.raised());
  CHECK(flag.stop()->load());
  CHECK(interrupted_signal() == SIGINT);
  CHECK(interrupted_exit_status() == 130);
}

TEST_CASE("SIGTERM sets the flag and gives exit status 143") {
  InterruptFlag flag;
  CHECK(interrupted_signal() == 0);  // a new InterruptFlag starts clear
  REQUIRE(std::raise(SIGTERM) == 0);
  CHECK(flag.raised());
  CHECK(interrupted_signal() == SIGTERM);
  CHECK(interrupted_exit_status() == pressclip::cli::kExitInterruptedBySigterm);
}

TEST_CASE("the recorded signal outlives the flag, and the previous handlers come back") {
  static volatile std::sig_atomic_t seen = 0;
  auto* previous = std::signal(SIGINT, [](int) { seen = 1; });
  REQUIRE((previous != SIG_ERR));
  {
    InterruptFlag flag;
    REQUIRE(std::raise(SIGINT) == 0);
    CHECK(seen == 0);  // ours ran, not the one it replaced
  }
  CHECK(interrupted_signal() == SIGINT);
  REQUIRE(std::raise(SIGINT) == 0);
  CHECK(seen == 1);
  std::signal(SIGINT, previous);
}

TEST_CASE("only one InterruptFlag may be alive at a time") {
  InterruptFlag flag;
  CHECK_THROWS_AS(InterruptFlag(), std::logic_error);
}

TEST_CASE("InterruptedError carries the signal's exit status") {
  const pressclip::cli::InterruptedError error(SIGINT, "stopped waiting");
  CHECK(error.signal() == SIGINT);
  CHECK(error.exit_status() == 130);
  CHECK(std::string(error.what()) == "stopped waiting");
}

TEST_CASE("a signal ignored before is left ignored") {
  auto* previous = std::signal(SIGTERM, SIG_IGN);
  REQUIRE((previous != SIG_ERR));
  {
    InterruptFlag flag;
    REQUIRE(std::raise(SIGTERM) == 0);
    CHECK_FALSE(flag.raised());
    CHECK(interrupted_signal() == 0);
  }
  CHECK((std::signal(SIGTERM, previous) == SIG_IGN));
}
