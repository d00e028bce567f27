// Sentence segmentation: ICU's sentence rules, plus run-together sentences split apart.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace pressclip::schema {

/// A byte range [start, end) of a UTF-8 text.
struct TextSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

/// Splits UTF-8 text into sentences.
///
/// The rule: ICU's sentence BreakIterator (Unicode UAX #29, which also ends a sentence at
/// every line break), then each sentence is split again where a sentence-ending mark is
/// glued to the next sentence, as in "Western nations.Demonstrators in": a '.', '!' or '?'
/// preceded by a lowercase letter, a digit, a closing quote or bracket, followed directly
/// (closing quotes allowed) by an uppercase letter or an opening quote and an uppercase
/// letter. An uppercase letter before the mark ("U.S.A") never splits. Spans are trimmed of
/// surrounding white space; empty ones are dropped.
///
/// Thread-safety: not thread-safe (holds an ICU iterator); use one per thread.
class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  /// The sentences of `text`, in order, non-overlapping. Requires valid UTF-8.
  std::vector<TextSpan> split(std::string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace pressclip::schema
