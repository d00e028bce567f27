// Front matter detection and parsing with yaml-cpp.
#include "indexer/front_matter.h"

#include <yaml-cpp/yaml.h>

#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

// The line starting at `at` without its line ending; sets `next` past the line ending.
std::string_view line_at(std::string_view content, std::size_t at, std::size_t& next) {
  std::size_t end = content.find('\n', at);
  next = end == std::string_view::npos ? content.size() : end + 1;
  std::string_view line =
      content.substr(at, (end == std::string_view::npos ? content.size() : end) - at);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

bool is_delimiter(std::string_view line, bool closing) {
  while (line.ends_with(' ') || line.ends_with('\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

FrontMatter split_front_matter(std::string_view content) {
  FrontMatter front_matter;
  std::size_t next = 0;
  if (!is_delimiter(line_at(content, 0, next), false)) return front_matter;
  const std::size_t yaml_start = next;
  std::size_t line_number = 1;
  std::size_t yaml_end = std::string_view::npos;
  for (std::size_t at = next; at < content.size(); at = next) {
    ++line_number;
    if (is_delimiter(line_at(content, at, next), true)) {
      yaml_end = at;
      break;
    }
  }
  if (yaml_end == std::string_view::npos) {
    throw Error(ErrorKind::kBadArgument,
                "front matter opened by '---' on line 1 is never closed by a '---' line");
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(content.substr(yaml_start, yaml_end - yaml_start)));
  } catch (const YAML::Exception& error) {
    throw Error(ErrorKind::kBadArgument, "front matter is not valid YAML (line " +
                                             std::to_string(error.mark.line + 2) + ": " +
                                             error.msg + ")");
  }
  if (!root.IsNull() && !root.IsMap()) {
    throw Error(ErrorKind::kBadArgument, "front matter must be a YAML mapping of keys to values");
  }
  for (std::string_view key : kFrontMatterKeys) {
    if (root.IsNull()) break;
    YAML::Node value = root[std::string(key)];
    if (!value.IsDefined() || value.IsNull()) continue;
    if (!value.IsScalar()) {
      throw Error(ErrorKind::kBadArgument,
                  "front matter key '" + std::string(key) + "' must have a single value");
    }
    front_matter.fields[std::string(key)] = value.Scalar();
  }
  front_matter.present = true;
  front_matter.body_offset = next;
  return front_matter;
}

}  // namespace pressclip::indexer
