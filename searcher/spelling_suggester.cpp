// Corrections for rare query words by edit distance over the index's vocabulary.
#include "searcher/spelling_suggester.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace pressclip::searcher {
namespace {

// A word in at most this many articles may be a misspelling worth correcting.
constexpr Xapian::doccount kRareWordArticles = 2;

// Shorter words are not corrected: too many words are one edit away from them.
constexpr std::size_t kShortestCorrectedWord = 4;

// Words of this many letters or more may be two edits away from their correction.
constexpr std::size_t kTwoEditsFrom = 8;

// Words scanned at most for one correction (the words sharing its first letter).
constexpr std::size_t kMostWordsScanned = 200000;

std::u32string to_code_points(const std::string& utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::u32string code_points(static_cast<std::size_t>(text.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  text.toUTF32(reinterpret_cast<UChar32*>(code_points.data()),
               static_cast<int32_t>(code_points.size()), status);
  return code_points;
}

bool is_operator(std::string_view word) {
  for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (word == op || (word.starts_with(op) && word.size() > op.size() && word[op.size()] == '/'))
      return true;
  }
  return false;
}

// Marks the bytes of `query` that are not free words: field names and their values.
std::vector<bool> field_bytes(const std::string& query) {
  std::vector<bool> inside(query.size(), false);
  for (std::size_t colon = query.find(':'); colon != std::string::npos;
       colon = query.find(':', colon + 1)) {
    std::size_t start = colon;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(query[start - 1]))) --start;
    std::size_t end = colon + 1;
    if (end < query.size() && query[end] == '"') {
      end = query.find('"', end + 1);
      end = end == std::string::npos ? query.size() : end + 1;
    } else {
      while (end < query.size() && query[end] != ' ' && query[end] != ')') ++end;
    }
    std::fill(inside.begin() + static_cast<std::ptrdiff_t>(start),
              inside.begin() + static_cast<std::ptrdiff_t>(end), true);
  }
  return inside;
}

}  // namespace

std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  // Three rows of the dynamic programme: two back (for swaps), one back, current.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

SpellingSuggester::SpellingSuggester(const Xapian::Database& database,
                                     schema::TextAnalyzer& analyzer, SearchDeadline* deadline)
    : database_(database), analyzer_(analyzer), deadline_(deadline) {}

std::optional<std::string> SpellingSuggester::correct(const std::string& word) {
  const Xapian::doccount frequency = database_.get_termfreq(word);
  if (word.empty() || frequency > kRareWordArticles) return std::nullopt;
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const std::u32string target = to_code_points(word);
  if (target.size() < kShortestCorrectedWord) return std::nullopt;
  // Two edits only for a long word the index lacks: a rare word that is there (a name)
  // is more likely right than two letters wrong.
  const std::size_t limit = target.size() >= kTwoEditsFrom && frequency == 0 ? 2 : 1;
  // The first letter, whole (it may take several bytes).
  std::string first;
  icu::UnicodeString(static_cast<UChar32>(target.front())).toUTF8String(first);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_frequency = 0;
  std::size_t scanned = 0;
  for (auto term = database_.allterms_begin(first);
       term != database_.allterms_end(first) && scanned < kMostWordsScanned; ++term, ++scanned) {
    if (deadline_) deadline_->tick();
    const Xapian::doccount candidate_frequency = term.get_termfreq();
    if (candidate_frequency <= 2 * frequency || *term == word) continue;
    const std::size_t distance = edit_distance(target, to_code_points(*term), limit);
    if (distance > limit) continue;
    if (distance < best_distance ||
        (distance == best_distance && candidate_frequency > best_frequency)) {
      best = *term;
      best_distance = distance;
      best_frequency = candidate_frequency;
    }
  }
  return best;
}

std::optional<std::string> SpellingSuggester::suggest(const std::string& query) {
  const std::vector<bool> in_field = field_bytes(query);
  std::string suggestion;
  std::size_t copied = 0;
  bool changed = false;
  for (const schema::Token& token : analyzer_.words(query)) {
    const std::string_view written(query.data() + token.start, token.end - token.start);
    const bool wildcard = token.end < query.size() && query[token.end] == '*';
    if (in_field[token.start] || wildcard || is_operator(written)) continue;
    std::optional<std::string> replacement = correct(token.term);
    if (!replacement) continue;
    if (std::isupper(static_cast<unsigned char>(written.front())) &&
        std::islower(static_cast<unsigned char>(replacement->front()))) {
      replacement->front() = static_cast<char>(std::toupper(replacement->front()));
    }
    suggestion.append(query, copied, token.start - copied).append(*replacement);
    copied = token.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  return suggestion.append(query, copied, std::string::npos);
}

}  // namespace pressclip::searcher
