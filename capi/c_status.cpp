// The C API's statuses, per-thread error messages, versions and caller-owned strings.
#include <cstdlib>
#include <cstring>

#include "capi/c_handles.h"
#include "pressclip/version.h"

namespace pressclip::capi {
namespace {

thread_local std::string last_error_message;

}  // namespace

pressclip_status fail(pressclip_status status, const std::string& message) noexcept {
  try {
    last_error_message = message;
  } catch (...) {
    last_error_message.clear();  // Out of memory: an empty message rather than none at all.
  }
  return status;
}

pressclip_status status_of(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::kBadQuery:
      return PRESSCLIP_BAD_QUERY;
    case ErrorKind::kBadArgument:
      return PRESSCLIP_BAD_ARGUMENT;
    case ErrorKind::kIndexMissing:
      return PRESSCLIP_INDEX_MISSING;
    case ErrorKind::kIndexLocked:
      return PRESSCLIP_INDEX_LOCKED;
    case ErrorKind::kIndexCorrupt:
      return PRESSCLIP_INDEX_CORRUPT;
    case ErrorKind::kIndexVersion:
      return PRESSCLIP_INDEX_VERSION;
    case ErrorKind::kIo:
      return PRESSCLIP_IO;
    case ErrorKind::kNotFound:
      return PRESSCLIP_NOT_FOUND;
    case ErrorKind::kInternal:
      return PRESSCLIP_INTERNAL;
    case ErrorKind::kTimeout:
      return PRESSCLIP_TIMEOUT;
    case ErrorKind::kShardUnavailable:
      return PRESSCLIP_SHARD_UNAVAILABLE;
  }
  return PRESSCLIP_INTERNAL;
}

char* copy_for_caller(const std::string& text) noexcept {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy != nullptr) std::memcpy(copy, text.c_str(), text.size() + 1);
  return copy;
}

}  // namespace pressclip::capi

extern "C" {

const char* pressclip_status_name(pressclip_status status) {
  switch (status) {
    case PRESSCLIP_OK:
      return "ok";
    case PRESSCLIP_BAD_QUERY:
      return pressclip::to_string(pressclip::ErrorKind::kBadQuery);
    case PRESSCLIP_BAD_ARGUMENT:
      return pressclip::to_string(pressclip::ErrorKind::kBadArgument);
    case PRESSCLIP_INDEX_MISSING:
      return pressclip::to_string(pressclip::ErrorKind::kIndexMissing);
    case PRESSCLIP_INDEX_LOCKED:
      return pressclip::to_string(pressclip::ErrorKind::kIndexLocked);
    case PRESSCLIP_INDEX_CORRUPT:
      return pressclip::to_string(pressclip::ErrorKind::kIndexCorrupt);
    case PRESSCLIP_INDEX_VERSION:
      return pressclip::to_string(pressclip::ErrorKind::kIndexVersion);
    case PRESSCLIP_IO:
      return pressclip::to_string(pressclip::ErrorKind::kIo);
    case PRESSCLIP_NOT_FOUND:
      return pressclip::to_string(pressclip::ErrorKind::kNotFound);
    case PRESSCLIP_INTERNAL:
      return pressclip::to_string(pressclip::ErrorKind::kInternal);
    case PRESSCLIP_TIMEOUT:
      return pressclip::to_string(pressclip::ErrorKind::kTimeout);
    case PRESSCLIP_SHARD_UNAVAILABLE:
      return pressclip::to_string(pressclip::ErrorKind::kShardUnavailable);
  }
  return "unknown status";
}

const char* pressclip_last_error_message(void) {
  return pressclip::capi::last_error_message.c_str();
}

const char* pressclip_version(void) { return pressclip::library_version(); }

int pressclip_result_format_version(void) { return pressclip::result_format_version(); }

void pressclip_free(char* string) { std::free(string); }

}  // extern "C"
