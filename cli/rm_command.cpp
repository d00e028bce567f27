// `pressclip rm`: remove articles by id or by the path of their file.
#include <iostream>

#include "command.h"
#include "escaped_text.h"
#include "index_lock.h"
#include "interrupt.h"
#include "pressclip/indexer.h"
#include "settings.h"

namespace pressclip::cli {
namespace {

class RmCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("articles", articles_,
                   "Article ids (as search and show print them), paths of indexed files (every "
                   "article of a JSON Lines or mbox file), or PATH#RECORD for one of them")
        ->required()
        ->type_name("ID|PATH");
    add_database_option(app, database_);
    app.add_flag("--wait", wait_,
                 "If another process is updating the index, wait for it instead of failing");
    app.footer(database_help_footer() +
               "\nThe file itself is left alone; a later `index` of its directory adds it "
               "again. Exit status: 0 all removed, 1 some were not in the index (named on "
               "standard error), 2 error, 75 the index is being updated by another process "
               "(without --wait).");
  }

  int run() override {
    IndexerOptions options;
    options.database_path = resolve_database_path(database_);
    const InterruptFlag interrupt;
    std::unique_ptr<Indexer> indexer = open_indexer(options, wait_);
    int status = kExitFound;
    for (const std::string& article : articles_) {
      if (!indexer->remove_article(article)) {
        std::cerr << "pressclip: no article with id or path '" << escaped_path(article) << "'\n";
        status = kExitNothingFound;
      }
    }
    indexer->commit();  // All removals at once.
    return status;
  }

 private:
  std::vector<std::string> articles_;
  std::string database_;
  bool wait_ = false;
};

}  // namespace

std::unique_ptr<Command> make_rm_command() { return std::make_unique<RmCommand>(); }

}  // namespace pressclip::cli
