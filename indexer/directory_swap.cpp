// Atomic directory exchange with renameat2.
#include "indexer/directory_swap.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace pressclip::indexer {

void exchange_directories(const std::filesystem::path& a, const std::filesystem::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot exchange " + a.string() + " and " + b.string());
  }
  // The exchange is durable once the directory holding the entries is synced.
  const int directory = ::open(b.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
  if (directory >= 0) {
    ::fsync(directory);
    ::close(directory);
  }
}

}  // namespace pressclip::indexer
