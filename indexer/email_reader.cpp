// Reading a single e-mail or netnews message (.eml) as one article.
#include "indexer/email_reader.h"

#include <algorithm>
#include <array>

#include "indexer/email_message.h"
#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

constexpr std::array<std::string_view, 1> kExtensions = {".eml"};

// Header lines longer than this are not looked at to recognise a message (RFC 5322 allows
// 998 bytes a line).
constexpr std::size_t kMaxHeaderLineBytes = 998;

// The offset of the first NUL byte in the header block (up to the first empty line), or
// npos.
std::size_t nul_in_headers(std::string_view content) {
  std::size_t end = content.size();
  for (std::string_view blank : {"\n\n", "\n\r\n"}) {
    end = std::min(end, content.find(blank));
  }
  return content.substr(0, end).find('\0');
}

}  // namespace

bool starts_like_message(std::string_view content) {
  if (content.starts_with("From ")) return true;
  const std::string_view line = content.substr(0, std::min(content.find('\n'), content.size()));
  std::size_t at = 0;
  while (at < line.size() && at < kMaxHeaderLineBytes && line[at] > ' ' && line[at] < '\x7F' &&
         line[at] != ':') {
    ++at;
  }
  return at > 0 && at < line.size() && line[at] == ':';
}

std::span<const std::string_view> EmailReader::extensions() const noexcept { return kExtensions; }

bool EmailReader::recognises(std::string_view content) const {
  return starts_like_message(content);
}

FileArticles EmailReader::read(std::string content, const std::string&) const {
  if (const std::size_t nul = nul_in_headers(content); nul != std::string::npos) {
    throw Error(ErrorKind::kBadArgument,
                "binary file, not text (NUL byte at offset " + std::to_string(nul) + ")");
  }
  // A message saved with its mbox "From " line is read as an mbox of one message.
  const MessageLayout layout =
      content.starts_with("From ") ? MessageLayout::kMbox : MessageLayout::kSingle;
  MessageArticle message{std::nullopt, "not an e-mail message"};
  read_messages(content, layout, [&](MessageArticle read) {
    message = std::move(read);
    return false;
  });
  if (!message.article) {
    throw Error(ErrorKind::kBadArgument, "e-mail message: " + message.problem);
  }
  FileArticles file;
  file.articles.push_back(std::move(*message.article));
  return file;
}

}  // namespace pressclip::indexer
