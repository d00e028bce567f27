// NUL-separated encoding of article file state.
#include "schema/file_state.h"

#include <charconv>

namespace pressclip::schema {
namespace {

constexpr char kSeparator = '\0';
// Bumped if the layout changes; a value with another version reads as missing.
constexpr std::string_view kVersion = "1";

template <typename Number>
bool parse_number(std::string_view text, Number& number) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string encode_file_state(const FileState& state) {
  std::string value(kVersion);
  auto field = [&](std::string_view text) {
    value += kSeparator;
    value += text;
  };
  field(state.article_id);
  field(state.content_hash);
  for (const IndexedFile& file : state.files) {
    field(std::to_string(file.stamp.size));
    field(std::to_string(file.stamp.modified_ns));
    field(file.metadata_hash);
    field(file.path);
  }
  return value;
}

std::optional<FileState> decode_file_state(std::string_view value) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t end = value.find(kSeparator, start);
    fields.push_back(value.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (fields.size() < 3 || fields[0] != kVersion || (fields.size() - 3) % 4 != 0) {
    return std::nullopt;
  }
  FileState state{std::string(fields[1]), std::string(fields[2]), {}};
  for (std::size_t i = 3; i < fields.size(); i += 4) {
    IndexedFile file;
    if (!parse_number(fields[i], file.stamp.size) ||
        !parse_number(fields[i + 1], file.stamp.modified_ns) || fields[i + 3].empty()) {
      return std::nullopt;
    }
    file.metadata_hash = fields[i + 2];
    file.path = fields[i + 3];
    state.files.push_back(std::move(file));
  }
  return state;
}

}  // namespace pressclip::schema
