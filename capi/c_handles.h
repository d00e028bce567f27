// What the C API's opaque handles hold, and the guard that turns C++ failures into statuses.
#pragma once

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/pressclip.h"
#include "pressclip/searcher.h"

struct pressclip_indexer {
  pressclip::Indexer indexer;
};

struct pressclip_searcher {
  pressclip::Searcher searcher;
};

struct pressclip_search_options {
  pressclip::SearchOptions options;
};

struct pressclip_results {
  pressclip::SearchResults results;
};

struct pressclip_article {
  pressclip::ArticleRecord record;
};

namespace pressclip::capi {

/// Records `message` as this thread's last error and returns `status`.
pressclip_status fail(pressclip_status status, const std::string& message) noexcept;

/// The status for an Error of `kind`.
pressclip_status status_of(ErrorKind kind) noexcept;

/// Runs `body` and returns PRESSCLIP_OK, or the status of what it threw (recording its
/// message): no exception leaves.
template <typename Body>
pressclip_status guarded(Body&& body) noexcept {
  try {
    body();
    return PRESSCLIP_OK;
  } catch (const Error& error) {
    return fail(status_of(error.kind()), error.what());
  } catch (const std::bad_alloc&) {
    return fail(PRESSCLIP_INTERNAL, "out of memory");
  } catch (const std::exception& error) {
    return fail(PRESSCLIP_INTERNAL, std::string("internal error: ") + error.what());
  } catch (...) {
    return fail(PRESSCLIP_INTERNAL, "internal error: unknown exception");
  }
}

/// Fails with PRESSCLIP_BAD_ARGUMENT naming `what` if `pointer` is null.
#define PRESSCLIP_REQUIRE_ARGUMENT(pointer)                                                 \
  do {                                                                                      \
    if ((pointer) == nullptr) {                                                             \
      return ::pressclip::capi::fail(PRESSCLIP_BAD_ARGUMENT, #pointer " must not be NULL"); \
    }                                                                                       \
  } while (false)

/// A copy of `text` that the caller frees with pressclip_free(), or null if out of memory.
char* copy_for_caller(const std::string& text) noexcept;

/// The element `i` of `items`, or null when `items` is null or `i` is out of range.
template <typename Item>
const Item* element(const std::vector<Item>* items, std::size_t i) noexcept {
  return items != nullptr && i < items->size() ? &(*items)[i] : nullptr;
}

}  // namespace pressclip::capi
