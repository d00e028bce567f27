// Tests of the documented thread-safety of Searcher and Indexer: one Searcher per thread may
// search an index while one Indexer, in another thread, keeps committing to it. Worker
// threads never call doctest assertions (they are not thread-safe): each collects its
// failures as text, and the main thread checks them after joining.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pressclip/indexer.h"
#include "pressclip/searcher.h"

namespace {

namespace fs = std::filesystem;

// Articles the writer adds, one commit each.
constexpr std::size_t kNewArticles = 60;
// Threads searching at once, each with its own Searcher.
constexpr std::size_t kReaderThreads = 4;
// The word in every new article and in no corpus article.
const std::string kNewWord = "zebrafinch";
// Queries matching the corpus (checked before the threads start).
const std::vector<std::string> kCorpusQueries = {"Niger", "\"military intervention\"",
                                                 "Wagner AND Mali"};
// A safety net, never reached in a passing run: how long a thread waits for another
// before it gives up and records a failure (so that a bug cannot hang the test suite).
constexpr auto kGiveUpAfter = std::chrono::seconds(20);

// A temporary directory holding an index of the sample corpus and the new articles' files.
struct ConcurrencyFixture {
  fs::path directory;
  std::vector<std::string> new_files;

  ConcurrencyFixture() {
    char pattern[] = "/tmp/pressclip-concurrent-XXXXXX";
    directory = mkdtemp(pattern);
    pressclip::IndexerOptions options;
    options.database_path = index_path();
    pressclip::Indexer indexer(options);
    corpus_report = indexer.index_paths({PRESSCLIP_CORPUS_DIR});
    fs::create_directory(directory / "new");
    for (std::size_t i = 0; i < kNewArticles; ++i) {
      const std::string number = std::to_string(i);
      const fs::path file = directory / "new" / ("zebrafinch_" + number + ".txt");
      std::ofstream out(file);
      out << "Observers in Niger counted " << kNewWord << " flocks at survey site " << number
          << " this week.\n"
          << "The " << kNewWord << " survey number " << number
          << " was filed by a field team from Niamey.\n"
          << "Report " << number << " of the " << kNewWord << " census ends here.\n";
      new_files.push_back(file.string());
    }
  }
  ~ConcurrencyFixture() { fs::remove_all(directory); }
  std::string index_path() const { return (directory / "index").string(); }

  pressclip::IndexReport corpus_report;
};

std::string describe_current_exception() {
  try {
    throw;
  } catch (const std::exception& error) {
    return error.what();
  } catch (...) {
    return "an exception not derived from std::exception";
  }
}

// How far the writer has got and what the readers have seen, shared between threads.
struct Progress {
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t committed = 0;      // New articles committed by the writer.
  std::size_t readers_ready = 0;  // Readers that have searched the index once.
  std::size_t most_seen = 0;      // The most new articles any reader has found.
  std::atomic<bool> writer_done{false};

  void update(auto change) {
    {
      std::lock_guard lock(mutex);
      change();
    }
    changed.notify_all();
  }
  // Waits until `condition` holds; false if it did not within kGiveUpAfter.
  bool wait_for(auto condition) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, kGiveUpAfter, condition);
  }
};

// Sets Progress::writer_done however the writer leaves, so that readers always stop.
struct DoneOnExit {
  Progress& progress;
  ~DoneOnExit() {
    progress.update([this] { progress.writer_done = true; });
  }
};

