// The reader table: which reader reads which file.
#include "indexer/article_readers.h"

#include <filesystem>
#include <span>

#include "indexer/html_reader.h"
#include "indexer/plain_text_reader.h"
#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

const PlainTextReader& plain_text_reader() {
  static const PlainTextReader reader;
  return reader;
}

// The readers in order of choice; plain text, which recognises anything, last. (Built on
// first use, so that no static initialisation order matters.)
std::span<const ArticleReader* const> readers() {
  static const HtmlReader html;
  static const ArticleReader* const table[] = {&html, &plain_text_reader()};
  return table;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool lists_extension(const ArticleReader& reader, std::string_view extension) {
  for (std::string_view known : reader.extensions()) {
    if (known == extension) return true;
  }
  return false;
}

}  // namespace

const ArticleReader& reader_for(std::string_view path, std::string_view content) {
  const std::string extension =
      path.empty() ? std::string() : lowercase(std::filesystem::path(path).extension().string());
  for (const ArticleReader* reader : readers()) {
    if (lists_extension(*reader, extension) && reader->recognises(content)) return *reader;
  }
  return plain_text_reader();
}

FileArticles read_articles(std::string content, const std::string& path) {
  if (content.size() > kMaxArticleBytes) {
    throw Error(ErrorKind::kBadArgument, "text of " + std::to_string(content.size() >> 20) +
                                             " MiB is larger than an article can be");
  }
  const ArticleReader& reader = reader_for(path, content);
  return reader.read(std::move(content), path);
}

bool is_article_extension(std::string_view extension) {
  const std::string lowered = lowercase(extension);
  for (const ArticleReader* reader : readers()) {
    if (lists_extension(*reader, lowered)) return true;
  }
  return false;
}

}  // namespace pressclip::indexer
