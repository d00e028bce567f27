// From an article file to the Xapian document that represents it, ready to be written.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/index_state.h"
#include "indexer/manifest.h"
#include "indexer/metadata_resolver.h"
#include "pressclip/indexer.h"
#include "schema/text_analyzer.h"

namespace pressclip::indexer {

/// What metadata is resolved with, besides the article file itself.
struct MetadataInputs {
  const ManifestSet& manifests;
  NameTables names;
};

/// What the writer must do with a prepared file.
enum class PreparedKind {
  kSkipped,  ///< Not an article (unreadable, malformed): nothing; an earlier article stays.
  kRestamp,  ///< The text is the one recorded for this path: only record the new stamp.
  kAddPath,  ///< The text is an article's already: add this path to it (a duplicate, a move).
  kFull,     ///< A new or changed text: write `document` (replacing `replaces`, if set).
};

/// An article read, analysed and turned into a document; or a file skipped, with why.
struct PreparedArticle {
  std::string path;
  PreparedKind kind = PreparedKind::kFull;
  bool skipped = false;                ///< kind == kSkipped.
  std::vector<IndexWarning> warnings;  ///< Problems found, in order (the skip reason too).
  schema::IndexedFile file;            ///< The path with its stamp and metadata hash.
  std::string content_hash;
  std::string article_id;
  std::string id_term;  ///< The unique id term of the article written (kFull).
  /// kFull: the document of the article that this path alone belonged to, replaced in
  /// place (0 for a new article). kAddPath: the article whose text this is.
  Xapian::docid target = 0;
  Xapian::Document document;
  std::size_t passages = 0;
  std::size_t text_bytes = 0;
};

/// Reads an article file with the reader for its format (indexer/article_readers.h), resolves
/// its metadata (front matter or the document's markup, then the manifests, then text lines,
/// then inference and defaults), analyses it and builds its document. A file is one article:
/// should a reader find several in it (no reader does yet), the first is indexed and the
/// others are reported in a warning. Touches no database, so it can run on another thread
/// than the writer.
///
/// Thread-safety: not thread-safe (owns an analyser); one thread at a time.
class ArticlePreparer {
 public:
  /// `state` is what the index held when the run started (null for a new index): a file
  /// whose text it already holds is not analysed again. It must outlive the preparer.
  ArticlePreparer(const std::string& stemmer_language, const MetadataInputs& inputs,
                  const IndexState* state = nullptr);

  /// The prepared article for the file at canonical path `path`. A file that cannot be an
  /// article is returned skipped with a warning, never thrown.
  PreparedArticle prepare(const std::string& path);

  /// The prepared article for `content` (a file's bytes, read as plain text) with no file
  /// behind it, under `id` (or an id derived from its hash if empty). Throws Error
  /// kBadArgument if it is not an article.
  PreparedArticle prepare_text(std::string content, const std::string& id);

  /// The prepared article for `fields` given by a program (no file, no front matter), under
  /// fields.id or an id derived from a hash of all the fields. Throws Error kBadArgument if a
  /// value is not valid UTF-8 or the text has no sentences.
  PreparedArticle prepare_fields(const ArticleFields& fields);

 private:
  PreparedArticle analyse(PreparedArticle prepared, std::string content);
  PreparedArticle analyse_parsed(PreparedArticle prepared, std::string text, MetadataLayers layers,
                                 std::string charset);
  std::string unique_id(const std::string& wanted, const std::string& fallback_seed);

  schema::TextAnalyzer analyzer_;
  DocumentBuilder builder_;
  const MetadataInputs& inputs_;
  const IndexState* state_;
  std::unordered_set<std::string> assigned_ids_;
};

}  // namespace pressclip::indexer
