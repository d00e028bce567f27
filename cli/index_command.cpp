// `pressclip index`: add or update articles from files and directories.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "choice_option.h"
#include "command.h"
#include "escaped_text.h"
#include "index_lock.h"
#include "index_watch.h"
#include "interrupt.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "printer.h"
#include "progress_bar.h"
#include "settings.h"

namespace pressclip::cli {
namespace {

class IndexCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("paths", paths_, "Article files and directories to index (walked recursively)")
        ->required()
        ->type_name("PATH");
    add_database_option(app, database_);
    app.add_option("--manifest", manifests_,
                   "Metadata manifest (TSV with a 'file' column) to apply; repeatable. "
                   "*.tsv files inside indexed directories are read as manifests too")
        ->type_name("FILE");
    app.add_option("--stemmer", stemmer_,
                   "Snowball stemmer language of a new index (default english); an existing "
                   "index keeps its own")
        ->type_name("LANGUAGE");
    app.add_option("--batch-size", batch_articles_,
                   "Articles per batch: each commit is atomic and holds whole batches, so an "
                   "interrupted run loses at most the batches since the last commit (commits "
                   "are at least 0.25 s apart, at most 8 batches each)")
        ->check(CLI::Range(1, 1000000).description(""))
        ->default_val(IndexerOptions{}.batch_articles)
        ->type_name("N");
    app.add_option("-j,--jobs", writers_,
                   "Writer threads when a run fills an empty index with at least " +
                       std::to_string(kParallelBuildMinimumArticles) +
                       " articles: they build shards in parallel, merged into one compact index "
                       "at the end (an interrupted parallel build starts over). 0 means one per "
                       "core; 1 commits batch by batch. A date-sharded index (--shard-by) is "
                       "always written by one writer")
        ->check(CLI::Range(0, 64).description(""))
        ->default_val(0)
        ->type_name("N");
    add_choice_option(app, "--shard-by", shard_by_,
                      {{"year", DateSharding::kYear}, {"month", DateSharding::kMonth}},
                      "Make a new index date-sharded: --db DIR becomes a directory of one index "
                      "per year (YYYY) or month (YYYY-MM; an article dated only to a year goes in "
                      "YYYY), plus 'undated', listed in the Xapian stub file DIR/XAPIANDB, so that "
                      "a search of a date range opens only the shards it needs. An article "
                      "moves when its date changes. Later runs, add and rm keep the index's "
                      "sharding without this option; naming another, or sharding an existing "
                      "unsharded index, is an error")
        ->default_str("")
        ->option_text("year|month");
    app.add_option("--source-aliases", source_aliases_,
                   "Source alias table (TSV: canonical name, then its aliases) that maps the "
                   "names sources are given under to one name; extends the built-in table and "
                   "stays in force for later runs and for searches")
        ->type_name("FILE");
    app.add_flag("--rebuild", rebuild_,
                 "Build a new index of PATHs from scratch beside the old one, then swap it in "
                 "in one step: searches see the old index until the new one is complete");
    app.add_flag("--watch", watch_,
                 "After bringing the index up to date, keep running: index files as they are "
                 "closed after writing or moved in, forget deleted ones (new articles are "
                 "searchable within a second); stop with Ctrl-C or SIGTERM");
    app.add_flag("--wait", wait_,
                 "If another process is updating the index, wait for it instead of failing");
    app.add_flag("-v,--verbose", verbose_, "Also print a line per skipped file in the report");
    app.add_flag("--json", json_, "Print the report as one JSON object");
    app.add_flag("-q,--quiet", quiet_,
                 "Print no report and no progress (warnings still go to standard error)");
    app.footer(database_help_footer() +
               "\nFiles inside directories are articles if they end in .txt, .text, .md or "
               ".markdown. A run reads only new and changed files (size and modification time, "
               "then a hash of the text), records moved and duplicated files without reading "
               "them again, and forgets articles whose files are gone from under PATHs. Broken "
               "files are skipped with a warning. A progress line is drawn on standard error "
               "when it is a terminal. " +
               source_aliases_help() +
               "\nExit status: 0 done, every article file indexed; 1 done, but some files were "
               "skipped (each named in a warning); 2 error, nothing or not everything done; 75 "
               "the index is being updated by another process (without --wait); 130/143 "
               "interrupted by SIGINT/SIGTERM after committing what was done (the next run "
               "goes on from there).");
  }

  int run() override {
    const auto started = std::chrono::steady_clock::now();
    // Refuse a missing path before the index is opened (and perhaps created).
    for (const std::string& path : paths_) require_path(path, "no such file or directory: ");
    for (const std::string& path : manifests_) require_path(path, "no such manifest: ");
    IndexerOptions options;
    options.database_path = resolve_database_path(database_);
    options.stemmer_language = stemmer_;
    options.batch_articles = batch_articles_;
    options.writers = writers_;
    options.shard_by = shard_by_;
    AliasFile aliases = read_source_alias_file(source_aliases_);
    options.source_aliases = std::move(aliases.text);
    options.source_aliases_name = std::move(aliases.name);
    const InterruptFlag interrupt;
    std::unique_ptr<Indexer> indexer = open_indexer(options, wait_);

    ProgressBar bar;
    IndexRunOptions run_options;
    run_options.manifests = manifests_;
    run_options.on_warning = [&](const IndexWarning& warning) {
      bar.clear();
      print_file_warning(warning);
    };
    if (!quiet_)
      run_options.on_progress = [&](const IndexProgress& progress) { bar.update(progress); };
    run_options.stop = interrupt.stop();
    const IndexReport report = rebuild_ ? indexer->rebuild(paths_, run_options)
                                        : indexer->index_paths(paths_, run_options);
    bar.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!quiet_) {
      auto printer = json_ ? make_json_printer(std::cout) : make_text_printer(std::cout, Styles{});
      printer->index_summary({report, options.database_path, seconds});
      if (verbose_ && !json_) {
        for (const IndexWarning& warning : report.warnings) {
          if (warning.skipped) {
            std::cout << "skipped " << escaped_path(warning.path) << ": "
                      << escaped_for_terminal(warning.reason) << '\n';
          }
        }
      }
    }
    if (report.interrupted) return interrupted_exit_status();
    if (watch_)
      return watch_paths(*indexer, options.database_path, paths_, run_options, quiet_, json_);
    return report.files_skipped > 0 ? kExitSkippedFiles : kExitFound;
  }

 private:
  // Throws Error kNotFound "MISSING PATH" if nothing is at `path`, kIo if what is there
  // cannot be told (a symbolic link loop, a path too long, permission denied).
  static void require_path(const std::string& path, const std::string& missing) {
    std::error_code error;
    if (std::filesystem::exists(path, error)) return;
    if (!error || error == std::errc::no_such_file_or_directory) {
      throw Error(ErrorKind::kNotFound, missing + path);
    }
    throw Error(ErrorKind::kIo, "cannot read " + path + ": " + error.message());
  }

  std::vector<std::string> paths_;
  std::vector<std::string> manifests_;
  std::string database_;
  std::string stemmer_;
  std::string source_aliases_;
  std::size_t batch_articles_ = IndexerOptions{}.batch_articles;
  std::size_t writers_ = 0;
  DateSharding shard_by_ = DateSharding::kNone;
  bool rebuild_ = false;
  bool watch_ = false;
  bool wait_ = false;
  bool verbose_ = false;
  bool json_ = false;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_index_command() { return std::make_unique<IndexCommand>(); }

}  // namespace pressclip::cli
