// An option whose value is one of a fixed set of words, mapped onto an enum.
#pragma once

#include <CLI/CLI.hpp>

#include "pressclip/timeline.h"

#include <string>
#include <utility>
#include <vector>

namespace pressclip::cli {

/// Adds `name` to `app`, accepting exactly the words of `choices` (an unknown word is an
/// error listing them) and storing the matching value into `target`.
template <typename Value>
CLI::Option* add_choice_option(CLI::App& app, const std::string& name, Value& target,
                               std::vector<std::pair<std::string, Value>> choices,
                               const std::string& description) {
  std::vector<std::string> words;
  for (const auto& choice : choices) words.push_back(choice.first);
  return app
      .add_option_function<std::string>(
          name,
          [&target, choices](const std::string& word) {
            for (const auto& choice : choices) {
              if (choice.first == word) target = choice.second;
            }
          },
          description)
      ->check(CLI::IsMember(words))
      ->default_str(words.front());
}

/// Adds `--bucket WIDTH` (auto, day, week, month, year) to `app`, storing into `target`;
/// it is only accepted with the `--timeline` flag `timeline`.
inline CLI::Option* add_bucket_option(CLI::App& app, TimelineBucket& target,
                                      CLI::Option* timeline) {
  return add_choice_option(app, "--bucket", target,
                           {{"auto", TimelineBucket::kAuto},
                            {"day", TimelineBucket::kDay},
                            {"week", TimelineBucket::kWeek},
                            {"month", TimelineBucket::kMonth},
                            {"year", TimelineBucket::kYear}},
                           "Timeline bars: auto (days up to 62 days, ISO weeks up to a year, "
                           "months up to 10 years, else years; the default), day, week, month "
                           "or year; needs --timeline")
      ->option_text("WIDTH")
      ->needs(timeline);
}

}  // namespace pressclip::cli
