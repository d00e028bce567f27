// Varint encoding of passage layouts, and position-to-passage lookup.
#include "schema/passage_layout.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace pressclip::schema {
namespace {

void put_varint(std::string& out, std::uint32_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

bool get_varint(std::string_view& in, std::uint32_t& value) {
  value = 0;
  for (int shift = 0; shift <= 28; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

std::string encode_passage_layout(const std::vector<PassagePositions>& passages) {
  std::string out;
  put_varint(out, static_cast<std::uint32_t>(passages.size()));
  std::uint32_t previous = 0;
  for (const PassagePositions& passage : passages) {
    // Passages of no words keep the previous position, so gaps are never negative.
    const std::uint32_t first = std::max(passage.first_position, previous);
    put_varint(out, first - previous);
    put_varint(out, passage.words);
    previous = first;
  }
  return out;
}

std::optional<std::vector<PassagePositions>> decode_passage_layout(std::string_view data) {
  std::uint32_t count = 0;
  if (!get_varint(data, count) || count > data.size()) return std::nullopt;
  std::vector<PassagePositions> passages(count);
  std::uint32_t position = 0;
  for (PassagePositions& passage : passages) {
    std::uint32_t gap = 0;
    if (!get_varint(data, gap) || !get_varint(data, passage.words)) return std::nullopt;
    if (gap > std::numeric_limits<std::uint32_t>::max() - position) return std::nullopt;
    position += gap;
    passage.first_position = position;
  }
  if (!data.empty()) return std::nullopt;
  return passages;
}

std::size_t passage_of_position(const std::vector<PassagePositions>& passages,
                                std::uint32_t position) {
  auto after = std::upper_bound(
      passages.begin(), passages.end(), position,
      [](std::uint32_t value, const PassagePositions& p) { return value < p.first_position; });
  // A passage without words (punctuation only) shares its start with the next one and
  // holds no position: skip back over such passages.
  while (after != passages.begin() && std::prev(after)->words == 0) --after;
  if (after == passages.begin()) return static_cast<std::size_t>(-1);
  return static_cast<std::size_t>(after - passages.begin()) - 1;
}

}  // namespace pressclip::schema
