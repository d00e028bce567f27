// Throttled progress callbacks for an indexing run.
#pragma once

#include <chrono>
#include <cstdint>

#include "pressclip/indexer.h"

namespace pressclip::indexer {

/// Counts files decided and calls IndexRunOptions::on_progress at most every 100 ms, and
/// once more at finish().
///
/// Thread-safety: not thread-safe; the calling thread of the run only.
class ProgressReporter {
 public:
  ProgressReporter(const IndexRunOptions& run, std::size_t files_total, std::uint64_t bytes_total);

  /// Counts `files` more files of `bytes` bytes as decided.
  void done(std::size_t files, std::uint64_t bytes);

  /// Reports the final counts.
  void finish();

 private:
  const IndexRunOptions& run_;
  IndexProgress progress_;
  std::chrono::steady_clock::time_point last_report_;
};

}  // namespace pressclip::indexer
