// Unit tests of the plain-text article reader: encoding checks and front matter.
#include "indexer/plain_text_reader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "pressclip/error.h"

namespace indexer = pressclip::indexer;

namespace {

std::string write_temporary(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("pressclip-reader-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

}  // namespace

TEST_CASE("a UTF-8 article with front matter is split into metadata and text") {
  const std::string path =
      write_temporary("ok.txt", "\xEF\xBB\xBF---\nsource: BBC\n---\nNiger\u2019s coup.\n");
  const auto article = indexer::read_plain_text_article(path);
  CHECK(article.text == "Niger\u2019s coup.\n");
  CHECK(article.front_matter.at("source") == "BBC");
  std::filesystem::remove(path);
}

TEST_CASE("invalid UTF-8 is rejected with the offset of the first bad byte") {
  const std::string path = write_temporary("latin1.txt", "Caf\xE9 au lait");
  CHECK_THROWS_WITH_AS(indexer::read_plain_text_article(path), doctest::Contains("offset 3"),
                       pressclip::Error);
  std::filesystem::remove(path);
  CHECK(indexer::find_invalid_utf8("\xED\xA0\x80") == 0);  // An encoded surrogate.
  CHECK(indexer::find_invalid_utf8("\xC0\xAF") == 0);      // An overlong '/'.
  CHECK(indexer::find_invalid_utf8("ok \u00E9") == std::string::npos);
}

TEST_CASE("a file with no text is not an article") {
  const std::string path = write_temporary("blank.txt", "---\nsource: X\n---\n \n\n");
  CHECK_THROWS_WITH_AS(indexer::read_plain_text_article(path), doctest::Contains("no article text"),
                       pressclip::Error);
  std::filesystem::remove(path);
}

TEST_CASE("a missing file is an I/O error") {
  try {
    indexer::read_plain_text_article("/nonexistent/pressclip.txt");
    FAIL("a missing file was read");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kIo);
  }
}
