// Character encodings of article files: detection (ICU's charset detector) and conversion to
// UTF-8 (ICU converters), with invalid bytes replaced by U+FFFD.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pressclip::indexer {

/// Text converted to UTF-8, with the encoding it was read in.
struct DecodedText {
  std::string text;     ///< UTF-8, without a byte order mark.
  std::string charset;  ///< "UTF-8", "ISO-8859-1", "windows-1252", "UTF-16LE", ...
};

/// What the bytes say about their own encoding, besides their content.
struct DecodeHints {
  /// A charset the file declares (an HTML <meta charset>), as written; empty for none. It
  /// is used unless a byte order mark says otherwise or the bytes are UTF-8 with non-ASCII
  /// characters; a name ICU does not know is ignored.
  std::string declared;
  /// True for markup (HTML): the detector then ignores what lies between '<' and '>'.
  bool markup = false;
};

/// The detector's guesses below this confidence (0-100) are not taken. Measured on ICU 72:
/// random bytes get 10-27, a Latin-1 sentence of four words 56-69, cp1252 text with curly
/// quotes 73.
inline constexpr int kMinCharsetConfidence = 30;

/// Converts a file's bytes to UTF-8. The encoding is decided in this order:
///   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) gives it, and is dropped;
///   2. a NUL byte otherwise makes the content binary: not text;
///   3. valid UTF-8 with non-ASCII characters is UTF-8 (a declaration cannot make it else);
///   4. `hints.declared`, if ICU knows it (HTML labels read as browsers do: "iso-8859-1" and
///      "us-ascii" mean windows-1252);
///   5. other valid UTF-8 (ASCII) is UTF-8;
///   6. UTF-8 with more valid multi-byte sequences than invalid ones is UTF-8 with a few bad
///      bytes (ICU's detector rates such text low and would guess a single-byte charset);
///   7. otherwise ICU's charset detector's best guess, if its confidence is at least
///      kMinCharsetConfidence (UTF-16 and UTF-32 are not guessed without a byte order mark).
/// Bytes invalid in the chosen encoding become U+FFFD. Throws Error kBadArgument, saying why,
/// for binary content (2) or when no encoding can be told (7).
/// Thread-safety: thread-safe (ICU objects are local to each call).
DecodedText decode_to_utf8(std::string content, const DecodeHints& hints = {});

/// `content` converted from `charset` (a name or alias that ICU knows), invalid bytes as
/// U+FFFD; the charset's display name is its MIME or IANA name. std::nullopt if ICU does not
/// know the name. Thread-safe.
std::optional<DecodedText> convert_to_utf8(std::string_view content, std::string_view charset);

/// The byte offset of the first invalid UTF-8 sequence in `text`, or npos if it is valid.
/// Thread-safe.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace pressclip::indexer
