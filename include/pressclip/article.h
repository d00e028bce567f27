// The article model shared by indexing and searching: metadata with provenance, passages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pressclip/export.h"

namespace pressclip {

/// Where a metadata value came from, in decreasing order of precedence.
enum class FieldOrigin {
  kGiven,  ///< Given by the embedding program as a field (Indexer::add_article(ArticleFields)).
  kFrontMatter,  ///< A YAML front matter block at the top of the article file.
  kDocument,     ///< The file's own markup or headers: HTML meta tags and JSON-LD, ranked as
                 ///< front matter (a file has one or the other).
  kManifest,     ///< A row of a metadata manifest (TSV) naming the file.
  kText,         ///< A line of the article text that states it ("Source: BBC").
  kCredit,       ///< A wire agency's credit in the text ("(with AFP)", "- REUTERS").
  kInferred,     ///< Inferred from the text: a date from its dateline or the dates it mentions.
  kDefault,      ///< Nothing stated it; a documented default was used.
};

/// Returns "given", "front matter", "document", "manifest", "text line", "credit", "inferred
/// from text" or "default". Thread-safe.
PRESSCLIP_EXPORT const char* to_string(FieldOrigin origin) noexcept;

/// One metadata value and its provenance. An empty value means "unknown".
struct MetadataField {
  std::string value;
  FieldOrigin origin = FieldOrigin::kDefault;
};

/// The descriptive fields of an article. `date` is ISO 8601 at its precision: "2023",
/// "2023-08" or "2023-08-03", or empty when unknown; its origin is kInferred when no
/// metadata gave it (docs/sources-and-agencies.md). `source` is the publisher's canonical
/// name (through the alias table); `agencies` are the wire agencies whose copy the article
/// carries, each once, by canonical name, in order of first mention.
struct ArticleMetadata {
  MetadataField title;
  MetadataField source;
  MetadataField date;
  MetadataField url;
  MetadataField language;
  std::vector<MetadataField> agencies;
};

/// An article handed over by an embedding program as fields in memory, not as a file
/// (Indexer::add_article). Every value must be valid UTF-8; empty means "not given". Values
/// are read as the same fields of front matter are (docs/sources-and-agencies.md), with origin
/// FieldOrigin::kGiven, which takes precedence over every other origin.
struct ArticleFields {
  /// 1-128 printable ASCII characters other than space, '"', '(', ')' and '\\'; empty:
  /// derived from a hash of all the fields, so that the same fields added twice make one
  /// article. An article with this id is replaced.
  std::string id;
  std::string title;   ///< Empty: the first sentence of the text.
  std::string source;  ///< The publisher, mapped through the alias table.
  std::string date;    ///< Any form a metadata date takes ("2023-08-03", "3 August 2023").
  std::string url;
  std::string language;  ///< A language code such as "en" (recorded, not used for analysis).
  std::vector<std::string> agencies;  ///< Wire agencies; credits in the text are added.
  std::string text;  ///< The article text (plain UTF-8, read as is: no front matter).
};

/// A run of consecutive sentences of an article: the unit that searches rank and show.
/// `start` and `end` are byte offsets into the article text (the file's content after any
/// front matter block); `text` is that byte range.
struct PassageSpan {
  std::size_t index = 0;  ///< Position of the passage in its article, from 0.
  std::size_t start = 0;
  std::size_t end = 0;
};

/// An indexed article as stored in the index, for `show` and for embedders.
struct ArticleRecord {
  /// Stable identifier: the id given by the program or stated by the article (a JSON Lines
  /// "id", an e-mail's Message-ID), else 16 hex digits derived from its file's path.
  std::string id;
  std::string path;  ///< Absolute path of the file it was read from ("" if added from stdin).
  /// In a file of several articles (JSON Lines, mbox): the article's record key in `path`,
  /// its stated id or its position ("line-7", "message-3"); "" for a file of one article.
  std::string record;
  /// Further files with the same text (docs/index-format.md), in the order they were found;
  /// a record of a file of several articles as "PATH#RECORD".
  std::vector<std::string> other_paths;
  ArticleMetadata metadata;
  std::string text;                   ///< The article text, as read (UTF-8).
  std::vector<PassageSpan> passages;  ///< In text order, covering every sentence.
  /// The character encoding the file was converted to UTF-8 from: "UTF-8" for UTF-8 (and for
  /// fields given by a program), else a name such as "ISO-8859-1" or "windows-1252"
  /// (docs/index-format.md).
  std::string charset = "UTF-8";
};

}  // namespace pressclip
