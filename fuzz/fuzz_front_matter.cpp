// Fuzz target: an article file's bytes through front matter splitting and the plain text
// reader. Any input must give an article or a kBadArgument Error, never a crash or another
// exception; what is read must be consistent with the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_checks.h"
#include "indexer/front_matter.h"
#include "indexer/plain_text_reader.h"
#include "pressclip/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  try {
    const pressclip::indexer::FrontMatter front = pressclip::indexer::split_front_matter(content);
    fuzz_require(front.body_offset <= content.size(), "the body starts inside the file");
    fuzz_require(front.present || front.body_offset == 0, "no front matter, no offset");
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadArgument, "only kBadArgument");
  }
  try {
    const pressclip::indexer::RawArticle article = pressclip::indexer::parse_article(content, "");
    fuzz_require(pressclip::indexer::find_invalid_utf8(article.text) == std::string::npos,
                 "an article's text is valid UTF-8");
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadArgument, "only kBadArgument");
  }
  return 0;
}
