// `pressclip search`: ranked, highlighted passages for a query.
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "choice_option.h"
#include "command.h"
#include "escaped_text.h"
#include "pressclip/searcher.h"
#include "printer.h"
#include "settings.h"

namespace pressclip::cli {
namespace {

constexpr const char* kQueryLanguageHelp =
    "Query language (docs/query-language.md):\n"
    "  wagner niger               both words, anywhere in the article (as wagner AND niger)\n"
    "  A OR B, A NOT B, -A, ( )   boolean operators, in capitals\n"
    "  \"military intervention\"    a phrase; a quoted single word matches that form only\n"
    "  A NEAR/5 B                 words within 5 words of each other, any order\n"
    "  milit*                     words starting with milit\n"
    "  source:BBC  source:\"The Telegraph\"  agency:AFP  language:en  title:coup\n"
    "  date:2023-08-03  date:2023-08  date:2023-07-26..2023-08-15  date:2023-08-01..\n"
    "  date:today  date:yesterday  date:-7d..  date:-2w..-1w  (d days, w weeks, m months, "
    "y years back)\n"
    "A query that starts with '-' needs '--' before it: pressclip search -- -wagner\n";

// The limits of a query (pressclip/searcher.h), one line.
std::string limits_help() {
  return "Limits: " + std::to_string(kMaxQueryBytes / 1024) + " KiB and " +
         std::to_string(kMaxQueryTerms) + " terms per query, " + std::to_string(kMaxPhraseWords) +
         " words per phrase or NEAR group, " + std::to_string(kMaxWildcards) +
         " wildcards of at most " + std::to_string(kMaxWildcardExpansion) + " words each\n";
}

class SearchCommand : public Command {
 public:
  void add_options(CLI::App& app) override {
    app.add_option("query", query_words_,
                   "The query; several arguments are joined with spaces (quote phrases for the "
                   "shell: '\"military intervention\"')")
        ->required()
        ->type_name("QUERY");
    add_read_options(app, read_settings_);
    app.add_option("-n,--limit", options_.limit, "Passages to print at most (default 10)")
        ->check(CLI::Range(1, 1000000).description(""))
        ->type_name("N");
    app.add_option("--offset", options_.offset, "Ranked passages to skip first, for paging")
        ->check(CLI::Range(0, 1000000).description(""))
        ->type_name("N");
    app.add_option("--per-article", options_.per_article,
                   "Passages per article at most (default 1); only passages that match count")
        ->check(CLI::Range(1, 1000000).description(""))
        ->type_name("N");
    add_choice_option(app, "--sort", options_.sort,
                      {{"relevance", SortOrder::kRelevance},
                       {"date", SortOrder::kDateAscending},
                       {"-date", SortOrder::kDateDescending}},
                      "Order: relevance (best passage first; the default), date (oldest first) "
                      "or -date (newest first); undated articles come last")
        ->option_text("ORDER");
    app.add_option("-C,--context", options_.context_sentences,
                   "Whole sentences to show before and after each passage (default 0)")
        ->check(CLI::Range(0, 100).description(""))
        ->type_name("N");
    add_choice_option(app, "--scope", options_.scope,
                      {{"article", SearchScope::kArticle}, {"passage", SearchScope::kPassage}},
                      "Where the query must hold: article (anywhere in the article; the "
                      "default) or passage (every AND-ed part inside the one passage shown; "
                      "NOT and field filters still apply to the whole article)")
        ->option_text("SCOPE");
    app.add_option("--since", options_.since,
                   "Only articles dated on or after DATE (as a date: bound: 2023-07, -7d, "
                   "yesterday)")
        ->type_name("DATE");
    app.add_option("--until", options_.until, "Only articles dated on or before DATE")
        ->type_name("DATE");
    app.add_option("--today", today_,
                   "The date relative dates count from, YYYY-MM-DD (default: $PRESSCLIP_TODAY, "
                   "else the system clock)")
        ->type_name("DATE");
    add_choice_option(app, "--inferred-dates", include_inferred_,
                      {{"include", true}, {"exclude", false}},
                      "Whether date filters match articles whose date was inferred from their "
                      "text (no date in their metadata): include (the default) or exclude")
        ->option_text("WHAT");
    app.add_option("--recency", recency_,
                   "Blend recency into relevance: an article one HALF_LIFE old (30d, 2w, 6m, "
                   "1y; a bare number is days) has half the BM25 part of its score; undated "
                   "ones count as one half-life old (docs/ranking.md)")
        ->type_name("HALF_LIFE");
    app.add_flag("--facets", facets_,
                 "After the passages, count all matching articles by source, agency and month");
    CLI::Option* timeline =
        app.add_flag("--timeline", timeline_,
                     "After the passages, draw a histogram of all matching articles over time");
    add_bucket_option(app, bucket_, timeline);
    app.add_flag("--explain", options_.explain,
                 "Print how the query was understood (normalised query, Xapian's parse with "
                 "filters, each word/phrase/NEAR/wildcard part with its weight and the words it "
                 "matches) and, under each passage, its score by part");
    app.add_flag("--json", json_, "Print one JSON object per passage (docs/output-format.md)");
    add_color_option(app, color_);
    app.add_option("--timeout", timeout_seconds_,
                   "Stop a search still running after SECONDS and exit with status 3 (default "
                   "10; 0: no limit)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
              // Any number of seconds from 0 up ("0.5", "30"); not "-1", "nan" or "inf".
              char* end = nullptr;
              const double seconds = std::strtod(value.c_str(), &end);
              const bool number = end != value.c_str() && *end == '\0';
              return number && seconds >= 0 && std::isfinite(seconds)
                         ? std::string()
                         : "'" + value + "' is not a number of seconds, 0 (no limit) or more";
            },
            ""))
        ->type_name("SECONDS");
    app.footer(std::string(kQueryLanguageHelp) + limits_help() + database_help_footer() +
               "\nExit status: 0 passages found, 1 nothing found, 2 error, 3 timed out "
               "(--timeout).");
  }

