// Unit tests of the reader table: a reader is chosen by extension and content together.
#include "indexer/article_readers.h"

#include <doctest/doctest.h>

#include "pressclip/error.h"
#include "pressclip/indexer.h"

namespace indexer = pressclip::indexer;

namespace {

constexpr const char* kPage =
    "<!DOCTYPE html><html><head><title>Coup in Niger</title></head>"
    "<body><p>Soldiers seized power in Niamey.</p></body></html>";

std::string reader_name(std::string_view path, std::string_view content) {
  return std::string(indexer::reader_for(path, content).name());
}

}  // namespace

TEST_CASE("an HTML page named .html or .htm, any case, is read as HTML") {
  CHECK(reader_name("/news/coup.html", kPage) == "HTML");
  CHECK(reader_name("/news/COUP.HTM", kPage) == "HTML");
  CHECK(reader_name("/news/coup.htm", "\xEF\xBB\xBF\n  <html><body>x</body></html>") == "HTML");
  CHECK(reader_name("/news/coup.html", "<!-- saved from url=(0040)https://example.org -->") ==
        "HTML");
}

TEST_CASE("neither the extension alone nor the content alone makes a file HTML") {
  // A .html file that does not start like HTML: plain text.
  CHECK(reader_name("/news/notes.html", "Soldiers seized power. <b>Bold</b> move.") ==
        "plain text");
  CHECK(reader_name("/news/empty.html", "") == "plain text");
  CHECK(reader_name("/news/less.html", "< 5 soldiers") == "plain text");
  // HTML content under another name, or from standard input: plain text.
  CHECK(reader_name("/news/coup.txt", kPage) == "plain text");
  CHECK(reader_name("/news/coup", kPage) == "plain text");
  CHECK(reader_name("", kPage) == "plain text");
}

TEST_CASE("read_articles reads the page and strips its markup") {
  const auto articles = indexer::read_articles(kPage, "/news/coup.html").articles;
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].text == "Soldiers seized power in Niamey.\n");
  CHECK(articles[0].metadata.at("title") == "Coup in Niger");
  CHECK(articles[0].metadata_origin == pressclip::FieldOrigin::kDocument);
  // The same bytes in a .txt file keep their tags.
  CHECK(indexer::read_articles(kPage, "/news/coup.txt").articles[0].text == kPage);
}

TEST_CASE("content larger than an article can be is refused") {
  CHECK_THROWS_WITH_AS(indexer::read_articles(std::string(indexer::kMaxArticleBytes + 1, 'a'), ""),
                       doctest::Contains("larger than an article can be"), pressclip::Error);
}

TEST_CASE("walked files are articles by the extensions of the readers") {
  for (const char* name : {"a.txt", "a.TEXT", "a.md", "a.markdown", "a.html", "a.HTM", "a.eml",
                           "a.jsonl", "a.NDJSON", "a.mbox"}) {
    CAPTURE(name);
    CHECK(pressclip::is_article_file_name(std::string("/news/") + name));
  }
  for (const char* name : {".hidden.html", "a.tsv", "a.xhtml", "a.json", "a.mail", "html"}) {
    CAPTURE(name);
    CHECK_FALSE(pressclip::is_article_file_name(std::string("/news/") + name));
  }
}
