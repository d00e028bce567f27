// Writing articles and their file state.
#include "indexer/article_writer.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "schema/article_id.h"
#include "schema/field_table.h"
#include "schema/file_terms.h"
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

// The term that finds the article of `file`: its record's, or its path's for a whole file.
std::string file_term(const schema::IndexedFile& file) {
  return file.record.empty() ? schema::path_term(file.path)
                             : schema::record_term(file.path, file.record);
}

void add_file_terms(Xapian::Document& document, const schema::IndexedFile& file) {
  document.add_boolean_term(schema::path_term(file.path));
  if (!file.record.empty()) document.add_boolean_term(file_term(file));
}

std::vector<Xapian::docid> postings(const Xapian::Database& database, const std::string& term) {
  return {database.postlist_begin(term), database.postlist_end(term)};
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

// Stores `state` in `document` and writes it back; the stored record's path and record
// follow the first file, which only changes when that file is gone or moved.
void ArticleWriter::write_state(Xapian::docid docid, Xapian::Document& document,
                                schema::FileState& state, const std::string& old_first_path,
                                std::size_t target) {
  const std::string new_first_path =
      state.files.empty()
          ? ""
          : schema::file_locator(state.files.front().path, state.files.front().record);
  if (new_first_path != old_first_path) {
    ArticleRecord record = schema::decode_article(document.get_data());
    record.path = state.files.empty() ? "" : state.files.front().path;
    record.record = state.files.empty() ? "" : state.files.front().record;
    document.set_data(schema::encode_article(record));
  }
  document.add_value(schema::kFileStateSlot, schema::encode_file_state(state));
  store(docid, target == kSameShard ? shards_.shard_of(docid) : target, document);
}

void ArticleWriter::store(Xapian::docid docid, std::size_t target,
                          const Xapian::Document& document) {
  if (shards_.shard_of(docid) == target) {
    shards_.replace(docid, document);
    return;
  }
  shards_.moving(shards_.shard_of(docid), target);
  shards_.remove(docid);
  shards_.add(target, document);
}

void ArticleWriter::leaving(Xapian::docid from, std::size_t to) {
  shards_.moving(shards_.shard_of(from), to);
}

void ArticleWriter::remove_document(Xapian::docid docid, const Xapian::Document& document) {
  shards_.remove_passages(shards_.shard_of(docid), passages_of(document));
  shards_.remove(docid);
}

// The first file of `state` as write_state compares it.
static std::string first_locator(const schema::FileState& state) {
  return state.files.empty()
             ? ""
             : schema::file_locator(state.files.front().path, state.files.front().record);
}

void ArticleWriter::restamp(Xapian::docid docid, const schema::IndexedFile& file) {
  Xapian::Document document = database_.get_document(docid);
  schema::FileState state = state_of(document);
  for (schema::IndexedFile& known : state.files) {
    if (schema::is_file(known, file.path, file.record)) known = file;
  }
  const std::string first = first_locator(state);
  write_state(docid, document, state, first);
}

void ArticleWriter::add_file(Xapian::docid docid, const schema::IndexedFile& file) {
  Xapian::Document document = database_.get_document(docid);
  schema::FileState state = state_of(document);
  const std::string first = first_locator(state);
  state.files.push_back(file);
  add_file_terms(document, file);
  write_state(docid, document, state, first);
}

ArticleWriter::Found ArticleWriter::find_article(const PreparedArticle& prepared,
                                                 const std::string& path_term) {
  return {find(path_term), prepared.path.empty() ? 0
                                                 : find(prefixed(schema::FieldId::kContentHash,
                                                                 prepared.content_hash))};
}

std::size_t ArticleWriter::target_shard(const PreparedArticle& prepared,
                                        const std::string& path_term, Found& found) {
  if (shards_.has_shard_for(prepared.document)) return shards_.shard_for(prepared.document);
  // Only a file joining the article of its text writes no document (see apply()).
  if (found.same_text != 0) {
    const bool sole_file =
        found.previous != 0 && state_of(database_.get_document(found.previous)).files.size() == 1;
    if (found.same_text != found.previous || !sole_file) return 0;
  }
  const std::size_t target = shards_.shard_for(prepared.document);
  found = find_article(prepared, path_term);
  return target;
}

bool ArticleWriter::apply(const PreparedArticle& prepared, IndexReport& report) {
  if (!prepared.path.empty()) shards_.note_file(prepared.path);
  const std::string path_term = file_term(prepared.file);
  switch (prepared.kind) {
    case PreparedKind::kSkipped:
      return true;
    case PreparedKind::kRecordsEnd:
      forget_other_records(prepared.path, prepared.records, report);
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
      if (previous != 0) {
        leaving(previous, shards_.shard_of(docid));
        forget_file(prepared.file, report);
      }
      add_file(docid, prepared.file);
      ++report.files_moved;
      return true;
    }
    case PreparedKind::kFull:
      break;
  }
  // Decided on the index as it is now, not as the run found it: earlier writes of this run
  // may have changed which article holds this path or this text.
  Found found = find_article(prepared, path_term);
  const std::size_t target = target_shard(prepared, path_term, found);
  const Xapian::docid previous = found.previous;
  const Xapian::docid same_text = found.same_text;
  const schema::FileState previous_state =
      previous != 0 ? state_of(database_.get_document(previous)) : schema::FileState{};
  const bool sole_file = previous != 0 && previous_state.files.size() == 1;
  if (same_text != 0 && same_text != previous) {
    // Another article has this text: this path becomes one of its files.
    if (previous != 0) {
      leaving(previous, shards_.shard_of(same_text));
      forget_file(prepared.file, report);
    }
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
      shards_.remove_passages(shards_.shard_of(replaced),
                              passages_of(database_.get_document(replaced)));
      store(replaced, target, document);
      ++report.articles_updated;
    } else {
      shards_.add(target, document);
      ++report.articles_added;
    }
    shards_.add_passages(target, prepared.passages);
    ++report.articles_indexed;
    report.bytes_indexed += prepared.text_bytes;
    return true;
  }
  if (sole_file) {
    // The article of this file alone: replaced in place, keeping its id.
    if (previous_state.article_id != prepared.article_id)
      rekey(document, previous_state.article_id);
    shards_.remove_passages(shards_.shard_of(previous),
                            passages_of(database_.get_document(previous)));
    store(previous, target, document);
  } else {
    if (previous != 0) {
      leaving(previous, target);
      forget_file(prepared.file, report);
    }
    if (prepared.stated_id) {
      if (const Xapian::docid holder = find(schema::id_term(prepared.article_id))) {
        join_article(holder, target, prepared, report);
        return true;
      }
    }
    std::string id = prepared.article_id;
    const std::string locator = schema::file_locator(prepared.path, prepared.file.record);
    for (int attempt = 1; find(schema::id_term(id)) != 0; ++attempt) {
      id = schema::article_id_from_canonical_path(locator + '\n' + prepared.content_hash + '\n' +
                                                  std::to_string(attempt));
    }
    if (id != prepared.article_id) rekey(document, id);
    shards_.add(target, document);
  }
  shards_.add_passages(target, prepared.passages);
  ++(previous != 0 ? report.articles_updated : report.articles_added);
  ++report.articles_indexed;
  report.bytes_indexed += prepared.text_bytes;
  return true;
}

