// Installs the SIGINT/SIGTERM handlers that turn the first signal into a stop request.
#include "interrupt.h"

#include <cerrno>
#include <system_error>

namespace pressclip::cli {
namespace {

// A signal handler may only touch lock-free atomics (and volatile sig_atomic_t).
static_assert(std::atomic<bool>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);

std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};
std::atomic<bool> installed{false};

struct sigaction previous_sigint;
struct sigaction previous_sigterm;

extern "C" void on_stop_signal(int signal_number) {
  // Record the signal before raising the flag, so that whoever sees the flag can tell which.
  int none = 0;
  if (!stop_signal.compare_exchange_strong(none, signal_number)) {
    // Asked twice: let the signal do what it does by default (kill the process). It is
    // blocked while its handler runs, so raise() leaves it pending until we return.
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    const int saved_errno = errno;  // the interrupted code may be about to read it
    sigaction(signal_number, &default_action, nullptr);
    raise(signal_number);
    errno = saved_errno;
    return;
  }
  stop_requested.store(true);
}

void install(int signal_number, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // A second signal of the other kind must wait until the first handler has set the flag.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  // Restart interrupted reads and writes: the run polls the flag, it needs no EINTR.
  action.sa_flags = SA_RESTART;
  if (sigaction(signal_number, nullptr, previous) != 0 ||
      // A signal ignored from the start stays ignored (`nohup`, `command &` in a script).
      (previous->sa_handler != SIG_IGN && sigaction(signal_number, &action, nullptr) != 0)) {
    throw std::system_error(errno, std::generic_category(), "cannot install a signal handler");
  }
}

}  // namespace

InterruptFlag::InterruptFlag() {
  if (installed.exchange(true)) throw std::logic_error("InterruptFlag is already installed");
  stop_requested.store(false);
  stop_signal.store(0);
  try {
    install(SIGINT, &previous_sigint);
    try {
      install(SIGTERM, &previous_sigterm);
    } catch (...) {
      sigaction(SIGINT, &previous_sigint, nullptr);
      throw;
    }
  } catch (...) {
    installed.store(false);
    throw;
  }
}

InterruptFlag::~InterruptFlag() {
  sigaction(SIGTERM, &previous_sigterm, nullptr);
  sigaction(SIGINT, &previous_sigint, nullptr);
  installed.store(false);
}

const std::atomic<bool>* InterruptFlag::stop() const noexcept { return &stop_requested; }

bool InterruptFlag::raised() const noexcept { return stop_requested.load(); }

int interrupted_signal() noexcept { return stop_signal.load(); }

int interrupted_exit_status() noexcept {
  const int signal_number = interrupted_signal();
  return signal_number == 0 ? 0 : 128 + signal_number;
}

}  // namespace pressclip::cli
