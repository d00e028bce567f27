// Fuzz target: a file's bytes through the JSON Lines reader. Any input must give articles
// and skipped lines, or a kBadArgument Error (binary), never a crash or another exception;
// every article must have valid, non-blank UTF-8 text and metadata, and a record key of its
// own.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz/fuzz_checks.h"
#include "indexer/charset_decoder.h"
#include "indexer/jsonl_reader.h"
#include "pressclip/error.h"

namespace {

bool is_valid_utf8(const std::string& text) {
  return pressclip::indexer::find_invalid_utf8(text) == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  const pressclip::indexer::JsonLinesReader reader;
  (void)reader.recognises(content);
  try {
    const pressclip::indexer::FileArticles file = reader.read(content, "");
    std::set<std::string> records;
    for (const pressclip::indexer::RawArticle& article : file.articles) {
      fuzz_require(is_valid_utf8(article.text), "an article's text is valid UTF-8");
      fuzz_require(article.text.find_first_not_of(" \t\r\n") != std::string::npos,
                   "an article's text is not blank");
      for (const auto& [field, value] : article.metadata) {
        fuzz_require(is_valid_utf8(value), "metadata values are valid UTF-8");
      }
      fuzz_require(!article.record.empty(), "every article has a record key");
      fuzz_require(records.insert(article.record).second, "record keys are unique in a file");
      fuzz_require(article.location.starts_with("line "), "the location is a line");
    }
    for (const std::string& skipped : file.skipped) {
      fuzz_require(skipped.starts_with("line "), "a skipped record names its line");
      fuzz_require(is_valid_utf8(skipped), "a skipped record's reason is valid UTF-8");
    }
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadArgument, "only kBadArgument");
  }
  return 0;
}
