// Metadata precedence: front matter, then manifest, then the text itself, then defaults.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pressclip/article.h"
#include "schema/sentence_splitter.h"

namespace pressclip::indexer {

/// The candidate values for each field, by layer. Each map is field name -> value.
struct MetadataLayers {
  std::map<std::string, std::string> front_matter;
  std::map<std::string, std::string> manifest;
  std::map<std::string, std::string> text;
};

/// Titles derived from the first sentence are cut to about this many bytes, at a word.
inline constexpr std::size_t kMaxDefaultTitleBytes = 200;

/// Picks each field's value from the highest layer that has a usable one, recording where
/// it came from. A date that is not ISO 8601 ("2023", "2023-08", "2023-08-03", or a
/// date-time) is not usable: it is reported in `problems` and the next layer is tried.
/// Defaults: title is the first sentence (`first_sentence` of `text`), cut at a word
/// boundary past kMaxDefaultTitleBytes with "…"; other fields are unknown (empty). Source
/// names have their white space collapsed; dates are stored in ISO form at their precision.
ArticleMetadata resolve_metadata(const MetadataLayers& layers, std::string_view text,
                                 schema::TextSpan first_sentence,
                                 std::vector<std::string>& problems);

/// `text` cut to at most `max_bytes` at a word boundary (never inside a UTF-8 sequence),
/// with "…" appended when cut.
std::string shorten_at_word(std::string_view text, std::size_t max_bytes);

}  // namespace pressclip::indexer
