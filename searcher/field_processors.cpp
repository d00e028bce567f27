// Filter-field handlers for the query parser.
#include "searcher/field_processors.h"

#include "pressclip/error.h"

namespace pressclip::searcher {

Xapian::Query ExactValueFieldProcessor::operator()(const std::string& value) {
  const std::string name = aliases_ ? aliases_->canonical(value) : value;
  std::string key = normalise_ ? analyzer_.normalise_phrase(name) : name;
  if (key.empty()) {
    problems_.record(Error(ErrorKind::kBadQuery, name_ + ": needs a value right after the colon"));
    return Xapian::Query();
  }
  return Xapian::Query(prefix_ + key);
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  try {
    return date_filter_for(value, "date:", context_);
  } catch (const Error& error) {
    problems_.record(error);
    return Xapian::Query();
  }
}

}  // namespace pressclip::searcher
