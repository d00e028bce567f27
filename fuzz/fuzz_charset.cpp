// Fuzz target: bytes through the charset decoder, without hints and with a declared charset
// and the markup flag taken from the input (a first line "label\n" or "label<\n" declares
// "label", '<' meaning markup). Any input must give valid UTF-8 or a kBadArgument Error,
// never a crash or another exception; valid UTF-8 without a byte order mark comes back
// unchanged (always without hints, and with any hints when it is not all ASCII).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "indexer/charset_decoder.h"
#include "indexer/html_reader.h"
#include "pressclip/error.h"

namespace indexer = pressclip::indexer;

namespace {

bool is_valid_utf8(std::string_view text) {
  return indexer::find_invalid_utf8(text) == std::string_view::npos;
}

bool has_byte_order_mark(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") || text.starts_with("\xFF\xFE") ||
         text.starts_with("\xFE\xFF") || text.starts_with(std::string_view("\0\0\xFE\xFF", 4));
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Decodes `content` with `hints`, checking the properties every decoding has.
void decode(const std::string& content, const indexer::DecodeHints& hints) {
  const bool plain_utf8 = is_valid_utf8(content) && !has_byte_order_mark(content) &&
                          content.find('\0') == std::string::npos;
  const bool stays = plain_utf8 && (hints.declared.empty() || !is_ascii(content));
  try {
    const indexer::DecodedText decoded = indexer::decode_to_utf8(content, hints);
    fuzz_require(is_valid_utf8(decoded.text), "the decoded text is valid UTF-8");
    fuzz_require(!decoded.charset.empty(), "the charset is named");
    if (content.starts_with("\xEF\xBB\xBF") && is_valid_utf8(content)) {
      fuzz_require(decoded.text == std::string_view(content).substr(3),
                   "valid UTF-8 after a byte order mark is kept, without the mark");
    }
    if (stays) {
      fuzz_require(decoded.text == content, "valid UTF-8 without a byte order mark is kept");
      fuzz_require(decoded.charset == "UTF-8", "valid UTF-8 is read as UTF-8");
    }
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadArgument, "only kBadArgument");
    fuzz_require(!stays, "valid UTF-8 is always decoded");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  decode(input, {});

  indexer::DecodeHints hints;
  std::string content = input;
  if (const std::size_t line_end = input.find('\n');
      line_end != std::string::npos && line_end < 64) {
    std::string_view label(input.data(), line_end);
    hints.markup = label.ends_with('<');
    if (hints.markup) label.remove_suffix(1);
    hints.declared = std::string(label);
    content = input.substr(line_end + 1);
  } else {
    hints.declared = indexer::declared_html_charset(input);
    hints.markup = true;
  }
  decode(content, hints);

  if (auto converted = indexer::convert_to_utf8(content, hints.declared)) {
    fuzz_require(is_valid_utf8(converted->text), "a conversion gives valid UTF-8");
  }
  return 0;
}
