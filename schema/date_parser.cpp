// Publication dates from metadata: ISO 8601 by hand, RFC 2822 and English forms through ICU.
#include "schema/date_parser.h"

#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/parsepos.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <cfloat>
#include <memory>
#include <vector>

namespace pressclip::schema {
namespace {

// Day-precision patterns, tried in turn on the text once a weekday is removed. For MMMM, ICU
// matches full and abbreviated month names, ignoring case; literals must match exactly.
constexpr std::array kDayPatterns = {"MMMM d, yyyy", "MMMM d yyyy", "d MMMM yyyy"};
// The month-precision pattern ("July 2023").
constexpr const char* kMonthPattern = "MMMM yyyy";
// Times that may follow a day. ICU's z reads GMT, UT, UTC, EST... and numeric offsets.
constexpr std::array kTimePatterns = {"h:mm a",   "h:mm:ss a",   "h:mma",   "H:mm",   "H:mm:ss",
                                      "h:mm a z", "h:mm:ss a z", "h:mma z", "H:mm z", "H:mm:ss z"};
// Abbreviations ICU does not know, with the ICU abbreviation they stand for.
constexpr std::array<std::array<const char*, 2>, 4> kAliases = {
    {{"sept", "sep"}, {"tues", "tue"}, {"thur", "thu"}, {"thurs", "thu"}}};
// Quoted text in a problem is cut to this many bytes, so that a warning stays one short line.
constexpr std::size_t kMaxQuotedBytes = 60;

// One thread's ICU formatters, calendars and English names: ICU formatters and calendars are
// not safe to share between threads, and are too costly to build for each call.
struct EnglishDates {
  std::vector<std::unique_ptr<icu::SimpleDateFormat>> day_formats;
  std::unique_ptr<icu::SimpleDateFormat> month_format;
  std::vector<std::unique_ptr<icu::SimpleDateFormat>> time_formats;
  std::unique_ptr<icu::GregorianCalendar> calendar;  // receives dates
  std::unique_ptr<icu::GregorianCalendar> clock;     // receives times, only to validate them
  std::array<std::string, 8> weekdays;               // by UCAL_SUNDAY (1) .. UCAL_SATURDAY (7)
  std::array<std::string, 8> short_weekdays;
  std::array<std::string, 12> months;
  std::array<std::string, 12> short_months;
  bool ok = false;
};

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// A strict en_US parser for `pattern`: fields in range, literals matched exactly.
std::unique_ptr<icu::SimpleDateFormat> make_format(const char* pattern, const icu::Locale& locale,
                                                   UErrorCode& status) {
  auto format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(pattern, -1, US_INV),
                                                        locale, status);
  format->setLenient(false);
  format->setBooleanAttribute(UDAT_PARSE_PARTIAL_LITERAL_MATCH, false, status);
  return format;
}

// A proleptic Gregorian calendar in GMT, like ISO 8601 (no Julian dates before 1582).
std::unique_ptr<icu::GregorianCalendar> make_calendar(const icu::Locale& locale,
                                                      UErrorCode& status) {
  auto calendar =
      std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), locale, status);
  calendar->setGregorianChange(-DBL_MAX, status);
  calendar->setLenient(false);
  return calendar;
}

// Copies `count` names from ICU into `out`, by index.
template <std::size_t N>
void copy_names(const icu::UnicodeString* names, int32_t count, std::array<std::string, N>& out) {
  for (int32_t i = 0; i < count && i < static_cast<int32_t>(N); ++i) {
    out[i].clear();
    names[i].toUTF8String(out[i]);
  }
}

EnglishDates build_english_dates() {
  EnglishDates dates;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale("en_US");
  for (const char* pattern : kDayPatterns)
    dates.day_formats.push_back(make_format(pattern, locale, status));
  dates.month_format = make_format(kMonthPattern, locale, status);
  for (const char* pattern : kTimePatterns) {
    dates.time_formats.push_back(make_format(pattern, locale, status));
  }
  dates.calendar = make_calendar(locale, status);
  dates.clock = make_calendar(locale, status);
  icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return dates;
  int32_t count = 0;
  const icu::UnicodeString* names = symbols.getWeekdays(count);
  copy_names(names, count, dates.weekdays);
  names = symbols.getShortWeekdays(count);
  copy_names(names, count, dates.short_weekdays);
  names = symbols.getMonths(count);
  copy_names(names, count, dates.months);
  names = symbols.getShortMonths(count);
  copy_names(names, count, dates.short_months);
  dates.ok = true;
  return dates;
}

EnglishDates& english_dates() {
  thread_local EnglishDates dates = build_english_dates();
  return dates;
}

