// Settings the CLI resolves from options and the environment before calling the library.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace pressclip::cli {

/// Where the index lives: `--db DIR`, else $PRESSCLIP_DB, else
/// $XDG_DATA_HOME/pressclip/index, else ~/.local/share/pressclip/index.
/// Throws pressclip::Error kBadArgument if none of these can be determined.
std::string resolve_database_path(const std::string& option_value);

/// Adds `--db DIR` to a subcommand, storing into `target`.
void add_database_option(CLI::App& app, std::string& target);

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
