// Opening an index for writing when another process may be updating it.
#pragma once

#include <memory>

#include "pressclip/indexer.h"

namespace pressclip::cli {

/// Opens the index at `options.database_path` for writing (creating it if needed).
///
/// If another process holds the index's write lock: without `wait`, throws pressclip::Error
/// kIndexLocked "index 'DIR' is being updated by another process (use --wait to wait for
/// it)"; with `wait`, prints "pressclip: waiting for another process to finish updating
/// 'DIR'..." once on standard error and tries again every 100 ms until the lock is free. A
/// SIGINT or SIGTERM caught by a live InterruptFlag (interrupt.h) ends the wait with
/// InterruptedError (exit status 130 or 143); without one, the signal kills the process as
/// usual. There is no other time limit. Any other Error from the Indexer's constructor
/// (kIndexVersion, kIndexCorrupt, kBadArgument, kIo) is thrown as it is.
///
/// Thread-safety: may be called from any thread; it blocks that thread while waiting.
std::unique_ptr<Indexer> open_indexer(const IndexerOptions& options, bool wait);

}  // namespace pressclip::cli
