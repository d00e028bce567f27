// The C API's article reader and index statistics.
#include <algorithm>
#include <cstring>

#include "capi/c_handles.h"

namespace {

using pressclip::capi::element;
using pressclip::capi::guarded;

const pressclip::MetadataField* field_of(const pressclip_article* article, pressclip_field field) {
  if (article == nullptr) return nullptr;
  const pressclip::ArticleMetadata& metadata = article->record.metadata;
  switch (field) {
    case PRESSCLIP_FIELD_TITLE:
      return &metadata.title;
    case PRESSCLIP_FIELD_SOURCE:
      return &metadata.source;
    case PRESSCLIP_FIELD_DATE:
      return &metadata.date;
    case PRESSCLIP_FIELD_URL:
      return &metadata.url;
    case PRESSCLIP_FIELD_LANGUAGE:
      return &metadata.language;
  }
  return nullptr;
}

// Copies an ISO day ("" or "YYYY-MM-DD") into a fixed buffer of 11 bytes.
void copy_day(const std::string& day, char (&buffer)[11]) {
  const std::size_t length = std::min(day.size(), sizeof buffer - 1);
  std::memcpy(buffer, day.data(), length);
  buffer[length] = '\0';
}

}  // namespace

extern "C" {

pressclip_status pressclip_searcher_find_article(pressclip_searcher* searcher,
                                                 const char* id_or_path,
                                                 pressclip_article** article) {
  PRESSCLIP_REQUIRE_ARGUMENT(article);
  *article = nullptr;
  PRESSCLIP_REQUIRE_ARGUMENT(searcher);
  PRESSCLIP_REQUIRE_ARGUMENT(id_or_path);
  std::optional<pressclip::ArticleRecord> found;
  const pressclip_status status =
      guarded([&] { found = searcher->searcher.find_article(id_or_path); });
  if (status != PRESSCLIP_OK) return status;
  if (!found) {
    return pressclip::capi::fail(PRESSCLIP_NOT_FOUND,
                                 std::string("no article with id or path '") + id_or_path + "'");
  }
  return guarded([&] { *article = new pressclip_article{std::move(*found)}; });
}

void pressclip_article_free(pressclip_article* article) { delete article; }

const char* pressclip_article_id(const pressclip_article* article) {
  return article == nullptr ? nullptr : article->record.id.c_str();
}

const char* pressclip_article_path(const pressclip_article* article) {
  return article == nullptr ? nullptr : article->record.path.c_str();
}

const char* pressclip_article_record(const pressclip_article* article) {
  return article == nullptr ? nullptr : article->record.record.c_str();
}

const char* pressclip_article_field(const pressclip_article* article, pressclip_field field) {
  const pressclip::MetadataField* value = field_of(article, field);
  return value == nullptr ? nullptr : value->value.c_str();
}

const char* pressclip_article_field_origin(const pressclip_article* article,
                                           pressclip_field field) {
  const pressclip::MetadataField* value = field_of(article, field);
  return value == nullptr ? nullptr : pressclip::to_string(value->origin);
}

const char* pressclip_article_charset(const pressclip_article* article) {
  return article == nullptr ? nullptr : article->record.charset.c_str();
}

size_t pressclip_article_agency_count(const pressclip_article* article) {
  return article == nullptr ? 0 : article->record.metadata.agencies.size();
}

const char* pressclip_article_agency(const pressclip_article* article, size_t i) {
  const pressclip::MetadataField* agency =
      article == nullptr ? nullptr : element(&article->record.metadata.agencies, i);
  return agency == nullptr ? nullptr : agency->value.c_str();
}

const char* pressclip_article_text(const pressclip_article* article) {
  return article == nullptr ? nullptr : article->record.text.c_str();
}

size_t pressclip_article_passage_count(const pressclip_article* article) {
  return article == nullptr ? 0 : article->record.passages.size();
}

size_t pressclip_article_passage_start(const pressclip_article* article, size_t i) {
  const pressclip::PassageSpan* passage =
      article == nullptr ? nullptr : element(&article->record.passages, i);
  return passage == nullptr ? 0 : passage->start;
}

size_t pressclip_article_passage_end(const pressclip_article* article, size_t i) {
  const pressclip::PassageSpan* passage =
      article == nullptr ? nullptr : element(&article->record.passages, i);
  return passage == nullptr ? 0 : passage->end;
}

pressclip_status pressclip_searcher_stats(pressclip_searcher* searcher, pressclip_stats* stats) {
  PRESSCLIP_REQUIRE_ARGUMENT(searcher);
  PRESSCLIP_REQUIRE_ARGUMENT(stats);
  return guarded([&] {
    const pressclip::IndexStats counted = searcher->searcher.stats();
    stats->articles = counted.articles;
    stats->passages = counted.passages;
    stats->undated_articles = counted.undated_articles;
    copy_day(counted.earliest_date, stats->earliest_date);
    copy_day(counted.latest_date, stats->latest_date);
    stats->index_format_version = counted.index_format_version;
  });
}

}  // extern "C"
