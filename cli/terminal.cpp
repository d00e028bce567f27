// Colour decisions (isatty, NO_COLOR, --color) and ANSI escape sequences.
#include "terminal.h"

#include "choice_option.h"

#include <sys/ioctl.h>
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

std::size_t output_columns() {
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    const long value = std::strtol(columns, nullptr, 10);
    if (value >= 20 && value <= 1000) return static_cast<std::size_t>(value);
  }
  return 80;
}

Styles Styles::make(bool color) {
  if (!color) return {};
  return {"\x1b[1;31m", "\x1b[1m", "\x1b[35m", "\x1b[32m", "\x1b[34m", "\x1b[2m", "\x1b[0m"};
}

}  // namespace pressclip::cli
