// Passage scoring (BM25 over passages) and highlighting.
#include "searcher/passage_ranker.h"

#include <algorithm>
#include <cmath>

#include "schema/field_table.h"

namespace pressclip::searcher {
namespace {

using Tokens = std::vector<schema::Token>;

// Per passage and unit: how often the unit occurs, and the spans to highlight.
struct UnitMatches {
  std::size_t count = 0;
  std::vector<Highlight> spans;  // Absolute byte offsets in the article text.
};

bool matches(const std::vector<std::vector<UnitTerm>>& token_units, std::size_t token,
             std::size_t unit, std::size_t term) {
  for (const UnitTerm& unit_term : token_units[token]) {
    if (unit_term.unit == unit && unit_term.term == term) return true;
  }
  return false;
}

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

}  // namespace

double bm25_idf(double documents, double documents_with_term) {
  return std::log(1.0 + (documents - documents_with_term + 0.5) / (documents_with_term + 0.5));
}

PassageRanker::PassageRanker(schema::TextAnalyzer& analyzer, std::vector<QueryUnit> units,
                             double average_passage_length)
    : analyzer_(analyzer),
      units_(std::move(units)),
      average_passage_length_(average_passage_length > 0 ? average_passage_length : 1.0) {
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
    const std::string& term = tokens[i].term;
    if (auto raw = raw_terms_.find(term); raw != raw_terms_.end()) {
      token_units[i] = raw->second;
    }
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
  std::vector<std::vector<UnitMatches>> per_passage(record.passages.size(),
                                                    std::vector<UnitMatches>(units_.size()));
  std::vector<bool> unit_in_article(units_.size(), false);
  std::size_t first_token = 0;
  for (const PassageSpan& passage : record.passages) {
    while (first_token < tokens.size() && tokens[first_token].start < passage.start) ++first_token;
    std::size_t end_token = first_token;
    while (end_token < tokens.size() && tokens[end_token].end <= passage.end) ++end_token;
    auto& found = per_passage[passage.index];

    for (std::size_t u = 0; u < units_.size(); ++u) {
      const QueryUnit& unit = units_[u];
      const std::size_t size = unit.terms.size();
      for (std::size_t i = first_token; i < end_token; ++i) {
        if (unit.kind == UnitKind::kTerm || unit.kind == UnitKind::kWildcard) {
          if (matches(token_units, i, u, 0)) {
            ++found[u].count;
            found[u].spans.push_back({tokens[i].start, tokens[i].end});
          }
        } else if (unit.kind == UnitKind::kPhrase) {
          // Terms in order, each after the previous, the last within the window.
          if (!matches(token_units, i, u, 0)) continue;
          const std::uint32_t limit = tokens[i].position + unit.window - 1;
          std::size_t at = i;
          std::size_t next_term = 1;
          for (std::size_t j = i + 1;
               j < end_token && next_term < size && tokens[j].position <= limit; ++j) {
            if (matches(token_units, j, u, next_term)) {
              at = j;
              ++next_term;
            } else if (unit.window == size) {
              break;  // An exact phrase admits no word in between.
            }
          }
          if (next_term == size) {
            ++found[u].count;
            found[u].spans.push_back({tokens[i].start, tokens[at].end});
          }
        } else {
          // NEAR: a window starting at a member word that holds every member word.
          bool starts_window = false;
          for (std::size_t t = 0; t < size && !starts_window; ++t)
            starts_window = matches(token_units, i, u, t);
          if (!starts_window) continue;
          const std::uint32_t limit = tokens[i].position + unit.window - 1;
          std::vector<std::size_t> member_token(size, tokens.size());
          for (std::size_t j = i; j < end_token && tokens[j].position <= limit; ++j) {
            for (std::size_t t = 0; t < size; ++t) {
              if (member_token[t] == tokens.size() && matches(token_units, j, u, t))
                member_token[t] = j;
            }
          }
          if (std::find(member_token.begin(), member_token.end(), tokens.size()) !=
              member_token.end())
            continue;
          ++found[u].count;
          for (std::size_t j : member_token)
            found[u].spans.push_back({tokens[j].start, tokens[j].end});
        }
      }
      if (found[u].count > 0) unit_in_article[u] = true;
    }

    const double length = static_cast<double>(end_token - first_token);
    const double normaliser =
        kPassageK1 * (1.0 - kPassageB + kPassageB * length / average_passage_length_);
    ScoredPassage& result = scored[passage.index];
    result.index = passage.index;
    std::vector<Highlight> spans;
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const double tf = static_cast<double>(found[u].count);
      if (tf == 0) continue;
      result.score += units_[u].idf * tf * (kPassageK1 + 1.0) / (tf + normaliser);
      for (const Highlight& span : found[u].spans) {
        spans.push_back({span.start - passage.start, span.end - passage.start});
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
      if (per_passage[p][u].count == 0) scored[p].eligible = false;
    }
  }
  return scored;
}

}  // namespace pressclip::searcher
