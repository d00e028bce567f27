// NUL-separated encoding of article file state.
#include "schema/file_state.h"

#include <charconv>

namespace pressclip::schema {
namespace {

constexpr char kSeparator = '\0';
// Bumped if the layout changes; a value with an unknown version reads as missing. Version 1
// had no record field (4 fields per file); it is still read.
constexpr std::string_view kVersion = "2";
constexpr std::string_view kVersionWithoutRecords = "1";

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
    field(file.record);
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
  if (fields.size() < 3) return std::nullopt;
  const bool has_records = fields[0] == kVersion;
  if (!has_records && fields[0] != kVersionWithoutRecords) return std::nullopt;
  const std::size_t per_file = has_records ? 5 : 4;
  if ((fields.size() - 3) % per_file != 0) return std::nullopt;
  FileState state{std::string(fields[1]), std::string(fields[2]), {}};
  for (std::size_t i = 3; i < fields.size(); i += per_file) {
    IndexedFile file;
    const std::string_view path = fields[i + per_file - 1];
    if (!parse_number(fields[i], file.stamp.size) ||
        !parse_number(fields[i + 1], file.stamp.modified_ns) || path.empty()) {
      return std::nullopt;
    }
    file.metadata_hash = fields[i + 2];
    if (has_records) file.record = fields[i + 3];
    file.path = path;
    state.files.push_back(std::move(file));
  }
  return state;
}

}  // namespace pressclip::schema
