// Deciding, before reading any article, which files a run must read and which are gone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/file_walker.h"
#include "indexer/index_state.h"
#include "indexer/manifest.h"

namespace pressclip::indexer {

/// What a run has to do, from file stamps alone.
struct ChangePlan {
  std::vector<std::string> to_read;  ///< New files, and known ones whose stamp differs.
  std::vector<std::string> gone;     ///< Recorded files under the roots that were not found.
  std::size_t unchanged = 0;         ///< Known files with the recorded size, time and metadata.
  std::uint64_t bytes_total = 0;     ///< Bytes of every article file found.
  std::uint64_t bytes_unchanged = 0;
};

/// Compares the files `walk` found under `roots` (the paths given to the run, canonical)
/// with `state`: a file whose size, modification time and manifest row hash are recorded
/// is unchanged and will not be read. A recorded file is gone if it lies under a root (is
/// the root, or inside a root directory), not under a path the walk warned about (a
/// directory it could not list), and the walk did not find it.
ChangePlan plan_changes(const WalkResult& walk, const std::vector<std::string>& roots,
                        const IndexState& state, const ManifestSet& manifests);

}  // namespace pressclip::indexer
