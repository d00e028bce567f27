// Fuzz target: a file's bytes through the e-mail message reader (.eml) and the mbox reader,
// both on GMime. Any input must give articles (and, for mbox, skipped messages) or a
// kBadArgument Error, never a crash or another exception; every article must have valid,
// non-blank UTF-8 text and metadata, and in an mbox a record key of its own.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz/fuzz_checks.h"
#include "indexer/charset_decoder.h"
#include "indexer/email_reader.h"
#include "indexer/mbox_reader.h"
#include "pressclip/error.h"

namespace {

bool is_valid_utf8(const std::string& text) {
  return pressclip::indexer::find_invalid_utf8(text) == std::string::npos;
}

void check_article(const pressclip::indexer::RawArticle& article) {
  fuzz_require(is_valid_utf8(article.text), "an article's text is valid UTF-8");
  fuzz_require(article.text.find_first_not_of(" \t\r\n") != std::string::npos,
               "an article's text is not blank");
  for (const auto& [field, value] : article.metadata) {
    fuzz_require(is_valid_utf8(value), "metadata values are valid UTF-8");
  }
  fuzz_require(is_valid_utf8(article.id), "the id is valid UTF-8");
}

void check_error(const pressclip::Error& error) {
  fuzz_require(error.kind() == pressclip::ErrorKind::kBadArgument, "only kBadArgument");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  const pressclip::indexer::EmailReader email;
  (void)email.recognises(content);
  try {
    const pressclip::indexer::FileArticles file = email.read(content, "");
    fuzz_require(file.articles.size() == 1, "a message is one article");
    check_article(file.articles.front());
    fuzz_require(file.articles.front().record.empty(), "a whole-file article has no record");
  } catch (const pressclip::Error& error) {
    check_error(error);
  }

  const pressclip::indexer::MboxReader mbox;
  (void)mbox.recognises(content);
  try {
    const pressclip::indexer::FileArticles file = mbox.read(content, "");
    std::set<std::string> records;
    for (const pressclip::indexer::RawArticle& article : file.articles) {
      check_article(article);
      fuzz_require(!article.record.empty(), "every message has a record key");
      fuzz_require(records.insert(article.record).second, "record keys are unique in a file");
      fuzz_require(article.location.starts_with("message "), "the location is a message");
    }
    for (const std::string& skipped : file.skipped) {
      fuzz_require(skipped.starts_with("message "), "a skipped record names its message");
      fuzz_require(is_valid_utf8(skipped), "a skipped record's reason is valid UTF-8");
    }
  } catch (const pressclip::Error& error) {
    check_error(error);
  }
  return 0;
}
