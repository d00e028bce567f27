// Reading an article file's bytes from disk, safely whatever the path holds.
#pragma once

#include <cstddef>
#include <string>

#include "schema/file_state.h"

namespace pressclip::indexer {

/// Files larger than this are not articles (a log, a dump) and are skipped.
inline constexpr std::size_t kMaxArticleBytes = 16u << 20;

/// A file of several articles (JSON Lines, mbox) may be this large; each of its articles
/// is still at most kMaxArticleBytes. Read whole, and held with its articles while they
/// are prepared: about three times this in memory at worst.
inline constexpr std::size_t kMaxArticlesFileBytes = 256u << 20;

/// The bytes of the file at `path`, following symbolic links (a link to an article is read
/// as the article). Only a regular file is read: a FIFO, socket, device or directory is
/// refused before it is opened, so that a FIFO never blocks the run and a device is never
/// read. The size stat(2) gives is not trusted: the file is read up to its end as it is then
/// (a file truncated or grown since it was found is read as it is now). If `stamp` is not
/// null, it receives the size and modification time of the file that was opened, taken
/// before reading it (a change during the read makes the next run read the file again).
///
/// Throws Error kIo "cannot read: REASON" if the file cannot be opened or read (REASON as
/// unreadable_file_reason() gives it), kBadArgument "not a regular file (a FIFO)" (a socket,
/// a character device, a block device, a directory) for anything else than a regular file,
/// and kBadArgument "file of N MiB is larger than an article can be" if it holds more than
/// `limit` bytes (kMaxArticleBytes, or kMaxArticlesFileBytes for a file of several
/// articles). Thread-safe.
std::string read_article_file(const std::string& path, schema::FileStamp* stamp = nullptr,
                              std::size_t limit = kMaxArticleBytes);

/// Why the file at `path` cannot be opened, `error_number` being the errno that stat(2) or
/// open(2) failed with: "no such file" (also for a file deleted since it was found),
/// "broken symbolic link to TARGET", "symbolic link loop", "path longer than the system's
/// limit (PATH_MAX, 4096 bytes)", "permission denied", else strerror's text. Thread-safe.
std::string unreadable_file_reason(const std::string& path, int error_number);

/// What the file type of a stat(2) mode is, as "a FIFO", "a socket", "a character device",
/// "a block device", "a directory", "a symbolic link" or "a regular file". Thread-safe.
const char* file_type_name(unsigned mode) noexcept;

}  // namespace pressclip::indexer
