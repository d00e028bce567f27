// `pressclip index --watch`: keeping an index up to date as files come and go.
#pragma once

#include <string>
#include <vector>

#include "pressclip/indexer.h"

namespace pressclip::cli {

/// Watches `paths` (inotify, cli/directory_watcher.h) and applies each batch of changes to
/// `indexer`: files closed after writing or moved in are indexed (index_paths on those
/// files), deleted or moved-out ones forgotten (remove_paths), each batch committed, so an
/// article is searchable within about half a second of its file being closed. Prints one
/// report per batch that changed something (as `index` does, JSON with `json`), nothing
/// with `quiet`. Returns exit status 0 once `run.stop` is set (SIGINT, SIGTERM).
int watch_paths(Indexer& indexer, const std::string& database_path,
                const std::vector<std::string>& paths, const IndexRunOptions& run, bool quiet,
                bool json);

}  // namespace pressclip::cli
