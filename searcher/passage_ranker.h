// Scoring an article's passages against a query, and marking the matching words.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "pressclip/article.h"
#include "pressclip/searcher.h"
#include "schema/text_analyzer.h"
#include "searcher/query_units.h"

namespace pressclip::searcher {

/// BM25 parameters applied to passages: term-frequency saturation and length normalisation.
inline constexpr double kPassageK1 = 1.2;
inline constexpr double kPassageB = 0.75;

/// That a token matches term `term` of query unit `unit`.
struct UnitTerm {
  std::size_t unit = 0;
  std::size_t term = 0;
};

/// A passage of one article, scored.
struct ScoredPassage {
  std::size_t index = 0;
  double score = 0.0;
  /// False if the query requires a phrase or NEAR group that this article has elsewhere but
  /// this passage lacks: such a passage is never shown for the article.
  bool eligible = true;
  std::vector<Highlight> highlights;  ///< Byte ranges relative to the passage start.
};

/// The BM25 inverse document frequency of a term in `documents_with_term` of `documents`.
double bm25_idf(double documents, double documents_with_term);

/// Scores passages (docs/ranking.md): for each positive query unit u present in passage P,
///   idf(u) * tf(u,P) * (k1 + 1) / (tf(u,P) + k1 * (1 - b + b * len(P) / avglen))
/// summed over the units, where tf counts occurrences of the word, of the whole phrase, or
/// of a NEAR window holding every word; len is P's length in words. Matching words are
/// re-found by analysing the stored text with the indexer's analyser, so highlights fall on
/// whole words as written ("Niger’s" for niger, "protesters" for protest) and a phrase is
/// one highlight.
///
/// Thread-safety: not thread-safe (shares the analyser).
class PassageRanker {
 public:
  /// `units` must have their idf set. `average_passage_length` is in words (> 0).
  PassageRanker(schema::TextAnalyzer& analyzer, std::vector<QueryUnit> units,
                double average_passage_length);

  /// One ScoredPassage per passage of `record`, in passage order.
  std::vector<ScoredPassage> score(const ArticleRecord& record);

 private:
  std::vector<std::vector<UnitTerm>> match_tokens(const std::vector<schema::Token>& tokens);
  const std::string& stem_of(const std::string& term);

  schema::TextAnalyzer& analyzer_;
  std::vector<QueryUnit> units_;
  double average_passage_length_;
  std::unordered_map<std::string, std::vector<UnitTerm>> raw_terms_;
  std::unordered_map<std::string, std::vector<UnitTerm>> stemmed_terms_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace pressclip::searcher
