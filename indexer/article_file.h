// Reading an article file's bytes from disk, safely whatever the path holds.
#pragma once

#include <cstddef>
#include <string>

namespace pressclip::indexer {

/// Files larger than this are not articles (a log, a dump) and are skipped.
inline constexpr std::size_t kMaxArticleBytes = 16u << 20;

/// The bytes of the file at `path`. Throws Error kIo if it cannot be read, kBadArgument if
/// it is larger than kMaxArticleBytes. Thread-safe.
std::string read_article_file(const std::string& path);

}  // namespace pressclip::indexer
