// Fuzz target: a saved web page's bytes through the HTML reader: charset detection, the
// pre-scan that refuses pages gumbo would take long over, gumbo, the choice of the article
// element, its text and the page's metadata. Any input must give one article or a
// kBadArgument Error, never a crash, a hang or another exception; the article's text must be
// valid UTF-8 and not blank, its metadata valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_checks.h"
#include "indexer/charset_decoder.h"
#include "indexer/html_reader.h"
#include "pressclip/error.h"

namespace {

bool is_valid_utf8(const std::string& text) {
  return pressclip::indexer::find_invalid_utf8(text) == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  const pressclip::indexer::HtmlReader reader;
  (void)reader.recognises(content);
  (void)pressclip::indexer::declared_html_charset(content);
  try {
    const pressclip::indexer::FileArticles file = reader.read(content, "page.html");
    fuzz_require(file.articles.size() == 1, "a page is one article");
    fuzz_require(file.skipped.empty(), "a page skips no records");
    const pressclip::indexer::RawArticle& article = file.articles.front();
    fuzz_require(is_valid_utf8(article.text), "the article's text is valid UTF-8");
    fuzz_require(article.text.find_first_not_of(" \t\r\n") != std::string::npos,
                 "the article's text is not blank");
    for (const auto& [field, value] : article.metadata) {
      fuzz_require(is_valid_utf8(field) && is_valid_utf8(value), "metadata is valid UTF-8");
      fuzz_require(!value.empty(), "metadata values are not empty");
    }
    fuzz_require(article.metadata_origin == pressclip::FieldOrigin::kDocument,
                 "the metadata comes from the page");
    fuzz_require(!article.charset.empty(), "the charset is named");
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadArgument, "only kBadArgument");
  }
  return 0;
}
