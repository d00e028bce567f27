// Runs the pressclip binary for end-to-end tests (fork/exec, no shell) and related helpers.
#include "cli_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace pressclip::test {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

// The child's environment: ours, minus scrubbed and unset names, plus the overrides.
std::vector<std::string> child_environment(const RunOptions& options) {
  auto removed = [&](const std::string& name) {
    for (const auto& [set_name, value] : options.env) {
      if (set_name == name) return true;
    }
    return std::find(kScrubbedEnvironment.begin(), kScrubbedEnvironment.end(), name) !=
               kScrubbedEnvironment.end() ||
           std::find(options.unset.begin(), options.unset.end(), name) != options.unset.end();
  };
  std::vector<std::string> result;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string variable(*entry);
    if (!removed(variable.substr(0, variable.find('=')))) result.push_back(variable);
  }
  bool config_home_set = false;
  for (const auto& [name, value] : options.env) {
    result.push_back(name + "=" + value);
    config_home_set = config_home_set || name == "XDG_CONFIG_HOME";
  }
  if (!config_home_set) result.push_back(std::string("XDG_CONFIG_HOME=") + kTestConfigHome);
  return result;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (std::string& s : strings) result.push_back(s.data());
  result.push_back(nullptr);
  return result;
}

// Reports `error` to the parent through `status_fd` and ends the child.
[[noreturn]] void child_failed(int status_fd, int error) {
  [[maybe_unused]] ssize_t ignored = ::write(status_fd, &error, sizeof error);
  ::_exit(127);
}

// In the child, after fork: only async-signal-safe calls until execve. `stdin_fd` >= 0 is
// made standard input.
[[noreturn]] void exec_child(const RunOptions& options, int stdin_fd, int out_fd, int err_fd,
                             int status_fd, char* const* argv, char* const* envp) {
  auto fail = [status_fd](int error) { child_failed(status_fd, error); };
  // The test process's signal mask and ignored signals must not reach the child: a
  // signal test needs SIGINT and SIGTERM to be delivered as usual.
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) fail(errno);
  if (stdin_fd >= 0) {
    if (::dup2(stdin_fd, STDIN_FILENO) < 0) fail(errno);
  } else if (options.close_stdin) {
    ::close(STDIN_FILENO);
  } else {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd < 0 || ::dup2(null_fd, STDIN_FILENO) < 0) fail(errno);
    if (null_fd != STDIN_FILENO) ::close(null_fd);
  }
  if (::dup2(out_fd, STDOUT_FILENO) < 0 || ::dup2(err_fd, STDERR_FILENO) < 0) fail(errno);
  ::execve(argv[0], argv, envp);
  child_failed(status_fd, errno);
}

// Reads both pipes until they close or the deadline passes; returns false on timeout.
bool drain(int out_fd, int err_fd, std::string& out, std::string& err, int timeout_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    const int ready = ::poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw_errno("poll");
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  return true;
}

// A memory file holding `text`, for a child's standard input; -1 if there is none to give.
int stdin_file(const RunOptions& options) {
  if (!options.stdin_text) return -1;
  const int fd = ::memfd_create("pressclip-test-stdin", MFD_CLOEXEC);
  if (fd < 0) throw_errno("memfd_create");
  const std::string& text = *options.stdin_text;
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("write");
    written += static_cast<std::size_t>(n);
  }
  if (::lseek(fd, 0, SEEK_SET) != 0) throw_errno("lseek");
  return fd;
}

// Starts `program ARGS` with its standard output and error on `out_fd` and `err_fd` (which
// the caller keeps and closes). Throws if the program cannot be run.
pid_t start_child(const std::string& program, const std::vector<std::string>& args,
                  const RunOptions& options, int out_fd, int err_fd) {
  std::vector<std::string> argv_strings = {program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = child_environment(options);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);
  const int input_fd = stdin_file(options);

  int status_pipe[2];
  if (::pipe2(status_pipe, O_CLOEXEC) != 0) throw_errno("pipe2");
  const pid_t pid = ::fork();
  if (pid < 0) throw_errno("fork");
  if (pid == 0) {
    exec_child(options, input_fd, out_fd, err_fd, status_pipe[1], argv.data(), envp.data());
  }
  ::close(status_pipe[1]);
  if (input_fd >= 0) ::close(input_fd);
  // Returns 0 bytes once execve has closed the pipe, or the child's errno if it failed.
  int exec_error = 0;
  ssize_t n = 0;
  do {
    n = ::read(status_pipe[0], &exec_error, sizeof exec_error);
  } while (n < 0 && errno == EINTR);
  ::close(status_pipe[0]);
  if (n > 0) {
    int ignored = 0;
    while (::waitpid(pid, &ignored, 0) < 0 && errno == EINTR) {
    }
    errno = exec_error;
    throw_errno("cannot run " + program);
  }
  return pid;
}

