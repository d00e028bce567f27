// Reading plain-text articles: encoding, front matter split.
#include "indexer/plain_text_reader.h"

#include <array>

#include "indexer/charset_decoder.h"
#include "indexer/front_matter.h"
#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

constexpr std::array<std::string_view, 4> kExtensions = {".txt", ".text", ".md", ".markdown"};

}  // namespace

std::span<const std::string_view> PlainTextReader::extensions() const noexcept {
  return kExtensions;
}

FileArticles PlainTextReader::read(std::string content, const std::string&) const {
  DecodedText decoded = decode_to_utf8(std::move(content));
  FrontMatter front_matter = split_front_matter(decoded.text);
  RawArticle article;
  article.text = decoded.text.substr(front_matter.body_offset);
  article.metadata = std::move(front_matter.fields);
  article.metadata_origin = FieldOrigin::kFrontMatter;
  article.charset = std::move(decoded.charset);
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorKind::kBadArgument, "no article text");
  }
  FileArticles file;
  file.articles.push_back(std::move(article));
  return file;
}

RawArticle parse_article(std::string content, const std::string& path) {
  return std::move(PlainTextReader().read(std::move(content), path).articles.front());
}

}  // namespace pressclip::indexer
