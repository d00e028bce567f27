// Writing articles and their file state.
#include "indexer/article_writer.h"

#include <algorithm>

#include "schema/field_table.h"
#include "schema/stored_article.h"

namespace pressclip::indexer {
namespace {

std::string prefixed(schema::FieldId field, std::string_view value) {
  return std::string(schema::prefix_of(field)).append(value);
}

schema::FileState state_of(const Xapian::Document& document) {
  return schema::decode_file_state(document.get_value(schema::kFileStateSlot))
      .value_or(schema::FileState{});
}

}  // namespace

Xapian::docid ArticleWriter::find(const std::string& term) {
  Xapian::PostingIterator posting = database_.postlist_begin(term);
  return posting == database_.postlist_end(term) ? 0 : *posting;
}

std::size_t ArticleWriter::passages_of(const Xapian::Document& document) {
  const std::string value = document.get_value(schema::kPassageCountSlot);
  return value.empty() ? 0 : static_cast<std::size_t>(Xapian::sortable_unserialise(value));
}

// Stores `state` in `document` and writes it back; the stored record's path follows the
// first file, which only changes when that file is gone or moved.
void ArticleWriter::write_state(Xapian::docid docid, Xapian::Document& document,
                                schema::FileState& state, const std::string& old_first_path) {
  const std::string new_first_path = state.files.empty() ? "" : state.files.front().path;
  if (new_first_path != old_first_path) {
    ArticleRecord record = schema::decode_article(document.get_data());
    record.path = new_first_path;
    document.set_data(schema::encode_article(record));
  }
  document.add_value(schema::kFileStateSlot, schema::encode_file_state(state));
  database_.replace_document(docid, document);
}

void ArticleWriter::restamp(Xapian::docid docid, const schema::IndexedFile& file) {
  Xapian::Document document = database_.get_document(docid);
  schema::FileState state = state_of(document);
  for (schema::IndexedFile& known : state.files) {
    if (known.path == file.path) known = file;
  }
  const std::string first = state.files.empty() ? "" : state.files.front().path;
  write_state(docid, document, state, first);
}

void ArticleWriter::add_file(Xapian::docid docid, const schema::IndexedFile& file) {
  Xapian::Document document = database_.get_document(docid);
  schema::FileState state = state_of(document);
  const std::string first = state.files.empty() ? "" : state.files.front().path;
  state.files.push_back(file);
  document.add_boolean_term(prefixed(schema::FieldId::kPath, file.path));
  write_state(docid, document, state, first);
}

bool ArticleWriter::apply(const PreparedArticle& prepared, IndexReport& report) {
  const std::string path_term = prefixed(schema::FieldId::kPath, prepared.path);
  switch (prepared.kind) {
    case PreparedKind::kSkipped:
      return true;
    case PreparedKind::kRestamp:
      if (const Xapian::docid docid = find(path_term)) restamp(docid, prepared.file);
      ++report.files_unchanged;
      return true;
    case PreparedKind::kAddPath: {
      const Xapian::docid docid =
          find(prefixed(schema::FieldId::kContentHash, prepared.content_hash));
      if (docid == 0) return false;
      const Xapian::docid previous = find(path_term);
      if (previous == docid) return true;
      if (previous != 0) forget_path(prepared.path, report);
      add_file(docid, prepared.file);
      ++report.files_moved;
      return true;
    }
    case PreparedKind::kFull:
      break;
  }
  const Xapian::docid previous = find(path_term);
  if (prepared.target != 0 && previous == prepared.target) {
    passage_total_ -= std::min(passage_total_, passages_of(database_.get_document(previous)));
    database_.replace_document(previous, prepared.document);
    passage_total_ += prepared.passages;
    ++report.articles_updated;
    ++report.articles_indexed;
    report.bytes_indexed += prepared.text_bytes;
    return true;
  }
  if (previous != 0) forget_path(prepared.path, report);
  // A text written earlier in this run under another path: one article, two files.
  if (!prepared.path.empty()) {
    const Xapian::docid same_text =
        find(prefixed(schema::FieldId::kContentHash, prepared.content_hash));
    if (same_text != 0) {
      add_file(same_text, prepared.file);
      ++report.files_moved;
      return true;
    }
  }
  if (const Xapian::docid replaced = find(prepared.id_term)) {
    passage_total_ -= std::min(passage_total_, passages_of(database_.get_document(replaced)));
  }
  database_.replace_document(prepared.id_term, prepared.document);
  passage_total_ += prepared.passages;
  ++(previous != 0 ? report.articles_updated : report.articles_added);
  ++report.articles_indexed;
  report.bytes_indexed += prepared.text_bytes;
  return true;
}

void ArticleWriter::forget_path(const std::string& path, IndexReport& report) {
  const std::string path_term = prefixed(schema::FieldId::kPath, path);
  const Xapian::docid docid = find(path_term);
  if (docid == 0) return;
  Xapian::Document document = database_.get_document(docid);
  schema::FileState state = state_of(document);
  const std::string first = state.files.empty() ? "" : state.files.front().path;
  std::erase_if(state.files, [&](const schema::IndexedFile& file) { return file.path == path; });
  if (state.files.empty()) {
    passage_total_ -= std::min(passage_total_, passages_of(document));
    database_.delete_document(docid);
    ++report.articles_removed;
    return;
  }
  document.remove_term(path_term);
  write_state(docid, document, state, first);
}

bool ArticleWriter::remove_article(const std::string& id_term, IndexReport& report) {
  const Xapian::docid docid = find(id_term);
  if (docid == 0) return false;
  passage_total_ -= std::min(passage_total_, passages_of(database_.get_document(docid)));
  database_.delete_document(docid);
  ++report.articles_removed;
  return true;
}

std::size_t ArticleWriter::merge_duplicate_texts() {
  const std::string prefix(schema::prefix_of(schema::FieldId::kContentHash));
  std::vector<std::vector<Xapian::docid>> groups;
  for (auto term = database_.allterms_begin(prefix); term != database_.allterms_end(prefix);
       ++term) {
    if (term.get_termfreq() < 2) continue;
    groups.emplace_back(database_.postlist_begin(*term), database_.postlist_end(*term));
  }
  std::size_t merged = 0;
  for (const std::vector<Xapian::docid>& group : groups) {
    Xapian::Document keeper = database_.get_document(group.front());
    schema::FileState state = state_of(keeper);
    const std::string first = state.files.empty() ? "" : state.files.front().path;
    for (std::size_t i = 1; i < group.size(); ++i) {
      const Xapian::Document duplicate = database_.get_document(group[i]);
      for (const schema::IndexedFile& file : state_of(duplicate).files) {
        state.files.push_back(file);
        keeper.add_boolean_term(prefixed(schema::FieldId::kPath, file.path));
      }
      passage_total_ -= std::min(passage_total_, passages_of(duplicate));
      database_.delete_document(group[i]);
      ++merged;
    }
    write_state(group.front(), keeper, state, first);
  }
  return merged;
}

}  // namespace pressclip::indexer
