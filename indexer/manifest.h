// Metadata manifests: TSV files that give source, date, ... for the files they list.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace pressclip::indexer {

/// Metadata values of one file, by field name (title, source, date, url, language).
using ManifestRow = std::map<std::string, std::string>;

/// The rows of every manifest read so far, by the canonical path of the file they describe.
///
/// Format: UTF-8, tab-separated, first row a header naming the columns (case-insensitive).
/// One column, `file` (or `path`), names the article file, relative to the manifest's own
/// directory (or absolute). Columns title, source, date, url and language give metadata;
/// other columns are ignored. Empty cells give nothing. A later manifest's non-empty cells
/// override an earlier one's for the same file, cell by cell.
class ManifestSet {
 public:
  /// Reads the manifest at `path`. Returns false, with `problem` set, if it is not a
  /// manifest (unreadable, or no `file`/`path` column); rows with the wrong number of cells
  /// are skipped and each is described in `row_problems`.
  bool add(const std::string& path, std::string& problem, std::vector<std::string>& row_problems);

  /// The row for the file at canonical path `canonical`, or nullptr.
  const ManifestRow* find(const std::string& canonical) const;

  std::size_t size() const { return rows_.size(); }

 private:
  std::map<std::string, ManifestRow> rows_;
};

}  // namespace pressclip::indexer
