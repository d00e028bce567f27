// Applying prepared articles and file changes to the index, keeping file state in step.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

#include "indexer/article_preparer.h"
#include "pressclip/indexer.h"

namespace pressclip::indexer {

/// Writes into an open WritableDatabase (inside the caller's transaction): new and changed
/// articles, new stamps, extra paths of a known text, files gone. Every change to an
/// article's files rewrites its file state value and path terms in the same document, so
/// the index and its change-detection state are committed together. Keeps the running
/// total of passages that the caller stores at each commit.
///
/// Thread-safety: not thread-safe; the writing thread only.
class ArticleWriter {
 public:
  ArticleWriter(Xapian::WritableDatabase& database, std::size_t passage_total)
      : database_(database), passage_total_(passage_total) {}

  /// Applies `prepared` (not kSkipped) and counts it in `report`. Returns false, changing
  /// nothing, for a kAddPath whose article is gone since the run started: the caller then
  /// prepares the file again in full.
  bool apply(const PreparedArticle& prepared, IndexReport& report);

  /// Takes `path` out of the article it belongs to; removes the article with its last file.
  /// Does nothing if no article has it.
  void forget_path(const std::string& path, IndexReport& report);

  /// Removes the article whose id term is `id_term`; false if there is none.
  bool remove_article(const std::string& id_term, IndexReport& report);

  /// Makes one article of the articles that share a text (a parallel build writes each
  /// file as its own): the first keeps them all as its files. Returns how many merged.
  std::size_t merge_duplicate_texts();

  std::size_t passage_total() const { return passage_total_; }

 private:
  Xapian::docid find(const std::string& term);
  void add_file(Xapian::docid docid, const schema::IndexedFile& file);
  void restamp(Xapian::docid docid, const schema::IndexedFile& file);
  std::size_t passages_of(const Xapian::Document& document);
  void rekey(Xapian::Document& document, const std::string& id);
  void write_state(Xapian::docid docid, Xapian::Document& document, schema::FileState& state,
                   const std::string& old_first_path);

  Xapian::WritableDatabase& database_;
  std::size_t passage_total_;
};

}  // namespace pressclip::indexer
