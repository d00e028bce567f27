// End-to-end test helpers: run the real `pressclip` binary, temporary directories, JSON Lines.
#pragma once

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pressclip::test {

/// The environment variables that steer the binary. run_pressclip() removes them from the
/// inherited environment, so that a test sees only what it sets in RunOptions::env.
inline const std::vector<std::string> kScrubbedEnvironment = {
    "PRESSCLIP_DB", "XDG_DATA_HOME", "NO_COLOR", "PRESSCLIP_TODAY", "XDG_CONFIG_HOME", "COLUMNS"};

/// Set for every child unless a test sets it: a configuration directory that does not exist,
/// so that a developer's ~/.config/pressclip/sources.tsv never changes a test's results.
inline constexpr const char* kTestConfigHome = "/nonexistent/pressclip-test-config";

/// How to run the binary.
struct RunOptions {
  /// Variables to set (name, value), on top of the inherited environment.
  std::vector<std::pair<std::string, std::string>> env;
  /// Variables to remove from the inherited environment (beside kScrubbedEnvironment).
  std::vector<std::string> unset;
  /// Working directory of the child; empty keeps the test's own.
  std::filesystem::path cwd;
  /// True: the child starts with file descriptor 0 closed. False: stdin is /dev/null.
  bool close_stdin = false;
  /// If set, the child reads this text on standard input (close_stdin is then ignored).
  std::optional<std::string> stdin_text;
  /// The child is killed after this many seconds (a hung binary must not hang the suite).
  int timeout_seconds = 60;
};

/// What one run of the binary produced.
struct RunResult {
  int exit_code = -1;      ///< The exit status, or 128 + signal number if it was killed.
  bool signaled = false;   ///< True if a signal ended it (a crash or the timeout).
  bool timed_out = false;  ///< True if it was killed for running past the timeout.
  std::string out;         ///< Everything written to standard output.
  std::string err;         ///< Everything written to standard error.

  /// The lines of `err`, without their newlines.
  std::vector<std::string> err_lines() const;
  /// The lines of `out`, without their newlines.
  std::vector<std::string> out_lines() const;
};

/// Runs PRESSCLIP_BINARY with `args` (passed verbatim, no shell) and waits for it.
/// Throws std::runtime_error if the process cannot be started, or if it printed a sanitizer
/// report (AddressSanitizer, LeakSanitizer, UndefinedBehaviorSanitizer) on standard error.
RunResult run_pressclip(const std::vector<std::string>& args, const RunOptions& options = {});

/// Runs `program` (a path, or a name looked up in $PATH) with `args`, like run_pressclip().
/// Throws std::runtime_error if it cannot be found or started.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options = {});

/// `name` looked up in $PATH (as a shell would), or empty if there is no such program.
std::string find_program(const std::string& name);

/// A run of PRESSCLIP_BINARY in the background, for tests that act while it runs (signals,
/// locks, searches during indexing, --watch). Its standard output and error go to files, so
/// that a long-running child never blocks on a full pipe and can be read while it runs.
/// The destructor kills (SIGKILL) and reaps a child that is still running.
///
/// Thread-safety: one object is used by one thread at a time.
class BackgroundRun {
 public:
  /// Starts `pressclip ARGS` with `options` (env, cwd and stdin as run_pressclip(); its
  /// timeout_seconds bounds wait()). Throws std::runtime_error if it cannot be started.
  explicit BackgroundRun(const std::vector<std::string>& args, const RunOptions& options = {});
  ~BackgroundRun();
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;

  pid_t pid() const { return pid_; }
  /// Sends `signal_number` to the child; does nothing once it has been reaped.
  void send_signal(int signal_number);
  /// True while the child has not exited (reaps it if it has).
  bool running();
  /// Waits for the child to exit, killing it with SIGKILL if it runs past
  /// RunOptions::timeout_seconds (counted from the start), and returns what it did.
  /// Throws std::runtime_error if the child printed a sanitizer report.
  RunResult wait();
  /// What the child has written to standard output / error so far.
  std::string out_so_far() const;
  std::string err_so_far() const;

 private:
  std::filesystem::path output_dir_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  int timeout_seconds_ = 60;
  std::chrono::steady_clock::time_point started_;
};

/// Parses JSON Lines: one JSON value per non-empty line. Throws nlohmann::json::parse_error
/// on a line that is not JSON, so that a test fails on malformed output.
std::vector<nlohmann::json> parse_json_lines(const std::string& text);

/// The lines of `text`, without their newlines; a final newline ends the last line.
std::vector<std::string> split_lines(const std::string& text);

/// Reads a whole file as bytes. Throws std::runtime_error if it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `bytes` to `path`, replacing it. Throws std::runtime_error on failure.
void write_file(const std::filesystem::path& path, const std::string& bytes);

/// A fresh directory under /tmp, removed with everything in it when this object goes.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// `path() / relative`, as a string for argument lists.
  std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace pressclip::test
