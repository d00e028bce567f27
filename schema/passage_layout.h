// Where each passage of an article lies in term positions, stored as a compact value so
// that passages can be scored from Xapian's position lists without reading the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressclip::schema {

/// One passage in term-position space: the position of its first word and how many words
/// it has. A passage with no words has first_position 0.
struct PassagePositions {
  std::uint32_t first_position = 0;
  std::uint32_t words = 0;
  friend bool operator==(const PassagePositions&, const PassagePositions&) = default;
};

/// Encodes passages as varints: the count, then per passage the gap from the previous
/// passage's first position and the number of words.
std::string encode_passage_layout(const std::vector<PassagePositions>& passages);

/// Decodes encode_passage_layout's output; std::nullopt if `data` is empty or malformed.
std::optional<std::vector<PassagePositions>> decode_passage_layout(std::string_view data);

/// The index of the passage holding term position `position` (the last passage with words
/// starting at or before it), or npos if it lies before the first passage.
std::size_t passage_of_position(const std::vector<PassagePositions>& passages,
                                std::uint32_t position);

}  // namespace pressclip::schema
