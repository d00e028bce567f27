// Metadata precedence: front matter or the document's markup, then manifest, then the text
// itself, then defaults.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pressclip/article.h"
#include "schema/name_aliases.h"
#include "schema/sentence_splitter.h"

namespace pressclip::indexer {

/// The candidate values for each field, by layer. Each map is field name -> value.
struct MetadataLayers {
  std::map<std::string, std::string> given;  ///< Fields given by the program (ArticleFields).
  std::map<std::string, std::string> front_matter;
  /// What the file's markup or headers state (an HTML page's meta tags). A file has front
  /// matter or this, never both, so the two share a rank.
  std::map<std::string, std::string> document;
  std::map<std::string, std::string> manifest;
  std::map<std::string, std::string> text;
};

/// Titles derived from the first sentence are cut to about this many bytes, at a word.
inline constexpr std::size_t kMaxDefaultTitleBytes = 200;

/// The name tables metadata is normalised with.
struct NameTables {
  const schema::NameAliases& sources;
  const schema::NameAliases& agencies;
};

/// Picks each field's value from the highest layer that has a usable one, recording where
/// it came from. A date that schema::parse_metadata_date cannot read (or finds ambiguous) is
/// not usable: it is reported in `problems` and the next layer is tried. With no usable
/// date, one is inferred from the text (indexer/date_inference.h), with origin kInferred.
/// Defaults: title is the first sentence (`first_sentence` of `text`), cut at a word
/// boundary past kMaxDefaultTitleBytes with "…"; other fields are unknown (empty). Source
/// names become their canonical name in `names.sources`; dates are stored in ISO form at
/// their precision. Agencies come from an `agency` value (any layer but the text; several
/// separated by commas or semicolons), then the credits in the text, then the source itself
/// if it is a known agency; each canonical agency once.
ArticleMetadata resolve_metadata(const MetadataLayers& layers, std::string_view text,
                                 schema::TextSpan first_sentence, const NameTables& names,
                                 std::vector<std::string>& problems);

/// `text` cut to at most `max_bytes` at a word boundary (never inside a UTF-8 sequence),
/// with "…" appended when cut.
std::string shorten_at_word(std::string_view text, std::size_t max_bytes);

}  // namespace pressclip::indexer
