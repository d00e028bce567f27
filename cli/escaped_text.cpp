// Escaping for terminals (control bytes, invalid UTF-8) and base64 for JSON.
#include "escaped_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace pressclip::cli {
namespace {

// One UTF-8 sequence decoded: its code point and length in bytes (0 if not valid UTF-8).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// The sequence starting at `text[at]`, by RFC 3629: no overlong form, no surrogate, nothing
// past U+10FFFF.
Decoded decode_at(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[at + i]); };
  const std::uint8_t lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {};
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return {};
  }
  return {code_point, length};
}

// Characters that are valid but must not reach a terminal as they are: C1 controls, and
// the invisible marks that reorder text or break lines (so that a name cannot disguise
// itself as another, or as two lines).
bool is_hidden_control(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void append_hex(std::string& out, const char* format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += buffer;
}

}  // namespace

std::string escaped_for_terminal(std::string_view text, Backslashes backslashes) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = decode_at(text, at);
    if (decoded.length == 0) {
      append_hex(out, "\\x%02x", static_cast<std::uint8_t>(text[at]));
      ++at;
      continue;
    }
    const char32_t c = decoded.code_point;
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      append_hex(out, "\\x%02x", static_cast<unsigned>(c));
    } else if (c == '\\' && backslashes == Backslashes::kDoubled) {
      out += "\\\\";
    } else if (is_hidden_control(c)) {
      append_hex(out, "\\u%04x", static_cast<unsigned>(c));
    } else {
      out.append(text.substr(at, decoded.length));
    }
    at += decoded.length;
  }
  return out;
}

std::size_t escaped_length_at(std::string_view text, std::size_t at) {
  const Decoded decoded = decode_at(text, at);
  if (decoded.length == 0) return 1;
  const char32_t c = decoded.code_point;
  return c < 0x20 || c == 0x7F || is_hidden_control(c) ? decoded.length : 0;
}

std::size_t character_length_at(std::string_view text, std::size_t at) {
  return std::max<std::size_t>(1, decode_at(text, at).length);
}

std::string escaped_path(std::string_view path) {
  return escaped_for_terminal(path, Backslashes::kDoubled);
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = decode_at(text, at).length;
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t at = 0; at < bytes.size(); at += 3) {
    const std::size_t count = std::min<std::size_t>(3, bytes.size() - at);
    std::uint32_t group = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      group = (group << 8) | (i < count ? static_cast<std::uint8_t>(bytes[at + i]) : 0u);
    }
    for (std::size_t i = 0; i < 4; ++i) {
      out += i <= count ? kAlphabet[(group >> (18 - 6 * i)) & 0x3F] : '=';
    }
  }
  return out;
}

}  // namespace pressclip::cli
