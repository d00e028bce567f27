// Filter-field handlers for the query parser.
#include "searcher/field_processors.h"

#include "pressclip/error.h"
#include "schema/field_table.h"
#include "schema/partial_date.h"

namespace pressclip::searcher {
namespace {

schema::PartialDate parse_bound(const std::string& text, const std::string& whole) {
  auto date = schema::parse_iso_date(text);
  if (!date) {
    throw Error(ErrorKind::kBadQuery, "date:" + whole + ": '" + text +
                                          "' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  return *date;
}

}  // namespace

Xapian::Query ExactValueFieldProcessor::operator()(const std::string& value) {
  std::string key = normalise_ ? analyzer_.normalise_phrase(value) : value;
  if (key.empty())
    throw Error(ErrorKind::kBadQuery, name_ + ": needs a value right after the colon");
  return Xapian::Query(prefix_ + key);
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  const std::size_t dots = value.find("..");
  const std::string from = dots == std::string::npos ? value : value.substr(0, dots);
  const std::string to = dots == std::string::npos ? value : value.substr(dots + 2);
  if (from.empty() && to.empty()) {
    throw Error(ErrorKind::kBadQuery,
                "date:" + value + ": give a date or a range, as in date:2023-07-26..2023-08-15");
  }
  std::vector<Xapian::Query> conditions;
  std::string from_key;
  if (!from.empty()) {
    from_key = parse_bound(from, value).first_day_key();
    conditions.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateFirstDaySlot, from_key);
  }
  if (!to.empty()) {
    std::string to_key = parse_bound(to, value).last_day_key();
    if (!from_key.empty() && to_key < from_key) {
      throw Error(ErrorKind::kBadQuery, "date:" + value + ": the range ends before it starts");
    }
    conditions.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateLastDaySlot, to_key);
  }
  return Xapian::Query(Xapian::Query::OP_AND, conditions.begin(), conditions.end());
}

}  // namespace pressclip::searcher
