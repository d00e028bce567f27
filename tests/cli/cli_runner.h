// End-to-end test helpers: run the real `pressclip` binary, temporary directories, JSON Lines.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
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
/// Throws std::runtime_error if the process cannot be started.
RunResult run_pressclip(const std::vector<std::string>& args, const RunOptions& options = {});

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
