// "Did you mean": corrections for misspelt query words from the index's own vocabulary.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "schema/text_analyzer.h"
#include "searcher/search_deadline.h"

namespace pressclip::searcher {

/// Suggests a corrected query when a word of it (4 letters or more) is in at most 2
/// articles: the closest word of the index that starts with the same letter, occurs in
/// more than twice as many articles, and is one edit away (two for a word of 8 letters or
/// more that the index lacks); among equally close ones, the most frequent. An edit
/// inserts, deletes or replaces a letter or swaps two neighbours. Uses no spelling table:
/// it scans the index's words that start with that letter.
///
/// Thread-safety: not thread-safe (shares the database handle and analyser).
class SpellingSuggester {
 public:
  /// If `deadline` is given (it must outlive the suggester), scanning the vocabulary ticks
  /// it, so suggest() and correct() throw DeadlineExpired once it has passed.
  SpellingSuggester(const Xapian::Database& database, schema::TextAnalyzer& analyzer,
                    SearchDeadline* deadline = nullptr);

  /// `query` with each correctable word replaced (its first letter kept in capitals if it
  /// was), the rest unchanged: operators, field names and values, wildcards and words with
  /// digits are never corrected. std::nullopt if no word has a correction.
  std::optional<std::string> suggest(const std::string& query);

  /// The correction of one normalised word, or std::nullopt.
  std::optional<std::string> correct(const std::string& word);

 private:
  const Xapian::Database& database_;
  schema::TextAnalyzer& analyzer_;
  SearchDeadline* deadline_;
};

/// The optimal-string-alignment edit distance between `a` and `b` (in code points:
/// insertions, deletions, substitutions and swaps of neighbours), or `limit` + 1 if it is
/// more than `limit`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit);

}  // namespace pressclip::searcher
