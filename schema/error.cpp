// The public error type and the names of provenance and error kinds.
#include "pressclip/error.h"

#include "pressclip/article.h"

namespace pressclip {

Error::Error(ErrorKind kind, const std::string& message)
    : std::runtime_error(message), kind_(kind) {}

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::kBadQuery:
      return "bad query";
    case ErrorKind::kBadArgument:
      return "bad argument";
    case ErrorKind::kIndexMissing:
      return "index missing";
    case ErrorKind::kIndexLocked:
      return "index locked";
    case ErrorKind::kIndexCorrupt:
      return "index corrupt";
    case ErrorKind::kIndexVersion:
      return "index version";
    case ErrorKind::kIo:
      return "i/o error";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kInternal:
      return "internal error";
    case ErrorKind::kTimeout:
      return "timeout";
    case ErrorKind::kShardUnavailable:
      return "shard unavailable";
  }
  return "unknown error";
}

const char* to_string(FieldOrigin origin) noexcept {
  switch (origin) {
    case FieldOrigin::kGiven:
      return "given";
    case FieldOrigin::kFrontMatter:
      return "front matter";
    case FieldOrigin::kDocument:
      return "document";
    case FieldOrigin::kManifest:
      return "manifest";
    case FieldOrigin::kText:
      return "text line";
    case FieldOrigin::kCredit:
      return "credit";
    case FieldOrigin::kInferred:
      return "inferred from text";
    case FieldOrigin::kDefault:
      return "default";
  }
  return "default";
}

}  // namespace pressclip
