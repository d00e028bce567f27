// raw_index: the floor of any Xapian-based indexer, one TermGenerator pass per article file.
//
// Usage: raw_xapian_index DB PATH
//   PATH is a corpus directory, walked recursively for *.txt files, or one .txt file.
//
// Each article becomes one document: its body (front matter dropped) indexed with positions
// and English stemming (STEM_SOME, as Omega and the QueryParser default), its absolute path
// as the document data, and a unique "Q" term made from that path, so indexing the same
// file again replaces its document. No metadata, no values, no passages, no change
// detection, one thread and a single explicit commit at the end: anything a real tool does
// beyond this is cost it adds over Xapian itself.
#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "article_text.h"

namespace fs = std::filesystem;

namespace {

// Xapian's glass backend refuses terms longer than 245 bytes.
constexpr std::size_t kMaxTermBytes = 245;

// The unique-id term for an article: "Q" + its path, or "Q" + a hash of the path when the
// path is too long to be a term (FNV-1a: stable across runs, unlike std::hash).
std::string id_term(const std::string& path) {
  if (path.size() + 1 <= kMaxTermBytes) return "Q" + path;
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : path) hash = (hash ^ c) * 1099511628211ULL;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return "Q#" + std::string(hex);
}

// The article files under `root` (or `root` itself if it is a file).
std::vector<fs::path> article_files(const fs::path& root) {
  std::vector<fs::path> files;
  if (!fs::is_directory(root)) {
    files.push_back(root);
    return files;
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " DB CORPUS_DIR|FILE.txt\n";
    return 2;
  }
  try {
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);

    std::size_t indexed = 0;
    std::size_t skipped = 0;
    for (const fs::path& file : article_files(argv[2])) {
      const std::string path = fs::absolute(file).lexically_normal().string();
      std::string content;
      try {
        content = raw_xapian::read_file(file);
      } catch (const std::exception& error) {
        // One unreadable file must not stop the run; it is counted and named.
        std::cerr << "warning: skipped: " << error.what() << '\n';
        ++skipped;
        continue;
      }
      Xapian::Document doc;
      generator.set_document(doc);
      const std::string_view body = raw_xapian::strip_front_matter(content);
      // A Utf8Iterator over the body avoids copying it into a std::string first.
      generator.index_text(Xapian::Utf8Iterator(body.data(), body.size()));
      doc.set_data(path);
      const std::string unique = id_term(path);
      doc.add_boolean_term(unique);
      db.replace_document(unique, doc);
      ++indexed;
    }
    // Commit explicitly: the destructor would too, but would swallow any error.
    db.commit();
    std::cerr << "raw_index: " << indexed << " articles indexed, " << skipped << " skipped\n";
    return 0;
  } catch (const Xapian::Error& error) {
    std::cerr << "raw_index: " << error.get_description() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "raw_index: " << error.what() << '\n';
  }
  return 1;
}
