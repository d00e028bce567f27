// YAML front matter: a metadata block between "---" lines at the top of an article file.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace pressclip::indexer {

/// The front matter of a file, if it has one.
struct FrontMatter {
  bool present = false;
  std::map<std::string, std::string> fields;  ///< Scalar values of the known keys, by key.
  std::size_t body_offset = 0;                ///< Where the article text starts.
};

/// The keys read from front matter; other keys are ignored.
inline constexpr std::string_view kFrontMatterKeys[] = {"title", "source",   "date",
                                                        "url",   "language", "agency"};

/// Splits the front matter off `content`. A block starts with a line "---" as the first
/// line of the file and ends with a line "---" or "..."; it must be a YAML mapping whose
/// known keys have scalar values. Throws Error kBadArgument, with a message naming the
/// problem and its line, if the block is unclosed, not valid YAML, or not a mapping.
FrontMatter split_front_matter(std::string_view content);

}  // namespace pressclip::indexer
