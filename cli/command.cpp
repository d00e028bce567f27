// The table of subcommands.
#include "command.h"

#include <array>

namespace pressclip::cli {

std::span<const CommandSpec> command_table() {
  static const std::array<CommandSpec, 6> kCommands = {{
      {"index", "Bring the index up to date with files and directories (or --watch them)",
       make_index_command},
      {"add", "Index one article from a file or standard input", make_add_command},
      {"rm", "Remove articles by id or file path", make_rm_command},
      {"search", "Search the index and print ranked, highlighted passages", make_search_command},
      {"show", "Print one article's metadata (with provenance) and passages", make_show_command},
      {"stats", "Print counts of articles, passages, sources and dates", make_stats_command},
  }};
  return kCommands;
}

}  // namespace pressclip::cli
