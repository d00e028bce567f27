// The one error type that crosses pressclip's public API.
#pragma once

#include <stdexcept>
#include <string>

#include "pressclip/export.h"

namespace pressclip {

/// What went wrong, so that a caller can react without parsing messages.
enum class ErrorKind {
  kBadQuery,      ///< The query string cannot be parsed, or parses to nothing.
  kBadArgument,   ///< An option or argument is out of range or malformed.
  kIndexMissing,  ///< No index exists where one was expected.
  kIndexLocked,   ///< Another process holds the index's write lock.
  kIndexCorrupt,  ///< The index is damaged or is not a pressclip index.
  kIndexVersion,  ///< The index was written by an incompatible pressclip version.
  kIo,            ///< Reading or writing a file or the index failed.
  kNotFound,      ///< The requested article does not exist.
  kInternal,      ///< A bug or an unexpected failure in a dependency.
  kTimeout,       ///< A search ran past its deadline (SearchOptions::timeout) and stopped.
  /// A shard of the index (a database listed in a stub file, or a remote server) cannot be
  /// opened or stopped answering; the message names it. SearcherOptions::allow_partial
  /// searches the other shards instead.
  kShardUnavailable,
};

/// Returns a short lowercase name for `kind` ("bad query", "index locked", "timeout", ...).
/// Thread-safe.
PRESSCLIP_EXPORT const char* to_string(ErrorKind kind) noexcept;

/// Every failure reported by the library is an Error: no Xapian, ICU or YAML exception
/// crosses the public API. The message is one line, written for the end user, and says what
/// to do where that is known.
class PRESSCLIP_EXPORT Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message);

  /// The category of the failure.
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace pressclip
