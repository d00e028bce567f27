// Unit tests of the plain-text article reader: encodings, front matter, files that are no
// articles.
#include "indexer/plain_text_reader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "indexer/article_readers.h"
#include "pressclip/error.h"

namespace indexer = pressclip::indexer;

namespace {

std::string write_temporary(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("pressclip-reader-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

indexer::RawArticle read_plain(const std::string& content) {
  const std::vector<indexer::RawArticle> articles =
      indexer::PlainTextReader().read(content, "").articles;
  REQUIRE(articles.size() == 1);
  return articles.front();
}

}  // namespace

TEST_CASE("a UTF-8 article with front matter is split into metadata and text") {
  const indexer::RawArticle article =
      read_plain("\xEF\xBB\xBF---\nsource: BBC\n---\nNiger\u2019s coup.\n");
  CHECK(article.text == "Niger\u2019s coup.\n");
  CHECK(article.metadata.at("source") == "BBC");
  CHECK(article.metadata_origin == pressclip::FieldOrigin::kFrontMatter);
  CHECK(article.charset == "UTF-8");
}

TEST_CASE("a Latin-1 article is converted to UTF-8, front matter included") {
  const indexer::RawArticle article = read_plain(
      "---\ntitle: \"La C\xE9\x64\xE9\x61o et le Niger\"\n---\n"
      "Les chefs d'\xC9tat de la C\xE9\x64\xE9\x61o ont r\xE9uni un sommet \xE0 Abuja.\n");
  CHECK(article.charset == "ISO-8859-1");
  CHECK(article.metadata.at("title") == "La C\u00E9d\u00E9\x61o et le Niger");
  CHECK(article.text ==
        "Les chefs d'\u00C9tat de la C\u00E9d\u00E9\x61o ont r\u00E9uni un sommet "
        "\u00E0 Abuja.\n");
}

TEST_CASE("a file with NUL bytes is binary, not an article") {
  CHECK_THROWS_WITH_AS(read_plain(std::string("GIF89a\0\0\x01\x02 coup", 16)),
                       doctest::Contains("binary file, not text (NUL byte at offset 6)"),
                       pressclip::Error);
}

TEST_CASE("a file with no text is not an article") {
  CHECK_THROWS_WITH_AS(read_plain("---\nsource: X\n---\n \n\n"),
                       doctest::Contains("no article text"), pressclip::Error);
}

TEST_CASE("parse_article reads bytes as the plain text reader does") {
  const indexer::RawArticle article = indexer::parse_article("Niamey is calm.\n", "");
  CHECK(article.text == "Niamey is calm.\n");
  CHECK(article.charset == "UTF-8");
}

TEST_CASE("a missing file is an I/O error") {
  try {
    indexer::read_article_file("/nonexistent/pressclip.txt");
    FAIL("a missing file was read");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kIo);
  }
}

TEST_CASE("a file is read whole, bytes as they are") {
  const std::string bytes("Caf\xE9\0\r\n", 7);
  const std::string path = write_temporary("bytes.txt", bytes);
  CHECK(indexer::read_article_file(path) == bytes);
  std::filesystem::remove(path);
}
