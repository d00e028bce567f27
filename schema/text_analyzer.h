// The one text analyser shared by indexer and searcher: words, normalisation, stemming.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schema/sentence_splitter.h"

namespace pressclip::schema {

/// A word of a text: its normalised term and where it stands.
struct Token {
  std::string term;            ///< Normalised form (see TextAnalyzer::normalise_word).
  std::size_t start = 0;       ///< Byte offset of the word in the text.
  std::size_t end = 0;         ///< Byte offset just past the word.
  std::uint32_t position = 0;  ///< Term position (from 1), with a gap between sentences.
  std::uint32_t sentence = 0;  ///< Index of the sentence holding the word.
};

/// A text cut into sentences and words.
struct AnalysedText {
  std::vector<TextSpan> sentences;
  std::vector<Token> tokens;
};

/// Extra positions left between sentences, so that a phrase never matches across a
/// sentence boundary (a NEAR window of more than this many words still can).
inline constexpr std::uint32_t kSentencePositionGap = 1;

/// Words longer than this many bytes (after normalisation) are not indexed: they are
/// garbage (base64, long URLs) and Xapian caps term length.
inline constexpr std::size_t kMaxTermBytes = 64;

/// The version of the analysis and term rules, recorded in every index: an index built
/// under other rules is refused rather than searched wrongly. Change it whenever a change
/// to these rules, or to the terms the document builder derives from them, would make old
/// indexes disagree with new queries. (v2: words found within each sentence; title words
/// with positions; language codes normalised like source names.)
inline constexpr std::string_view kAnalysisVersion =
    "icu-sentences-titles-initials/icu-words-per-sentence/nfkc-casefold/strip-marks/"
    "ascii-apostrophe/strip-possessive/acronym-dots/v3";

/// Text analysis. The rules, applied identically to article text and to query words:
/// words are found by ICU's word BreakIterator (UAX #29: letters, numbers, ideographs);
/// each is NFKC-case-folded, stripped of combining marks (é -> e), its typographic
/// apostrophes made ASCII, a final "'s" or "'" removed (Niger’s -> niger), and the dots of
/// an acronym dropped (U.S. -> us). Stemming uses Xapian's Snowball stemmer.
///
/// Thread-safety: not thread-safe (holds ICU iterators and a stemmer); one per thread.
class TextAnalyzer {
 public:
  /// Throws Error kBadArgument if `stemmer_language` is not a Snowball language Xapian knows.
  explicit TextAnalyzer(const std::string& stemmer_language);
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  /// Sentences and words of `text` (valid UTF-8), word positions leaving a gap of
  /// kSentencePositionGap between sentences.
  AnalysedText analyse(std::string_view text);

  /// The words of a short text (a title), positions consecutive, no sentence splitting.
  std::vector<Token> words(std::string_view text);

  /// The normalised form of one word; may be empty (a lone apostrophe).
  std::string normalise_word(std::string_view word) const;

  /// The words of `text` normalised and joined by single spaces: the key for exact-value
  /// fields, so that "The  Télégraph" and "the telegraph" agree.
  std::string normalise_phrase(std::string_view text);

  /// A query string with each word normalised as text is, and everything else kept: the
  /// query syntax (quotes, parentheses, field names, "..", "-", "*", NEAR/n) and the
  /// operators AND, OR, NOT, XOR, NEAR and ADJ written in capitals. Typographic double
  /// quotes and guillemets become '"' so they delimit phrases.
  std::string normalise_query(std::string_view query);

  /// The Snowball stem of a normalised term.
  std::string stem(const std::string& term) const;

  /// The stemmer language this analyser was built with.
  const std::string& stemmer_language() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressclip::schema
