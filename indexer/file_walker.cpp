// Recursive discovery of article files and manifests.
#include "indexer/file_walker.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string_view>

#include "indexer/article_readers.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "schema/article_id.h"

namespace pressclip::indexer {
namespace {

namespace fs = std::filesystem;

std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return extension;
}

void sort_unique(std::vector<std::string>& paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
}

}  // namespace

}  // namespace pressclip::indexer

namespace pressclip {

bool is_article_file_name(const std::string& path) {
  const indexer::fs::path name = indexer::fs::path(path).filename();
  if (name.string().starts_with('.')) return false;
  return indexer::is_article_extension(indexer::lowercase_extension(name));
}

}  // namespace pressclip

namespace pressclip::indexer {

WalkResult walk_paths(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::exists(path, error))
      throw Error(ErrorKind::kNotFound, "no such file or directory: " + path);
  }
  WalkResult result;
  for (const std::string& path : paths) {
    if (!fs::is_directory(path)) {
      auto& list = lowercase_extension(path) == ".tsv" ? result.named_manifests : result.articles;
      list.push_back(schema::canonical_path(path));
      continue;
    }
    std::error_code error;
    auto options = fs::directory_options::skip_permission_denied;
    // Walked from its canonical form, a directory yields canonical paths of its entries
    // (directory symlinks are not followed): no per-file path resolution, which was most of
    // the time of a run that finds nothing changed.
    const std::string root = schema::canonical_path(path);
    for (auto it = fs::recursive_directory_iterator(root, options, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const fs::path& entry = it->path();
      if (entry.filename().string().starts_with('.')) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      const std::string extension = lowercase_extension(entry);
      if (extension == ".tsv") {
        result.manifests.push_back(entry.string());
      } else if (is_article_file_name(entry.string())) {
        result.articles.push_back(entry.string());
      } else {
        ++result.ignored;
      }
    }
    if (error) throw Error(ErrorKind::kIo, "cannot walk " + path + ": " + error.message());
  }
  sort_unique(result.articles);
  sort_unique(result.manifests);
  return result;
}

std::vector<std::string> manifests_above(const std::vector<std::string>& articles) {
  // String operations on canonical paths: this runs once per article of every run, so
  // it must cost little when thousands of articles share a few directories.
  std::set<fs::path> directories;
  std::string_view previous_directory;
  for (const std::string& article : articles) {
    std::string_view directory(article);
    directory = directory.substr(0, std::min(directory.rfind('/'), directory.size()));
    if (directory == previous_directory) continue;
    previous_directory = directory;
    // Up to, not including, the filesystem root; stop where another article got to before.
    while (!directory.empty() && directories.insert(fs::path(directory)).second) {
      const std::size_t slash = directory.rfind('/');
      directory = directory.substr(0, slash == std::string_view::npos ? 0 : slash);
    }
  }
  std::vector<std::pair<std::size_t, std::string>> by_depth;
  for (const fs::path& directory : directories) {
    std::error_code error;
    for (auto it = fs::directory_iterator(directory, error);
         !error && it != fs::directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (!name.starts_with('.') && lowercase_extension(it->path()) == ".tsv" &&
          it->is_regular_file(error)) {
        const auto depth =
            static_cast<std::size_t>(std::distance(directory.begin(), directory.end()));
        by_depth.emplace_back(depth, it->path().string());
      }
    }
  }
  std::sort(by_depth.begin(), by_depth.end());
  std::vector<std::string> manifests;
  for (auto& [depth, path] : by_depth) manifests.push_back(std::move(path));
  return manifests;
}

}  // namespace pressclip::indexer
