// Counting a match set by source, agency and date while Xapian matches it.
#pragma once

#include <xapian.h>

#include "pressclip/searcher.h"

namespace pressclip::searcher {

/// Xapian's own value-count match spies on the source, agency, period and inferred-date
/// slots, turned into pressclip::Facets. Being Xapian's classes, they also run on remote
/// shards (xapian-tcpsrv), and Xapian merges the shards' counts. Xapian calls them for
/// every article it checks, so a search must ask it to check them all (check_at_least = the
/// number of articles).
///
/// Thread-safety: not thread-safe; one per search.
class FacetCounter {
 public:
  FacetCounter();

  /// Makes `enquire` count its matches here. The counter must outlive the match.
  void watch(Xapian::Enquire& enquire);

  /// The counts, sorted as pressclip::Facets documents.
  Facets facets() const;

 private:
  Xapian::ValueCountMatchSpy sources_;
  Xapian::ValueCountMatchSpy agencies_;  // Each value: the article's agencies joined.
  Xapian::ValueCountMatchSpy periods_;
  Xapian::ValueCountMatchSpy inferred_;
};

}  // namespace pressclip::searcher
