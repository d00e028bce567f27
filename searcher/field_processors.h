// Query-parser handlers for the filter fields: exact values (source:, language:) and dates.
#pragma once

#include <xapian.h>

#include <string>

#include "schema/text_analyzer.h"

namespace pressclip::searcher {

/// `source:BBC`, `source:"The Telegraph"`, `language:en`, `id:...`: the value is normalised
/// as indexed values are (case, diacritics, spacing) and becomes one filter term.
class ExactValueFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `normalise` is false for fields whose values are stored verbatim (ids).
  ExactValueFieldProcessor(schema::TextAnalyzer& analyzer, std::string prefix, std::string name,
                           bool normalise)
      : analyzer_(analyzer),
        prefix_(std::move(prefix)),
        name_(std::move(name)),
        normalise_(normalise) {}

  Xapian::Query operator()(const std::string& value) override;

 private:
  schema::TextAnalyzer& analyzer_;
  std::string prefix_;
  std::string name_;
  bool normalise_;
};

/// `date:2023-08-03`, `date:2023-08`, `date:2023`, `date:A..B`, `date:A..`, `date:..B`.
/// An article matches when the whole period of its date lies inside the range (so an
/// article dated only "2023-08" matches date:2023-08 and date:2023, but not
/// date:2023-08-01..2023-08-15). Undated articles never match a date filter. Throws
/// pressclip::Error kBadQuery for a malformed date or an empty range.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

}  // namespace pressclip::searcher
