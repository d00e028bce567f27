// doctest checks shared by the end-to-end tests: error reporting and small text utilities.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace pressclip::test {

/// `text` with ASCII letters lowered (enough for the corpus's English words).
inline std::string ascii_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// True if `text` contains `needle`, ignoring ASCII case.
inline bool contains_ignoring_case(const std::string& text, const std::string& needle) {
  return ascii_lower(text).find(ascii_lower(needle)) != std::string::npos;
}

/// Checks the documented failure contract: exit status 2, no crash, nothing on standard
/// output, exactly one line on standard error and it starts "pressclip: error: ".
inline void check_one_error_line(const RunResult& result) {
  INFO("stdout: " << result.out);
  INFO("stderr: " << result.err);
  CHECK_FALSE(result.signaled);
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err.find("terminate called") == std::string::npos);
  const std::vector<std::string> lines = result.err_lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("pressclip: error: "));
  CHECK(lines[0].size() > std::string("pressclip: error: ").size());
}

}  // namespace pressclip::test

// Sets of strings (article numbers) print as {"000", "004"} in failed checks.
template <>
struct doctest::StringMaker<std::set<std::string>> {
  static doctest::String convert(const std::set<std::string>& values) {
    std::string text = "{";
    for (const std::string& value : values)
      text += (text.size() > 1 ? ", \"" : "\"") + value + "\"";
    return (text + "}").c_str();
  }
};
