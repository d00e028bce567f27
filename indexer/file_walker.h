// Finding article files and manifests under the paths given to `pressclip index`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pressclip/indexer.h"

namespace pressclip::indexer {

/// What a walk found, each list sorted by path so that runs are reproducible.
struct WalkResult {
  std::vector<std::string> articles;   ///< Canonical paths of article files.
  std::vector<std::string> manifests;  ///< Canonical paths of `*.tsv` files in walked directories.
  std::vector<std::string> named_manifests;  ///< `*.tsv` files named as paths themselves.
  std::size_t ignored = 0;                   ///< Files in walked directories that are neither.
  /// Directories inside walked ones that could not be listed (permission denied, an I/O
  /// error), each with why; their files were not found. For the run's report.
  std::vector<IndexWarning> warnings;
};

/// Article files are those named on the command line, and, inside walked directories,
/// files whose name is an article's (is_article_file_name). Files ending in .tsv are
/// manifest candidates. Names starting with '.' are skipped; directory symlinks are not
/// followed (so a link loop is never walked). An entry with an article's name that is not a
/// regular file (a FIFO, a socket, a device, a broken symbolic link or a link loop) is listed
/// among the articles all the same, so that reading it skips it with a warning that says
/// what it is; other such entries count as ignored. The walk holds one directory open at a
/// time, whatever the depth, and lists directories whose path is longer than PATH_MAX (by
/// opening them relative to an ancestor). Throws Error kNotFound if a path does not exist,
/// kIo if a path or a directory given cannot be read.
WalkResult walk_paths(const std::vector<std::string>& paths);

/// The `*.tsv` files (canonical paths) in the directories holding `articles` and in their
/// ancestors up to, not including, the filesystem root, shallowest directory first: the manifests
/// that may describe an article indexed on its own, away from the directory walk that usually finds
/// them.
std::vector<std::string> manifests_above(const std::vector<std::string>& articles);

}  // namespace pressclip::indexer
