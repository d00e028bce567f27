// Reader for mbox files: mailboxes and newsgroup archives of many messages, each read as an
// article with GMime.
#pragma once

#include <string>
#include <string_view>

#include "indexer/article_reader.h"

namespace pressclip::indexer {

/// mbox files (.mbox) starting with a "From " line: each message after a "From " line is
/// one article, read as EmailReader reads a message (read_messages in
/// indexer/email_message.h). Each article's record is its Message-ID (without angle
/// brackets) if it has one, else "message-N" (N the message's 1-based position in the
/// file); its location "message N". A message without text (no text part, only
/// attachments, an empty body), or whose record key an earlier message has, is skipped
/// ("message N: why") and the others are read.
///
/// Thread-safety: thread-safe (no state; GMime is initialised once, on first use).
class MboxReader final : public ArticleReader {
 public:
  std::string_view name() const noexcept override { return "mbox"; }
  std::span<const std::string_view> extensions() const noexcept override;
  bool holds_several_articles() const noexcept override { return true; }
  bool recognises(std::string_view content) const override;
  /// The articles of every message with text, in file order; the others in `skipped`.
  /// Throws Error kBadArgument only if the content is binary: a NUL byte before the first
  /// newline.
  FileArticles read(std::string content, const std::string& path) const override;
};

}  // namespace pressclip::indexer
