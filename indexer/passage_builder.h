// Grouping sentences into passages, the units that searches rank and show.
#pragma once

#include <cstddef>
#include <vector>

#include "pressclip/article.h"
#include "schema/sentence_splitter.h"

namespace pressclip::indexer {

/// A passage keeps taking the next sentence while it has fewer than this many sentences...
inline constexpr std::size_t kMaxSentencesPerPassage = 3;
/// ...and is shorter than this many bytes...
inline constexpr std::size_t kPassageTargetBytes = 240;
/// ...and would not grow past this many bytes by taking it.
inline constexpr std::size_t kPassageMaxBytes = 600;

/// Groups consecutive sentences into passages by the rule above: short sentences (headings,
/// captions, one-line paragraphs) join their neighbours, a long sentence stands alone, and
/// no passage exceeds three sentences. Passages cover every sentence, in order; a passage
/// spans from its first sentence's start to its last sentence's end.
std::vector<PassageSpan> build_passages(const std::vector<schema::TextSpan>& sentences);

}  // namespace pressclip::indexer
