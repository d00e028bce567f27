// Creating an index directory in one step, so that a killed creation leaves nothing broken.
#pragma once

#include <filesystem>

namespace pressclip::indexer {

/// Makes sure `target` holds a Xapian database, creating an empty one if it does not: the
/// database is made in a sibling directory and renamed into place, so that `target` is
/// never a half-created database. A directory left by a creation killed before Xapian wrote
/// its revision file (only Xapian's own files, no `iamglass`), or an empty one, is replaced.
/// A directory with an `iamglass` is left for Xapian to accept or refuse. Throws
/// pressclip::Error kBadArgument if `target` is a file, kIndexCorrupt if it is a directory of
/// other files (an index is never made among them), kIo if it cannot be read; else
/// Xapian::Error or std::filesystem::filesystem_error.
void ensure_index_directory(const std::filesystem::path& target);

/// Removes what interrupted runs left beside `target`: the staging directories of a
/// parallel build (`.NAME.pressclip-build`) and of a rebuild (`.NAME.pressclip-rebuild`),
/// and those of creations (`.NAME.pressclip-new-PID`) whose process is gone. Requires the
/// caller to hold the index's write lock (only its holder builds or rebuilds). Errors are
/// ignored: a leftover that cannot be removed is tried again next time.
void remove_stale_staging(const std::filesystem::path& target);

}  // namespace pressclip::indexer
