// Colour decisions and ANSI styles for terminal output.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace pressclip::cli {

/// The --color option's values.
enum class ColorChoice { kAuto, kAlways, kNever };

/// Adds `--color WHEN` (auto, always, never) to a subcommand.
void add_color_option(CLI::App& app, ColorChoice& target);

/// Whether to colour standard output: `always` and `never` are obeyed as given (a command
/// line overrides the environment, as no-color.org asks); `auto` colours only when standard
/// output is a terminal and NO_COLOR is unset or empty.
bool should_color(ColorChoice choice);

/// The width to draw to: the terminal's columns when standard output is one, else
/// $COLUMNS if it is a number, else 80.
std::size_t output_columns();

/// ANSI styles, empty when colour is off.
struct Styles {
  std::string match, heading, source, date, path, dim, reset;
  static Styles make(bool color);
};

}  // namespace pressclip::cli
