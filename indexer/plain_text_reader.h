// Reader for plain UTF-8 text articles, with optional YAML front matter.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace pressclip::indexer {

/// An article file as read, before analysis.
struct RawArticle {
  std::string path;                                 ///< Canonical path of the file.
  std::string text;                                 ///< The text after any front matter.
  std::map<std::string, std::string> front_matter;  ///< Front matter values by key.
};

/// Files larger than this are not articles (a log, a dump) and are skipped.
inline constexpr std::size_t kMaxArticleBytes = 16u << 20;

/// The bytes of the file at `path`. Throws Error kIo if it cannot be read, kBadArgument if
/// it is larger than kMaxArticleBytes.
std::string read_article_file(const std::string& path);

/// The article in `content` (a file's bytes; `path` is recorded, "" for none). Throws as
/// read_plain_text_article does for the content.
RawArticle parse_article(std::string content, const std::string& path);

/// Reads the article at `path` (a canonical path). A UTF-8 byte order mark is dropped.
/// Throws Error kIo if the file cannot be read, kBadArgument (message saying why) if it is
/// not valid UTF-8, is too large, has broken front matter, or has no text.
RawArticle read_plain_text_article(const std::string& path);

/// The byte offset of the first invalid UTF-8 sequence in `text`, or npos if it is valid.
std::size_t find_invalid_utf8(const std::string& text);

}  // namespace pressclip::indexer
