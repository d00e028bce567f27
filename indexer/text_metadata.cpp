// Extraction of "Key: value" metadata lines from article text.
#include "indexer/text_metadata.h"

#include <array>

namespace pressclip::indexer {
namespace {

constexpr std::size_t kMaxValueBytes = 80;
constexpr std::array<std::string_view, 2> kTextKeys = {"source", "date"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool starts_with_key(std::string_view line, std::string_view key) {
  if (line.size() < key.size()) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = line[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != key[i]) return false;
  }
  return true;
}

}  // namespace

std::map<std::string, std::string> extract_text_metadata(std::string_view text) {
  std::map<std::string, std::string> found;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    for (std::string_view key : kTextKeys) {
      if (found.contains(std::string(key)) || !starts_with_key(line, key)) continue;
      std::string_view rest = trim(line.substr(key.size()));
      if (!rest.starts_with(':')) continue;
      std::string_view value = trim(rest.substr(1));
      if (!value.empty() && value.size() <= kMaxValueBytes) found[std::string(key)] = value;
    }
  }
  return found;
}

}  // namespace pressclip::indexer
