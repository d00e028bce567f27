// Output of command results: one interface, a text and a JSON implementation.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "pressclip/article.h"
#include "pressclip/indexer.h"
#include "pressclip/searcher.h"
#include "pressclip/timeline.h"
#include "terminal.h"

namespace pressclip::cli {

/// The version of the --json output schema (docs/output-format.md). Every JSON object that
/// pressclip prints carries it as "format_version".
inline constexpr int kJsonFormatVersion = kResultFormatVersion;

/// What an indexing run reports, beside the library's report.
struct IndexSummary {
  const IndexReport& report;
  std::string database_path;
  double seconds = 0.0;
};

/// Prints results. Text output is for people (colour optional); JSON output is one object
/// per line, for programs.
class Printer {
 public:
  virtual ~Printer() = default;
  /// The shards a partial answer lacks (--allow-partial), printed before it: a warning on
  /// standard error in text, a first line {"missing_shards":[...]} in JSON.
  virtual void missing_shards(const std::vector<MissingShard>& missing) = 0;
  /// How a search query was understood (`search --explain`), printed before its hits.
  virtual void query_explanation(const QueryExplanation& explanation,
                                 std::size_t matching_articles) = 0;
  /// One ranked passage of a search, with why it scored so if `hit.explanation` is set.
  virtual void hit(const SearchHit& hit) = 0;
  /// An article with metadata, provenance and passages.
  virtual void article(const ArticleRecord& record) = 0;
  /// Counts of the articles a search matched (`search --facets`), after its hits.
  virtual void facets(const Facets& facets) = 0;
  /// A histogram of articles over time (`search --timeline`, `stats`).
  virtual void timeline(const Timeline& timeline) = 0;
  /// Index statistics, with the same breakdowns as facets and a timeline.
  virtual void stats(const IndexStats& stats) = 0;
  /// The outcome of `pressclip index`.
  virtual void index_summary(const IndexSummary& summary) = 0;
};

std::unique_ptr<Printer> make_text_printer(std::ostream& out, Styles styles);
std::unique_ptr<Printer> make_json_printer(std::ostream& out);

/// Prints "pressclip: warning: MESSAGE" on standard error, MESSAGE made safe for a terminal
/// (escaped_for_terminal).
void print_warning(const std::string& message);

/// Prints "pressclip: warning: PATH: REASON" on standard error for a problem with one input
/// file, with " (skipped)" at the end if it was not indexed. PATH is escaped (escaped_path),
/// so that a name holding a line break or an escape sequence prints as one harmless line.
void print_file_warning(const IndexWarning& warning);

}  // namespace pressclip::cli
