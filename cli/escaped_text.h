// Printing bytes that are not safe to print as they are: file names and text from files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pressclip::cli {

/// How escaped_for_terminal() treats a backslash.
enum class Backslashes {
  kKept,     ///< As it is: for messages and article text, where it is rarely ambiguous.
  kDoubled,  ///< As "\\": for file names, so that the escaped form names one file only.
};

/// `text` with nothing in it that a terminal would act on, for text output. Printable
/// characters of valid UTF-8 stay as they are; escaped are:
/// - tab, line feed and carriage return as "\t", "\n", "\r";
/// - the other C0 control bytes and DEL as "\xHH" (ESC is "\x1b");
/// - C1 controls (U+0080-U+009F) and the invisible characters that reorder or break lines
///   (U+200E, U+200F, U+2028, U+2029, U+202A-U+202E, U+2066-U+2069) as "\uHHHH";
/// - each byte that is not part of valid UTF-8 as "\xHH";
/// - a backslash as "\\" if `backslashes` is kDoubled.
/// Hex digits are lowercase. Thread-safe.
std::string escaped_for_terminal(std::string_view text,
                                 Backslashes backslashes = Backslashes::kKept);

/// The length in bytes of the character at `text[at]` if escaped_for_terminal() escapes it
/// (a control character, an invisible mark, a backslash not counted; a byte that is not
/// valid UTF-8 is 1), else 0. Requires at < text.size(). Thread-safe.
std::size_t escaped_length_at(std::string_view text, std::size_t at);

/// The length in bytes of the UTF-8 character at `text[at]`, or 1 for a byte that is not
/// part of valid UTF-8. Requires at < text.size(). Thread-safe.
std::size_t character_length_at(std::string_view text, std::size_t at);

/// A file path as text output prints it: escaped_for_terminal(path, kDoubled), so that a
/// name holding a line break, an escape sequence or bytes that are not UTF-8 prints as one
/// line that can be told apart from every other name. Thread-safe.
std::string escaped_path(std::string_view path);

/// True if `text` is valid UTF-8 (no overlong form, surrogate or code point past U+10FFFF).
/// Thread-safe.
bool is_valid_utf8(std::string_view text);

/// `bytes` in base64 (RFC 4648, with padding), for JSON members that must carry bytes that
/// are not UTF-8 exactly. Thread-safe.
std::string base64_encode(std::string_view bytes);

}  // namespace pressclip::cli
