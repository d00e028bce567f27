// Whole-index statistics through the same facet counter as searches.
#include "searcher/index_statistics.h"

#include <algorithm>

#include "schema/field_table.h"
#include "schema/partial_date.h"
#include "searcher/facet_counter.h"

namespace pressclip::searcher {

IndexStats compute_index_stats(const Xapian::Database& database, const std::string& path,
                               const schema::IndexSettings& settings, std::size_t passages) {
  IndexStats stats;
  stats.database_path = path;
  stats.articles = database.get_doccount();
  stats.passages = passages;
  stats.index_format_version = settings.format_version;
  stats.stemmer_language = settings.stemmer_language;

  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(std::string()));  // MatchAll is not thread-safe.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  FacetCounter counter;
  counter.watch(enquire);
  enquire.get_mset(0, 0, database.get_doccount());
  stats.facets = counter.facets();

  stats.undated_articles = stats.facets.undated;
  // The periods counted are exact (Xapian's value bounds are not tightened when documents
  // are replaced), and known for remote shards too.
  for (const DatedCount& period : stats.facets.dates) {
    if (stats.earliest_date.empty() || period.first_day < stats.earliest_date) {
      stats.earliest_date = period.first_day;
    }
    if (stats.latest_date.empty() || period.last_day > stats.latest_date) {
      stats.latest_date = period.last_day;
    }
  }
  return stats;
}

}  // namespace pressclip::searcher
