// Query-parser handlers for the filter fields: exact values (source:, language:) and dates.
#pragma once

#include <xapian.h>

#include <string>

#include "schema/name_aliases.h"
#include "schema/text_analyzer.h"
#include "searcher/date_filter.h"

namespace pressclip::searcher {

/// `source:BBC`, `source:"The Telegraph"`, `agency:AFP`, `language:en`, `id:...`: the
/// value is mapped to its canonical name if the field has an alias table (`source:bbc news`
/// is `source:BBC`), normalised as indexed values are (case, diacritics, spacing) and
/// becomes one filter term.
class ExactValueFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `normalise` is false for fields whose values are stored verbatim (ids). `aliases` may
  /// be null; if not, it must outlive the processor.
  ExactValueFieldProcessor(schema::TextAnalyzer& analyzer, std::string prefix, std::string name,
                           bool normalise, const schema::NameAliases* aliases)
      : analyzer_(analyzer),
        prefix_(std::move(prefix)),
        name_(std::move(name)),
        normalise_(normalise),
        aliases_(aliases) {}

  Xapian::Query operator()(const std::string& value) override;

 private:
  schema::TextAnalyzer& analyzer_;
  std::string prefix_;
  std::string name_;
  bool normalise_;
  const schema::NameAliases* aliases_;
};

/// `date:2023-08-03`, `date:2023-08`, `date:2023`, `date:A..B`, `date:A..`, `date:..B`,
/// with relative bounds (`date:-7d..`, `date:yesterday`; searcher/relative_dates.h).
/// An article matches when the whole period of its date lies inside the range (so an
/// article dated only "2023-08" matches date:2023-08 and date:2023, but not
/// date:2023-08-01..2023-08-15). Undated articles never match a date filter. Throws
/// pressclip::Error kBadQuery for a malformed date or an empty range.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `context` must outlive the processor; it is read at each query.
  explicit DateFieldProcessor(const DateFilterContext& context) : context_(context) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  const DateFilterContext& context_;
};

}  // namespace pressclip::searcher
