// Reading plain-text articles: size and encoding checks, front matter split.
#include "indexer/plain_text_reader.h"

#include <unicode/utf8.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "indexer/front_matter.h"
#include "pressclip/error.h"

namespace pressclip::indexer {

std::size_t find_invalid_utf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t at = 0; at < length;) {
    int32_t start = at;
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string::npos;
}

std::string read_article_file(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw Error(ErrorKind::kIo, std::string("cannot read: ") + std::strerror(errno));
  }
  input.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(input.tellg());
  if (size > kMaxArticleBytes) {
    throw Error(ErrorKind::kBadArgument,
                "file of " + std::to_string(size >> 20) + " MiB is larger than an article can be");
  }
  input.seekg(0);
  std::string content(size, '\0');
  if (!input.read(content.data(), static_cast<std::streamsize>(size))) {
    throw Error(ErrorKind::kIo, "read error");
  }
  return content;
}

RawArticle parse_article(std::string content, const std::string& path) {
  if (content.size() > kMaxArticleBytes) {
    throw Error(ErrorKind::kBadArgument, "text of " + std::to_string(content.size() >> 20) +
                                             " MiB is larger than an article can be");
  }
  if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);
  if (std::size_t bad = find_invalid_utf8(content); bad != std::string::npos) {
    throw Error(ErrorKind::kBadArgument,
                "not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")");
  }
  FrontMatter front_matter = split_front_matter(content);
  RawArticle article;
  article.path = path;
  article.text = content.substr(front_matter.body_offset);
  article.front_matter = std::move(front_matter.fields);
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorKind::kBadArgument, "no article text");
  }
  return article;
}

RawArticle read_plain_text_article(const std::string& path) {
  return parse_article(read_article_file(path), path);
}

}  // namespace pressclip::indexer
