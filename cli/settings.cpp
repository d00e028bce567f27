// Resolution of the index location.
#include "settings.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "escaped_text.h"
#include "pressclip/error.h"

namespace pressclip::cli {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// $XDG_CONFIG_HOME/pressclip/sources.tsv, else ~/.config/pressclip/sources.tsv, else "".
std::string default_alias_file() {
  if (std::string config_home = environment("XDG_CONFIG_HOME"); config_home.starts_with('/')) {
    return config_home + "/pressclip/sources.tsv";
  }
  if (std::string home = environment("HOME"); !home.empty()) {
    return home + "/.config/pressclip/sources.tsv";
  }
  return "";
}

}  // namespace

std::string resolve_database_path(const std::string& option_value) {
  if (!option_value.empty()) return option_value;
  if (std::string from_environment = environment("PRESSCLIP_DB"); !from_environment.empty()) {
    return from_environment;
  }
  // XDG base directory rules: a relative XDG_DATA_HOME is invalid and ignored.
  if (std::string data_home = environment("XDG_DATA_HOME"); data_home.starts_with('/')) {
    return data_home + "/pressclip/index";
  }
  if (std::string home = environment("HOME"); !home.empty()) {
    return home + "/.local/share/pressclip/index";
  }
  throw Error(ErrorKind::kBadArgument,
              "cannot tell where the index is: pass --db DIR or set PRESSCLIP_DB");
}

void add_database_option(CLI::App& app, std::string& target) {
  app.add_option("--db", target,
                 "Index directory (default: $PRESSCLIP_DB, else "
                 "$XDG_DATA_HOME/pressclip/index or ~/.local/share/pressclip/index)")
      ->type_name("DIR");
}

void add_read_options(CLI::App& app, ReadSettings& target) {
  app.add_option("--db", target.databases,
                 "Index to read (default: $PRESSCLIP_DB, else $XDG_DATA_HOME/pressclip/index or "
                 "~/.local/share/pressclip/index). Repeat it to search several indexes as one; "
                 "each may also be a Xapian stub file listing shards ('auto PATH', 'remote "
                 "HOST:PORT', 'remote :PROGRAM ARGS'; docs/scaling.md)")
      ->allow_extra_args(false)  // One path per --db: the query words follow it.
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("DIR|STUB");
  app.add_flag("--allow-partial", target.allow_partial,
               "When a shard cannot be reached, answer from the others and name the missing "
               "ones (a warning; a first JSON line with --json) instead of failing");
  const auto seconds = CLI::Validator(
      [](std::string& value) {
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        const bool valid = end != value.c_str() && *end == '\0' && number >= 0 && number <= 86400 &&
                           std::isfinite(number);
        return valid ? std::string()
                     : "'" + value + "' is not a number of seconds from 0 (no limit) to 86400";
      },
      "");
  app.add_option("--remote-timeout", target.remote_timeout_seconds,
                 "Seconds a remote shard may take to answer before it counts as down (default "
                 "10; 0 waits forever)")
      ->check(seconds)
      ->type_name("SECONDS");
  app.add_option("--connect-timeout", target.connect_timeout_seconds,
                 "Seconds connecting to a remote shard may take (default 10)")
      ->check(seconds)
      ->type_name("SECONDS");
}

SearcherOptions searcher_options(const ReadSettings& settings) {
  SearcherOptions options;
  options.databases = settings.databases;
  if (options.databases.empty()) options.databases.push_back(resolve_database_path(""));
  options.allow_partial = settings.allow_partial;
  options.remote_timeout = timeout_from_seconds(settings.remote_timeout_seconds);
  options.connect_timeout = timeout_from_seconds(settings.connect_timeout_seconds);
  return options;
}

void warn_missing_shards(const std::vector<MissingShard>& missing) {
  for (const MissingShard& shard : missing) {
    std::cerr << "pressclip: warning: shard '" << escaped_for_terminal(shard.shard)
              << "' left out: " << escaped_for_terminal(shard.reason)
              << "; results are from the other shards\n";
  }
}

std::string database_help_footer() {
  return "The index is the directory given by --db, else $PRESSCLIP_DB, else "
         "$XDG_DATA_HOME/pressclip/index, else ~/.local/share/pressclip/index.";
}

std::string resolve_today(const std::string& option_value) {
  const bool from_option = !option_value.empty();
  const std::string today = from_option ? option_value : environment("PRESSCLIP_TODAY");
  if (today.empty()) return today;
  unsigned year = 0, month = 0, day = 0;
  char end = 0;
  const bool parsed = today.size() == 10 && today[4] == '-' && today[7] == '-' &&
                      std::sscanf(today.c_str(), "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3;
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(year)),
                                         std::chrono::month(month), std::chrono::day(day)};
  if (!parsed || year < 1000 || !date.ok()) {
    throw Error(ErrorKind::kBadArgument, std::string(from_option ? "--today" : "PRESSCLIP_TODAY") +
                                             " '" + today +
                                             "' is not a date of the form YYYY-MM-DD");
  }
  return today;
}

AliasFile read_source_alias_file(const std::string& option_value) {
  std::string path = option_value;
  if (path.empty()) {
    path = default_alias_file();
    // The default file is optional: one that cannot even be looked at (a home directory
    // that this user may not enter) is taken as absent.
    std::error_code error;
    if (path.empty() || !std::filesystem::exists(path, error)) return {};
  } else if (!std::filesystem::exists(path)) {
    throw Error(ErrorKind::kNotFound, "no such source alias file: " + path);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw Error(ErrorKind::kIo, "cannot read source alias file " + path);
  return {path, text.str()};
}

std::string source_aliases_help() {
  return "Source aliases (docs/sources-and-agencies.md) come from --source-aliases FILE, else "
         "$XDG_CONFIG_HOME/pressclip/sources.tsv or ~/.config/pressclip/sources.tsv if it "
         "exists; the index keeps the table last given.";
}

double parse_half_life_days(const std::string& text) {
  std::size_t used = 0;
  double number = 0.0;
  try {
    number = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  double days_per_unit = 0.0;
  if (unit.empty() || unit == "d") days_per_unit = 1.0;
  if (unit == "w") days_per_unit = 7.0;
  if (unit == "m") days_per_unit = 30.44;
  if (unit == "y") days_per_unit = 365.25;
  if (used == 0 || days_per_unit == 0.0 || !(number > 0.0) || number > 1e6) {
    throw Error(ErrorKind::kBadArgument, "--recency '" + text +
                                             "' is not a half-life: use a positive number with d, "
                                             "w, m or y (or none, for days), as in 30d");
  }
  return number * days_per_unit;
}

}  // namespace pressclip::cli
