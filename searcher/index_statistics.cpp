// Whole-index statistics through the same facet counter as searches.
#include "searcher/index_statistics.h"

#include <algorithm>

#include "schema/field_table.h"
#include "schema/partial_date.h"
#include "searcher/facet_counter.h"

namespace pressclip::searcher {
namespace {

// Xapian's value bounds are not tightened when documents are replaced; read the values.
std::string extreme_value(const Xapian::Database& database, unsigned slot, bool largest) {
  std::string extreme;
  for (auto value = database.valuestream_begin(slot); value != database.valuestream_end(slot);
       ++value) {
    if (extreme.empty() || (largest ? *value > extreme : *value < extreme)) extreme = *value;
  }
  return extreme;
}

}  // namespace

IndexStats compute_index_stats(const Xapian::Database& database, const std::string& path,
                               const schema::IndexSettings& settings) {
  IndexStats stats;
  stats.database_path = path;
  stats.articles = database.get_doccount();
  const std::string passages = database.get_metadata(std::string(schema::kPassageTotalKey));
  stats.passages = passages.empty() ? 0 : std::stoull(passages);
  stats.index_format_version = settings.format_version;
  stats.stemmer_language = settings.stemmer_language;

  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(std::string()));  // MatchAll is not thread-safe.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  FacetCounter counter;
  enquire.add_matchspy(&counter);
  enquire.get_mset(0, 0, database.get_doccount());
  stats.facets = counter.facets();

  const std::size_t dated = database.get_value_freq(schema::kDateFirstDaySlot);
  stats.undated_articles = stats.articles - std::min(stats.articles, dated);
  if (dated > 0) {
    stats.earliest_date =
        schema::iso_from_day_key(extreme_value(database, schema::kDateFirstDaySlot, false));
    stats.latest_date =
        schema::iso_from_day_key(extreme_value(database, schema::kDateLastDaySlot, true));
  }
  return stats;
}

}  // namespace pressclip::searcher