// Clears `calendar` for a new parse; parsing a zone may have changed its zone.
void reset(icu::GregorianCalendar& calendar) {
  calendar.setTimeZone(*icu::TimeZone::getGMT());
  calendar.clear();
}

// The length of the whitespace character at `text[at]` (ASCII, no-break or thin spaces), or 0.
std::size_t space_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0;
  };
  if (byte(0) == ' ' || (byte(0) >= '\t' && byte(0) <= '\r')) return 1;
  if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;               // U+00A0
  const bool general_space = byte(2) >= 0x80 && byte(2) <= 0x8A;  // U+2000-U+200A
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (general_space || byte(2) == 0xAF)) return 3;
  return 0;
}

// `text` with every run of whitespace made one ASCII space, trimmed.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (std::size_t at = 0; at < text.size();) {
    if (std::size_t length = space_length(text, at)) {
      pending_space = !out.empty();
      at += length;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[at++];
  }
  return out;
}

// `text` cut to kMaxQuotedBytes (at a UTF-8 character) and put in single quotes.
std::string quoted(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return "'" + std::string(text) + "'";
  std::size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "…'";
}

bool is_name(std::string_view word, const std::array<std::string, 8>& names) {
  for (const std::string& name : names) {
    if (!name.empty() && equals_ignoring_case(word, name)) return true;
  }
  return false;
}

bool is_short_month(std::string_view word, const EnglishDates& english) {
  for (const std::string& name : english.short_months) {
    if (equals_ignoring_case(word, name)) return true;
  }
  return false;
}

// True if `word` is "st", "nd", "rd" or "th" right after a day number ending `before` ("27th").
bool is_ordinal_suffix(std::string_view word, std::string_view before) {
  std::size_t digits = 0;
  while (digits < before.size() && is_digit(before[before.size() - 1 - digits])) ++digits;
  if (digits < 1 || digits > 2) return false;
  if (digits < before.size() && before[before.size() - 1 - digits] != ' ') return false;
  for (const char* suffix : {"st", "nd", "rd", "th"}) {
    if (equals_ignoring_case(word, suffix)) return true;
  }
  return false;
}

// Rewrites words ICU does not read: "Sept." and "Jul." become "sep" and "Jul" (the dot of an
// abbreviated month or weekday goes), "Tues"/"Thurs" become "tue"/"thu", "a.m." becomes "AM",
// and ordinal days lose their suffix ("27th" becomes "27").
std::string rewrite_words(std::string_view text, const EnglishDates& english) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (!is_ascii_letter(text[at])) {
      out += text[at++];
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    std::string word(text.substr(at, end - at));
    if (is_ordinal_suffix(word, out)) {
      at = end;
      continue;
    }
    const std::string_view after = text.substr(end);
    if ((equals_ignoring_case(word, "a") || equals_ignoring_case(word, "p")) && after.size() >= 3 &&
        after[0] == '.' && ascii_lower(after[1]) == 'm' && after[2] == '.') {
      out += equals_ignoring_case(word, "a") ? "AM" : "PM";
      at = end + 3;
      continue;
    }
    bool abbreviated = is_short_month(word, english) || is_name(word, english.short_weekdays);
    for (const auto& [alias, name] : kAliases) {
      if (equals_ignoring_case(word, alias)) {
        word = name;
        abbreviated = true;
      }
    }
    out += word;
    at = end;
    if (abbreviated && at < text.size() && text[at] == '.') ++at;
  }
  return out;
}

// Removes a leading weekday name ("Thursday", "Thu") and the comma or space after it; returns
// its number (1 = Sunday .. 7 = Saturday), or 0 if `text` does not start with a weekday.
int take_weekday(std::string& text, const EnglishDates& english) {
  std::size_t end = 0;
  while (end < text.size() && is_ascii_letter(text[end])) ++end;
  const std::string_view word = std::string_view(text).substr(0, end);
  int weekday = 0;
  for (int day = 1; day <= 7; ++day) {
    if (equals_ignoring_case(word, english.weekdays[day]) ||
        equals_ignoring_case(word, english.short_weekdays[day])) {
      weekday = day;
    }
  }
  if (weekday == 0 || end == text.size()) return 0;
  if (text[end] == ',') ++end;
  if (end < text.size() && text[end] == ' ') ++end;
  text.erase(0, end);
  return weekday;
}

// "7 August 2023", for messages.
std::string spelled_out(int year, int month, int day, const EnglishDates& english) {
  return std::to_string(day) + " " + english.months[month - 1] + " " + std::to_string(year);
}

