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

}  // namespace pressclip::cli
