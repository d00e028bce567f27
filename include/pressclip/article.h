// The article model shared by indexing and searching: metadata with provenance, passages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pressclip/export.h"

namespace pressclip {

/// Where a metadata value came from, in decreasing order of precedence.
enum class FieldOrigin {
  kFrontMatter,  ///< A YAML front matter block at the top of the article file.
  kManifest,     ///< A row of a metadata manifest (TSV) naming the file.
  kText,         ///< A line of the article text that states it ("Source: BBC").
  kCredit,       ///< A wire agency's credit in the text ("(with AFP)", "- REUTERS").
  kInferred,     ///< Inferred from the text: a date from its dateline or the dates it mentions.
  kDefault,      ///< Nothing stated it; a documented default was used.
};

/// Returns "front matter", "manifest", "text line", "credit", "inferred from text" or
/// "default". Thread-safe.
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
  std::string id;    ///< Stable identifier: 16 hex digits derived from the file's path.
  std::string path;  ///< Absolute path of the file it was read from ("" if added from stdin).
  /// Further files with the same text (docs/index-format.md), in the order they were found.
  std::vector<std::string> other_paths;
  ArticleMetadata metadata;
  std::string text;                   ///< The article text, as read (UTF-8).
  std::vector<PassageSpan> passages;  ///< In text order, covering every sentence.
};

}  // namespace pressclip
