// Passage scores from Xapian's position lists and the stored passage layout, without
// reading or analysing article text.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "schema/passage_layout.h"
#include "schema/text_analyzer.h"
#include "searcher/query_units.h"
#include "searcher/search_deadline.h"

namespace pressclip::searcher {

/// A passage's score and whether it matches anything.
struct PassageScore {
  std::size_t index = 0;
  double score = 0.0;
  bool matched = false;             ///< Some query unit occurs in it.
  bool eligible = true;             ///< False if it lacks a required phrase/NEAR the article has.
  std::vector<bool> units_found;    ///< Per query unit: whether it occurs in the passage.
  std::vector<double> unit_scores;  ///< Per query unit: its share of `score`.
};

/// Scores passages exactly as PassageRanker does from text (same BM25 over passages, same
/// counting of words, phrases and NEAR windows), but from term positions: each unit's words
/// are looked up in the article's position lists and binned into passages by their first
/// positions. Stems are expanded once per query to the unstemmed words of the index that
/// share them; wildcards are expanded per article from its term list.
///
/// Thread-safety: not thread-safe (shares the database handle and analyser).
class PositionScorer {
 public:
  /// `units` must have their idf set; `average_passage_length` is in words. If `deadline`
  /// is given (it must outlive the scorer), expanding stems and scoring tick it, so they
  /// throw DeadlineExpired once it has passed.
  PositionScorer(const Xapian::Database& database, std::vector<QueryUnit> units,
                 schema::TextAnalyzer& analyzer, double average_passage_length,
                 SearchDeadline* deadline = nullptr);

  /// The scores of the passages of article `document` laid out as `layout`, in passage
  /// order; std::nullopt if positions cannot account for a word the article holds (a stem
  /// whose forms the expansion missed, a word indexed without positions): then the caller
  /// must score from the text.
  std::optional<std::vector<PassageScore>> score(
      Xapian::docid document, const std::vector<schema::PassagePositions>& layout);

  /// The unstemmed words of the index that stand for member `member` of unit `unit` (a
  /// stem's forms; the word itself; nothing for a wildcard, expanded per article).
  const std::vector<std::string>& forms(std::size_t unit, std::size_t member) const {
    return expanded_.at(unit).member_terms.at(member);
  }

 private:
  // The unstemmed terms whose positions stand for each member word of a unit.
  struct ExpandedUnit {
    std::vector<std::vector<std::string>> member_terms;
  };

  std::vector<std::string> words_with_stem(const std::string& stem);
  std::vector<Xapian::termpos> positions_of(Xapian::docid document,
                                            const std::vector<std::string>& terms);
  std::vector<Xapian::termpos> wildcard_positions(Xapian::docid document,
                                                  const std::string& pattern);
  bool holds_term(Xapian::docid document, const std::string& term);

  const Xapian::Database& database_;
  std::vector<QueryUnit> units_;
  schema::TextAnalyzer& analyzer_;
  double average_passage_length_;
  SearchDeadline* deadline_;
  std::vector<ExpandedUnit> expanded_;
};

}  // namespace pressclip::searcher