// Writes the new articles one file per index_paths call (each call commits exactly once).
// Before article i it waits until `may_write(i)` holds (evaluated under progress.mutex), so
// that a test can make sure readers are at work at given points of the run.
template <typename MayWrite>
void write_new_articles(const std::string& index_path, const std::vector<std::string>& files,
                        Progress& progress, std::vector<std::string>& failures,
                        MayWrite may_write) {
  DoneOnExit done{progress};
  try {
    pressclip::IndexerOptions options;
    options.database_path = index_path;
    pressclip::Indexer indexer(options);
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!progress.wait_for([&] { return may_write(i); })) {
        failures.push_back("writer: the readers did not get to article " + std::to_string(i));
        return;
      }
      const pressclip::IndexReport report = indexer.index_paths({files[i]});
      if (report.articles_added != 1 || report.batches_committed != 1) {
        failures.push_back("writer: " + files[i] + " was not added in one commit (" +
                           std::to_string(report.articles_added) + " added, " +
                           std::to_string(report.batches_committed) + " commits)");
      }
      progress.update([&] { progress.committed = i + 1; });
    }
  } catch (...) {
    failures.push_back("writer: " + describe_current_exception());
  }
}

// What one reader thread saw.
struct ReaderLog {
  std::vector<std::string> failures;
  std::size_t iterations = 0;
  std::size_t first_new_count = 0;     // New articles found by the first search.
  std::size_t last_new_count = 0;      // New articles found by the last search.
  std::size_t increasing_reopens = 0;  // reopen() calls after which more articles matched.
  std::size_t distinct_new_counts = 0;
};

// Checks one search's hits against the articles they come from, as find_article returns them.
void check_hits(pressclip::Searcher& searcher, const std::string& query,
                const pressclip::SearchResults& results, std::vector<std::string>& failures) {
  for (const pressclip::SearchHit& hit : results.hits) {
    const std::string where =
        "'" + query + "' hit " + std::to_string(hit.rank) + " (" + hit.article.id + "): ";
    const auto article = searcher.find_article(hit.article.id);
    if (!article) {
      failures.push_back(where + "find_article does not find the article");
      continue;
    }
    const pressclip::PassageSpan& span = hit.passage;
    if (span.start > span.end || span.end > article->text.size()) {
      failures.push_back(where + "passage " + std::to_string(span.start) + ".." +
                         std::to_string(span.end) + " lies outside the article text of " +
                         std::to_string(article->text.size()) + " bytes");
    } else if (hit.passage_text != article->text.substr(span.start, span.end - span.start)) {
      failures.push_back(where + "passage_text is not the article text at " +
                         std::to_string(span.start) + ".." + std::to_string(span.end));
    }
    if (hit.highlights.empty()) failures.push_back(where + "no highlight");
    std::size_t previous_end = 0;
    for (const pressclip::Highlight& highlight : hit.highlights) {
      if (highlight.start >= highlight.end || highlight.end > hit.passage_text.size() ||
          highlight.start < previous_end) {
        failures.push_back(where + "highlight " + std::to_string(highlight.start) + ".." +
                           std::to_string(highlight.end) + " is empty, out of order or outside " +
                           std::to_string(hit.passage_text.size()) + " bytes of passage");
      }
      previous_end = highlight.end;
    }
  }
}

