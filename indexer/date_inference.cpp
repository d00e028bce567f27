// Full dates found in article text by a hand-written scan, and the publication date they suggest.
#include "indexer/date_inference.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace pressclip::indexer {
namespace {

using schema::PartialDate;

// A dateline is looked for in the first line if it is no longer than this, or else in the
// first this many bytes of the text.
constexpr std::size_t kDatelineWindowBytes = 200;
// The most bytes between a dateline's date and the dash or credit after it (", 10:15 GMT ").
constexpr std::size_t kMaxGapBeforeCredit = 40;
// The longest credit in brackets after a dateline's date: "(Reuters)", "(AFP)".
constexpr std::size_t kMaxCreditBytes = 40;

// An English month or weekday name, lower case, with its number; abbreviations take a dot.
struct Name {
  std::string_view text;
  int number;
  bool abbreviation;
};

constexpr std::array<Name, 24> kMonths = {{
    {"january", 1, false},  {"february", 2, false},  {"march", 3, false},
    {"april", 4, false},    {"may", 5, false},       {"june", 6, false},
    {"july", 7, false},     {"august", 8, false},    {"september", 9, false},
    {"october", 10, false}, {"november", 11, false}, {"december", 12, false},
    {"jan", 1, true},       {"feb", 2, true},        {"mar", 3, true},
    {"apr", 4, true},       {"jun", 6, true},        {"jul", 7, true},
    {"aug", 8, true},       {"sep", 9, true},        {"sept", 9, true},
    {"oct", 10, true},      {"nov", 11, true},       {"dec", 12, true},
}};

// Weekdays numbered from 0 = Sunday.
constexpr std::array<Name, 17> kWeekdays = {{
    {"sunday", 0, false},
    {"monday", 1, false},
    {"tuesday", 2, false},
    {"wednesday", 3, false},
    {"thursday", 4, false},
    {"friday", 5, false},
    {"saturday", 6, false},
    {"sun", 0, true},
    {"mon", 1, true},
    {"tue", 2, true},
    {"tues", 2, true},
    {"wed", 3, true},
    {"thu", 4, true},
    {"thur", 4, true},
    {"thurs", 4, true},
    {"fri", 5, true},
    {"sat", 6, true},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_word_char(char c) { return is_digit(c) || is_letter(c) || c == '_'; }

char at_or_nul(std::string_view text, std::size_t at) { return at < text.size() ? text[at] : 0; }

// The end of the run of ASCII letters starting at `at`.
std::size_t letters_end(std::string_view text, std::size_t at) {
  while (at < text.size() && is_letter(text[at])) ++at;
  return at;
}

// The entry of `names` that `word` is, written "July" or "JULY" (not "july": "may" is a verb).
template <std::size_t N>
const Name* find_name(std::string_view word, const std::array<Name, N>& names) {
  if (word.empty() || !is_upper(word[0])) return nullptr;
  bool all_lower = true;
  bool all_upper = true;
  for (char c : word.substr(1)) {
    all_lower = all_lower && is_lower(c);
    all_upper = all_upper && is_upper(c);
  }
  if (!all_lower && !all_upper) return nullptr;
  for (const Name& name : names) {
    if (name.text.size() != word.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      same = static_cast<char>(word[i] | 0x20) == name.text[i];
    }
    if (same) return &name;
  }
  return nullptr;
}

// The position after the spaces at `at` (ASCII, no-break and thin spaces; one line break at
// most, for hard-wrapped text).
std::size_t skip_spaces(std::string_view text, std::size_t at) {
  int line_breaks = 0;
  while (at < text.size()) {
    const auto byte = [&](std::size_t i) {
      return static_cast<unsigned char>(at_or_nul(text, at + i));
    };
    if (byte(0) == ' ' || byte(0) == '\t' || byte(0) == '\r') {
      at += 1;
    } else if (byte(0) == '\n' && line_breaks++ == 0) {
      at += 1;
    } else if (byte(0) == 0xC2 && byte(1) == 0xA0) {  // U+00A0
      at += 2;
    } else if (byte(0) == 0xE2 && byte(1) == 0x80 &&
               ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xAF)) {  // U+2000-A, U+202F
      at += 3;
    } else {
      break;
    }
  }
  return at;
}

// Reads a day of the month at `at` (1 or 2 digits, maybe "st", "nd", "rd" or "th" after),
// advancing `at`; 0 if there is none.
int read_day(std::string_view text, std::size_t& at) {
  std::size_t end = at;
  while (end < text.size() && is_digit(text[end])) ++end;
  if (end == at || end - at > 2) return 0;
  int day = text[at] - '0';
  if (end - at == 2) day = day * 10 + (text[at + 1] - '0');
  const std::size_t suffix_end = letters_end(text, end);
  if (suffix_end == end + 2) {
    const std::string_view suffix = text.substr(end, 2);
    for (std::string_view ordinal : {"st", "nd", "rd", "th", "ST", "ND", "RD", "TH"}) {
      if (suffix == ordinal) end = suffix_end;
    }
  }
  if (is_letter(at_or_nul(text, end))) return 0;
  at = end;
  return day;
}

// Reads a four-digit year (1000-9999) at `at` that ends a word, advancing `at`; 0 if none.
int read_year(std::string_view text, std::size_t& at) {
  if (at + 4 > text.size() || text[at] == '0') return 0;
  int year = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    if (!is_digit(text[i])) return 0;
    year = year * 10 + (text[i] - '0');
  }
  if (is_word_char(at_or_nul(text, at + 4))) return 0;
  at += 4;
  return year;
}

// Reads a month name at `at` (with its dot if abbreviated), advancing `at`; 0 if none.
int read_month(std::string_view text, std::size_t& at) {
  const std::size_t end = letters_end(text, at);
  const Name* month = find_name(text.substr(at, end - at), kMonths);
  if (month == nullptr) return 0;
  at = end;
  if (month->abbreviation && at_or_nul(text, at) == '.') ++at;
  return month->number;
}

// Skips the comma and spaces between the day (or month) and the year; false if there are none.
bool skip_to_year(std::string_view text, std::size_t& at) {
  const std::size_t start = at;
  if (at_or_nul(text, at) == ',') ++at;
  at = skip_spaces(text, at);
  return at > start;
}

std::optional<DateMention> make_mention(int year, int month, int day, std::size_t start,
                                        std::size_t end) {
  if (year == 0 || month == 0 || day < 1 || day > schema::days_in_month(year, month)) {
    return std::nullopt;
  }
  return DateMention{PartialDate{year, month, day}, start, end};
}

// "July 27, 2023", "Jul. 27 2023", "July 27th, 2023" at `start`.
std::optional<DateMention> month_first_at(std::string_view text, std::size_t start) {
  std::size_t at = start;
  const int month = read_month(text, at);
  if (month == 0) return std::nullopt;
  const std::size_t after_month = at;
  if ((at = skip_spaces(text, at)) == after_month) return std::nullopt;
  const int day = read_day(text, at);
  if (day == 0 || !skip_to_year(text, at)) return std::nullopt;
  const int year = read_year(text, at);
  return make_mention(year, month, day, start, at);
}

// "27 July 2023", "27 Jul. 2023", "27th July, 2023" at `start`.
std::optional<DateMention> day_first_at(std::string_view text, std::size_t start) {
  std::size_t at = start;
  const int day = read_day(text, at);
  if (day == 0) return std::nullopt;
  const std::size_t after_day = at;
  if ((at = skip_spaces(text, at)) == after_day) return std::nullopt;
  const int month = read_month(text, at);
  if (month == 0 || !skip_to_year(text, at)) return std::nullopt;
  const int year = read_year(text, at);
  return make_mention(year, month, day, start, at);
}

// "2023-07-27" at `start`, alone or starting an ISO date-time ("2023-07-27T10:15").
std::optional<DateMention> iso_at(std::string_view text, std::size_t start) {
  if (start + 10 > text.size()) return std::nullopt;
  const char after = at_or_nul(text, start + 10);
  const bool time_follows = after == 'T' && is_digit(at_or_nul(text, start + 11));
  if (is_word_char(after) && !time_follows) return std::nullopt;
  const auto date = schema::parse_iso_date(text.substr(start, 10));
  if (!date || date->day == 0) return std::nullopt;
  return DateMention{*date, start, start + 10};
}

// The day of the week of a day-precision date, 0 = Sunday (proleptic Gregorian).
int weekday_of(const PartialDate& date) {
  static constexpr int kMonthOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int year = date.month < 3 ? date.year - 1 : date.year;
  return (year + year / 4 - year / 100 + year / 400 + kMonthOffsets[date.month - 1] + date.day) % 7;
}

// "Thursday July 27 2023", "Thu, 27 July 2023" at `start`, if the weekday is the right one.
std::optional<DateMention> with_weekday_at(std::string_view text, std::size_t start) {
  std::size_t at = letters_end(text, start);
  const Name* weekday = find_name(text.substr(start, at - start), kWeekdays);
  if (weekday == nullptr) return std::nullopt;
  if (weekday->abbreviation && at_or_nul(text, at) == '.') ++at;
  if (!skip_to_year(text, at)) return std::nullopt;  // the comma and spaces after a weekday
  auto mention = is_digit(at_or_nul(text, at)) ? day_first_at(text, at) : month_first_at(text, at);
  if (!mention || weekday_of(mention->date) != weekday->number) return std::nullopt;
  mention->start = start;
  return mention;
}

// True if a dash or a bracketed credit follows `at` closely on its line, as after a dateline:
// "July 27, 2023 (Reuters) - ...", "July 27, 2023 — ...".
bool credit_or_dash_follows(std::string_view text, std::size_t at) {
  const std::size_t limit = std::min(text.size(), at + kMaxGapBeforeCredit);
  for (std::size_t p = at; p < limit; ++p) {
    const char c = text[p];
    if (c == '\n') return false;
    if (c == '(') {
      const std::size_t close = text.find(')', p);
      return close != std::string_view::npos && close > p + 1 && close - p - 1 <= kMaxCreditBytes &&
             is_letter(text[p + 1]) &&
             text.substr(p, close - p).find('\n') == std::string_view::npos;
    }
    const bool spaced = p == at || text[p - 1] == ' ';
    if (c == '-' && spaced && (at_or_nul(text, p + 1) == ' ' || at_or_nul(text, p + 1) == '-')) {
      return true;
    }
    if (text.substr(p, 3) == "\u2014" || text.substr(p, 3) == "\u2013") return true;
    const bool abbreviation = p >= 2 && text[p - 2] == '.';  // "a.m." and "p.m."
    if (c == '.' && !abbreviation && (p + 1 == text.size() || text[p + 1] == ' ')) return false;
  }
  return false;
}

// The first non-blank line of `text`, as [start, end).
std::pair<std::size_t, std::size_t> first_line(std::string_view text) {
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // a byte order mark
  while (start < text.size() && (text[start] == '\n' || text[start] == '\r' || text[start] == ' ' ||
                                 text[start] == '\t')) {
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  return {start, end};
}

std::optional<InferredDate> from_dateline(std::string_view text,
                                          const std::vector<DateMention>& mentions) {
  const auto [line_start, line_end] = first_line(text);
  if (line_end - line_start <= kDatelineWindowBytes) {
    for (const DateMention& mention : mentions) {
      if (mention.start >= line_start && mention.end <= line_end) {
        return InferredDate{mention.date, true, mention.start};
      }
    }
  }
  for (const DateMention& mention : mentions) {
    if (mention.start >= line_start + kDatelineWindowBytes) break;
    if (credit_or_dash_follows(text, mention.end)) {
      return InferredDate{mention.date, true, mention.start};
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<DateMention> find_full_dates(std::string_view text) {
  std::vector<DateMention> mentions;
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (!is_word_char(c) || (at > 0 && is_word_char(text[at - 1]))) {
      ++at;
      continue;
    }
    std::optional<DateMention> mention;
    if (is_digit(c)) {
      mention = iso_at(text, at);
      if (!mention) mention = day_first_at(text, at);
    } else if (is_letter(c)) {
      mention = with_weekday_at(text, at);
      if (!mention) mention = month_first_at(text, at);
    }
    if (mention) {
      at = mention->end;
      mentions.push_back(*mention);
      continue;
    }
    while (at < text.size() && is_word_char(text[at])) ++at;
  }
  return mentions;
}

std::optional<InferredDate> infer_publication_date(std::string_view text) {
  const std::vector<DateMention> mentions = find_full_dates(text);
  if (mentions.empty()) return std::nullopt;
  if (auto dateline = from_dateline(text, mentions)) return dateline;
  const DateMention* latest = &mentions.front();
  const auto key = [](const PartialDate& date) {
    return std::tuple(date.year, date.month, date.day);
  };
  for (const DateMention& mention : mentions) {
    if (key(mention.date) > key(latest->date)) latest = &mention;
  }
  return InferredDate{latest->date, false, latest->start};
}

}  // namespace pressclip::indexer
