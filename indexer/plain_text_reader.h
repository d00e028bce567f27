// Reader for plain-text and Markdown articles, with optional YAML front matter, in any
// encoding that indexer/charset_decoder.h can tell.
#pragma once

#include "indexer/article_reader.h"
#include "indexer/charset_decoder.h"

namespace pressclip::indexer {

/// Plain text (.txt, .text, .md, .markdown), and the fallback for every file that no other
/// reader takes: it recognises any content. The bytes are converted to UTF-8
/// (decode_to_utf8); a front matter block then gives metadata with origin kFrontMatter. The
/// text is kept as it is (Markdown is not rendered).
///
/// Thread-safety: thread-safe (no state).
class PlainTextReader final : public ArticleReader {
 public:
  std::string_view name() const noexcept override { return "plain text"; }
  std::span<const std::string_view> extensions() const noexcept override;
  bool recognises(std::string_view) const override { return true; }
  /// One article. Throws Error kBadArgument if the content is binary, its encoding cannot be
  /// told, its front matter is broken (split_front_matter), or it has no text.
  FileArticles read(std::string content, const std::string& path) const override;
};

/// The article in `content`, a plain-text file's bytes, as PlainTextReader reads it (`path`
/// is not used; "" for none). Throws as PlainTextReader::read. Thread-safe.
RawArticle parse_article(std::string content, const std::string& path);

}  // namespace pressclip::indexer