// One reader thread: its own Searcher, searching, reading stats and articles, and reopening,
// until the writer is done and once more after that. An exception fails the round it is
// thrown in, not the thread: the next round reopens and goes on.
void read_while_writing(const std::string& index_path, Progress& progress, ReaderLog& log) {
  std::optional<pressclip::Searcher> searcher;
  try {
    searcher.emplace(index_path);
  } catch (...) {
    log.failures.push_back("opening the index: " + describe_current_exception());
    progress.update([&] { ++progress.readers_ready; });
    return;
  }
  std::vector<std::string> queries = kCorpusQueries;
  queries.push_back(kNewWord);
  std::map<std::string, std::size_t> last_matching;  // By query.
  std::size_t last_articles = 0;
  std::vector<std::size_t> new_counts;  // New articles matching, by round.
  for (bool first = true;; first = false) {
    // Decided before reopening: the round that starts after the writer finished sees every
    // article.
    const bool last_round = progress.writer_done;
    ++log.iterations;
    try {
      if (!first) searcher->reopen();
      for (const std::string& query : queries) {
        const auto results = searcher->search({.query = query, .limit = 10});
        check_hits(*searcher, query, results, log.failures);
        auto [known, inserted] = last_matching.try_emplace(query, results.matching_articles);
        if (!inserted && results.matching_articles < known->second) {
          log.failures.push_back("'" + query + "' matched " +
                                 std::to_string(results.matching_articles) + " articles after " +
                                 std::to_string(known->second));
        }
        known->second = results.matching_articles;
        if (query == kNewWord) {
          if (!new_counts.empty() && results.matching_articles > new_counts.back()) {
            ++log.increasing_reopens;
          }
          new_counts.push_back(results.matching_articles);
          progress.update(
              [&] { progress.most_seen = std::max(progress.most_seen, new_counts.back()); });
        }
      }
      const pressclip::IndexStats stats = searcher->stats();
      if (stats.articles < last_articles) {
        log.failures.push_back("stats: " + std::to_string(stats.articles) + " articles after " +
                               std::to_string(last_articles));
      }
      last_articles = stats.articles;
    } catch (...) {
      log.failures.push_back("round " + std::to_string(log.iterations) + ": " +
                             describe_current_exception());
    }
    if (first) progress.update([&] { ++progress.readers_ready; });
    if (last_round) break;
  }
  if (!new_counts.empty()) {
    log.first_new_count = new_counts.front();
    log.last_new_count = new_counts.back();
  }
  std::sort(new_counts.begin(), new_counts.end());
  log.distinct_new_counts = static_cast<std::size_t>(
      std::unique(new_counts.begin(), new_counts.end()) - new_counts.begin());
}

// Checks, on the main thread, what a worker thread collected.
void check_failures(const std::string& who, const std::vector<std::string>& failures) {
  CHECK_MESSAGE(failures.empty(), who << ": " << failures.size() << " failures");
  // Enough to see what went wrong without flooding the report.
  for (std::size_t i = 0; i < std::min<std::size_t>(failures.size(), 5); ++i) {
    FAIL_CHECK(who << ": " << failures[i]);
  }
}

}  // namespace

