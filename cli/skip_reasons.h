// The kinds of reasons files are skipped for, counted for the summary of `pressclip index`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pressclip/indexer.h"

namespace pressclip::cli {

/// The kind of problem a skip reason (IndexWarning::reason) names, in a few words: "binary",
/// "unreadable", "not a regular file", "too large", "unknown encoding", "broken front
/// matter", "no text", "not an e-mail message", "unlistable directory", "bad manifest", or
/// "other" for a reason of none of these kinds. Thread-safe.
std::string_view skip_kind(std::string_view reason);

/// The skipped files of `warnings` (those with IndexWarning::skipped) counted by
/// skip_kind(), most frequent first (ties in the order of the list above).
std::vector<std::pair<std::string_view, std::size_t>> count_skip_kinds(
    const std::vector<IndexWarning>& warnings);

/// "3 files skipped: 2 binary, 1 unreadable" (or "1 file skipped: ..."), from
/// count_skip_kinds(); empty if nothing was skipped.
std::string skip_summary(const std::vector<IndexWarning>& warnings);

}  // namespace pressclip::cli
