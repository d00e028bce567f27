// Finding article files and manifests under the paths given to `pressclip index`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pressclip::indexer {

/// What a walk found, each list sorted by path so that runs are reproducible.
struct WalkResult {
  std::vector<std::string> articles;   ///< Canonical paths of article files.
  std::vector<std::string> manifests;  ///< Canonical paths of `*.tsv` files in walked directories.
  std::vector<std::string> named_manifests;  ///< `*.tsv` files named as paths themselves.
  std::size_t ignored = 0;                   ///< Files in walked directories that are neither.
};

/// Article files are those named on the command line, and, inside walked directories,
/// files ending in .txt, .text, .md or .markdown. Files ending in .tsv are manifest
/// candidates. Names starting with '.' are skipped; directory symlinks are not followed.
/// Throws Error kNotFound if a path does not exist.
WalkResult walk_paths(const std::vector<std::string>& paths);

/// The `*.tsv` files (canonical paths) in the directories holding `articles` and in their
/// ancestors up to, not including, the filesystem root, shallowest directory first: the manifests
/// that may describe an article indexed on its own, away from the directory walk that usually finds
/// them.
std::vector<std::string> manifests_above(const std::vector<std::string>& articles);

}  // namespace pressclip::indexer