TEST_CASE("concurrent searchers, one per thread, search while a writer thread commits articles") {
  ConcurrencyFixture fixture;
  REQUIRE(fixture.corpus_report.articles_indexed == 5);
  std::size_t corpus_articles = 0;
  {
    pressclip::Searcher searcher(fixture.index_path());
    corpus_articles = searcher.stats().articles;
    for (const std::string& query : kCorpusQueries) {
      CAPTURE(query);
      CHECK(searcher.search({.query = query}).matching_articles > 0);
    }
    CHECK(searcher.search({.query = kNewWord}).matching_articles == 0);
  }

  Progress progress;
  std::vector<ReaderLog> logs(kReaderThreads);
  std::vector<std::string> writer_failures;
  const auto started = std::chrono::steady_clock::now();
  {
    std::vector<std::jthread> threads;
    for (ReaderLog& log : logs) {
      threads.emplace_back(
          [&, log_ptr = &log] { read_while_writing(fixture.index_path(), progress, *log_ptr); });
    }
    // The writer starts once every reader has searched the index before any new article,
    // and goes on past half only once a reader has found the first half.
    threads.emplace_back([&] {
      write_new_articles(fixture.index_path(), fixture.new_files, progress, writer_failures,
                         [&](std::size_t i) {
                           return progress.readers_ready == kReaderThreads &&
                                  (i < kNewArticles / 2 || progress.most_seen >= kNewArticles / 2);
                         });
    });
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  INFO("readers and writer took " << elapsed.count() << " ms");

  check_failures("writer", writer_failures);
  CHECK(progress.committed == kNewArticles);
  std::size_t increasing_reopens = 0;
  for (std::size_t i = 0; i < logs.size(); ++i) {
    const ReaderLog& log = logs[i];
    INFO("reader " << i << ": " << log.iterations << " rounds, " << log.increasing_reopens
                   << " reopens that found more, " << log.distinct_new_counts
                   << " distinct counts of new articles");
    check_failures("reader " + std::to_string(i), log.failures);
    // Every reader searched before the first commit and again after the last.
    CHECK(log.first_new_count == 0);
    CHECK(log.last_new_count == kNewArticles);
    increasing_reopens += log.increasing_reopens;
  }
  CHECK(increasing_reopens > 0);

  // A Searcher opened now sees every article the writer added.
  pressclip::Searcher fresh(fixture.index_path());
  const auto results = fresh.search({.query = kNewWord, .limit = 2 * kNewArticles});
  CHECK(results.matching_articles == kNewArticles);
  CHECK(results.hits.size() == kNewArticles);
  CHECK(fresh.stats().articles == corpus_articles + kNewArticles);
  for (const std::string& file : fixture.new_files) {
    CAPTURE(file);
    CHECK(fresh.find_article(file).has_value());
  }
}

TEST_CASE("concurrent writer: a searcher that is not reopened reads one snapshot, never older") {
  ConcurrencyFixture fixture;
  REQUIRE(fixture.corpus_report.articles_indexed == 5);
  const std::size_t corpus_articles = 5;

  // Two readers, each in its own thread with its own Searcher that it does not reopen until
  // the writer is done: the early one opens before the first new article is committed, the
  // late one once half of them are. The writer commits one article after each opens, then
  // waits for it to check that it still sees exactly what it saw when it opened (Xapian keeps
  // a reader's revision until the writer's second commit after it). After that, a searcher
  // that is not reopened may catch up with the writer on its own (searcher.cpp retries a
  // read on a newer revision when the writer discarded the one being read) but must never
  // go back, nor see more articles than were committed.
  struct SnapshotLog {
    std::vector<std::string> failures;
    bool opened = false;   // Under progress.mutex.
    bool checked = false;  // Checked its snapshot after one commit; under progress.mutex.
    std::size_t rounds = 0;
    std::size_t opened_with = 0;   // New articles matching when it opened.
    std::size_t catch_ups = 0;     // Rounds that saw more than the last without reopen().
    std::size_t last_seen = 0;     // New articles matching in its last round.
    std::size_t after_reopen = 0;  // New articles matching after reopen() at the end.
  };
  Progress progress;
  SnapshotLog early;
  SnapshotLog late;
  std::vector<std::string> writer_failures;

  auto keep_snapshot = [&](SnapshotLog& log, std::size_t open_after_commits) {
    // However this reader leaves, the writer must not wait for it.
    struct Release {
      Progress& progress;
      SnapshotLog& log;
      ~Release() {
        progress.update([this] { log.opened = log.checked = true; });
      }
    } release{progress, log};
    std::optional<pressclip::Searcher> searcher;
    std::size_t new_count = 0;
    std::size_t niger_count = 0;
    std::size_t articles = 0;
    try {
      if (!progress.wait_for([&] { return progress.committed >= open_after_commits; })) {
        log.failures.push_back("the writer did not commit " + std::to_string(open_after_commits));
        return;
      }
      searcher.emplace(fixture.index_path());
      new_count = searcher->search({.query = kNewWord}).matching_articles;
      niger_count = searcher->search({.query = "Niger"}).matching_articles;
      articles = searcher->stats().articles;
      log.opened_with = new_count;
      if (niger_count != corpus_articles + new_count || articles != corpus_articles + new_count) {
        log.failures.push_back("opened on a torn index: " + std::to_string(new_count) + " new, " +
                               std::to_string(niger_count) + " Niger, " + std::to_string(articles) +
                               " articles");
      }
      progress.update([&] { log.opened = true; });

      // Exactly one commit after it opened: still the same snapshot.
      if (!progress.wait_for([&] { return progress.committed > new_count; })) {
        log.failures.push_back("the writer did not commit after the reader opened");
        return;
      }
      const std::size_t one_later_new = searcher->search({.query = kNewWord}).matching_articles;
      const std::size_t one_later_niger = searcher->search({.query = "Niger"}).matching_articles;
      const std::size_t one_later_articles = searcher->stats().articles;
      if (one_later_new != new_count || one_later_niger != niger_count ||
          one_later_articles != articles) {
        log.failures.push_back(
            "one commit later, without reopen: " + kNewWord + " " + std::to_string(new_count) +
            " -> " + std::to_string(one_later_new) + ", Niger " + std::to_string(niger_count) +
            " -> " + std::to_string(one_later_niger) + ", articles " + std::to_string(articles) +
            " -> " + std::to_string(one_later_articles));
      }
    } catch (...) {
      log.failures.push_back("opening: " + describe_current_exception());
      return;
    }
    progress.update([&] { log.checked = true; });

    // Rounds while the writer commits, then one after its last commit, never reopening.
    std::size_t last_new = new_count;
    std::size_t last_articles = articles;
    for (bool last_round = false; !last_round;) {
      last_round = progress.writer_done;
      ++log.rounds;
      const std::string round = "round " + std::to_string(log.rounds) + ": ";
      try {
        const auto now_new = searcher->search({.query = kNewWord, .limit = 2 * kNewArticles});
        if (now_new.matching_articles < last_new || now_new.matching_articles > kNewArticles) {
          log.failures.push_back(round + kNewWord + " matched " +
                                 std::to_string(now_new.matching_articles) + " after " +
                                 std::to_string(last_new));
        }
        if (now_new.hits.size() != now_new.matching_articles) {
          log.failures.push_back(round + std::to_string(now_new.hits.size()) + " hits for " +
                                 std::to_string(now_new.matching_articles) + " matching");
        }
        if (now_new.matching_articles > last_new) ++log.catch_ups;
        last_new = now_new.matching_articles;
        const std::size_t now_articles = searcher->stats().articles;
        if (now_articles < last_articles || now_articles > corpus_articles + kNewArticles) {
          log.failures.push_back(round + std::to_string(now_articles) + " articles after " +
                                 std::to_string(last_articles));
        }
        last_articles = now_articles;
      } catch (...) {
        log.failures.push_back(round + describe_current_exception());
      }
    }
    log.last_seen = last_new;
    try {
      searcher->reopen();
      log.after_reopen = searcher->search({.query = kNewWord, .limit = 100}).matching_articles;
    } catch (...) {
      log.failures.push_back("reopening at the end: " + describe_current_exception());
    }
  };

  {
    std::vector<std::jthread> threads;
    threads.emplace_back([&] { keep_snapshot(early, 0); });
    threads.emplace_back([&] { keep_snapshot(late, kNewArticles / 2); });
    // Article 0 waits for the early reader to open, article 1 for it to check its snapshot;
    // article kNewArticles / 2 waits for the late reader to open, the next one for its check.
    threads.emplace_back([&] {
      write_new_articles(fixture.index_path(), fixture.new_files, progress, writer_failures,
                         [&](std::size_t i) {
                           return early.opened && (i < 1 || early.checked) &&
                                  (i < kNewArticles / 2 || late.opened) &&
                                  (i < kNewArticles / 2 + 1 || late.checked);
                         });
    });
  }

  INFO("without reopen, the early reader caught up "
       << early.catch_ups << " times in " << early.rounds << " rounds (last saw " << early.last_seen
       << "), the late one " << late.catch_ups << " times in " << late.rounds
       << " rounds (last saw " << late.last_seen << ")");
  check_failures("writer", writer_failures);
  check_failures("early reader", early.failures);
  check_failures("late reader", late.failures);
  CHECK(progress.committed == kNewArticles);
  CHECK(early.opened_with == 0);
  CHECK(late.opened_with == kNewArticles / 2);
  CHECK(early.after_reopen == kNewArticles);
  CHECK(late.after_reopen == kNewArticles);
}
