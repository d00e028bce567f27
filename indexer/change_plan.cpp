// Change detection by file stamps.
#include "indexer/change_plan.h"

#include <algorithm>

#include "indexer/file_identity.h"

namespace pressclip::indexer {
namespace {

bool under_root(const std::string& path, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (path == root) return true;
    if (path.size() > root.size() && path.starts_with(root) &&
        (root.ends_with('/') || path[root.size()] == '/')) {
      return true;
    }
  }
  return false;
}

}  // namespace

ChangePlan plan_changes(const WalkResult& walk, const std::vector<std::string>& roots,
                        const IndexState& state, const ManifestSet& manifests) {
  ChangePlan plan;
  DirectoryStamper stamper;
  for (const std::string& path : walk.articles) {
    const std::optional<schema::FileStamp> stamp = stamper.stamp(path);
    if (stamp) plan.bytes_total += stamp->size;
    std::size_t file_index = 0;
    const RecordedArticle* recorded = state.article_of_path(path, &file_index);
    if (recorded && stamp) {
      const schema::IndexedFile& known = recorded->state.files[file_index];
      if (known.stamp == *stamp && known.metadata_hash == metadata_hash(manifests.find(path))) {
        ++plan.unchanged;
        plan.bytes_unchanged += stamp->size;
        continue;
      }
    }
    plan.to_read.push_back(path);
  }
  const std::unordered_set<std::string> found(walk.articles.begin(), walk.articles.end());
  // What lies in a directory that could not be listed is not gone: it was not looked at.
  std::vector<std::string> unlisted;
  for (const IndexWarning& warning : walk.warnings) unlisted.push_back(warning.path);
  std::unordered_set<std::string_view> gone;  // A file of several articles is gone once.
  for (const RecordedArticle& article : state.articles()) {
    for (const schema::IndexedFile& file : article.state.files) {
      if (!found.contains(file.path) && under_root(file.path, roots) &&
          !under_root(file.path, unlisted) && gone.insert(file.path).second) {
        plan.gone.push_back(file.path);
      }
    }
  }
  return plan;
}

}  // namespace pressclip::indexer
