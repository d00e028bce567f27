// From an article file to the Xapian document that represents it, ready to be written.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/article_reader.h"
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

/// What the writer must do with a prepared file or record.
enum class PreparedKind {
  kSkipped,  ///< Not an article (unreadable, malformed): nothing; an earlier article stays.
  kRestamp,  ///< The text is the one recorded for this path: only record the new stamp.
  kAddPath,  ///< The text is an article's already: add this path to it (a duplicate, a move).
  kFull,     ///< A new or changed text: write `document` (replacing `replaces`, if set).
  /// The end of a file of several articles read whole: its records are `records` now, and
  /// any other record recorded for the path is gone.
  kRecordsEnd,
};

/// An article read, analysed and turned into a document; or a file skipped, with why; or the
/// end of a file of several articles.
struct PreparedArticle {
  std::string path;
  PreparedKind kind = PreparedKind::kFull;
  bool skipped = false;  ///< kind == kSkipped.
  /// True for the last item of a file: a file of one article, a skipped file, kRecordsEnd.
  bool ends_file = true;
  std::vector<IndexWarning> warnings;  ///< Problems found, in order (the skip reason too).
  schema::IndexedFile file;            ///< The path (and record) with its stamp and metadata hash.
  std::vector<std::string> records;    ///< kRecordsEnd: every record key the file holds now.
  std::string content_hash;
  std::string article_id;
  /// The id was stated by the record itself (JSON Lines "id", Message-ID): it names one
  /// article, so a record stating the id of another article's joins and replaces it.
  bool stated_id = false;
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
/// then inference and defaults), analyses it and builds its document. A file of several
/// articles (JSON Lines, mbox) gives one prepared article per record, then a kRecordsEnd.
/// Touches no database, so it can run on another thread than the writer.
///
/// Thread-safety: not thread-safe (owns an analyser); one thread at a time.
class ArticlePreparer {
 public:
  /// `state` is what the index held when the run started (null for a new index): a file
  /// whose text it already holds is not analysed again. It must outlive the preparer.
  ArticlePreparer(const std::string& stemmer_language, const MetadataInputs& inputs,
                  const IndexState* state = nullptr);

  /// Hands `emit` the prepared articles of the file at canonical path `path`, in order: one
  /// for a file of one article, or one per record and a kRecordsEnd; the last has
  /// `ends_file`. A file that cannot be read is one skipped item with a warning, never
  /// thrown. Stops early, returning false, when `emit` returns false.
  bool prepare(const std::string& path, const std::function<bool(PreparedArticle)>& emit);

  /// The prepared articles of `path`, as prepare(path, emit) hands them (for tests and for
  /// reading one file again).
  std::vector<PreparedArticle> prepare(const std::string& path);

  /// The prepared article for `content` (a file's bytes, read as plain text) with no file
  /// behind it, under `id` (or an id derived from its hash if empty). Throws Error
  /// kBadArgument if it is not an article.
  PreparedArticle prepare_text(std::string content, const std::string& id);

  /// The prepared article for `fields` given by a program (no file, no front matter), under
  /// fields.id or an id derived from a hash of all the fields. Throws Error kBadArgument if a
  /// value is not valid UTF-8 or the text has no sentences.
  PreparedArticle prepare_fields(const ArticleFields& fields);

 private:
  // The prepared article of a file of one article, read as `raw`.
  PreparedArticle prepare_whole_file(PreparedArticle prepared, RawArticle raw);
  // The prepared article of record `raw` of the file described by `file`.
  PreparedArticle prepare_record(const PreparedArticle& file, RawArticle raw);
  // `prepared` (path, file and content hash set) as the index now holds it: a restamp, a
  // path added to the article of the same text, or read in full from `raw`.
  PreparedArticle compare_and_analyse(PreparedArticle prepared, RawArticle raw,
                                      const std::string& wanted_id);
  PreparedArticle analyse_raw(PreparedArticle prepared, RawArticle raw);
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
