// The `pressclip` binary: dispatches to subcommands and turns every failure into one line
// on standard error and an exit status (2; 3 for a search past its timeout; 75 for a locked
// index; 128 + signal if stopped).
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "command.h"
#include "escaped_text.h"
#include "interrupt.h"
#include "pressclip/error.h"
#include "pressclip/version.h"

namespace {

// Messages may quote paths and text from files: made safe for a terminal, on one line.
int fail(const std::string& message, int status = pressclip::cli::kExitError) {
  std::cerr << "pressclip: error: " << pressclip::cli::escaped_for_terminal(message) << '\n';
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pressclip::cli;
  CLI::App app{"pressclip: full-text search for news archives, ranked by passage.", "pressclip"};
  app.set_version_flag("-V,--version", std::string("pressclip ") + pressclip::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Run 'pressclip COMMAND --help' for a command's options.\n"
      "Example: pressclip index corpus/ && pressclip search 'Wagner AND Niger'");

  // CLI11 would only say "a subcommand is required" for a misspelt command.
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CommandSpec& spec : command_table()) {
      known = known || std::string(argv[1]) == spec.name;
      names += names.empty() ? spec.name : std::string(", ") + spec.name;
    }
    if (!known)
      return fail("unknown command '" + std::string(argv[1]) + "' (commands: " + names + ")");
  }

  std::vector<std::unique_ptr<Command>> commands;
  for (const CommandSpec& spec : command_table()) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    commands.push_back(spec.make());
    commands.back()->add_options(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return std::cout.flush() ? kExitFound : fail("cannot write to standard output");
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return std::cout.flush() ? kExitFound : fail("cannot write to standard output");
  } catch (const CLI::CallForVersion&) {
    std::cout << app.version() << '\n';
    return std::cout.flush() ? kExitFound : fail("cannot write to standard output");
  } catch (const CLI::ParseError& error) {
    return fail(std::string(error.what()) + " (see 'pressclip --help')");
  }

  try {
    const auto table = command_table();
    for (std::size_t i = 0; i < table.size(); ++i) {
      if (!app.got_subcommand(table[i].name)) continue;
      const int status = commands[i]->run();
      // Like grep, a write error (a full disk, a closed stdout) is an error, not success.
      if (!std::cout.flush()) return fail("cannot write to standard output");
      return status;
    }
    return fail("no command given (see 'pressclip --help')");
  } catch (const pressclip::Error& error) {
    switch (error.kind()) {
      case pressclip::ErrorKind::kIndexLocked:
        return fail(error.what(), kExitIndexLocked);
      case pressclip::ErrorKind::kTimeout:
        return fail(error.what(), kExitTimeout);
      default:
        return fail(error.what());
    }
  } catch (const InterruptedError& error) {
    return fail(error.what(), error.exit_status());
  } catch (const std::exception& error) {
    return fail(std::string("unexpected failure: ") + error.what());
  } catch (...) {
    return fail("unexpected failure");
  }
}
