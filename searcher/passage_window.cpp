// Widening passages by sentences and trimming very long ones at spaces.
#include "searcher/passage_window.h"

#include <algorithm>

namespace pressclip::searcher {
namespace {

// How much text is kept before the first match of a trimmed passage, at most.
constexpr std::size_t kLeadBeforeMatch = 80;

}  // namespace

schema::TextSpan widen_by_sentences(const std::vector<schema::TextSpan>& sentences,
                                    schema::TextSpan span, std::size_t count) {
  if (count == 0 || sentences.empty()) return span;
  // The first sentence ending after the span starts, and the last starting before it ends.
  auto first = std::partition_point(sentences.begin(), sentences.end(),
                                    [&](const schema::TextSpan& s) { return s.end <= span.start; });
  auto last = std::partition_point(sentences.begin(), sentences.end(),
                                   [&](const schema::TextSpan& s) { return s.start < span.end; });
  const auto first_index = static_cast<std::size_t>(first - sentences.begin());
  const auto end_index = static_cast<std::size_t>(last - sentences.begin());  // One past.
  const std::size_t widened_first = first_index - std::min(first_index, count);
  const std::size_t widened_end = std::min(sentences.size(), end_index + count);
  if (widened_first < sentences.size()) {
    span.start = std::min(span.start, sentences[widened_first].start);
  }
  if (widened_end > 0) span.end = std::max(span.end, sentences[widened_end - 1].end);
  return span;
}

TrimmedSpan trim_long_span(std::string_view text, schema::TextSpan span, std::size_t first_match) {
  if (span.end - span.start <= kLongestPassageShown) return {span, false, false};
  first_match = std::clamp(first_match, span.start, span.end);
  std::size_t start = first_match - std::min(first_match - span.start, kLeadBeforeMatch);
  std::size_t end = std::min(span.end, start + kTrimmedPassageBytes);
  // Cut at spaces: start after one, end before one, never inside a word (or a UTF-8 sequence).
  if (start > span.start) {
    const std::size_t space = text.find(' ', start);
    start = space != std::string_view::npos && space < first_match ? space + 1 : first_match;
  }
  if (end < span.end) {
    const std::size_t space = text.rfind(' ', end);
    end = space != std::string_view::npos && space > first_match ? space : span.end;
  }
  return {{start, end}, start > span.start, end < span.end};
}

}  // namespace pressclip::searcher
