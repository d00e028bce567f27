// Settings the CLI resolves from options and the environment before calling the library.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "pressclip/searcher.h"

namespace pressclip::cli {

/// Where the index lives: `--db DIR`, else $PRESSCLIP_DB, else
/// $XDG_DATA_HOME/pressclip/index, else ~/.local/share/pressclip/index.
/// Throws pressclip::Error kBadArgument if none of these can be determined.
std::string resolve_database_path(const std::string& option_value);

/// Adds `--db DIR` to a subcommand, storing into `target`.
void add_database_option(CLI::App& app, std::string& target);

/// What the reading commands (search, show, stats) are given to find their articles.
struct ReadSettings {
  std::vector<std::string> databases;  ///< `--db`, repeated; empty: the default index.
  bool allow_partial = false;
  double remote_timeout_seconds = 10.0;
  double connect_timeout_seconds = 10.0;
};

/// Adds `--db` (repeatable), `--allow-partial`, `--remote-timeout` and `--connect-timeout`
/// to a reading subcommand, storing into `target`.
void add_read_options(CLI::App& app, ReadSettings& target);

/// The library's options for `settings`: the default index (resolve_database_path) when no
/// --db is given. Throws as resolve_database_path.
SearcherOptions searcher_options(const ReadSettings& settings);

/// Prints "pressclip: warning: shard S left out: REASON" on standard error for each missing
/// shard, so that a partial answer is never taken for a whole one.
void warn_missing_shards(const std::vector<MissingShard>& missing);

/// The help text naming the default index location, for --help footers.
std::string database_help_footer();

/// "Today" for relative dates: `--today DATE`, else $PRESSCLIP_TODAY, else "" (the library
/// then reads the clock). Throws Error kBadArgument, naming where it came from, if the date
/// given is not a real YYYY-MM-DD day.
std::string resolve_today(const std::string& option_value);

/// A source alias file to load: its name and text. `--source-aliases FILE` if given (it
/// must exist), else $XDG_CONFIG_HOME/pressclip/sources.tsv or ~/.config/pressclip/sources.tsv
/// if one exists, else nothing (both strings empty). Throws Error kNotFound or kIo.
struct AliasFile {
  std::string name;
  std::string text;
};
AliasFile read_source_alias_file(const std::string& option_value);

/// The help text naming where source aliases are looked for.
std::string source_aliases_help();

/// A recency half-life in days from "30d", "2w", "6m" (30.44 days each), "1y" (365.25) or a
/// bare number of days. Throws Error kBadArgument for anything else or a value <= 0.
double parse_half_life_days(const std::string& text);

}  // namespace pressclip::cli
