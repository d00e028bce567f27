// Counting a match set by source, agency and date while Xapian matches it.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>

#include "pressclip/searcher.h"

namespace pressclip::searcher {

/// A match spy that reads each matching article's source, agency and date values (no
/// stored data) and counts them. Xapian calls it for every article it checks, so a search
/// must ask it to check them all (check_at_least = the number of articles).
///
/// Thread-safety: not thread-safe; one per search.
class FacetCounter : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;

  /// The counts so far, sorted as pressclip::Facets documents.
  Facets facets() const;

 private:
  std::size_t articles_ = 0;
  std::size_t without_source_ = 0;
  std::size_t without_agency_ = 0;
  std::size_t undated_ = 0;
  std::size_t inferred_ = 0;
  std::map<std::string, std::size_t> sources_;
  std::map<std::string, std::size_t> agencies_;
  std::map<std::pair<std::string, std::string>, std::size_t> periods_;  // First, last day keys.
};

}  // namespace pressclip::searcher
