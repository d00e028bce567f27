// Colour decisions (isatty, NO_COLOR, --color) and ANSI escape sequences.
#include "terminal.h"

#include "choice_option.h"

#include <unistd.h>

#include <cstdlib>

namespace pressclip::cli {

void add_color_option(CLI::App& app, ColorChoice& target) {
  add_choice_option(
      app, "--color", target,
      {{"auto", ColorChoice::kAuto},
       {"always", ColorChoice::kAlways},
       {"never", ColorChoice::kNever}},
      "When to colour output: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->option_text("WHEN");
}

bool should_color(ColorChoice choice) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

Styles Styles::make(bool color) {
  if (!color) return {};
  return {"\x1b[1;31m", "\x1b[1m", "\x1b[35m", "\x1b[32m", "\x1b[34m", "\x1b[2m", "\x1b[0m"};
}

}  // namespace pressclip::cli
