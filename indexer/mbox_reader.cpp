// Reading mbox files: each message an article, keyed by its Message-ID or its position.
#include "indexer/mbox_reader.h"

#include <array>
#include <map>

#include "indexer/email_message.h"
#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

constexpr std::array<std::string_view, 1> kExtensions = {".mbox"};

}  // namespace

std::span<const std::string_view> MboxReader::extensions() const noexcept { return kExtensions; }

bool MboxReader::recognises(std::string_view content) const { return content.starts_with("From "); }

FileArticles MboxReader::read(std::string content, const std::string&) const {
  const std::string_view first_line = std::string_view(content).substr(0, content.find('\n'));
  if (const std::size_t nul = first_line.find('\0'); nul != std::string_view::npos) {
    throw Error(ErrorKind::kBadArgument,
                "binary file, not text (NUL byte at offset " + std::to_string(nul) + ")");
  }
  FileArticles file;
  std::map<std::string, std::size_t, std::less<>> message_of_record;
  std::size_t number = 0;
  read_messages(content, MessageLayout::kMbox, [&](MessageArticle message) {
    ++number;
    const std::string where = "message " + std::to_string(number);
    if (!message.article) {
      file.skipped.push_back(where + ": " + message.problem);
      return true;
    }
    RawArticle& article = *message.article;
    article.record = article.id.empty() ? "message-" + std::to_string(number) : article.id;
    const auto [seen, added] = message_of_record.emplace(article.record, number);
    if (!added) {
      file.skipped.push_back(where + ": duplicate record key '" + article.record +
                             "' (first in message " + std::to_string(seen->second) + ")");
      return true;
    }
    article.location = where;
    file.articles.push_back(std::move(article));
    return true;
  });
  return file;
}

}  // namespace pressclip::indexer