void ArticleWriter::rekey(Xapian::Document& document, const std::string& id) {
  schema::FileState state = state_of(document);
  document.remove_term(schema::id_term(state.article_id));
  document.add_boolean_term(schema::id_term(id));
  ArticleRecord record = schema::decode_article(document.get_data());
  record.id = id;
  document.set_data(schema::encode_article(record));
  state.article_id = id;
  document.add_value(schema::kFileStateSlot, schema::encode_file_state(state));
}

void ArticleWriter::forget_files(Xapian::docid docid,
                                 const std::function<bool(const schema::IndexedFile&)>& leaving,
                                 IndexReport& report) {
  Xapian::Document document = database_.get_document(docid);
  schema::FileState state = state_of(document);
  const std::string first = first_locator(state);
  std::vector<schema::IndexedFile> left;
  std::erase_if(state.files, [&](const schema::IndexedFile& file) {
    if (!leaving(file)) return false;
    left.push_back(file);
    return true;
  });
  if (left.empty()) return;
  if (state.files.empty()) {
    remove_document(docid, document);
    ++report.articles_removed;
    return;
  }
  std::set<std::string> paths_left;
  for (const schema::IndexedFile& file : left) {
    if (!file.record.empty()) document.remove_term(file_term(file));
    paths_left.insert(file.path);
  }
  for (const schema::IndexedFile& kept : state.files) paths_left.erase(kept.path);
  for (const std::string& path : paths_left) document.remove_term(schema::path_term(path));
  write_state(docid, document, state, first);
}

void ArticleWriter::forget_file(const schema::IndexedFile& file, IndexReport& report) {
  const Xapian::docid docid = find(file_term(file));
  if (docid == 0) return;
  forget_files(
      docid,
      [&](const schema::IndexedFile& known) {
        return schema::is_file(known, file.path, file.record);
      },
      report);
}

void ArticleWriter::forget_path(const std::string& path, IndexReport& report) {
  for (Xapian::docid docid : postings(database_, schema::path_term(path))) {
    forget_files(
        docid, [&](const schema::IndexedFile& known) { return known.path == path; }, report);
  }
}

void ArticleWriter::forget_other_records(const std::string& path,
                                         const std::vector<std::string>& records,
                                         IndexReport& report) {
  const std::set<std::string> kept(records.begin(), records.end());
  for (Xapian::docid docid : postings(database_, schema::path_term(path))) {
    forget_files(
        docid,
        [&](const schema::IndexedFile& known) {
          return known.path == path && !kept.contains(known.record);
        },
        report);
  }
}

