// `pressclip show`: one article's metadata, with where each value came from, and passages.
#include <iostream>

#include "command.h"
#include "escaped_text.h"
#include "pressclip/searcher.h"
#include "printer.h"
#include "settings.h"

namespace pressclip::cli {
namespace {

class ShowCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("article", article_,
                   "Article id (as search prints it), the path of its file, or PATH#RECORD "
                   "for one article of a JSON Lines or mbox file")
        ->required()
        ->type_name("ID|PATH");
    add_read_options(app, read_settings_);
    app.add_flag("--json", json_, "Print the article as one JSON object");
    add_color_option(app, color_);
    app.footer(database_help_footer() + "\nExit status: 0 shown, 1 no such article, 2 error.");
  }

  int run() override {
    Searcher searcher(searcher_options(read_settings_));
    const std::optional<ArticleRecord> record = searcher.find_article(article_);
    if (!record) {
      std::cerr << "pressclip: no article with id or path '" << escaped_path(article_) << "'\n";
      return kExitNothingFound;
    }
    auto printer = json_ ? make_json_printer(std::cout)
                         : make_text_printer(std::cout, Styles::make(should_color(color_)));
    printer->article(*record);
    return kExitFound;
  }

 private:
  std::string article_;
  ReadSettings read_settings_;
  bool json_ = false;
  ColorChoice color_ = ColorChoice::kAuto;
};

}  // namespace

std::unique_ptr<Command> make_show_command() { return std::make_unique<ShowCommand>(); }

}  // namespace pressclip::cli
