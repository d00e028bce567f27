// E-mail and netnews messages read with GMime as articles: the headers that give metadata,
// the text part chosen as the body. Shared by the .eml and mbox readers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "indexer/article_reader.h"

namespace pressclip::indexer {

/// What one message gives: its article, or why it gives none.
struct MessageArticle {
  /// The article, with metadata (origin kDocument), charset and `id`; `record` and
  /// `location` are left "" for the caller to set.
  std::optional<RawArticle> article;
  /// Why there is no article ("no text part (only attachments or other media)"), when
  /// `article` is empty.
  std::string problem;
};

/// How the bytes given to read_messages hold messages.
enum class MessageLayout {
  kSingle,  ///< One message (RFC 5322), as a .eml file holds it.
  kMbox,    ///< Messages each after a "From " line, as an mbox file holds them.
};

/// Parses `content` with GMime (initialised once per process, on first use) and calls
/// `each` with every message in order (one for kSingle), read as an article by these rules:
///
/// - title: Subject; source: List-Id (its phrase, else the list's id), else Newsgroups (the
///   first group), else From (the display name, else the address): a mailing list or a
///   newsgroup names the outlet better than the person who posted to it;
/// - date: Date, as written if schema::parse_metadata_date reads it, else as GMime reads it
///   (obsolete forms, comments), in ISO 8601 with its offset;
/// - url: Archived-At (RFC 5064), without angle brackets; language: the Content-Language of
///   the body part, else of the message, else an HTML body's `<html lang>` (the first tag);
/// - id: Message-ID without angle brackets, if it has no white space or control character.
///
/// Encoded words in headers (RFC 2047) are decoded. The body is the first text/plain part
/// with text, else the first text/html part with text, converted by HtmlReader; parts are
/// searched depth first through every multipart (alternative, mixed, related, signed),
/// leaving out attachments (Content-Disposition: attachment), encrypted parts and attached
/// messages (message/rfc822). Transfer encodings are decoded; the charset a part declares is
/// used as decode_to_utf8 uses a declared one, and without one the charset is detected.
/// Plain text has its line ends made "\n", its signature (from a last line "-- ") cut, and
/// format=flowed lines (RFC 3676) joined. A message whose body has no text gives a problem.
///
/// Stops early if `each` returns false. With kMbox, content not starting with a "From "
/// line holds no message. Thread-safe: each call has its own GMime objects.
void read_messages(std::string_view content, MessageLayout layout,
                   const std::function<bool(MessageArticle)>& each);

}  // namespace pressclip::indexer
