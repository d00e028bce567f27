// Reading an article file for the raw-Xapian baseline: file contents minus YAML front matter.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

namespace raw_xapian {

/// Returns the whole content of the file at `path`. Throws std::runtime_error if it cannot
/// be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw std::runtime_error("cannot read " + path.string());
  return content;
}

/// Returns `content` without a leading front matter block: a first line "---" up to and
/// including the next line "---". Content without an opening line, or whose block is never
/// closed, is returned whole. The metadata itself is not parsed: this baseline indexes text
/// only, so it does no more work than the body needs.
inline std::string_view strip_front_matter(std::string_view content) {
  // Line endings may be "\n" or "\r\n"; the delimiter line is exactly "---" otherwise.
  auto line_end = [&](std::size_t at) {
    std::size_t end = content.find('\n', at);
    return end == std::string_view::npos ? content.size() : end;
  };
  auto is_delimiter = [&](std::size_t at, std::size_t end) {
    std::string_view line = content.substr(at, end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line == "---";
  };
  std::size_t end = line_end(0);
  if (!is_delimiter(0, end)) return content;
  for (std::size_t at = end + 1; at < content.size(); at = end + 1) {
    end = line_end(at);
    if (is_delimiter(at, end)) return content.substr(std::min(end + 1, content.size()));
  }
  return content;
}

}  // namespace raw_xapian
