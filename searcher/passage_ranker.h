// Scoring and highlighting passages from article text, with the shared analyser.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "pressclip/article.h"
#include "pressclip/searcher.h"
#include "schema/text_analyzer.h"
#include "searcher/query_units.h"
#include "searcher/search_deadline.h"

namespace pressclip::searcher {

/// That a token matches term `term` of query unit `unit`.
struct UnitTerm {
  std::size_t unit = 0;
  std::size_t term = 0;
};

/// A passage of one article, scored from its text.
struct ScoredPassage {
  std::size_t index = 0;
  double score = 0.0;
  /// False if the query requires a phrase or NEAR group that this article has elsewhere but
  /// this passage lacks: such a passage is never shown for the article.
  bool eligible = true;
  std::vector<Highlight> highlights;  ///< Byte ranges relative to the passage start.
  std::vector<bool> units_found;      ///< Per query unit: whether it occurs in the passage.
  std::vector<double> unit_scores;    ///< Per query unit: its share of `score`.
};

/// Scores passages by BM25 over passages (docs/ranking.md, searcher/passage_bm25.h),
/// counting occurrences with find_occurrences (searcher/unit_occurrences.h) over the
/// positions of the words that the analyser finds in the text. Because it works on the
/// text, highlights fall on whole words as written ("Niger’s" for niger, "protesters" for
/// protest) and a phrase is one highlight. PositionScorer gives the same scores without
/// the text; this class gives the highlights of the passages shown, and the scores when
/// positions cannot.
///
/// Thread-safety: not thread-safe (shares the analyser).
class PassageRanker {
 public:
  /// `units` must have their idf set. `average_passage_length` is in words (> 0). If
  /// `deadline` is given (it must outlive the ranker), scoring ticks it, so it throws
  /// DeadlineExpired once the deadline has passed.
  PassageRanker(schema::TextAnalyzer& analyzer, std::vector<QueryUnit> units,
                double average_passage_length, SearchDeadline* deadline = nullptr);

  /// One ScoredPassage per passage of `record`, in passage order.
  std::vector<ScoredPassage> score(const ArticleRecord& record);

  /// The highlights of passage `index` of `record` (byte ranges relative to its start),
  /// analysing that passage only.
  std::vector<Highlight> highlights(const ArticleRecord& record, std::size_t index);

  /// The highlights of the text of `record` in [start, end) (byte ranges relative to
  /// `start`), analysing that text only, as one passage.
  std::vector<Highlight> highlights_in(const ArticleRecord& record, std::size_t start,
                                       std::size_t end);

 private:
  std::vector<std::vector<UnitTerm>> match_tokens(const std::vector<schema::Token>& tokens);
  const std::string& stem_of(const std::string& term);

  schema::TextAnalyzer& analyzer_;
  std::vector<QueryUnit> units_;
  double average_passage_length_;
  SearchDeadline* deadline_;
  std::unordered_map<std::string, std::vector<UnitTerm>> raw_terms_;
  std::unordered_map<std::string, std::vector<UnitTerm>> stemmed_terms_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace pressclip::searcher
