// The reader table: which reader reads which file.
#include "indexer/article_readers.h"

#include <filesystem>
#include <span>

#include "indexer/email_reader.h"
#include "indexer/html_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/mbox_reader.h"
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
  static const JsonLinesReader json_lines;
  static const EmailReader email;
  static const MboxReader mbox;
  static const ArticleReader* const table[] = {&html, &json_lines, &email, &mbox,
                                               &plain_text_reader()};
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

std::size_t file_size_limit(std::string_view path) {
  const std::string extension = lowercase(std::filesystem::path(path).extension().string());
  for (const ArticleReader* reader : readers()) {
    if (reader->holds_several_articles() && lists_extension(*reader, extension)) {
      return kMaxArticlesFileBytes;
    }
  }
  return kMaxArticleBytes;
}

FileArticles read_articles(std::string content, const std::string& path) {
  const ArticleReader& reader = reader_for(path, content);
  const std::size_t limit =
      reader.holds_several_articles() ? kMaxArticlesFileBytes : kMaxArticleBytes;
  if (content.size() > limit) {
    throw Error(ErrorKind::kBadArgument, "text of " + std::to_string(content.size() >> 20) +
                                             " MiB is larger than an article can be");
  }
  FileArticles file = reader.read(std::move(content), path);
  // Each article of a large file of several is still at most an article's size.
  std::erase_if(file.articles, [&](const RawArticle& article) {
    if (article.text.size() <= kMaxArticleBytes) return false;
    file.skipped.push_back(article.location + ": text of " +
                           std::to_string(article.text.size() >> 20) +
                           " MiB is larger than an article can be");
    return true;
  });
  return file;
}

bool is_article_extension(std::string_view extension) {
  const std::string lowered = lowercase(extension);
  for (const ArticleReader* reader : readers()) {
    if (lists_extension(*reader, lowered)) return true;
  }
  return false;
}

}  // namespace pressclip::indexer
