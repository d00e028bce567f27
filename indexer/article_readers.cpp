// The reader table: which reader reads which file.
#include "indexer/article_readers.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
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

const ArticleReader& reader_for(std::string_view path, std::string_view content) {
  const std::string extension =
      path.empty() ? std::string() : lowercase(std::filesystem::path(path).extension().string());
  for (const ArticleReader* reader : readers()) {
    if (lists_extension(*reader, extension) && reader->recognises(content)) return *reader;
  }
  return plain_text_reader();
}

std::vector<RawArticle> read_articles(std::string content, const std::string& path) {
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
