// An option whose value is one of a fixed set of words, mapped onto an enum.
#pragma once

#include <CLI/CLI.hpp>

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

}  // namespace pressclip::cli
