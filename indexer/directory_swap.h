// Swapping two directories in one atomic step, so that readers see one or the other.
#pragma once

#include <filesystem>

namespace pressclip::indexer {

/// Exchanges the directories at `a` and `b` atomically (Linux renameat2 RENAME_EXCHANGE):
/// at every instant each path names one complete directory. Both must exist on the same
/// file system. Then syncs their parent directory. Throws std::system_error on failure.
void exchange_directories(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace pressclip::indexer
