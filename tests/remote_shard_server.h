// A xapian-tcpsrv process serving one index on 127.0.0.1, for tests of remote shards. The
// server is killed when the object goes, whatever the test did to it (stopped, killed).
// xapian-tcpsrv forks a process per connection: the server runs in a process group of its
// own, and every signal goes to the whole group, connections included.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

namespace pressclip::test {

class RemoteShardServer {
 public:
  /// Starts `xapian-tcpsrv --interface 127.0.0.1` on a free port for the index at `database`
  /// and waits until it accepts connections. Throws std::runtime_error if it cannot.
  explicit RemoteShardServer(const std::string& database) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) start(database);
    if (pid_ <= 0) throw std::runtime_error("cannot start xapian-tcpsrv for " + database);
  }
  RemoteShardServer(const RemoteShardServer&) = delete;
  RemoteShardServer& operator=(const RemoteShardServer&) = delete;
  ~RemoteShardServer() { kill(); }

  unsigned port() const { return port_; }
  /// The stub file line that names this server.
  std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port_); }
  /// How pressclip names the shard in messages.
  std::string label() const { return stub_line(); }

  /// Freezes the server (SIGSTOP): connections stay open, nothing answers.
  void stop() const {
    if (pid_ > 0) ::kill(-pid_, SIGSTOP);
  }
  /// Lets a stopped server go on (SIGCONT).
  void resume() const {
    if (pid_ > 0) ::kill(-pid_, SIGCONT);
  }
  /// Kills the server and its connections (SIGKILL) and reaps it.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::kill(-pid_, SIGCONT);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  static unsigned free_port() {
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    unsigned port = 0;
    if (::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      port = ntohs(address.sin_port);
    }
    ::close(socket);
    return port;
  }

  static bool accepts(unsigned port) {
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected =
        ::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(socket);
    return connected;
  }

  void start(const std::string& database) {
    port_ = free_port();
    if (port_ == 0) return;
    const std::string port = std::to_string(port_);
    const pid_t child = ::fork();
    if (child == 0) {
      ::setpgid(0, 0);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port.c_str(),
               "--quiet", database.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    if (child < 0) return;
    pid_ = child;
    ::setpgid(child, child);  // Also here: no signal may reach the group before it exists.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < give_up) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // Exited: the port was taken.
        pid_ = -1;
        return;
      }
      if (accepts(port_)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill();
  }

  pid_t pid_ = -1;
  unsigned port_ = 0;
};

}  // namespace pressclip::test
