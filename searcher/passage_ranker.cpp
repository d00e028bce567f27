// Text-based passage scoring and highlighting.
#include "searcher/passage_ranker.h"

#include <algorithm>

#include "schema/field_table.h"
#include "searcher/passage_bm25.h"
#include "searcher/unit_occurrences.h"

namespace pressclip::searcher {
namespace {

using Tokens = std::vector<schema::Token>;

std::vector<Highlight> merge_overlapping(std::vector<Highlight> spans) {
  std::sort(spans.begin(), spans.end(), [](const Highlight& a, const Highlight& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<Highlight> merged;
  for (const Highlight& span : spans) {
    if (!merged.empty() && span.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

// The token at word position `position` among tokens[first, end) (positions increase).
const schema::Token& token_at(const Tokens& tokens, std::size_t first, std::size_t end,
                              std::uint32_t position) {
  auto it = std::lower_bound(
      tokens.begin() + static_cast<std::ptrdiff_t>(first),
      tokens.begin() + static_cast<std::ptrdiff_t>(end), position,
      [](const schema::Token& token, std::uint32_t value) { return token.position < value; });
  return *it;
}

}  // namespace

PassageRanker::PassageRanker(schema::TextAnalyzer& analyzer, std::vector<QueryUnit> units,
                             double average_passage_length, SearchDeadline* deadline)
    : analyzer_(analyzer),
      units_(std::move(units)),
      average_passage_length_(average_passage_length > 0 ? average_passage_length : 1.0),
      deadline_(deadline) {
  const std::string stem_prefix(schema::kStemPrefix);
  for (std::size_t u = 0; u < units_.size(); ++u) {
    if (units_[u].kind == UnitKind::kWildcard) continue;
    for (std::size_t t = 0; t < units_[u].terms.size(); ++t) {
      const std::string& term = units_[u].terms[t];
      if (term.starts_with(stem_prefix)) {
        stemmed_terms_[term.substr(stem_prefix.size())].push_back({u, t});
      } else {
        raw_terms_[term].push_back({u, t});
      }
    }
  }
}

const std::string& PassageRanker::stem_of(const std::string& term) {
  auto found = stem_cache_.find(term);
  if (found != stem_cache_.end()) return found->second;
  return stem_cache_.emplace(term, analyzer_.stem(term)).first->second;
}

std::vector<std::vector<UnitTerm>> PassageRanker::match_tokens(const Tokens& tokens) {
  std::vector<std::vector<UnitTerm>> token_units(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (deadline_) deadline_->tick();
    const std::string& term = tokens[i].term;
    if (auto raw = raw_terms_.find(term); raw != raw_terms_.end()) token_units[i] = raw->second;
    if (!stemmed_terms_.empty()) {
      if (auto stemmed = stemmed_terms_.find(stem_of(term)); stemmed != stemmed_terms_.end()) {
        token_units[i].insert(token_units[i].end(), stemmed->second.begin(), stemmed->second.end());
      }
    }
    for (std::size_t u = 0; u < units_.size(); ++u) {
      if (units_[u].kind == UnitKind::kWildcard && term.starts_with(units_[u].terms[0])) {
        token_units[i].push_back({u, 0});
      }
    }
  }
  return token_units;
}

std::vector<ScoredPassage> PassageRanker::score(const ArticleRecord& record) {
  const schema::AnalysedText analysed = analyzer_.analyse(record.text);
  const Tokens& tokens = analysed.tokens;
  const std::vector<std::vector<UnitTerm>> token_units = match_tokens(tokens);

  std::vector<ScoredPassage> scored(record.passages.size());
  std::vector<std::vector<std::size_t>> counts(record.passages.size(),
                                               std::vector<std::size_t>(units_.size(), 0));
  std::vector<bool> unit_in_article(units_.size(), false);
  std::size_t first_token = 0;
  for (const PassageSpan& passage : record.passages) {
    if (deadline_) deadline_->tick();
    while (first_token < tokens.size() && tokens[first_token].start < passage.start) ++first_token;
    std::size_t end_token = first_token;
    while (end_token < tokens.size() && tokens[end_token].end <= passage.end) ++end_token;

    ScoredPassage& result = scored[passage.index];
    result.index = passage.index;
    std::vector<Highlight> spans;
    const double length = static_cast<double>(end_token - first_token);
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const QueryUnit& unit = units_[u];
      const std::size_t members = unit.kind == UnitKind::kWildcard ? 1 : unit.terms.size();
      std::vector<std::vector<std::uint32_t>> member_positions(members);
      for (std::size_t i = first_token; i < end_token; ++i) {
        for (const UnitTerm& match : token_units[i]) {
          if (match.unit == u) member_positions[match.term].push_back(tokens[i].position);
        }
      }
      const std::vector<Occurrence> occurrences = find_occurrences(unit, member_positions);
      counts[passage.index][u] = occurrences.size();
      result.units_found.resize(units_.size());
      result.units_found[u] = !occurrences.empty();
      if (occurrences.empty()) continue;
      unit_in_article[u] = true;
      const double unit_score = passage_bm25(unit.idf, static_cast<double>(occurrences.size()),
                                             length, average_passage_length_);
      result.score += unit_score;
      result.unit_scores.resize(units_.size());
      result.unit_scores[u] = unit_score;
      for (const Occurrence& occurrence : occurrences) {
        if (unit.kind == UnitKind::kPhrase) {
          const auto& first = token_at(tokens, first_token, end_token, occurrence.front());
          const auto& last = token_at(tokens, first_token, end_token, occurrence.back());
          spans.push_back({first.start - passage.start, last.end - passage.start});
          continue;
        }
        for (std::uint32_t position : occurrence) {
          const auto& token = token_at(tokens, first_token, end_token, position);
          spans.push_back({token.start - passage.start, token.end - passage.start});
        }
      }
    }
    result.highlights = merge_overlapping(std::move(spans));
    first_token = end_token;
  }

  // A required phrase or NEAR group that the article holds must be in the passage shown.
  for (std::size_t u = 0; u < units_.size(); ++u) {
    const bool positional =
        units_[u].kind == UnitKind::kPhrase || units_[u].kind == UnitKind::kNear;
    if (!positional || !units_[u].required || !unit_in_article[u]) continue;
    for (std::size_t p = 0; p < scored.size(); ++p) {
      if (counts[p][u] == 0) scored[p].eligible = false;
    }
  }
  return scored;
}

std::vector<Highlight> PassageRanker::highlights(const ArticleRecord& record, std::size_t index) {
  const PassageSpan& span = record.passages.at(index);
  return highlights_in(record, span.start, span.end);
}

std::vector<Highlight> PassageRanker::highlights_in(const ArticleRecord& record, std::size_t start,
                                                    std::size_t end) {
  ArticleRecord passage_only;
  passage_only.text = record.text.substr(start, end - start);
  passage_only.passages = {{0, 0, passage_only.text.size()}};
  return score(passage_only).front().highlights;
}

}  // namespace pressclip::searcher
