// Stable article ids: FNV-1a over the canonical path.
#include "schema/article_id.h"

#include <cstdint>
#include <filesystem>
#include <system_error>

namespace pressclip::schema {

std::string canonical_path(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) return path;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, error);
  return (error ? absolute.lexically_normal() : resolved).string();
}

std::string article_id_from_canonical_path(std::string_view canonical) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : canonical) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[static_cast<std::size_t>(i)] = kHexDigits[hash & 0xf];
    hash >>= 4;
  }
  return id;
}

bool looks_like_generated_id(std::string_view text) {
  if (text.size() != 16) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool is_valid_article_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxArticleIdBytes) return false;
  for (char c : id) {
    if (c <= ' ' || c > '~' || c == '"' || c == '(' || c == ')' || c == '\\') return false;
  }
  return true;
}

}  // namespace pressclip::schema
