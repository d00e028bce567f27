// The table of subcommands.
#include "command.h"

#include <array>

namespace pressclip::cli {

std::span<const CommandSpec> command_table() {
  static const std::array<CommandSpec, 4> kCommands = {{
      {"index", "Add or update articles (files or directories) in the index", make_index_command},
      {"search", "Search the index and print ranked, highlighted passages", make_search_command},
      {"show", "Print one article's metadata (with provenance) and passages", make_show_command},
      {"stats", "Print counts of articles, passages, sources and dates", make_stats_command},
  }};
  return kCommands;
}

}  // namespace pressclip::cli
