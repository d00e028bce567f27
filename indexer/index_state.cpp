// Loading article file state from its value slot.
#include "indexer/index_state.h"

#include "schema/field_table.h"

namespace pressclip::indexer {

IndexState::IndexState(const Xapian::Database& database) {
  const unsigned slot = schema::kFileStateSlot;
  // Decoded first, indexed after: the views below must not see articles_ grow.
  for (auto value = database.valuestream_begin(slot); value != database.valuestream_end(slot);
       ++value) {
    std::optional<schema::FileState> state = schema::decode_file_state(*value);
    if (state) articles_.push_back({value.get_docid(), std::move(*state)});
  }
  by_path_.reserve(articles_.size());
  by_hash_.reserve(articles_.size());
  ids_.reserve(articles_.size());
  for (std::size_t at = 0; at < articles_.size(); ++at) {
    const schema::FileState& stored = articles_[at].state;
    for (std::size_t file = 0; file < stored.files.size(); ++file) {
      const schema::IndexedFile& indexed = stored.files[file];
      by_path_.emplace(indexed.path, std::make_pair(at, file));
      if (!indexed.record.empty()) {
        by_record_.emplace(indexed.path + '\0' + indexed.record, std::make_pair(at, file));
      }
    }
    if (!stored.content_hash.empty()) by_hash_.emplace(stored.content_hash, at);
    ids_.insert(stored.article_id);
  }
}

const RecordedArticle* IndexState::article_of_path(const std::string& path,
                                                   std::size_t* file_index) const {
  auto found = by_path_.find(path);
  if (found == by_path_.end()) return nullptr;
  if (file_index) *file_index = found->second.second;
  return &articles_[found->second.first];
}

const RecordedArticle* IndexState::article_of_file(const std::string& path,
                                                   const std::string& record,
                                                   std::size_t* file_index) const {
  if (record.empty()) {
    std::size_t index = 0;
    const RecordedArticle* article = article_of_path(path, &index);
    if (article == nullptr || !article->state.files[index].record.empty()) return nullptr;
    if (file_index) *file_index = index;
    return article;
  }
  auto found = by_record_.find(path + '\0' + record);
  if (found == by_record_.end()) return nullptr;
  if (file_index) *file_index = found->second.second;
  return &articles_[found->second.first];
}

const RecordedArticle* IndexState::article_with_hash(const std::string& hash) const {
  auto found = by_hash_.find(hash);
  return found == by_hash_.end() ? nullptr : &articles_[found->second];
}

}  // namespace pressclip::indexer
