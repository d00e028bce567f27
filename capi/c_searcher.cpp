// The C API's reading side: searchers, search options, and results read by index.
#include "capi/c_handles.h"

namespace {

using pressclip::capi::element;
using pressclip::capi::guarded;

const pressclip::SearchHit* hit_at(const pressclip_results* results, size_t i) {
  return results == nullptr ? nullptr : element(&results->results.hits, i);
}

const std::vector<pressclip::FacetValue>* facet_values(const pressclip_results* results,
                                                       pressclip_facet facet) {
  if (results == nullptr || !results->results.facets) return nullptr;
  const pressclip::Facets& facets = *results->results.facets;
  switch (facet) {
    case PRESSCLIP_FACET_SOURCE:
      return &facets.sources;
    case PRESSCLIP_FACET_AGENCY:
      return &facets.agencies;
    case PRESSCLIP_FACET_MONTH:
      return &facets.months;
  }
  return nullptr;
}

// A string option: the value, or the default (empty) for NULL.
void set_text(std::string& option, const char* value) { option = value == nullptr ? "" : value; }

}  // namespace

extern "C" {

pressclip_status pressclip_searcher_open(const char* database_path, pressclip_searcher** searcher) {
  PRESSCLIP_REQUIRE_ARGUMENT(searcher);
  *searcher = nullptr;
  PRESSCLIP_REQUIRE_ARGUMENT(database_path);
  return guarded([&] { *searcher = new pressclip_searcher{pressclip::Searcher(database_path)}; });
}

void pressclip_searcher_close(pressclip_searcher* searcher) { delete searcher; }

pressclip_status pressclip_searcher_reopen(pressclip_searcher* searcher) {
  PRESSCLIP_REQUIRE_ARGUMENT(searcher);
  return guarded([&] { searcher->searcher.reopen(); });
}

pressclip_search_options* pressclip_search_options_new(const char* query) {
  if (query == nullptr) return nullptr;
  auto* options = new (std::nothrow) pressclip_search_options;
  if (options == nullptr) return nullptr;
  try {
    options->options.query = query;
  } catch (...) {
    delete options;
    return nullptr;
  }
  return options;
}

void pressclip_search_options_free(pressclip_search_options* options) { delete options; }

void pressclip_search_options_set_limit(pressclip_search_options* options, size_t limit) {
  if (options != nullptr) options->options.limit = limit;
}

void pressclip_search_options_set_offset(pressclip_search_options* options, size_t offset) {
  if (options != nullptr) options->options.offset = offset;
}

void pressclip_search_options_set_per_article(pressclip_search_options* options,
                                              size_t per_article) {
  if (options != nullptr) options->options.per_article = per_article;
}

void pressclip_search_options_set_sort(pressclip_search_options* options, pressclip_sort sort) {
  if (options == nullptr) return;
  switch (sort) {
    case PRESSCLIP_SORT_DATE_ASCENDING:
      options->options.sort = pressclip::SortOrder::kDateAscending;
      return;
    case PRESSCLIP_SORT_DATE_DESCENDING:
      options->options.sort = pressclip::SortOrder::kDateDescending;
      return;
    case PRESSCLIP_SORT_RELEVANCE:
      break;
  }
  options->options.sort = pressclip::SortOrder::kRelevance;
}

void pressclip_search_options_set_scope(pressclip_search_options* options, pressclip_scope scope) {
  if (options == nullptr) return;
  options->options.scope = scope == PRESSCLIP_SCOPE_PASSAGE ? pressclip::SearchScope::kPassage
                                                            : pressclip::SearchScope::kArticle;
}

void pressclip_search_options_set_context_sentences(pressclip_search_options* options,
                                                    size_t sentences) {
  if (options != nullptr) options->options.context_sentences = sentences;
}

void pressclip_search_options_set_since(pressclip_search_options* options, const char* since) {
  if (options != nullptr) set_text(options->options.since, since);
}

void pressclip_search_options_set_until(pressclip_search_options* options, const char* until) {
  if (options != nullptr) set_text(options->options.until, until);
}

void pressclip_search_options_set_today(pressclip_search_options* options, const char* today) {
  if (options != nullptr) set_text(options->options.today, today);
}

void pressclip_search_options_set_include_inferred_dates(pressclip_search_options* options,
                                                         int include) {
  if (options != nullptr) options->options.include_inferred_dates = include != 0;
}

void pressclip_search_options_set_recency_half_life(pressclip_search_options* options,
                                                    double days) {
  if (options != nullptr) options->options.recency_half_life_days = days;
}

void pressclip_search_options_set_facets(pressclip_search_options* options, int facets) {
  if (options != nullptr) options->options.facets = facets != 0;
}

void pressclip_search_options_set_timeout(pressclip_search_options* options, double seconds) {
  if (options != nullptr) options->options.timeout = pressclip::timeout_from_seconds(seconds);
}

pressclip_status pressclip_search(pressclip_searcher* searcher,
                                  const pressclip_search_options* options,
                                  pressclip_results** results) {
  PRESSCLIP_REQUIRE_ARGUMENT(results);
  *results = nullptr;
  PRESSCLIP_REQUIRE_ARGUMENT(searcher);
  PRESSCLIP_REQUIRE_ARGUMENT(options);
  return guarded(
      [&] { *results = new pressclip_results{searcher->searcher.search(options->options)}; });
}

void pressclip_results_free(pressclip_results* results) { delete results; }

int pressclip_results_format_version(const pressclip_results* results) {
  return results == nullptr ? 0 : results->results.format_version;
}

size_t pressclip_results_matching_articles(const pressclip_results* results) {
  return results == nullptr ? 0 : results->results.matching_articles;
}

const char* pressclip_results_suggested_query(const pressclip_results* results) {
  return results == nullptr ? "" : results->results.suggested_query.c_str();
}

size_t pressclip_results_count(const pressclip_results* results) {
  return results == nullptr ? 0 : results->results.hits.size();
}

size_t pressclip_hit_rank(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0 : hit->rank;
}

double pressclip_hit_score(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0.0 : hit->score;
}

const char* pressclip_hit_article_id(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->article.id.c_str();
}

const char* pressclip_hit_path(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->article.path.c_str();
}

const char* pressclip_hit_record(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->article.record.c_str();
}

const char* pressclip_hit_title(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->article.title.c_str();
}

const char* pressclip_hit_source(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->article.source.c_str();
}

const char* pressclip_hit_date(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->article.date.c_str();
}

int pressclip_hit_date_inferred(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit != nullptr && hit->article.date_inferred ? 1 : 0;
}

size_t pressclip_hit_agency_count(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0 : hit->article.agencies.size();
}

const char* pressclip_hit_agency(const pressclip_results* results, size_t i, size_t agency) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  const std::string* name = hit == nullptr ? nullptr : element(&hit->article.agencies, agency);
  return name == nullptr ? nullptr : name->c_str();
}

