// What of an article is shown for a passage: widened by sentences, or trimmed when too long.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "pressclip/searcher.h"
#include "schema/sentence_splitter.h"

namespace pressclip::searcher {

/// Passages longer than this many bytes (only a single very long sentence makes one) are
/// shown trimmed around their first match.
inline constexpr std::size_t kLongestPassageShown = 600;

/// About how many bytes of a trimmed passage are shown.
inline constexpr std::size_t kTrimmedPassageBytes = 320;

/// `span` extended to the start of the `count`-th sentence before it and the end of the
/// `count`-th sentence after it (fewer at the article's ends). `sentences` are the article's
/// sentences in order; a sentence that `span` only touches counts as inside it.
schema::TextSpan widen_by_sentences(const std::vector<schema::TextSpan>& sentences,
                                    schema::TextSpan span, std::size_t count);

/// A stretch of article text to show, and whether text was cut off on either side.
struct TrimmedSpan {
  schema::TextSpan span;
  bool cut_before = false;
  bool cut_after = false;
};

/// `span` of `text` unchanged if it is at most kLongestPassageShown bytes; otherwise about
/// kTrimmedPassageBytes of it starting a little before `first_match` (an offset into
/// `text`), cut at spaces so that no word is split, and flagged as cut.
TrimmedSpan trim_long_span(std::string_view text, schema::TextSpan span, std::size_t first_match);

}  // namespace pressclip::searcher
