// Statistics of a whole index: counts, date bounds and the breakdowns `stats` shows.
#pragma once

#include <xapian.h>

#include <string>

#include "pressclip/searcher.h"
#include "schema/index_settings.h"

namespace pressclip::searcher {

/// The statistics of `database` (opened from `path`, with `settings`, holding `passages`
/// passages): article counts, every article counted by source, agency and month, and the date
/// bounds. Reads the value slots of every article. Throws Xapian::Error on a failure of the index.
IndexStats compute_index_stats(const Xapian::Database& database, const std::string& path,
                               const schema::IndexSettings& settings, std::size_t passages);

}  // namespace pressclip::searcher
