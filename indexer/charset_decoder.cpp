// Charset detection with ICU's ucsdet and conversion to UTF-8 with ucnv.
#include "indexer/charset_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <vector>

#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Writes U+FFFD for each invalid or unmappable byte sequence. ICU's own substitution would
// write U+001A for code pages whose substitution byte is 0x1A.
void U_CALLCONV replace_with_fffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                                  UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // Reset, close, clone: nothing to replace.
  static const UChar kReplacement = 0xFFFD;
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The encoding browsers use for a declared label (WHATWG Encoding Standard), where it differs
// from what ICU would take the label for.
std::string_view browser_encoding(std::string_view label) {
  static constexpr std::array<std::string_view, 14> kWindows1252 = {
      "ascii",      "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",      "l1",
      "iso-ir-100", "cp819",    "ibm819",     "cp1252",    "x-cp1252",   "csisolatin1", "iso88591"};
  const std::string name = lowercase(label);
  for (std::string_view alias : kWindows1252) {
    if (name == alias) return "windows-1252";
  }
  if (name == "iso-8859-9" || name == "latin5" || name == "l5") return "windows-1254";
  if (name == "iso-8859-11" || name == "tis-620") return "windows-874";
  if (name == "gb2312" || name == "x-gbk") return "GBK";
  // A declaration read from ASCII-compatible bytes cannot be true of UTF-16 or UTF-32.
  if (name.starts_with("utf-16") || name.starts_with("utf-32")) return "UTF-8";
  return label;
}

std::string display_name(const char* icu_name, std::string_view fallback) {
  UErrorCode error = U_ZERO_ERROR;
  for (const char* standard : {"MIME", "IANA"}) {
    const char* name = ucnv_getStandardName(icu_name, standard, &error);
    if (U_SUCCESS(error) && name != nullptr) return name;
    error = U_ZERO_ERROR;
  }
  return std::string(fallback);
}

// `content` converted with `converter` (its to-Unicode callback set to U+FFFD).
std::string convert(UConverter* converter, std::string_view content) {
  UErrorCode error = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, replace_with_fffd, nullptr, nullptr, nullptr, &error);
  const auto length = static_cast<int32_t>(content.size());
  int32_t needed = ucnv_toUChars(converter, nullptr, 0, content.data(), length, &error);
  if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) {
    throw Error(ErrorKind::kBadArgument, std::string("cannot convert: ") + u_errorName(error));
  }
  std::vector<UChar> utf16(static_cast<std::size_t>(needed) + 1);
  error = U_ZERO_ERROR;
  ucnv_resetToUnicode(converter);
  needed = ucnv_toUChars(converter, utf16.data(), static_cast<int32_t>(utf16.size()),
                         content.data(), length, &error);
  if (U_FAILURE(error)) {
    throw Error(ErrorKind::kBadArgument, std::string("cannot convert: ") + u_errorName(error));
  }
  int32_t bytes = 0;
  error = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &bytes, utf16.data(), needed, 0xFFFD, nullptr, &error);
  std::string utf8(static_cast<std::size_t>(bytes), '\0');
  error = U_ZERO_ERROR;
  u_strToUTF8WithSub(utf8.data(), bytes, &bytes, utf16.data(), needed, 0xFFFD, nullptr, &error);
  if (U_FAILURE(error) && error != U_STRING_NOT_TERMINATED_WARNING) {
    throw Error(ErrorKind::kBadArgument, std::string("cannot convert: ") + u_errorName(error));
  }
  return utf8;
}

// The charset of a byte order mark at the start of `content` and the mark's length.
std::pair<std::string_view, std::size_t> byte_order_mark(std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) return {"UTF-8", 3};
  if (content.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return {"UTF-32LE", 4};
  if (content.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return {"UTF-32BE", 4};
  if (content.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
  if (content.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
  return {"", 0};
}

// Counts of valid multi-byte sequences and of invalid sequences in `text`.
std::pair<std::size_t, std::size_t> utf8_sequence_counts(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::size_t valid = 0, invalid = 0;
  for (int32_t at = 0; at < length;) {
    const int32_t start = at;
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) {
      ++invalid;
    } else if (at - start > 1) {
      ++valid;
    }
  }
  return {valid, invalid};
}

bool has_non_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

DecodedText detect_and_convert(std::string_view content, bool markup) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&error));
  if (U_FAILURE(error)) throw Error(ErrorKind::kIo, "cannot open ICU's charset detector");
  ucsdet_enableInputFilter(detector.get(), markup);
  ucsdet_setText(detector.get(), content.data(), static_cast<int32_t>(content.size()), &error);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &error);
  std::string best_guess;
  for (int32_t i = 0; U_SUCCESS(error) && i < count; ++i) {
    const std::string name = ucsdet_getName(matches[i], &error);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &error);
    if (U_FAILURE(error)) break;
    // Text without NUL bytes or a byte order mark is neither UTF-16 nor UTF-32.
    if (name.starts_with("UTF-16") || name.starts_with("UTF-32")) continue;
    if (confidence < kMinCharsetConfidence) {
      best_guess = name + " at " + std::to_string(confidence) + "%";
      break;
    }
    if (auto decoded = convert_to_utf8(content, name)) {
      decoded->charset = name;  // The detector's names are already the usual ones.
      return std::move(*decoded);
    }
  }
  throw Error(ErrorKind::kBadArgument,
              "cannot tell the character encoding (not UTF-8" +
                  (best_guess.empty() ? std::string() : "; best guess " + best_guess) + ")");
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t at = 0; at < length;) {
    const int32_t start = at;
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

std::optional<DecodedText> convert_to_utf8(std::string_view content, std::string_view charset) {
  if (charset.empty()) return std::nullopt;  // ucnv_open("") would open the default.
  UErrorCode error = U_ZERO_ERROR;
  const std::string name(charset);
  ConverterPtr converter(ucnv_open(name.c_str(), &error));
  if (U_FAILURE(error)) return std::nullopt;
  error = U_ZERO_ERROR;
  const char* icu_name = ucnv_getName(converter.get(), &error);
  DecodedText decoded;
  decoded.charset = display_name(U_SUCCESS(error) ? icu_name : name.c_str(), charset);
  decoded.text = convert(converter.get(), content);
  return decoded;
}

DecodedText decode_to_utf8(std::string content, const DecodeHints& hints) {
  if (const auto [charset, length] = byte_order_mark(content); length > 0) {
    const std::string_view rest = std::string_view(content).substr(length);
    if (charset == "UTF-8" && find_invalid_utf8(rest) == std::string_view::npos) {
      return {content.substr(length), "UTF-8"};
    }
    DecodedText decoded = *convert_to_utf8(rest, charset);
    decoded.charset = charset;
    return decoded;
  }
  if (const std::size_t nul = content.find('\0'); nul != std::string::npos) {
    throw Error(ErrorKind::kBadArgument,
                "binary file, not text (NUL byte at offset " + std::to_string(nul) + ")");
  }
  const bool valid_utf8 = find_invalid_utf8(content) == std::string::npos;
  if (valid_utf8 && has_non_ascii(content)) return {std::move(content), "UTF-8"};
  if (!hints.declared.empty()) {
    if (auto decoded = convert_to_utf8(content, browser_encoding(hints.declared))) {
      return std::move(*decoded);
    }
  }
  if (valid_utf8) return {std::move(content), "UTF-8"};
  if (const auto [valid, invalid] = utf8_sequence_counts(content); valid > invalid) {
    return *convert_to_utf8(content, "UTF-8");
  }
  return detect_and_convert(content, hints.markup);
}

}  // namespace pressclip::indexer
