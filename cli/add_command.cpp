// `pressclip add`: index one article from a file or standard input, for pipelines.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "command.h"
#include "index_lock.h"
#include "interrupt.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/searcher.h"
#include "printer.h"
#include "settings.h"

namespace pressclip::cli {
namespace {

class AddCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("file", file_,
                   "The article: a file, or - (the default) for standard input; front matter "
                   "gives its metadata")
        ->type_name("FILE|-");
    app.add_option("--id", id_,
                   "Its id (1-128 printable ASCII characters: no space, quote, parenthesis or "
                   "backslash); an article with this id is "
                   "replaced. Default: a file's usual id; for standard input, derived from the "
                   "text, so the same text added twice is one article")
        ->type_name("ID");
    add_database_option(app, database_);
    app.add_flag("--wait", wait_,
                 "If another process is updating the index, wait for it instead of failing");
    app.add_flag("--json", json_, "Print {\"format_version\":1,\"id\":ID} instead of the id");
    app.footer(
        database_help_footer() +
        "\nA FILE without --id is indexed as `index FILE` would (its path recorded, so "
        "later runs track it). Prints the article's id (one line per article for a JSON Lines "
        "or mbox file). Exit status: 0 added, 2 error "
        "(not an article, bad id, ...), 75 the index is being updated by another "
        "process (without --wait).");
  }

  int run() override {
    const bool from_file = !file_.empty() && file_ != "-";
    std::error_code error;
    if (from_file && !std::filesystem::is_regular_file(file_, error)) {
      // A FIFO or a device is refused before it is read: reading one could wait forever.
      if (std::filesystem::exists(file_, error))
        throw Error(ErrorKind::kBadArgument, file_ + " is not a regular file");
      throw Error(ErrorKind::kNotFound, "no such file: " + file_);
    }
    IndexerOptions options;
    options.database_path = resolve_database_path(database_);
    const InterruptFlag interrupt;
    std::unique_ptr<Indexer> indexer = open_indexer(options, wait_);
    std::vector<std::string> ids;
    if (from_file && id_.empty()) {
      IndexRunOptions run;
      run.on_warning = [](const IndexWarning& warning) { print_file_warning(warning); };
      const IndexReport report = indexer->index_paths({file_}, run);
      if (report.files_skipped > 0) {
        throw Error(ErrorKind::kBadArgument,
                    file_ + " is not an article: " + report.warnings.back().reason);
      }
      // The file's text may already be another article's: the file then joins it. A file
      // of several articles (JSON Lines, mbox) gives one id per article.
      ids = Searcher(options.database_path).article_ids_of_file(file_);
      if (ids.empty()) ids.push_back(Indexer::article_id_for_path(file_));
    } else {
      ids.push_back(indexer->add_article(read_input(from_file), id_));
      indexer->commit();
    }
    for (const std::string& id : ids) {
      if (json_) {
        std::cout
            << nlohmann::ordered_json{{"format_version", kJsonFormatVersion}, {"id", id}}.dump()
            << '\n';
      } else {
        std::cout << id << '\n';
      }
    }
    return kExitFound;
  }

 private:
  std::string read_input(bool from_file) const {
    std::ifstream file;
    if (from_file) file.open(file_, std::ios::binary);
    std::istream& in = from_file ? static_cast<std::istream&>(file) : std::cin;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
      throw Error(ErrorKind::kIo, "cannot read " + (from_file ? file_ : "standard input"));
    return text;
  }

  std::string file_;
  std::string id_;
  std::string database_;
  bool wait_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_add_command() { return std::make_unique<AddCommand>(); }

}  // namespace pressclip::cli
