// The C API's writing side: pressclip_indexer over pressclip::Indexer.
#include <string>
#include <vector>

#include "capi/c_handles.h"

namespace {

using pressclip::capi::guarded;

std::string or_empty(const char* text) { return text == nullptr ? std::string() : text; }

// "AFP; Reuters" as a list of names.
std::vector<std::string> split_agencies(const char* list) {
  std::vector<std::string> agencies;
  std::string current;
  for (const char* c = list; c != nullptr && *c != '\0'; ++c) {
    if (*c == ';') {
      agencies.push_back(current);
      current.clear();
    } else {
      current += *c;
    }
  }
  if (!current.empty()) agencies.push_back(current);
  return agencies;
}

// Stores a caller-owned copy of `id` in `*out`, if `out` is not null.
pressclip_status hand_over_id(const std::string& id, char** out) {
  if (out == nullptr) return PRESSCLIP_OK;
  *out = pressclip::capi::copy_for_caller(id);
  if (*out == nullptr) return pressclip::capi::fail(PRESSCLIP_INTERNAL, "out of memory");
  return PRESSCLIP_OK;
}

}  // namespace

extern "C" {

pressclip_status pressclip_indexer_open(const char* database_path, const char* stemmer_language,
                                        pressclip_indexer** indexer) {
  PRESSCLIP_REQUIRE_ARGUMENT(indexer);
  *indexer = nullptr;
  PRESSCLIP_REQUIRE_ARGUMENT(database_path);
  return guarded([&] {
    pressclip::IndexerOptions options;
    options.database_path = database_path;
    options.stemmer_language = or_empty(stemmer_language);
    *indexer = new pressclip_indexer{pressclip::Indexer(options)};
  });
}

void pressclip_indexer_close(pressclip_indexer* indexer) {
  delete indexer;  // ~Indexer commits what is pending and never throws.
}

pressclip_status pressclip_indexer_index_paths(pressclip_indexer* indexer, const char* const* paths,
                                               size_t path_count, pressclip_index_report* report) {
  PRESSCLIP_REQUIRE_ARGUMENT(indexer);
  if (path_count > 0) PRESSCLIP_REQUIRE_ARGUMENT(paths);
  return guarded([&] {
    std::vector<std::string> path_list;
    for (size_t i = 0; i < path_count; ++i) {
      if (paths[i] == nullptr) {
        throw pressclip::Error(pressclip::ErrorKind::kBadArgument,
                               "paths[" + std::to_string(i) + "] must not be NULL");
      }
      path_list.emplace_back(paths[i]);
    }
    const pressclip::IndexReport done = indexer->indexer.index_paths(path_list);
    if (report != nullptr) {
      report->articles_added = done.articles_added;
      report->articles_updated = done.articles_updated;
      report->articles_removed = done.articles_removed;
      report->files_moved = done.files_moved;
      report->files_unchanged = done.files_unchanged;
      report->files_skipped = done.files_skipped;
    }
  });
}

pressclip_status pressclip_indexer_add_fields(pressclip_indexer* indexer,
                                              const pressclip_article_fields* fields, char** id) {
  if (id != nullptr) *id = nullptr;
  PRESSCLIP_REQUIRE_ARGUMENT(indexer);
  PRESSCLIP_REQUIRE_ARGUMENT(fields);
  PRESSCLIP_REQUIRE_ARGUMENT(fields->text);
  std::string added;
  const pressclip_status status = guarded([&] {
    pressclip::ArticleFields article;
    article.id = or_empty(fields->id);
    article.title = or_empty(fields->title);
    article.source = or_empty(fields->source);
    article.date = or_empty(fields->date);
    article.url = or_empty(fields->url);
    article.language = or_empty(fields->language);
    article.agencies = split_agencies(fields->agencies);
    article.text = fields->text;
    added = indexer->indexer.add_article(article);
  });
  return status == PRESSCLIP_OK ? hand_over_id(added, id) : status;
}

pressclip_status pressclip_indexer_add_text(pressclip_indexer* indexer, const char* text,
                                            const char* article_id, char** id) {
  if (id != nullptr) *id = nullptr;
  PRESSCLIP_REQUIRE_ARGUMENT(indexer);
  PRESSCLIP_REQUIRE_ARGUMENT(text);
  std::string added;
  const pressclip_status status =
      guarded([&] { added = indexer->indexer.add_article(text, or_empty(article_id)); });
  return status == PRESSCLIP_OK ? hand_over_id(added, id) : status;
}

pressclip_status pressclip_indexer_remove(pressclip_indexer* indexer, const char* id_or_path) {
  PRESSCLIP_REQUIRE_ARGUMENT(indexer);
  PRESSCLIP_REQUIRE_ARGUMENT(id_or_path);
  bool removed = false;
  const pressclip_status status =
      guarded([&] { removed = indexer->indexer.remove_article(id_or_path); });
  if (status != PRESSCLIP_OK) return status;
  if (!removed) {
    return pressclip::capi::fail(PRESSCLIP_NOT_FOUND,
                                 std::string("no article with id or path '") + id_or_path + "'");
  }
  return PRESSCLIP_OK;
}

pressclip_status pressclip_indexer_commit(pressclip_indexer* indexer) {
  PRESSCLIP_REQUIRE_ARGUMENT(indexer);
  return guarded([&] { indexer->indexer.commit(); });
}

}  // extern "C"
