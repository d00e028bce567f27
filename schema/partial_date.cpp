// ISO 8601 date parsing at year, month or day precision.
#include "schema/partial_date.h"

#include <cstdio>

namespace pressclip::schema {
namespace {

// Reads exactly `count` ASCII digits at `text[at]`; returns -1 if they are not all digits.
int read_digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Validates the time part of an ISO date-time: hh:mm[:ss[.fraction]][Z|(+|-)hh:mm].
bool is_valid_time(std::string_view time) {
  int hours = read_digits(time, 0, 2);
  int minutes = read_digits(time, 3, 2);
  if (hours < 0 || hours > 23 || time.size() < 5 || time[2] != ':' || minutes < 0 || minutes > 59) {
    return false;
  }
  std::size_t at = 5;
  if (at < time.size() && time[at] == ':') {
    int seconds = read_digits(time, at + 1, 2);
    if (seconds < 0 || seconds > 60) return false;
    at += 3;
    if (at < time.size() && (time[at] == '.' || time[at] == ',')) {
      ++at;
      std::size_t digits = 0;
      while (at < time.size() && time[at] >= '0' && time[at] <= '9') ++at, ++digits;
      if (digits == 0) return false;
    }
  }
  std::string_view zone = time.substr(at);
  if (zone.empty() || zone == "Z" || zone == "z") return true;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return false;
  int zone_hours = read_digits(zone, 1, 2);
  int zone_minutes = read_digits(zone, 4, 2);
  return zone_hours >= 0 && zone_hours <= 14 && zone_minutes >= 0 && zone_minutes <= 59;
}

std::string format_key(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string PartialDate::to_iso() const {
  char buffer[16];
  if (month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

std::string PartialDate::first_day_key() const {
  return format_key(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
}

std::string PartialDate::last_day_key() const {
  int last_month = month == 0 ? 12 : month;
  return format_key(year, last_month, day == 0 ? days_in_month(year, last_month) : day);
}

std::optional<PartialDate> parse_iso_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  PartialDate date;
  date.year = read_digits(text, 0, 4);
  if (date.year < 1000) return std::nullopt;
  if (text.size() == 4) return date;
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  date.month = read_digits(text, 5, 2);
  if (date.month < 1 || date.month > 12) return std::nullopt;
  if (text.size() == 7) return date;
  if (text.size() < 10 || text[7] != '-') return std::nullopt;
  date.day = read_digits(text, 8, 2);
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
  if (text.size() == 10) return date;
  if ((text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !is_valid_time(text.substr(11))) {
    return std::nullopt;
  }
  return date;
}

std::string iso_from_day_key(std::string_view key) {
  if (key.size() != 8 || read_digits(key, 0, 8) < 0) return std::string(key);
  return std::string(key.substr(0, 4)) + "-" + std::string(key.substr(4, 2)) + "-" +
         std::string(key.substr(6, 2));
}

}  // namespace pressclip::schema
