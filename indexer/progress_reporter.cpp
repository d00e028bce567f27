// Progress callbacks, throttled.
#include "indexer/progress_reporter.h"

namespace pressclip::indexer {
namespace {

constexpr std::chrono::milliseconds kReportEvery{100};

}  // namespace

ProgressReporter::ProgressReporter(const IndexRunOptions& run, std::size_t files_total,
                                   std::uint64_t bytes_total)
    : run_(run), last_report_(std::chrono::steady_clock::now()) {
  progress_.files_total = files_total;
  progress_.bytes_total = bytes_total;
}

void ProgressReporter::done(std::size_t files, std::uint64_t bytes) {
  progress_.files_done += files;
  progress_.bytes_done += bytes;
  if (!run_.on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_report_ < kReportEvery) return;
  last_report_ = now;
  run_.on_progress(progress_);
}

void ProgressReporter::finish() {
  if (run_.on_progress) run_.on_progress(progress_);
}

}  // namespace pressclip::indexer
