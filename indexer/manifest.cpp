// Reading TSV metadata manifests.
#include "indexer/manifest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "schema/article_id.h"

namespace pressclip::indexer {
namespace {

std::vector<std::string> split_tabs(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    cells.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  cells.push_back(line.substr(start));
  for (std::string& cell : cells) {
    std::size_t first = cell.find_first_not_of(" \t");
    std::size_t last = cell.find_last_not_of(" \t");
    cell = first == std::string::npos ? std::string() : cell.substr(first, last - first + 1);
  }
  return cells;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

bool ManifestSet::add(const std::string& path, std::string& problem,
                      std::vector<std::string>& row_problems) {
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    problem = "cannot read manifest";
    return false;
  }
  std::string line;
  if (!std::getline(input, line)) {
    problem = "empty file, not a manifest";
    return false;
  }
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  std::vector<std::string> header = split_tabs(line);
  for (std::string& name : header) name = lowercase(name);
  auto file_column = std::find_if(header.begin(), header.end(), [](const std::string& name) {
    return name == "file" || name == "path";
  });
  if (file_column == header.end()) {
    problem = "no 'file' column in its header row, not a manifest";
    return false;
  }
  const std::size_t file_index = static_cast<std::size_t>(file_column - header.begin());
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  std::size_t line_number = 1;
  while (std::getline(input, line)) {
    ++line_number;
    if (line.empty() || line == "\r") continue;
    std::vector<std::string> cells = split_tabs(line);
    if (cells.size() != header.size() || cells[file_index].empty()) {
      row_problems.push_back(
          "line " + std::to_string(line_number) + ": expected " + std::to_string(header.size()) +
          " tab-separated cells with a file, found " + std::to_string(cells.size()));
      continue;
    }
    std::filesystem::path file = cells[file_index];
    if (file.is_relative()) file = base / file;
    ManifestRow& row = rows_[schema::canonical_path(file.string())];
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (i != file_index && !cells[i].empty()) row[header[i]] = cells[i];
    }
  }
  return true;
}

const ManifestRow* ManifestSet::find(const std::string& canonical) const {
  auto found = rows_.find(canonical);
  return found == rows_.end() ? nullptr : &found->second;
}

}  // namespace pressclip::indexer