bool is_real_date(int year, int month, int day) {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

// Reads a run of 1-4 digits at `text[at]`, advancing `at`; -1 if there is none.
int read_number(std::string_view text, std::size_t& at, std::size_t& digits) {
  int value = 0;
  digits = 0;
  while (at < text.size() && is_digit(text[at]) && digits < 5) {
    value = value * 10 + (text[at++] - '0');
    ++digits;
  }
  return digits >= 1 && digits <= 4 ? value : -1;
}

// Why a purely numeric date other than ISO 8601 ("07/08/2023", "7.8.2023") is refused, or
// std::nullopt if `text` does not start with three numbers joined by one kind of separator.
std::optional<std::string> numeric_problem(std::string_view text, const EnglishDates& english) {
  std::size_t at = 0;
  std::array<std::size_t, 3> digits{};
  std::array<int, 3> numbers{};
  char separator = 0;
  for (int group = 0; group < 3; ++group) {
    numbers[group] = read_number(text, at, digits[group]);
    if (numbers[group] < 0) return std::nullopt;
    if (group == 2) break;
    if (at >= text.size() || (text[at] != '/' && text[at] != '.' && text[at] != '-')) {
      return std::nullopt;
    }
    if (separator != 0 && text[at] != separator) return std::nullopt;
    separator = text[at++];
  }
  if (at < text.size() && text[at] != ' ' && text[at] != 'T' && text[at] != ',') {
    return std::nullopt;
  }
  const std::string what = quoted(text);
  const auto iso = [](int year, int month, int day) {
    return PartialDate{year, month, day}.to_iso();
  };
  if (digits[0] == 4) {
    const auto [year, month, day] = numbers;
    if (!is_real_date(year, month, day)) return what + " is not a real date";
    if (separator == '-' && digits[1] == 2 && digits[2] == 2) {
      return what + " has a time or zone that is not ISO 8601: write " + iso(year, month, day) +
             "T10:15:00+02:00 or just " + iso(year, month, day);
    }
    return what + " is not an ISO 8601 date: write " + iso(year, month, day) + " or " +
           spelled_out(year, month, day, english);
  }
  if (digits[2] == 4) {
    const int year = numbers[2];
    const bool day_first = is_real_date(year, numbers[1], numbers[0]);
    const bool month_first = is_real_date(year, numbers[0], numbers[1]);
    if (day_first && month_first && numbers[0] != numbers[1]) {
      return what + " is ambiguous (" + spelled_out(year, numbers[1], numbers[0], english) +
             " or " + spelled_out(year, numbers[0], numbers[1], english) + "?): write " +
             iso(year, numbers[1], numbers[0]) + " or " + iso(year, numbers[0], numbers[1]);
    }
    if (day_first || month_first) {
      const int month = day_first ? numbers[1] : numbers[0];
      const int day = day_first ? numbers[0] : numbers[1];
      return what + " is a numeric date, which is ambiguous: write " + iso(year, month, day) +
             " or " + spelled_out(year, month, day, english);
    }
    return what + " is not a real date, and numeric dates are ambiguous: write YYYY-MM-DD";
  }
  return what +
         " is ambiguous: write the date as YYYY-MM-DD or with the month's name (27 July 2023)";
}

// True if `time` is a whole time, "10:15", "10:15:30 AM" or "10:15 GMT", valid on a clock.
bool is_time(const icu::UnicodeString& time, EnglishDates& english) {
  for (const auto& format : english.time_formats) {
    reset(*english.clock);
    icu::ParsePosition position(0);
    format->parse(time, *english.clock, position);
    if (position.getErrorIndex() >= 0 || position.getIndex() != time.length()) continue;
    UErrorCode status = U_ZERO_ERROR;
    english.clock->getTime(status);
    if (U_SUCCESS(status)) return true;
  }
  return false;
}

// The length of `time` without a final zone abbreviation of 3-5 capitals ("CEST", "WAT"), or
// 0 if it does not end with one.
int32_t length_before_abbreviation(const icu::UnicodeString& time) {
  const int32_t space = time.lastIndexOf(u' ');
  const int32_t letters = time.length() - space - 1;
  if (space <= 0 || letters < 3 || letters > 5) return 0;
  for (int32_t i = space + 1; i < time.length(); ++i) {
    if (time[i] < u'A' || time[i] > u'Z') return 0;
  }
  return space;
}

// True if `rest` (what follows a day) is empty or a time: ", 10:15 GMT", " at 10:15 AM".
bool is_time_suffix(const icu::UnicodeString& rest, EnglishDates& english) {
  if (rest.isEmpty()) return true;
  int32_t start = rest[0] == u',' ? 1 : 0;
  if (start >= rest.length() || rest[start] != u' ') return false;
  ++start;
  if (rest.length() - start > 3 &&
      rest.tempSubString(start, 3).caseCompare(icu::UnicodeString(u"at "), 0) == 0) {
    start += 3;
  }
  icu::UnicodeString time = rest.tempSubString(start);
  const int32_t comment = time.lastIndexOf(icu::UnicodeString(u" ("));
  if (comment > 0 && time.endsWith(icu::UnicodeString(u")"))) time.truncate(comment);
  if (is_time(time, english)) return true;
  // Zone abbreviations that ICU's en_US data lacks ("CEST", "WAT") are taken on trust.
  const int32_t zoneless = length_before_abbreviation(time);
  return zoneless > 0 && is_time(time.tempSubString(0, zoneless), english);
}

// What reading `text` with `format` gave.
enum class Outcome { kNoMatch, kImpossible, kBadYear, kDate };

// Parses the whole of `text` with `format`: with `with_day`, a time may follow the date, and
// `date` is set at day precision; without, nothing may follow and `date` is at month precision.
Outcome parse_with(icu::SimpleDateFormat& format, const icu::UnicodeString& text, bool with_day,
                   EnglishDates& english, PartialDate& date) {
  reset(*english.calendar);
  icu::ParsePosition position(0);
  format.parse(text, *english.calendar, position);
  if (position.getErrorIndex() >= 0 || position.getIndex() == 0) return Outcome::kNoMatch;
  const icu::UnicodeString rest = text.tempSubString(position.getIndex());
  if (with_day ? !is_time_suffix(rest, english) : !rest.isEmpty()) return Outcome::kNoMatch;
  UErrorCode status = U_ZERO_ERROR;
  const int era = english.calendar->get(UCAL_ERA, status);
  const int year = english.calendar->get(UCAL_YEAR, status);
  const int month = english.calendar->get(UCAL_MONTH, status) + 1;
  const int day = english.calendar->get(UCAL_DATE, status);
  if (U_FAILURE(status)) return Outcome::kImpossible;
  if (era != icu::GregorianCalendar::AD || year < 1000 || year > 9999) return Outcome::kBadYear;
  date = PartialDate{year, month, with_day ? day : 0};
  return Outcome::kDate;
}

// The day of the week of `date` (1 = Sunday), in the proleptic Gregorian calendar.
int weekday_of(const PartialDate& date, EnglishDates& english) {
  reset(*english.calendar);
  english.calendar->set(date.year, date.month - 1, date.day);
  UErrorCode status = U_ZERO_ERROR;
  const int weekday = english.calendar->get(UCAL_DAY_OF_WEEK, status);
  return U_SUCCESS(status) ? weekday : 0;
}

}  // namespace

