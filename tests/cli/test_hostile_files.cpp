// End-to-end: hostile files in an indexed tree (binary, undecodable, empty, 50 MB, FIFOs,
// devices, unreadable, broken links, link loops, 1,000 directories deep, paths past PATH_MAX).
// One bad file never stops a run: each is skipped with a warning naming it, the report counts
// them by kind, and the exit status is 1 ("completed with skips"), apart from 0 and 2.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"
#include "index_fixtures.h"

using namespace pressclip::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kGood = "Floods hit the northern province. Dozens of villages were evacuated.\n";

void put(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  write_file(path, bytes);
}

// `pressclip ARGS` as a user who is not root, so that permissions apply: as nobody through
// setpriv when the tests run as root (every file the run needs must then be open to all).
RunResult run_unprivileged(const std::vector<std::string>& args) {
  if (::geteuid() != 0) return run_pressclip(args);
  std::vector<std::string> full = {"--reuid=65534", "--regid=65534", "--clear-groups",
                                   PRESSCLIP_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  return run_program("setpriv", full);
}

// Writes `text` to `base`/NAME/NAME/.../`file`, `depth` directories NAME deep, and returns
// its path. Each directory is made relative to the last (mkdirat), so the path may be
// longer than PATH_MAX, which no call taking a whole path accepts.
std::string write_nested(const fs::path& base, const std::string& name, int depth,
                         const std::string& file, const std::string& text) {
  fs::create_directories(base);
  std::string path = base.string();
  int fd = ::open(base.c_str(), O_RDONLY | O_DIRECTORY);
  for (int level = 0; level < depth && fd >= 0; ++level) {
    ::mkdirat(fd, name.c_str(), 0755);
    const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    fd = next;
    path += "/" + name;
  }
  REQUIRE(fd >= 0);
  const int out = ::openat(fd, file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::close(fd);
  REQUIRE(out >= 0);
  const bool written = ::write(out, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(out);
  REQUIRE(written);
  return path + "/" + file;
}

// The warning lines of `result` that name `path`.
int warnings_naming(const RunResult& result, const std::string& path) {
  int count = 0;
  for (const std::string& line : result.err_lines()) {
    if (line.starts_with("pressclip: warning: " + path + ": ")) ++count;
  }
  return count;
}

// The warning line about `path`, or "".
std::string warning_about(const RunResult& result, const std::string& path) {
  for (const std::string& line : result.err_lines()) {
    if (line.starts_with("pressclip: warning: " + path + ": ")) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("hostile files: each bad file of a tree is skipped with a warning, the rest indexed") {
  const TemporaryDirectory directory;
  fs::permissions(directory.path(), fs::perms::all);  // For an unprivileged run.
  const fs::path tree = directory.path() / "tree";
  put(tree / "good.txt", kGood);
  put(tree / "latin1.txt", "Caf\xe9 au lait in Niamey. The market was busy.\n");  // Not UTF-8.
  put(tree / "binary.txt", std::string("\xff\xd8\xff\xe0\0\x10JFIF\0", 10));
  put(tree / "undecodable.txt", "\x8f\x9a\xfe\xc1\x81\x9d\x8e\xf0\x90\xfa\x85\x92\xdb\x9f\n");
  put(tree / "empty.txt", "");
  put(tree / "unreadable.txt", "Secret text. It says things.\n");
  fs::permissions(tree / "unreadable.txt", fs::perms::none);
  REQUIRE(::mkfifo((tree / "pipe.txt").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((tree / "pipe").c_str(), 0644) == 0);  // Not an article's name: ignored.
  fs::create_symlink("nowhere.txt", tree / "broken.txt");
  fs::create_symlink("loop.txt", tree / "loop.txt");
  fs::create_directory_symlink("..", tree / "up");  // A directory loop, never followed.
  put(tree / "huge.txt", "");
  fs::resize_file(tree / "huge.txt", 50u << 20);  // Sparse: 50 MB, none of it written.
  const std::string db = directory / "index";

  const RunResult run = run_unprivileged({"index", "--db", db, tree.string()});
  INFO("stdout: " << run.out);
  INFO("stderr: " << run.err);
  CHECK_FALSE(run.signaled);
  CHECK(run.exit_code == 1);
  struct Expected {
    const char* name;
    const char* reason;  // The start of the reason.
  };
  for (const Expected& expected : {
           Expected{"binary.txt", "binary file, not text (NUL byte at offset 4)"},
           Expected{"undecodable.txt", "cannot tell the character encoding"},
           Expected{"empty.txt", "no article text"},
           Expected{"unreadable.txt", "cannot read: permission denied"},
           Expected{"pipe.txt", "not a regular file (a FIFO)"},
           Expected{"broken.txt", "cannot read"},
           Expected{"loop.txt", "cannot read"},
           Expected{"huge.txt", "file of 50 MiB is larger than an article can be"},
       }) {
    CAPTURE(expected.name);
    const std::string path = (tree / expected.name).string();
    CHECK(warnings_naming(run, path) == 1);
    CHECK(warning_about(run, path).starts_with("pressclip: warning: " + path + ": " +
                                               expected.reason));
    CHECK(warning_about(run, path).ends_with(" (skipped)"));
  }
  CHECK(run.err_lines().size() == 8);
  const std::vector<std::string> report = run.out_lines();
  REQUIRE(report.size() == 2);
  CHECK(report[0].starts_with("2 added, 0 updated, 0 moved, 0 removed, 0 unchanged, 8 skipped ("));
  CHECK(report[1] ==
        "8 files skipped: 3 unreadable, 1 binary, 1 not a regular file, 1 too large, 1 unknown "
        "encoding, 1 no text");
  CHECK(matching_ids(db, "floods").size() == 1);
  CHECK(matching_ids(db, "niamey").size() == 1);
  CHECK(article_count(db) == 2);

  // The JSON report counts them by kind too; a run that skips files again exits 1 again.
  const RunResult again = run_unprivileged({"index", "--db", db, "--json", tree.string()});
  CHECK(again.exit_code == 1);
  const json summary = parse_json_lines(again.out).at(0);
  CHECK(summary["skipped"] == 8);
  CHECK(summary["unchanged"] == 2);
  CHECK(summary["skipped_by_kind"] == json{{"unreadable", 3},
                                           {"binary", 1},
                                           {"not a regular file", 1},
                                           {"too large", 1},
                                           {"unknown encoding", 1},
                                           {"no text", 1}});
  fs::permissions(tree / "unreadable.txt", fs::perms::owner_all);
}

TEST_CASE("hostile files: a directory that cannot be listed is a warning, its articles kept") {
  const TemporaryDirectory directory;
  fs::permissions(directory.path(), fs::perms::all);  // For an unprivileged run.
  const fs::path tree = directory.path() / "tree";
  put(tree / "open/good.txt", kGood);
  put(tree / "closed/kept.txt", "A volcano erupted in Iceland overnight. Lava reached the road.\n");
  const std::string db = directory / "index";
  REQUIRE(run_unprivileged({"index", "-q", "--db", db, tree.string()}).exit_code == 0);
  fs::permissions(tree / "closed", fs::perms::none);
  const RunResult run = run_unprivileged({"index", "--db", db, "--json", tree.string()});
  fs::permissions(tree / "closed", fs::perms::owner_all);
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(warning_about(run, (tree / "closed").string()) ==
        "pressclip: warning: " + (tree / "closed").string() +
            ": cannot list the directory (permission denied); its files are skipped (skipped)");
  // Its files were not found, but they are not gone: their articles stay.
  CHECK(parse_json_lines(run.out).at(0)["removed"] == 0);
  CHECK(matching_ids(db, "volcano").size() == 1);
}

TEST_CASE("hostile files: exit 0 when every file is indexed, 1 with skips, 2 on an error") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory.path() / "tree/good.txt", kGood);
  CHECK(run_pressclip({"index", "-q", "--db", db, directory / "tree"}).exit_code == 0);
  put(directory.path() / "tree/empty.txt", "");
  const RunResult skipped = run_pressclip({"index", "-q", "--db", db, directory / "tree"});
  CHECK(skipped.exit_code == 1);
  CHECK(skipped.out.empty());  // -q: no report, but the warning still.
  CHECK(warnings_naming(skipped, directory / "tree/empty.txt") == 1);
  fs::remove(directory.path() / "tree/empty.txt");
  CHECK(run_pressclip({"index", "-q", "--db", db, directory / "tree"}).exit_code == 0);
  check_one_error_line(run_pressclip({"index", "--db", db, directory / "missing"}));
}

TEST_CASE("hostile files: a FIFO or a device named on the command line is skipped at once") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  REQUIRE(::mkfifo((directory.path() / "pipe.txt").c_str(), 0600) == 0);
  RunOptions options;
  options.timeout_seconds = 20;  // A run that opened the FIFO would wait for a writer forever.
  const RunResult run =
      run_pressclip({"index", "--db", db, directory / "pipe.txt", "/dev/zero"}, options);
  CHECK_FALSE(run.timed_out);
  CHECK(run.exit_code == 1);
  CHECK(warning_about(run, directory / "pipe.txt") ==
        "pressclip: warning: " + directory / "pipe.txt" +
            ": not a regular file (a FIFO) (skipped)");
  CHECK(warning_about(run, "/dev/zero") ==
        "pressclip: warning: /dev/zero: not a regular file (a character device) (skipped)");
  // `add` refuses one before it opens the index.
  const RunResult add = run_pressclip({"add", "--db", db, directory / "pipe.txt"}, options);
  check_one_error_line(add);
  CHECK(add.err.find("is not a regular file") != std::string::npos);
}

TEST_CASE("hostile files: 1,000 nested directories are walked with few files open") {
  const TemporaryDirectory directory;
  const std::string deep = write_nested(directory.path() / "tree", "d", 1000, "deep.txt", kGood);
  const std::string db = directory / "index";
  // Under a limit of 256 open files: a walk holding one per level would fail.
  const RunResult run =
      run_program("sh", {"-c", "ulimit -n 256 && exec \"$0\" \"$@\"", PRESSCLIP_BINARY, "index",
                         "-q", "--db", db, directory / "tree"});
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(shown_id(db, deep) == matching_ids(db, "floods").at(0));
}

TEST_CASE("hostile files: files past PATH_MAX are skipped with a warning naming each") {
  const TemporaryDirectory directory;
  const fs::path tree = directory.path() / "tree";
  put(tree / "short.txt", kGood);
  const std::string long_path = write_nested(tree, std::string(200, 'x'), 25, "long.txt", kGood);
  REQUIRE(long_path.size() > PATH_MAX);
  const std::string db = directory / "index";
  const RunResult run = run_pressclip({"index", "--db", db, tree.string()});
  INFO("stderr: " << run.err.substr(0, 500));
  CHECK(run.exit_code == 1);
  REQUIRE(run.err_lines().size() == 1);
  CHECK(warning_about(run, long_path)
            .starts_with("pressclip: warning: " + long_path + ": cannot read"));
  CHECK(article_count(db) == 1);
  // std::filesystem cannot remove what it cannot name; rm can.
  CHECK(run_program("rm", {"-rf", tree.string()}).exit_code == 0);
}

TEST_CASE("hostile files: an article at a path of 300 bytes is indexed, searched and shown") {
  const TemporaryDirectory directory;
  const fs::path path = directory.path() / std::string(120, 'a') / std::string(120, 'b') /
                        (std::string(60, 'c') + ".txt");
  REQUIRE(path.string().size() > 300);
  put(path, kGood);
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory.path().string()}).exit_code == 0);
  const RunResult search = run_pressclip({"search", "--db", db, "--json", "floods"});
  CHECK(search.exit_code == 0);
  const std::vector<json> hits = parse_json_lines(search.out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["article"]["path"] == path.string());
  CHECK(shown_id(db, path.string()) == hits[0]["article"]["id"]);
}
