// Passage scoring from position lists: stem expansion, binning into passages, BM25.
#include "searcher/position_scorer.h"

#include <algorithm>

#include "schema/field_table.h"
#include "searcher/passage_bm25.h"
#include "searcher/unit_occurrences.h"

namespace pressclip::searcher {
namespace {

// Unstemmed words of the index scanned, at most, to find the forms of one stem.
constexpr std::size_t kMaxWordsScannedPerStem = 20000;

bool is_stem(const std::string& term) { return term.starts_with(schema::kStemPrefix); }

// Where to look for the forms of `stem` in the sorted term list: Snowball stems are the
// word minus a suffix, possibly with a final y made i ("happi" from "happy"), so the stem
// without its last letter starts every form, except for "-ie" stems of "-ying" words
// ("die" from "dying"), found under the stem minus "ie" plus "y".
std::vector<std::string> form_prefixes(const std::string& stem) {
  std::vector<std::string> prefixes{stem.size() > 2 ? stem.substr(0, stem.size() - 1) : stem};
  if (stem.size() > 2 && stem.ends_with("ie"))
    prefixes.push_back(stem.substr(0, stem.size() - 2) + "y");
  return prefixes;
}

}  // namespace

PositionScorer::PositionScorer(const Xapian::Database& database, std::vector<QueryUnit> units,
                               schema::TextAnalyzer& analyzer, double average_passage_length,
                               SearchDeadline* deadline)
    : database_(database),
      units_(std::move(units)),
      analyzer_(analyzer),
      average_passage_length_(average_passage_length > 0 ? average_passage_length : 1.0),
      deadline_(deadline) {
  for (const QueryUnit& unit : units_) {
    ExpandedUnit expanded;
    for (const std::string& term : unit.terms) {
      if (unit.kind == UnitKind::kWildcard) {
        expanded.member_terms.push_back({});  // Expanded per article.
      } else if (is_stem(term)) {
        expanded.member_terms.push_back(words_with_stem(term.substr(schema::kStemPrefix.size())));
      } else {
        expanded.member_terms.push_back({term});
      }
    }
    expanded_.push_back(std::move(expanded));
  }
}

std::vector<std::string> PositionScorer::words_with_stem(const std::string& stem) {
  std::vector<std::string> words;
  for (const std::string& prefix : form_prefixes(stem)) {
    std::size_t scanned = 0;
    for (auto term = database_.allterms_begin(prefix);
         term != database_.allterms_end(prefix) && scanned < kMaxWordsScannedPerStem;
         ++term, ++scanned) {
      if (deadline_) deadline_->tick();
      if (analyzer_.stem(*term) == stem) words.push_back(*term);
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<Xapian::termpos> PositionScorer::positions_of(Xapian::docid document,
                                                          const std::vector<std::string>& terms) {
  std::vector<Xapian::termpos> positions;
  for (const std::string& term : terms) {
    for (auto it = database_.positionlist_begin(document, term);
         it != database_.positionlist_end(document, term); ++it) {
      positions.push_back(*it);
    }
  }
  if (terms.size() > 1) std::sort(positions.begin(), positions.end());
  return positions;
}

std::vector<Xapian::termpos> PositionScorer::wildcard_positions(Xapian::docid document,
                                                                const std::string& pattern) {
  std::vector<Xapian::termpos> positions;
  auto term = database_.termlist_begin(document);
  const auto end = database_.termlist_end(document);
  for (term.skip_to(pattern); term != end && (*term).starts_with(pattern); ++term) {
    for (auto it = term.positionlist_begin(); it != term.positionlist_end(); ++it) {
      positions.push_back(*it);
    }
  }
  std::sort(positions.begin(), positions.end());
  return positions;
}

bool PositionScorer::holds_term(Xapian::docid document, const std::string& term) {
  auto posting = database_.postlist_begin(term);
  posting.skip_to(document);
  return posting != database_.postlist_end(term) && *posting == document;
}

std::optional<std::vector<PassageScore>> PositionScorer::score(
    Xapian::docid document, const std::vector<schema::PassagePositions>& layout) {
  std::vector<PassageScore> scores(layout.size());
  for (std::size_t p = 0; p < scores.size(); ++p) scores[p].index = p;
  std::vector<std::vector<std::size_t>> counts(layout.size(),
                                               std::vector<std::size_t>(units_.size(), 0));
  std::vector<bool> unit_in_article(units_.size(), false);

  for (std::size_t u = 0; u < units_.size(); ++u) {
    if (deadline_) deadline_->tick();
    const QueryUnit& unit = units_[u];
    // Positions of each member word, binned by passage: binned[passage][member].
    std::vector<std::vector<std::vector<std::uint32_t>>> binned(layout.size());
    for (std::size_t j = 0; j < expanded_[u].member_terms.size(); ++j) {
      const std::vector<Xapian::termpos> positions =
          unit.kind == UnitKind::kWildcard ? wildcard_positions(document, unit.terms[0])
                                           : positions_of(document, expanded_[u].member_terms[j]);
      // A word the article holds without positions found (a form the expansion missed,
      // words of a metadata title): only the text can tell where it is.
      if (positions.empty() && unit.kind == UnitKind::kTerm &&
          holds_term(document, unit.terms[j])) {
        return std::nullopt;
      }
      for (Xapian::termpos position : positions) {
        const std::size_t passage = schema::passage_of_position(layout, position);
        if (passage >= layout.size()) continue;
        auto& members = binned[passage];
        members.resize(expanded_[u].member_terms.size());
        members[j].push_back(position);
      }
    }
    for (std::size_t p = 0; p < layout.size(); ++p) {
      if (binned[p].empty()) continue;
      const std::size_t found = find_occurrences(unit, binned[p]).size();
      if (found == 0) continue;
      counts[p][u] = found;
      unit_in_article[u] = true;
      scores[p].matched = true;
      const double unit_score = passage_bm25(unit.idf, static_cast<double>(found), layout[p].words,
                                             average_passage_length_);
      scores[p].score += unit_score;
      scores[p].unit_scores.resize(units_.size());
      scores[p].unit_scores[u] = unit_score;
    }
  }

  for (std::size_t p = 0; p < scores.size(); ++p) {
    scores[p].units_found.resize(units_.size());
    for (std::size_t u = 0; u < units_.size(); ++u) scores[p].units_found[u] = counts[p][u] > 0;
  }
  for (std::size_t u = 0; u < units_.size(); ++u) {
    const bool positional =
        units_[u].kind == UnitKind::kPhrase || units_[u].kind == UnitKind::kNear;
    if (!positional || !units_[u].required || !unit_in_article[u]) continue;
    for (std::size_t p = 0; p < scores.size(); ++p) {
      if (counts[p][u] == 0) scores[p].eligible = false;
    }
  }
  return scores;
}

}  // namespace pressclip::searcher
