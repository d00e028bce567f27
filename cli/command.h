// The subcommand interface and the table of subcommands `pressclip` dispatches to.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <span>
#include <string>

namespace pressclip::cli {

/// Exit statuses, as grep: 0 something found (or done), 1 nothing found, 2 error.
inline constexpr int kExitFound = 0;
inline constexpr int kExitNothingFound = 1;
inline constexpr int kExitError = 2;
/// `index`: the run completed, but some files were skipped (each named in a warning on
/// standard error). As grep's 1, "not everything you asked for", apart from 0 and from 2.
inline constexpr int kExitSkippedFiles = 1;
/// A search ran past its --timeout (pressclip::ErrorKind::kTimeout): not an error in the
/// query or the index, so a script can retry with a longer timeout or a narrower query.
inline constexpr int kExitTimeout = 3;
/// Another process is updating the index (pressclip::ErrorKind::kIndexLocked): EX_TEMPFAIL
/// of sysexits.h, a temporary failure worth retrying later.
inline constexpr int kExitIndexLocked = 75;

/// One subcommand: declares its options, then runs once they are parsed.
class Command {
 public:
  virtual ~Command() = default;
  /// Adds the command's options and positionals to `app` (its own subcommand).
  virtual void add_options(CLI::App& app) = 0;
  /// Runs the command; returns the exit status. Throws pressclip::Error on failure.
  virtual int run() = 0;
};

/// A row of the command table.
struct CommandSpec {
  const char* name;
  const char* summary;
  std::unique_ptr<Command> (*make)();
};

/// Every subcommand, in the order `--help` lists them.
std::span<const CommandSpec> command_table();

std::unique_ptr<Command> make_index_command();
std::unique_ptr<Command> make_add_command();
std::unique_ptr<Command> make_rm_command();
std::unique_ptr<Command> make_search_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_stats_command();

}  // namespace pressclip::cli
