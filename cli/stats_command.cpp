// `pressclip stats`: what the index holds.
#include <iostream>

#include "choice_option.h"
#include "command.h"
#include "pressclip/searcher.h"
#include "printer.h"
#include "settings.h"

namespace pressclip::cli {
namespace {

class StatsCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    add_read_options(app, read_settings_);
    CLI::Option* timeline =
        app.add_flag("--timeline", timeline_,
                     "Also draw a histogram of all articles over time (a second JSON object with "
                     "--json)");
    add_bucket_option(app, bucket_, timeline);
    app.add_flag("--json", json_, "Print the statistics as one JSON object");
    add_color_option(app, color_);
    app.footer(database_help_footer() + "\nExit status: 0 printed, 2 error.");
  }

  int run() override {
    Searcher searcher(searcher_options(read_settings_));
    auto printer = json_ ? make_json_printer(std::cout)
                         : make_text_printer(std::cout, Styles::make(should_color(color_)));
    const IndexStats stats = searcher.stats();
    if (!stats.missing_shards.empty()) printer->missing_shards(stats.missing_shards);
    printer->stats(stats);
    if (timeline_) printer->timeline(make_timeline(stats.facets.dates, bucket_));
    return kExitFound;
  }

 private:
  ReadSettings read_settings_;
  bool json_ = false;
  bool timeline_ = false;
  TimelineBucket bucket_ = TimelineBucket::kAuto;
  ColorChoice color_ = ColorChoice::kAuto;
};

}  // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

}  // namespace pressclip::cli