// In a sanitized build (PRESSCLIP_SANITIZE) a child that hits a memory error, a leak or
// undefined behaviour prints a report and exits; its exit code alone could pass for an
// expected failure, so any report fails the test that ran it.
void throw_on_sanitizer_report(const std::string& program, const RunResult& result) {
  for (const char* marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                             "SUMMARY: UndefinedBehaviorSanitizer", ": runtime error: "}) {
    if (result.err.find(marker) != std::string::npos) {
      throw std::runtime_error(program + " reported a sanitizer error:\n" + result.err);
    }
  }
}

// Fills `result` from a wait status.
void set_exit(RunResult& result, int status) {
  if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.exit_code = 128 + WTERMSIG(status);
  } else {
    result.exit_code = WEXITSTATUS(status);
  }
}

}  // namespace

std::vector<std::string> RunResult::err_lines() const { return split_lines(err); }
std::vector<std::string> RunResult::out_lines() const { return split_lines(out); }

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options) {
  std::string path = program;
  if (program.find('/') == std::string::npos) {
    path = find_program(program);
    if (path.empty()) throw std::runtime_error("no program '" + program + "' in $PATH");
  }
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw_errno("pipe2");
  }
  pid_t pid = -1;
  try {
    pid = start_child(path, args, options, out_pipe[1], err_pipe[1]);
  } catch (...) {
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
    throw;
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);

  RunResult result;
  result.timed_out =
      !drain(out_pipe[0], err_pipe[0], result.out, result.err, options.timeout_seconds);
  if (result.timed_out) ::kill(pid, SIGKILL);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw_errno("waitpid");
  }
  set_exit(result, status);
  throw_on_sanitizer_report(program, result);
  return result;
}

RunResult run_pressclip(const std::vector<std::string>& args, const RunOptions& options) {
  return run_program(PRESSCLIP_BINARY, args, options);
}

std::string find_program(const std::string& name) {
  const char* search_path = std::getenv("PATH");
  std::string directories = search_path != nullptr ? search_path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= directories.size()) {
    std::size_t end = directories.find(':', start);
    if (end == std::string::npos) end = directories.size();
    const std::string directory = directories.substr(start, end - start);
    const std::string candidate = (directory.empty() ? "." : directory) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

BackgroundRun::BackgroundRun(const std::vector<std::string>& args, const RunOptions& options)
    : timeout_seconds_(options.timeout_seconds), started_(std::chrono::steady_clock::now()) {
  std::string pattern = "/tmp/pressclip-cli-run-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw_errno("mkdtemp");
  output_dir_ = pattern;
  const int out_fd =
      ::open((output_dir_ / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err_fd =
      ::open((output_dir_ / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  try {
    if (out_fd < 0 || err_fd < 0) throw_errno("open");
    pid_ = start_child(PRESSCLIP_BINARY, args, options, out_fd, err_fd);
  } catch (...) {
    if (out_fd >= 0) ::close(out_fd);
    if (err_fd >= 0) ::close(err_fd);
    std::error_code ignored;
    std::filesystem::remove_all(output_dir_, ignored);
    throw;
  }
  ::close(out_fd);
  ::close(err_fd);
}

BackgroundRun::~BackgroundRun() {
  if (!reaped_) {
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(output_dir_, ignored);
}

void BackgroundRun::send_signal(int signal_number) {
  if (!reaped_) ::kill(pid_, signal_number);
}

bool BackgroundRun::running() {
  if (reaped_) return false;
  pid_t done = 0;
  do {
    done = ::waitpid(pid_, &status_, WNOHANG);
  } while (done < 0 && errno == EINTR);
  if (done < 0) throw_errno("waitpid");
  reaped_ = done == pid_;
  return !reaped_;
}

RunResult BackgroundRun::wait() {
  RunResult result;
  const auto deadline = started_ + std::chrono::seconds(timeout_seconds_);
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(pid_, SIGKILL);
      while (::waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
      }
      reaped_ = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  set_exit(result, status_);
  result.out = out_so_far();
  result.err = err_so_far();
  throw_on_sanitizer_report(PRESSCLIP_BINARY, result);
  return result;
}

std::string BackgroundRun::out_so_far() const { return read_file(output_dir_ / "out"); }
std::string BackgroundRun::err_so_far() const { return read_file(output_dir_ / "err"); }

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::vector<nlohmann::json> parse_json_lines(const std::string& text) {
  std::vector<nlohmann::json> values;
  for (const std::string& line : split_lines(text)) {
    if (!line.empty()) values.push_back(nlohmann::json::parse(line));
  }
  return values;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

TemporaryDirectory::TemporaryDirectory() {
  std::string pattern = "/tmp/pressclip-cli-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw_errno("mkdtemp");
  path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace pressclip::test
