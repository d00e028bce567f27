// The watch loop: inotify batches applied to the index.
#include "index_watch.h"

#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/directory_watcher.h"
#include "command.h"
#include "printer.h"

namespace pressclip::cli {
namespace {

// Events are gathered until none came for kSettle, or for kLongest at most, so that a burst
// becomes one commit and a lone file is searchable well within a second.
constexpr std::chrono::milliseconds kSettle{150};
constexpr std::chrono::milliseconds kLongest{500};

bool changed_anything(const IndexReport& report) {
  return report.articles_added + report.articles_updated + report.files_moved +
             report.articles_removed + report.files_skipped >
         0;
}

}  // namespace

int watch_paths(Indexer& indexer, const std::string& database_path,
                const std::vector<std::string>& paths, const IndexRunOptions& run, bool quiet,
                bool json) {
  std::vector<std::string> roots;
  for (const std::string& path : paths) {
    roots.push_back(std::filesystem::absolute(path).lexically_normal().string());
  }
  DirectoryWatcher watcher(roots, is_article_file_name);
  IndexRunOptions batch_run = run;
  batch_run.on_progress = nullptr;
  auto report_batch = [&](const IndexReport& report, double seconds) {
    if (quiet || !changed_anything(report)) return;
    auto printer = json ? make_json_printer(std::cout) : make_text_printer(std::cout, Styles{});
    printer->index_summary({report, database_path, seconds});
    std::cout.flush();
  };
  // Files written between the first run and the watches being set up.
  report_batch(indexer.index_paths(paths, batch_run), 0.0);
  while (std::optional<WatchBatch> batch = watcher.next_batch(kSettle, kLongest, *run.stop)) {
    const auto started = std::chrono::steady_clock::now();
    // Removals first: a directory deleted and made again within one batch must keep the
    // files written into it afterwards.
    IndexReport removed;
    if (!batch->removed.empty()) removed = indexer.remove_paths(batch->removed);
    IndexReport report;
    if (batch->rescanned) {
      // Events were lost: bring every root up to date, which also forgets deleted files.
      report = indexer.index_paths(paths, batch_run);
    } else {
      std::vector<std::string> present;
      for (const std::string& path : batch->changed) {
        if (std::filesystem::exists(path)) present.push_back(path);
      }
      if (!present.empty()) report = indexer.index_paths(present, batch_run);
    }
    report.articles_removed += removed.articles_removed;
    report.batches_committed += removed.batches_committed;
    report_batch(report,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (report.interrupted) break;
  }
  return kExitFound;
}

}  // namespace pressclip::cli
