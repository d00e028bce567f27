// Opens an index for writing, refusing or waiting while another process holds its lock.
#include "index_lock.h"

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include "interrupt.h"
#include "pressclip/error.h"

namespace pressclip::cli {
namespace {

constexpr auto kRetryInterval = std::chrono::milliseconds(100);

}  // namespace

std::unique_ptr<Indexer> open_indexer(const IndexerOptions& options, bool wait) {
  const std::string& directory = options.database_path;
  bool announced = false;
  while (true) {
    try {
      return std::make_unique<Indexer>(options);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::kIndexLocked) throw;
      if (!wait) {
        throw Error(ErrorKind::kIndexLocked, "index '" + directory +
                                                 "' is being updated by another process "
                                                 "(use --wait to wait for it)");
      }
    }
    if (!announced) {
      std::cerr << "pressclip: waiting for another process to finish updating '" << directory
                << "'..." << std::endl;
      announced = true;
    }
    std::this_thread::sleep_for(kRetryInterval);
    // Checked after the sleep, so a signal that arrived meanwhile stops the wait even if the
    // lock is free by now: the user asked to stop, and nothing has started yet.
    if (const int signal_number = interrupted_signal(); signal_number != 0) {
      throw InterruptedError(signal_number,
                             "stopped waiting for another process to finish "
                             "updating '" +
                                 directory + "'");
    }
  }
}

}  // namespace pressclip::cli