std::size_t ArticleWriter::remove_articles_with(const std::string& term, IndexReport& report) {
  const std::vector<Xapian::docid> docids = postings(database_, term);
  for (Xapian::docid docid : docids) {
    remove_document(docid, database_.get_document(docid));
    ++report.articles_removed;
  }
  return docids.size();
}

bool ArticleWriter::remove_article(const std::string& id_term, IndexReport& report) {
  const Xapian::docid docid = find(id_term);
  if (docid == 0) return false;
  remove_document(docid, database_.get_document(docid));
  ++report.articles_removed;
  return true;
}

void ArticleWriter::join_article(Xapian::docid holder, std::size_t target,
                                 const PreparedArticle& prepared, IndexReport& report) {
  const Xapian::Document old_document = database_.get_document(holder);
  schema::FileState state = state_of(old_document);
  Xapian::Document document = prepared.document;
  for (const schema::IndexedFile& file : state.files) add_file_terms(document, file);
  state.files.push_back(prepared.file);
  state.content_hash = prepared.content_hash;
  shards_.remove_passages(shards_.shard_of(holder), passages_of(old_document));
  shards_.add_passages(target, prepared.passages);
  // "": the stored path follows the first file.
  write_state(holder, document, state, "", target);
  ++report.articles_updated;
  ++report.articles_indexed;
  report.bytes_indexed += prepared.text_bytes;
}

void ArticleWriter::absorb(Xapian::Document& keeper, schema::FileState& state, Xapian::docid from) {
  const Xapian::Document duplicate = database_.get_document(from);
  for (const schema::IndexedFile& file : state_of(duplicate).files) {
    state.files.push_back(file);
    add_file_terms(keeper, file);
  }
  remove_document(from, duplicate);
}

// The groups of two or more articles that hold a term starting with `prefix`.
static std::vector<std::vector<Xapian::docid>> shared_terms(const Xapian::Database& database,
                                                            const std::string& prefix) {
  std::vector<std::vector<Xapian::docid>> groups;
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
    if (term.get_termfreq() >= 2) groups.push_back(postings(database, *term));
  }
  return groups;
}

// The files of an article merged from several, in the order a run of one writer would have
// met them: by path (the walk's order), then by record.
static void sort_files(schema::FileState& state) {
  std::stable_sort(state.files.begin(), state.files.end(),
                   [](const schema::IndexedFile& a, const schema::IndexedFile& b) {
                     return std::tie(a.path, a.record) < std::tie(b.path, b.record);
                   });
}

// Merges each group of articles into one: `keeper_of` picks the member that keeps its
// document (text, id and metadata); the others' files join it.
std::size_t ArticleWriter::merge_groups(
    const std::string& prefix,
    const std::function<std::size_t(const std::vector<schema::FileState>&)>& keeper_of) {
  std::size_t merged = 0;
  for (const std::vector<Xapian::docid>& group : shared_terms(database_, prefix)) {
    std::vector<schema::FileState> states;
    for (Xapian::docid docid : group) states.push_back(state_of(database_.get_document(docid)));
    const std::size_t keeper_index = keeper_of(states);
    const Xapian::docid keeper_docid = group[keeper_index];
    Xapian::Document keeper = database_.get_document(keeper_docid);
    schema::FileState state = states[keeper_index];
    const std::string first = first_locator(state);
    for (Xapian::docid docid : group) {
      if (docid == keeper_docid) continue;
      absorb(keeper, state, docid);
      ++merged;
    }
    sort_files(state);
    write_state(keeper_docid, keeper, state, first);
  }
  return merged;
}

void ArticleWriter::forget_stamps(const std::string& path) {
  shards_.note_file(path);
  for (Xapian::docid docid : postings(database_, schema::path_term(path))) {
    Xapian::Document document = database_.get_document(docid);
    schema::FileState state = state_of(document);
    for (schema::IndexedFile& file : state.files) {
      if (file.path == path) file.stamp = {};
    }
    const std::string first = first_locator(state);
    write_state(docid, document, state, first);
  }
}

std::size_t ArticleWriter::merge_duplicate_texts() {
  // The same text: which document stays does not matter, only the order of the files.
  return merge_groups(std::string(schema::prefix_of(schema::FieldId::kContentHash)),
                      [](const std::vector<schema::FileState>&) { return std::size_t{0}; });
}

std::size_t ArticleWriter::merge_same_ids() {
  // One writer would have read the files in path order, each record stating the id
  // replacing the article's text: the text of the last file stays.
  return merge_groups(std::string(schema::prefix_of(schema::FieldId::kId)),
                      [](const std::vector<schema::FileState>& states) {
                        auto last_file = [](const schema::FileState& state) {
                          std::string last;
                          for (const schema::IndexedFile& file : state.files) {
                            last = std::max(last, schema::file_locator(file.path, file.record));
                          }
                          return last;
                        };
                        std::size_t last = 0;
                        for (std::size_t i = 1; i < states.size(); ++i) {
                          if (last_file(states[i]) > last_file(states[last])) last = i;
                        }
                        return last;
                      });
}

}  // namespace pressclip::indexer
