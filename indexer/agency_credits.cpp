// Wire-agency credits in article text: datelines, "(with AFP)", caption credits.
#include "indexer/agency_credits.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>

namespace pressclip::indexer {
namespace {

using schema::NameAliases;

// A byte range of the text.
struct Range {
  std::size_t start = 0;
  std::size_t end = 0;
  bool empty() const { return start >= end; }
  std::size_t size() const { return empty() ? 0 : end - start; }
};

// What a credit list may hold besides agencies and photo libraries.
enum class Names {
  kNone,      // Nothing else.
  kPersons,   // Persons' names (capitalised words).
  kAnything,  // Any short words ("agencies"), and "reporting by AFP".
};

// A parsed credit list.
struct CreditList {
  std::vector<AgencyCredit> credits;
  bool photo = false;  // An "<agency> Photo" name was seen.
};

constexpr std::size_t kMaxDatelineBytes = 60;
constexpr std::size_t kMaxWords = 5;
constexpr std::size_t kMaxLooseWords = 8;

constexpr std::array<std::string_view, 3> kListWords = {"and", "et", "via"};
constexpr std::array<std::string_view, 4> kMediaWords = {"photo", "photos", "video", "pictures"};
constexpr std::array<std::string_view, 2> kWithWords = {"with", "avec"};
constexpr std::array<std::string_view, 2> kByWords = {"by", "from"};
constexpr std::array<std::string_view, 21> kParticles = {
    "de",  "da",  "du", "des", "del", "della", "di",  "la",  "le",  "van", "von",
    "der", "den", "al", "el",  "bin", "ben",   "ibn", "dos", "das", "y"};
// Photo labels, each followed by ':' (white space allowed before it: "Photo : AFP").
constexpr std::array<std::string_view, 12> kPhotoLabels = {
    "photo credit", "image credit", "photographs", "photograph", "pictures", "picture",
    "photos",       "photo",        "images",      "image",      "credits",  "credit"};
// Photo labels read inside brackets only: "(Photo by Issouf Sanogo/AFP via Getty Images)".
constexpr std::array<std::string_view, 4> kBylineLabels = {"photo by", "photos by", "photograph by",
                                                           "picture by"};
constexpr std::array<std::string_view, 3> kCopyrightLabels = {"\u00A9", "(c)", "copyright"};
// name_key of photo libraries and agencies' photo partners: credit words, not wire agencies.
constexpr std::array<std::string_view, 12> kPhotoLibraries = {
    "getty images", "getty", "picture alliance", "shutterstock", "alamy",  "epa", "sipa",
    "pool",         "abaca", "zuma press",       "nurphoto",     "handout"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The code point at `at` (negative if invalid) and its length in bytes.
std::pair<UChar32, std::size_t> decode(std::string_view text, std::size_t at) {
  int32_t offset = 0;
  const auto length = static_cast<int32_t>(std::min<std::size_t>(4, text.size() - at));
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data() + at), offset, length, c);
  return {c, static_cast<std::size_t>(offset)};
}

// The start of the code point that ends at `at` (at > floor).
std::size_t previous(std::string_view text, std::size_t at, std::size_t floor) {
  std::size_t start = at - 1;
  while (start > floor && at - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  return start + decode(text, start).second == at ? start : at - 1;
}

bool is_space(UChar32 c) { return c >= 0 && u_isUWhiteSpace(c); }

Range trim(std::string_view text, Range range) {
  while (!range.empty()) {
    const auto [c, size] = decode(text, range.start);
    if (!is_space(c)) break;
    range.start += size;
  }
  while (!range.empty()) {
    const std::size_t start = previous(text, range.end, range.start);
    if (!is_space(decode(text, start).first)) break;
    range.end = start;
  }
  return range;
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// True if `range` starts with `prefix`, compared ASCII-case-insensitively.
bool starts_with_folded(std::string_view text, Range range, std::string_view prefix) {
  return range.size() >= prefix.size() &&
         lower_ascii(text.substr(range.start, prefix.size())) == prefix;
}

// If `range` starts with one of `words` followed by white space, the rest after it.
template <std::size_t N>
std::optional<Range> after_word(std::string_view text, Range range,
                                const std::array<std::string_view, N>& words) {
  for (std::string_view word : words) {
    if (!starts_with_folded(text, range, word) || range.size() == word.size()) continue;
    if (is_space(decode(text, range.start + word.size()).first)) {
      return Range{range.start + word.size(), range.end};
    }
  }
  return std::nullopt;
}

// The length of a dash at `at`, or 0. A hyphen (or "--") needs white space, or the edge
// of [floor, limit), on both sides; other dashes need nothing.
std::size_t dash_at(std::string_view text, std::size_t at, std::size_t floor, std::size_t limit) {
  if (at >= limit) return 0;
  const std::string_view rest = text.substr(at, limit - at);
  if (rest.starts_with("\u2013") || rest.starts_with("\u2014") || rest.starts_with("\u2015")) {
    return 3;
  }
  if (rest.front() != '-') return 0;
  const std::size_t length = rest.starts_with("--") ? 2 : 1;
  const bool space_before = at == floor || is_space(decode(text, previous(text, at, floor)).first);
  const bool space_after = at + length == limit || is_space(decode(text, at + length).first);
  return space_before && space_after ? length : 0;
}

// The first dash in `range`: its start and length, or {range.end, 0}.
std::pair<std::size_t, std::size_t> first_dash(std::string_view text, Range range) {
  for (std::size_t at = range.start; at < range.end; ++at) {
    if (std::size_t length = dash_at(text, at, range.start, range.end)) return {at, length};
  }
  return {range.end, 0};
}

// The words of `range` (split at white space and, if `at_commas`, commas).
std::vector<Range> split_words(std::string_view text, Range range, bool at_commas) {
  std::vector<Range> words;
  std::size_t word_start = range.start;
  for (std::size_t at = range.start; at < range.end;) {
    const auto [c, size] = decode(text, at);
    if (is_space(c) || (at_commas && c == ',')) {
      if (at > word_start) words.push_back({word_start, at});
      word_start = at + size;
    }
    at += size;
  }
  if (range.end > word_start) words.push_back({word_start, range.end});
  return words;
}

// Letters, marks, digits, white space, and the punctuation of names ('.', '-', apostrophes)
// only; `comma` also allows ','.
bool has_name_characters(std::string_view text, Range range, bool comma) {
  for (std::size_t at = range.start; at < range.end;) {
    const auto [c, size] = decode(text, at);
    const bool allowed = c >= 0 && (u_isalpha(c) || u_isdigit(c) || is_space(c) || c == '.' ||
                                    c == '-' || c == '\'' || c == 0x2019 || (comma && c == ',') ||
                                    (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
    if (!allowed) return false;
    at += size;
  }
  return true;
}

// A word that may stand in a name: capitalised (or a digit if `digits`), or a particle
// such as "de" unless it is the first word.
bool is_name_word(std::string_view text, Range word, bool first, bool digits) {
  const UChar32 c = decode(text, word.start).first;
  if (c >= 0 && (u_isupper(c) || u_istitle(c))) return true;
  if (digits && c >= 0 && u_isdigit(c)) return true;
  return !first && contains(kParticles, text.substr(word.start, word.size()));
}

// One to five capitalised words without digits: "Sam Mednick", "Jean de La Fontaine".
bool is_person(std::string_view text, Range piece) {
  const std::vector<Range> words = split_words(text, piece, false);
  if (words.empty() || words.size() > kMaxWords) return false;
  for (std::size_t at = piece.start; at < piece.end;) {
    const auto [c, size] = decode(text, at);
    if (c >= 0 && u_isdigit(c)) return false;
    at += size;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!is_name_word(text, words[i], i == 0, false)) return false;
  }
  return true;
}

// A dateline: "NIAMEY", "PARIS, July 28", "NIAMEY, Niger".
bool is_dateline(std::string_view text, Range range) {
  range = trim(text, range);
  if (range.empty() || range.size() > kMaxDatelineBytes) return false;
  if (!has_name_characters(text, range, true)) return false;
  const std::vector<Range> words = split_words(text, range, true);
  if (words.empty() || words.size() > kMaxLooseWords) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!is_name_word(text, words[i], i == 0, i > 0)) return false;
  }
  return true;
}

bool is_sentence_end(UChar32 c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

bool is_closing_quote(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB;
}

// True if `range` ends a sentence: "...Thursday.", "...?\"".
bool ends_sentence(std::string_view text, Range range) {
  range = trim(text, range);
  if (range.empty()) return false;
  std::size_t last = previous(text, range.end, range.start);
  UChar32 c = decode(text, last).first;
  if (is_closing_quote(c) && last > range.start) {
    c = decode(text, previous(text, last, range.start)).first;
  }
  return is_sentence_end(c);
}

// The pieces of a credit list, split at '/', ',', '&' and the words of kListWords.
std::vector<Range> split_list(std::string_view text, Range range) {
  std::vector<Range> pieces;
  std::size_t piece_start = range.start;
  for (std::size_t at = range.start; at < range.end; ++at) {
    const char c = text[at];
    if (c == '/' || c == ',' || c == '&') {
      pieces.push_back({piece_start, at});
      piece_start = at + 1;
      continue;
    }
    if (at == range.start || (text[at - 1] != ' ' && text[at - 1] != '\t')) continue;
    for (std::string_view word : kListWords) {
      const std::size_t next = at + word.size();
      if (next < range.end && (text[next] == ' ' || text[next] == '\t') &&
          lower_ascii(text.substr(at, word.size())) == word) {
        pieces.push_back({piece_start, at});
        piece_start = next;
        at = next - 1;
        break;
      }
    }
  }
  pieces.push_back({piece_start, range.end});
  return pieces;
}

// An agency named by `piece` (or by `piece` without a final "Photo"), as a credit.
std::optional<AgencyCredit> agency_in(std::string_view text, Range piece,
                                      const NameAliases& agencies, bool& photo) {
  const std::string_view name = text.substr(piece.start, piece.size());
  if (agencies.knows(name)) {
    // In "AFP." the full stop ends a sentence; in "A.P." it belongs to the name.
    const std::string_view stem = name.substr(0, name.size() - 1);
    if (name.ends_with('.') && stem.find('.') == std::string_view::npos) --piece.end;
    return AgencyCredit{agencies.canonical(name), piece.start, piece.end};
  }
  const std::vector<Range> words = split_words(text, piece, false);
  if (words.size() < 2) return std::nullopt;
  const Range last = words.back();
  if (!contains(kMediaWords, lower_ascii(text.substr(last.start, last.size())))) {
    return std::nullopt;
  }
  const Range core = trim(text, {piece.start, last.start});
  const std::string_view core_name = text.substr(core.start, core.size());
  if (!agencies.knows(core_name)) return std::nullopt;
  photo = true;
  return AgencyCredit{agencies.canonical(core_name), core.start, core.end};
}

// "additional reporting by AFP": the agency after the last "by" or "from".
std::optional<AgencyCredit> agency_after_by(std::string_view text, Range piece,
                                            const NameAliases& agencies) {
  const std::vector<Range> words = split_words(text, piece, false);
  for (std::size_t i = words.size(); i-- > 1;) {
    const std::string by = lower_ascii(text.substr(words[i - 1].start, words[i - 1].size()));
    if (!contains(kByWords, by)) continue;
    const Range rest{words[i].start, piece.end};
    const std::string_view name = text.substr(rest.start, rest.size());
    if (agencies.knows(name)) return AgencyCredit{agencies.canonical(name), rest.start, rest.end};
    return std::nullopt;
  }
  return std::nullopt;
}

// Parses `range` as a credit list; nullopt unless every piece is allowed and, if
// `need_agency`, one is an agency.
std::optional<CreditList> parse_list(std::string_view text, Range range, Names names,
                                     const NameAliases& agencies, bool need_agency = true) {
  range = trim(text, range);
  if (range.empty() || range.size() > kMaxCreditBytes) return std::nullopt;
  CreditList list;
  for (Range piece : split_list(text, range)) {
    piece = trim(text, piece);
    if (piece.empty() || !has_name_characters(text, piece, false)) return std::nullopt;
    if (auto credit = agency_in(text, piece, agencies, list.photo)) {
      list.credits.push_back(std::move(*credit));
    } else if (contains(kPhotoLibraries,
                        schema::name_key(text.substr(piece.start, piece.size())))) {
      continue;
    } else if (names != Names::kNone && is_person(text, piece)) {
      continue;
    } else if (names == Names::kAnything &&
               split_words(text, piece, false).size() <= kMaxLooseWords) {
      if (auto by = agency_after_by(text, piece, agencies)) list.credits.push_back(std::move(*by));
    } else {
      return std::nullopt;
    }
  }
  if (need_agency && list.credits.empty()) return std::nullopt;
  return list;
}

// If a photo or copyright label starts at `at` (and is not inside a word), the rest of
// `line` after it, without a year next to a copyright. `bylines` also reads kBylineLabels.
std::optional<Range> after_label(std::string_view text, Range line, std::size_t at, bool bylines) {
  if (at > line.start) {
    const UChar32 before = decode(text, previous(text, at, line.start)).first;
    if (before < 0 || u_isalpha(before)) return std::nullopt;
  }
  const Range rest{at, line.end};
  for (std::string_view label : kPhotoLabels) {
    if (!starts_with_folded(text, rest, label)) continue;
    const Range after = trim(text, {at + label.size(), line.end});
    if (!after.empty() && text[after.start] == ':') return Range{after.start + 1, line.end};
  }
  for (std::string_view label : kBylineLabels) {
    if (bylines && starts_with_folded(text, rest, label)) {
      return Range{at + label.size(), line.end};
    }
  }
  for (std::string_view label : kCopyrightLabels) {
    if (!starts_with_folded(text, rest, label)) continue;
    Range after = trim(text, {at + label.size(), line.end});
    if (starts_with_folded(text, after, ":")) after = trim(text, {after.start + 1, after.end});
    if (starts_with_folded(text, after, "\u00A9")) after = trim(text, {after.start + 2, after.end});
    const auto is_year = [&](std::size_t from) {
      return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                         text.begin() + static_cast<std::ptrdiff_t>(from + 4),
                         [](char c) { return c >= '0' && c <= '9'; });
    };
    if (after.size() > 5 && is_year(after.start) && text[after.start + 4] == ' ') {
      after.start += 5;
    }
    if (after.size() > 5 && is_year(after.end - 4) && text[after.end - 5] == ' ') {
      after.end -= 5;
    }
    return after;
  }
  return std::nullopt;
}

// `range` trimmed, without a final '.' that ends a sentence (kept in "A.P.").
Range without_full_stop(std::string_view text, Range range) {
  range = trim(text, range);
  if (range.empty() || text[range.end - 1] != '.') return range;
  const std::string_view last_word = text.substr(range.start, range.size() - 1);
  const std::size_t space = last_word.find_last_of(" /,");
  if (last_word.find('.', space == std::string_view::npos ? 0 : space) == std::string_view::npos) {
    --range.end;
  }
  return range;
}

// Finds the credits of one line; see the rules in agency_credits.h.
class LineScanner {
 public:
  LineScanner(std::string_view text, Range line, const NameAliases& agencies,
              std::vector<AgencyCredit>& found)
      : text_(text), line_(trim(text, line)), agencies_(agencies), found_(found) {}

  void scan() {
    if (line_.empty()) return;
    if (whole_line()) return;
    brackets();
    leading();
    trailing();
    after_sentence();
  }

 private:
  bool accept(const std::optional<CreditList>& list) {
    if (!list) return false;
    found_.insert(found_.end(), list->credits.begin(), list->credits.end());
    return true;
  }

  // Rule 1.
  bool whole_line() {
    if (auto rest = after_word(text_, line_, kWithWords)) {
      return accept(parse_list(text_, *rest, Names::kPersons, agencies_));
    }
    return accept(parse_list(text_, line_, Names::kPersons, agencies_));
  }

  // Rules 2 to 5.
  void brackets() {
    for (std::size_t open = line_.start; open < line_.end; ++open) {
      const char opening = text_[open];
      if (opening != '(' && opening != '[') continue;
      // Bounded search: a long line of unclosed brackets must stay linear.
      const std::size_t limit = std::min(line_.end, open + kMaxCreditBytes + 2);
      const std::string_view window = text_.substr(open + 1, limit - open - 1);
      const std::size_t close = window.find(opening == '(' ? ')' : ']');
      if (close == std::string_view::npos) continue;
      bracket({open + 1, open + 1 + close}, {line_.start, open}, {open + 2 + close, line_.end});
    }
  }

  void bracket(Range content, Range before, Range after) {
    content = trim(text_, content);
    if (auto rest = after_word(text_, content, kWithWords)) {
      accept(parse_list(text_, *rest, Names::kAnything, agencies_));
      return;
    }
    if (auto rest = after_label(text_, content, content.start, true)) {
      accept(parse_list(text_, *rest, Names::kPersons, agencies_));
      return;
    }
    const auto named = parse_list(text_, content, Names::kPersons, agencies_);
    if (named && named->photo) {
      accept(named);
      return;
    }
    before = trim(text_, before);
    after = trim(text_, after);
    const bool dateline = before.empty() || is_dateline(text_, before);
    const bool dash_follows =
        after.empty() || dash_at(text_, after.start, after.start, after.end) > 0;
    if (dateline && dash_follows && accept(parse_list(text_, content, Names::kNone, agencies_))) {
      return;
    }
    const bool ends_line = after.empty() || (after.size() == 1 && text_[after.start] == '.');
    if (ends_line && ends_sentence(text_, before)) accept(named);
  }

  // Rule 6.
  void leading() {
    const Range head{line_.start, std::min(line_.end, line_.start + kMaxCreditBytes + 1)};
    const auto [dash, length] = first_dash(text_, head);
    if (length == 0) return;
    if (accept(parse_list(text_, {line_.start, dash}, Names::kNone, agencies_))) return;
    if (!is_dateline(text_, {line_.start, dash})) return;
    const Range rest{dash + length, std::min(line_.end, dash + length + kMaxCreditBytes + 1)};
    const auto [second, second_length] = first_dash(text_, rest);
    if (second_length > 0) {
      accept(parse_list(text_, {rest.start, second}, Names::kNone, agencies_));
    }
  }

  // Rule 7.
  void trailing() {
    const std::size_t from = line_.end - std::min(line_.size(), kMaxCreditBytes + 16);
    for (std::size_t at = from; at < line_.end; ++at) {
      std::optional<Range> rest;
      if (std::size_t length = dash_at(text_, at, line_.start, line_.end)) {
        rest = Range{at + length, line_.end};
      } else if (text_[at] == '|') {
        rest = Range{at + 1, line_.end};
      } else {
        rest = after_label(text_, line_, at, false);
      }
      if (rest &&
          accept(parse_list(text_, without_full_stop(text_, *rest), Names::kPersons, agencies_))) {
        return;
      }
    }
  }

  // Rule 8.
  void after_sentence() {
    const std::size_t from = line_.end - std::min(line_.size(), kMaxCreditBytes);
    for (std::size_t at = std::max(from, line_.start + 1); at < line_.end; ++at) {
      if ((static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) continue;
      const std::size_t before = previous(text_, at, line_.start);
      if (is_space(decode(text_, at).first) || !is_space(decode(text_, before).first)) continue;
      if (!ends_sentence(text_, {line_.start, at})) continue;
      const auto [dash, length] = first_dash(text_, {at, line_.end});
      if (length == 0) {
        if (accept(parse_list(text_, {at, line_.end}, Names::kPersons, agencies_))) return;
        continue;
      }
      const auto head = parse_list(text_, {at, dash}, Names::kPersons, agencies_);
      const auto tail =
          parse_list(text_, {dash + length, line_.end}, Names::kPersons, agencies_, false);
      if (head && tail) {
        accept(head);
        accept(tail);
        return;
      }
    }
  }

  std::string_view text_;
  Range line_;
  const NameAliases& agencies_;
  std::vector<AgencyCredit>& found_;
};

}  // namespace

std::vector<AgencyCredit> find_agency_credits(std::string_view text, const NameAliases& agencies) {
  std::vector<AgencyCredit> found;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    LineScanner(text, {start, end}, agencies, found).scan();
    start = end + 1;
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& a, const auto& b) {
                            return a.start == b.start && a.end == b.end;
                          }),
              found.end());
  return found;
}

std::vector<std::string> credited_agencies(const std::vector<AgencyCredit>& credits) {
  std::vector<std::string> agencies;
  for (const AgencyCredit& credit : credits) {
    if (std::find(agencies.begin(), agencies.end(), credit.agency) == agencies.end()) {
      agencies.push_back(credit.agency);
    }
  }
  return agencies;
}

}  // namespace pressclip::indexer