DateReading parse_metadata_date(std::string_view text) {
  DateReading reading;
  const std::string written = collapse_spaces(text);
  if (written.empty()) {
    reading.problem = "the date is empty";
    return reading;
  }
  if ((reading.date = parse_iso_date(written))) return reading;
  EnglishDates& english = english_dates();
  if (!english.ok) {
    reading.problem = quoted(written) + " is not an ISO 8601 date (ICU data is missing)";
    return reading;
  }
  if (auto problem = numeric_problem(written, english)) {
    reading.problem = *std::move(problem);
    return reading;
  }
  std::string words = rewrite_words(written, english);
  const int weekday = take_weekday(words, english);
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(words);
  PartialDate date;
  Outcome outcome = Outcome::kNoMatch;
  for (const auto& format : english.day_formats) {
    outcome = parse_with(*format, unicode, true, english, date);
    if (outcome != Outcome::kNoMatch) break;
  }
  if (outcome == Outcome::kNoMatch && weekday == 0) {
    outcome = parse_with(*english.month_format, unicode, false, english, date);
  }
  switch (outcome) {
    case Outcome::kNoMatch:
      reading.problem =
          quoted(written) + " is not a date in a known form: write YYYY-MM-DD or 27 July 2023";
      return reading;
    case Outcome::kImpossible:
      reading.problem = quoted(written) + " is not a real date";
      return reading;
    case Outcome::kBadYear:
      reading.problem = quoted(written) + " needs a year written in full, from 1000 to 9999";
      return reading;
    case Outcome::kDate:
      break;
  }
  if (weekday != 0) {
    const int actual = weekday_of(date, english);
    if (actual != weekday) {
      reading.problem = quoted(written) + ": " + date.to_iso() + " is a " +
                        english.weekdays[actual] + ", not a " + english.weekdays[weekday];
      return reading;
    }
  }
  reading.date = date;
  return reading;
}

}  // namespace pressclip::schema
