// SIGINT and SIGTERM handling: the first one asks a long command to stop cleanly.
#pragma once

#include <signal.h>
#include <atomic>
#include <stdexcept>
#include <string>

namespace pressclip::cli {

/// The exit statuses of a command stopped by a signal, after it committed what was done: 128
/// plus the signal's number, as shells report a process killed by one.
inline constexpr int kExitInterruptedBySigint = 128 + SIGINT;    // 130
inline constexpr int kExitInterruptedBySigterm = 128 + SIGTERM;  // 143

/// While alive, SIGINT and SIGTERM do not kill the process: the first one sets a process-wide
/// flag (pass stop() to IndexRunOptions::stop) and records which signal it was. A second one
/// while the flag is set restores the default action and raises the signal again, so a run
/// stuck while stopping can still be killed (Ctrl-C twice). The destructor puts back the
/// actions found at construction; the flag keeps its value (see interrupted_signal()). A
/// signal that was ignored at construction (SIG_IGN, as under `nohup`) is left ignored.
///
/// Requires: at most one InterruptFlag alive at a time (the constructor throws
/// std::logic_error otherwise). Thread-safety: construct and destroy it from one thread; the
/// flag may be read from any thread, and the signal may arrive on any thread.
class InterruptFlag {
 public:
  /// Clears the flag and the recorded signal, then installs the handlers with sigaction.
  /// Throws std::logic_error if another InterruptFlag is alive, std::system_error if
  /// sigaction fails.
  InterruptFlag();
  /// Restores the signal actions in force before construction.
  ~InterruptFlag();
  InterruptFlag(const InterruptFlag&) = delete;
  InterruptFlag& operator=(const InterruptFlag&) = delete;

  /// The flag the handlers set, for IndexRunOptions::stop; it lives as long as the process.
  const std::atomic<bool>* stop() const noexcept;
  /// Whether a SIGINT or SIGTERM has arrived since construction.
  bool raised() const noexcept;
};

/// The signal (SIGINT or SIGTERM) that set the flag since the last InterruptFlag was
/// constructed, or 0 if none has. Still answers after that InterruptFlag is destroyed.
/// Thread-safe and async-signal-safe.
int interrupted_signal() noexcept;

/// The exit status for a command stopped by the recorded signal: 128 + interrupted_signal()
/// (130 for SIGINT, 143 for SIGTERM), or 0 if no signal arrived. Thread-safe.
int interrupted_exit_status() noexcept;

/// Thrown when a command gives up waiting (for the index lock, say) because of SIGINT or
/// SIGTERM; main() exits with exit_status() (128 + the signal). Nothing has been changed.
/// Defined inline, so that main() needs nothing else from this file.
class InterruptedError : public std::runtime_error {
 public:
  /// `signal` is the signal that arrived (SIGINT or SIGTERM); `message` is one line for
  /// the user.
  InterruptedError(int signal, const std::string& message)
      : std::runtime_error(message), signal_(signal) {}
  /// The signal that arrived.
  int signal() const noexcept { return signal_; }
  /// 128 plus the signal's number.
  int exit_status() const noexcept { return 128 + signal_; }

 private:
  int signal_;
};

}  // namespace pressclip::cli
