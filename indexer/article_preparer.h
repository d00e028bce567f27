// From an article file to the Xapian document that represents it, ready to be written.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
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

/// An article read, analysed and turned into a document; or a file skipped, with why.
struct PreparedArticle {
  std::string path;
  bool skipped = false;
  std::vector<IndexWarning> warnings;  ///< Problems found, in order (the skip reason too).
  std::string id_term;                 ///< The unique id term to replace by.
  Xapian::Document document;
  std::size_t passages = 0;
  std::size_t text_bytes = 0;
};

/// Reads an article file (plain text with optional front matter), resolves its metadata
/// (front matter, then the manifests, then text lines, then inference and defaults), analyses it
/// and builds its document. Touches no database, so it can run on another thread than the writer.
///
/// Thread-safety: not thread-safe (owns an analyser); one thread at a time.
class ArticlePreparer {
 public:
  ArticlePreparer(const std::string& stemmer_language, const MetadataInputs& inputs);

  /// The prepared article for the file at canonical path `path`. A file that cannot be an
  /// article is returned skipped with a warning, never thrown.
  PreparedArticle prepare(const std::string& path);

 private:
  schema::TextAnalyzer analyzer_;
  DocumentBuilder builder_;
  const MetadataInputs& inputs_;
};

}  // namespace pressclip::indexer
