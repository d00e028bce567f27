// Reader for single e-mail and netnews messages saved as .eml files (RFC 5322, MIME), read
// with GMime.
#pragma once

#include <string>
#include <string_view>

#include "indexer/article_reader.h"

namespace pressclip::indexer {

/// E-mail and netnews messages (.eml) whose first line is a header field ("Name: value", the
/// name printable ASCII without ':' or space) or an mbox "From " line. One article per file,
/// record "": the metadata (origin kDocument) from the headers and the text from the body
/// as read_messages (indexer/email_message.h) reads them: title from Subject; source from
/// List-Id, else Newsgroups, else From; date from Date; url from Archived-At; language from
/// Content-Language; `id` the Message-ID without angle brackets.
///
/// Thread-safety: thread-safe (no state; GMime is initialised once, on first use).
class EmailReader final : public ArticleReader {
 public:
  std::string_view name() const noexcept override { return "e-mail message"; }
  std::span<const std::string_view> extensions() const noexcept override;
  bool recognises(std::string_view content) const override;
  /// One article. Throws Error kBadArgument if the header block holds a NUL byte (binary)
  /// or the message has no text (no text part, only attachments, or an empty body).
  FileArticles read(std::string content, const std::string& path) const override;
};

/// True if the first line of `content` is an RFC 5322 header field ("Name: value", the name
/// of printable ASCII other than ':') or an mbox "From " line. Thread-safe.
bool starts_like_message(std::string_view content);

}  // namespace pressclip::indexer
