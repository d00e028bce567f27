// Writing articles and their file state.
#include "indexer/article_writer.h"

#include <algorithm>

#include "schema/article_id.h"
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
  // Decided on the index as it is now, not as the run found it: earlier writes of this run
  // may have changed which article holds this path or this text.
  const Xapian::docid previous = find(path_term);
  const Xapian::docid same_text =
      prepared.path.empty() ? 0
                            : find(prefixed(schema::FieldId::kContentHash, prepared.content_hash));
  const schema::FileState previous_state =
      previous != 0 ? state_of(database_.get_document(previous)) : schema::FileState{};
  const bool sole_file = previous != 0 && previous_state.files.size() == 1;
  if (same_text != 0 && same_text != previous) {
    // Another article has this text: this path becomes one of its files.
    if (previous != 0) forget_path(prepared.path, report);
    add_file(same_text, prepared.file);
    ++report.files_moved;
    return true;
  }
  if (same_text != 0 && !sole_file) {
    // The text of the article it shares with other files, under new metadata: the first
    // file's metadata stays the article's.
    restamp(previous, prepared.file);
    ++report.files_unchanged;
    return true;
  }
  Xapian::Document document = prepared.document;
  if (prepared.path.empty()) {
    // An article without a file (standard input) is known by its id alone: replace it.
    if (const Xapian::docid replaced = find(prepared.id_term)) {
      passage_total_ -= std::min(passage_total_, passages_of(database_.get_document(replaced)));
      database_.replace_document(replaced, document);
      passage_total_ += prepared.passages;
      ++report.articles_updated;
    } else {
      database_.add_document(document);
      passage_total_ += prepared.passages;
      ++report.articles_added;
    }
    ++report.articles_indexed;
    report.bytes_indexed += prepared.text_bytes;
    return true;
  }
  if (sole_file) {
    // The article of this file alone: replaced in place, keeping its id.
    if (previous_state.article_id != prepared.article_id)
      rekey(document, previous_state.article_id);
    passage_total_ -= std::min(passage_total_, passages_of(database_.get_document(previous)));
    database_.replace_document(previous, document);
  } else {
    if (previous != 0) forget_path(prepared.path, report);
    std::string id = prepared.article_id;
    for (int attempt = 1; find(prefixed(schema::FieldId::kId, id)) != 0; ++attempt) {
      id = schema::article_id_from_canonical_path(prepared.path + '\n' + prepared.content_hash +
                                                  '\n' + std::to_string(attempt));
    }
    if (id != prepared.article_id) rekey(document, id);
    database_.add_document(document);
  }
  passage_total_ += prepared.passages;
  ++(previous != 0 ? report.articles_updated : report.articles_added);
  ++report.articles_indexed;
  report.bytes_indexed += prepared.text_bytes;
  return true;
}

void ArticleWriter::rekey(Xapian::Document& document, const std::string& id) {
  schema::FileState state = state_of(document);
  document.remove_term(prefixed(schema::FieldId::kId, state.article_id));
  document.add_boolean_term(prefixed(schema::FieldId::kId, id));
  ArticleRecord record = schema::decode_article(document.get_data());
  record.id = id;
  document.set_data(schema::encode_article(record));
  state.article_id = id;
  document.add_value(schema::kFileStateSlot, schema::encode_file_state(state));
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
