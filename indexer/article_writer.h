// Applying prepared articles and file changes to the index, keeping file state in step.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "indexer/article_preparer.h"
#include "indexer/index_shards.h"
#include "pressclip/indexer.h"

namespace pressclip::indexer {

/// Writes into open shards (inside the caller's batch): new and changed articles, new
/// stamps, extra paths of a known text, files gone. Every change to an article's files
/// rewrites its file state value and path terms in the same document, so the index and its
/// change-detection state are committed together. A new or changed article goes to the
/// shard of its date, leaving the one it was in. Keeps each shard's passage total.
///
/// Thread-safety: not thread-safe; the writing thread only.
class ArticleWriter {
 public:
  explicit ArticleWriter(IndexShards& shards) : shards_(shards), database_(shards.database()) {}

  /// Applies `prepared` (not kSkipped) and counts it in `report`. Returns false, changing
  /// nothing, for a kAddPath whose article is gone since the run started: the caller then
  /// prepares the file again in full.
  bool apply(const PreparedArticle& prepared, IndexReport& report);

  /// Takes the file `path`, with all its records, out of the articles it belongs to; removes
  /// an article with its last file. Does nothing if no article has it.
  void forget_path(const std::string& path, IndexReport& report);

  /// Takes the records of `path` other than `records` (and the file as a whole) out of the
  /// articles they belong to: the file now holds these records only.
  void forget_other_records(const std::string& path, const std::vector<std::string>& records,
                            IndexReport& report);

  /// Removes the article whose id term is `id_term`; false if there is none.
  bool remove_article(const std::string& id_term, IndexReport& report);

  /// Removes every article that holds the term `term` (an id, path or record term);
  /// returns how many.
  std::size_t remove_articles_with(const std::string& term, IndexReport& report);

  /// Makes one article of the articles that share a text (a parallel build writes each
  /// file as its own): the first keeps them all as its files. Returns how many merged.
  std::size_t merge_duplicate_texts();

  /// Makes one article of the articles that share an id (parallel writers cannot see each
  /// other's ids: records in two files may state the same one): the first keeps its text
  /// and takes the others' files. Returns how many merged.
  std::size_t merge_same_ids();

  /// Marks the files recorded under `path` as stamped never, so that the next run reads the
  /// file again (a killed run may have committed some of its records and not others).
  void forget_stamps(const std::string& path);

 private:
  // Where kFull `prepared` stands: the article of its file, and one of its text.
  struct Found {
    Xapian::docid previous = 0;
    Xapian::docid same_text = 0;
  };
  Found find_article(const PreparedArticle& prepared, const std::string& path_term);
  // The shard for `prepared`'s document; found before any docid is (a new shard renumbers
  // them), and made only if the document will be written.
  std::size_t target_shard(const PreparedArticle& prepared, const std::string& path_term,
                           Found& found);
  // Writes `document` as article `docid`, in place if it is in shard `target`, else moved
  // there (its old shard committed first).
  void store(Xapian::docid docid, std::size_t target, const Xapian::Document& document);
  // Before a file leaves the article `from` for one in shard `to`.
  void leaving(Xapian::docid from, std::size_t to);
  void remove_document(Xapian::docid docid, const Xapian::Document& document);
  Xapian::docid find(const std::string& term);
  // Takes the files for which `leaving` is true out of article `docid` (removing it with
  // its last file) and drops their terms.
  void forget_files(Xapian::docid docid,
                    const std::function<bool(const schema::IndexedFile&)>& leaving,
                    IndexReport& report);
  // Takes one file (or record) out of the article that holds it.
  void forget_file(const schema::IndexedFile& file, IndexReport& report);
  void add_file(Xapian::docid docid, const schema::IndexedFile& file);
  // Writes `prepared` in place of article `holder`, which states the same id, keeping the
  // holder's files beside the prepared one.
  void join_article(Xapian::docid holder, std::size_t target, const PreparedArticle& prepared,
                    IndexReport& report);
  // Merges each group of two or more articles sharing a term that starts with `prefix` into
  // the member `keeper_of` picks.
  std::size_t merge_groups(
      const std::string& prefix,
      const std::function<std::size_t(const std::vector<schema::FileState>&)>& keeper_of);
  // Moves the files of article `from` into `keeper` (its state and terms), deleting `from`.
  void absorb(Xapian::Document& keeper, schema::FileState& state, Xapian::docid from);
  void restamp(Xapian::docid docid, const schema::IndexedFile& file);
  std::size_t passages_of(const Xapian::Document& document);
  void rekey(Xapian::Document& document, const std::string& id);
  // `target`: the shard to write it to, kSameShard for the one it is in.
  static constexpr std::size_t kSameShard = static_cast<std::size_t>(-1);
  void write_state(Xapian::docid docid, Xapian::Document& document, schema::FileState& state,
                   const std::string& old_first_path, std::size_t target = kSameShard);

  IndexShards& shards_;
  Xapian::WritableDatabase& database_;  // Every shard as one, for lookups.
};

}  // namespace pressclip::indexer