size_t pressclip_hit_passage_index(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0 : hit->passage.index;
}

size_t pressclip_hit_passage_start(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0 : hit->passage.start;
}

size_t pressclip_hit_passage_end(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0 : hit->passage.end;
}

const char* pressclip_hit_passage_text(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? nullptr : hit->passage_text.c_str();
}

int pressclip_hit_cut_before(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit != nullptr && hit->cut_before ? 1 : 0;
}

int pressclip_hit_cut_after(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit != nullptr && hit->cut_after ? 1 : 0;
}

size_t pressclip_hit_highlight_count(const pressclip_results* results, size_t i) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  return hit == nullptr ? 0 : hit->highlights.size();
}

size_t pressclip_hit_highlight_start(const pressclip_results* results, size_t i, size_t highlight) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  const pressclip::Highlight* found =
      hit == nullptr ? nullptr : element(&hit->highlights, highlight);
  return found == nullptr ? 0 : found->start;
}

size_t pressclip_hit_highlight_end(const pressclip_results* results, size_t i, size_t highlight) {
  const pressclip::SearchHit* hit = hit_at(results, i);
  const pressclip::Highlight* found =
      hit == nullptr ? nullptr : element(&hit->highlights, highlight);
  return found == nullptr ? 0 : found->end;
}

size_t pressclip_results_facet_count(const pressclip_results* results, pressclip_facet facet) {
  const std::vector<pressclip::FacetValue>* values = facet_values(results, facet);
  return values == nullptr ? 0 : values->size();
}

const char* pressclip_results_facet_value(const pressclip_results* results, pressclip_facet facet,
                                          size_t i) {
  const pressclip::FacetValue* value = element(facet_values(results, facet), i);
  return value == nullptr ? nullptr : value->value.c_str();
}

size_t pressclip_results_facet_articles(const pressclip_results* results, pressclip_facet facet,
                                        size_t i) {
  const pressclip::FacetValue* value = element(facet_values(results, facet), i);
  return value == nullptr ? 0 : value->articles;
}

}  // extern "C"
