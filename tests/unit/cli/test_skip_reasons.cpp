// Unit tests of the kinds that skip reasons are counted by in the report of `pressclip index`.
#include "cli/skip_reasons.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/article_file.h"
#include "pressclip/error.h"

using pressclip::IndexWarning;
using pressclip::cli::count_skip_kinds;
using pressclip::cli::skip_kind;
using pressclip::cli::skip_summary;

namespace {

// The message read_article_file throws for `path`, or "" if it reads it.
std::string read_failure(const std::string& path) {
  try {
    pressclip::indexer::read_article_file(path);
  } catch (const pressclip::Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the reasons the library gives are told apart by kind") {
  CHECK(skip_kind("binary file, not text (NUL byte at offset 6)") == "binary");
  CHECK(skip_kind("cannot read: permission denied") == "unreadable");
  CHECK(skip_kind("cannot read: no such file") == "unreadable");
  CHECK(skip_kind("read error: Input/output error") == "unreadable");
  CHECK(skip_kind("not a regular file (a FIFO)") == "not a regular file");
  CHECK(skip_kind("file of 50 MiB is larger than an article can be") == "too large");
  CHECK(skip_kind("text of 17 MiB is larger than an article can be") == "too large");
  CHECK(skip_kind("cannot tell the character encoding (not UTF-8)") == "unknown encoding");
  CHECK(skip_kind("front matter is not valid YAML (line 3: bad)") == "broken front matter");
  CHECK(skip_kind("no article text") == "no text");
  CHECK(skip_kind("no sentences in the article text") == "no text");
  CHECK(skip_kind("no article text in the HTML page") == "no text");
  CHECK(skip_kind("e-mail message: no body") == "not an e-mail message");
  CHECK(skip_kind("cannot list the directory (permission denied); its files are skipped") ==
        "unlistable directory");
  CHECK(skip_kind("cannot read manifest") == "bad manifest");
  CHECK(skip_kind("no 'file' column in its header row, not a manifest") == "bad manifest");
  CHECK(skip_kind("something new") == "other");
}

TEST_CASE("the messages of read_article_file are of the kinds the summary names") {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / "pressclip-skip-kinds";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  const std::string fifo = (directory / "pipe.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(skip_kind(read_failure(fifo)) == "not a regular file");
  CHECK(skip_kind(read_failure("/dev/null")) == "not a regular file");
  CHECK(skip_kind(read_failure((directory / "missing.txt").string())) == "unreadable");
  std::filesystem::create_symlink("missing.txt", directory / "broken.txt");
  CHECK(skip_kind(read_failure((directory / "broken.txt").string())) == "unreadable");
  std::filesystem::remove_all(directory);
}

TEST_CASE("skipped files are counted by kind, most frequent first, warnings left out") {
  const std::vector<IndexWarning> warnings = {
      {"/a", "cannot read: permission denied", true},
      {"/b", "binary file, not text (NUL byte at offset 0)", true},
      {"/c", "not a regular file (a FIFO)", true},
      {"/d", "binary file, not text (NUL byte at offset 9)", true},
      {"/e", "manifest row skipped: no such file", false},
  };
  const auto counts = count_skip_kinds(warnings);
  REQUIRE(counts.size() == 3);
  CHECK(counts[0] == std::pair<std::string_view, std::size_t>{"binary", 2});
  // Ties in a fixed order: unreadable before not a regular file.
  CHECK(counts[1] == std::pair<std::string_view, std::size_t>{"unreadable", 1});
  CHECK(counts[2] == std::pair<std::string_view, std::size_t>{"not a regular file", 1});
  CHECK(skip_summary(warnings) == "4 files skipped: 2 binary, 1 unreadable, 1 not a regular file");
}

TEST_CASE("the summary says file for one, and nothing when nothing was skipped") {
  CHECK(skip_summary({{"/a", "no article text", true}}) == "1 file skipped: 1 no text");
  CHECK(skip_summary({{"/a", "manifest row skipped: bad date", false}}).empty());
  CHECK(skip_summary({}).empty());
}