  int run() override {
    for (const std::string& word : query_words_) {
      if (!options_.query.empty()) options_.query += ' ';
      options_.query += word;
    }
    options_.today = resolve_today(today_);
    options_.include_inferred_dates = include_inferred_;
    if (!recency_.empty()) options_.recency_half_life_days = parse_half_life_days(recency_);
    options_.facets = facets_ || timeline_;
    options_.timeout = timeout_from_seconds(timeout_seconds_);
    Searcher searcher(searcher_options(read_settings_));
    const SearchResults results = searcher.search(options_);
    auto printer = json_ ? make_json_printer(std::cout)
                         : make_text_printer(std::cout, Styles::make(should_color(color_)));
    if (!results.missing_shards.empty()) printer->missing_shards(results.missing_shards);
    if (results.explanation) {
      printer->query_explanation(*results.explanation, results.matching_articles);
    }
    for (const SearchHit& hit : results.hits) printer->hit(hit);
    if (results.facets && facets_) printer->facets(*results.facets);
    if (results.facets && timeline_) {
      printer->timeline(make_timeline(results.facets->dates, bucket_));
    }
    std::cout.flush();
    // A hint, not a result: on standard error, so that output stays hits only.
    if (!results.suggested_query.empty()) {
      std::cerr << "pressclip: did you mean: " << escaped_for_terminal(results.suggested_query)
                << '\n';
    }
    return results.hits.empty() ? kExitNothingFound : kExitFound;
  }

 private:
  std::vector<std::string> query_words_;
  ReadSettings read_settings_;
  SearchOptions options_;
  std::string today_;
  std::string recency_;
  double timeout_seconds_ = static_cast<double>(kDefaultSearchTimeout.count()) / 1000.0;
  bool include_inferred_ = true;
  bool timeline_ = false;
  bool facets_ = false;
  TimelineBucket bucket_ = TimelineBucket::kAuto;
  bool json_ = false;
  ColorChoice color_ = ColorChoice::kAuto;
};

}  // namespace

std::unique_ptr<Command> make_search_command() { return std::make_unique<SearchCommand>(); }

}  // namespace pressclip::cli
