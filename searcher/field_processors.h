// Query-parser handlers for the filter fields: exact values (source:, language:) and dates.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "pressclip/error.h"
#include "schema/name_aliases.h"
#include "schema/text_analyzer.h"
#include "searcher/date_filter.h"

namespace pressclip::searcher {

/// The first problem the field processors found in a query. Xapian 1.4's QueryParser leaks
/// its parser state when an exception crosses parse_query (found by fuzz/fuzz_search), so
/// the processors never throw: they record the problem here and return a query that matches
/// nothing, and QueryBuilder::parse throws it once parse_query has returned.
class FieldProblems {
 public:
  /// Keeps `error` unless a problem is already recorded.
  void record(const Error& error) {
    if (!first_) first_ = error;
  }
  /// Forgets what was recorded.
  void clear() noexcept { first_.reset(); }
  /// Throws the recorded problem, if any, and forgets it.
  void throw_first() {
    if (!first_) return;
    const Error error = *first_;
    first_.reset();
    throw error;
  }

 private:
  std::optional<Error> first_;
};

/// `source:BBC`, `source:"The Telegraph"`, `agency:AFP`, `language:en`, `id:...`: the
/// value is mapped to its canonical name if the field has an alias table (`source:bbc news`
/// is `source:BBC`), normalised as indexed values are (case, diacritics, spacing) and
/// becomes one filter term.
class ExactValueFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `normalise` is false for fields whose values are stored verbatim (ids). `aliases` may
  /// be null; if not, it must outlive the processor, as must `problems`, where a value
  /// with nothing to search for is recorded.
  ExactValueFieldProcessor(schema::TextAnalyzer& analyzer, std::string prefix, std::string name,
                           bool normalise, const schema::NameAliases* aliases,
                           FieldProblems& problems)
      : analyzer_(analyzer),
        prefix_(std::move(prefix)),
        name_(std::move(name)),
        normalise_(normalise),
        aliases_(aliases),
        problems_(problems) {}

  Xapian::Query operator()(const std::string& value) override;

 private:
  schema::TextAnalyzer& analyzer_;
  std::string prefix_;
  std::string name_;
  bool normalise_;
  const schema::NameAliases* aliases_;
  FieldProblems& problems_;
};

/// `date:2023-08-03`, `date:2023-08`, `date:2023`, `date:A..B`, `date:A..`, `date:..B`,
/// with relative bounds (`date:-7d..`, `date:yesterday`; searcher/relative_dates.h).
/// An article matches when the whole period of its date lies inside the range (so an
/// article dated only "2023-08" matches date:2023-08 and date:2023, but not
/// date:2023-08-01..2023-08-15). Undated articles never match a date filter. A malformed
/// date or an empty range is recorded in `problems` (kBadQuery).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `context` and `problems` must outlive the processor; `context` is read at each query.
  DateFieldProcessor(const DateFilterContext& context, FieldProblems& problems)
      : context_(context), problems_(problems) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  const DateFilterContext& context_;
  FieldProblems& problems_;
};

}  // namespace pressclip::searcher
