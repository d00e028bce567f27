// End-to-end: an index that is damaged, is no index, may not be written, or fills the disk.
// Every command ends with one line `pressclip: error: ...` saying what is wrong and what to do,
// and exit status 2 (never a crash, never 75 for a lock that waiting would not free); a run
// stopped by a full disk leaves the index as its last commit left it.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"
#include "index_fixtures.h"

using namespace pressclip::test;
namespace fs = std::filesystem;

namespace {

// `pressclip ARGS` as a user who is not root, so that permissions apply (as nobody, through
// setpriv, when the tests run as root).
RunResult run_unprivileged(const std::vector<std::string>& args) {
  if (::geteuid() != 0) return run_pressclip(args);
  std::vector<std::string> full = {"--reuid=65534", "--regid=65534", "--clear-groups",
                                   PRESSCLIP_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  return run_program("setpriv", full);
}

// An index of three generated articles in `directory`/index, built from `directory`/articles.
std::string small_index(const TemporaryDirectory& directory) {
  write_generated_articles(directory.path() / "articles", 3);
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "articles"}).exit_code == 0);
  return db;
}

// Replaces the bytes of `path` with as many of garbage (or none, if `truncate`).
void damage(const fs::path& path, bool truncate) {
  const auto size = truncate ? 0 : fs::file_size(path);
  std::string garbage(size, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>(i * 7919 % 251);
  write_file(path, garbage);
}

// Runs index, search, show and stats on `db` and checks that each fails with one error line
// that contains `expected`.
void check_every_command_fails(const std::string& db, const std::string& articles,
                               const std::string& expected) {
  const std::vector<std::vector<std::string>> commands = {{"index", "--db", db, articles},
                                                          {"search", "--db", db, "dispatch"},
                                                          {"show", "--db", db, "0000000000000000"},
                                                          {"stats", "--db", db}};
  for (const std::vector<std::string>& command : commands) {
    CAPTURE(command[0]);
    const RunResult result = run_pressclip(command);
    check_one_error_line(result);
    CHECK(result.err.find(expected) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("damaged index: every command says it is damaged and how to rebuild it") {
  struct Damage {
    const char* file;
    bool truncate;
  };
  for (const Damage& harm : {Damage{"postlist.glass", false}, Damage{"termlist.glass", true},
                             Damage{"docdata.glass", false}, Damage{"iamglass", false}}) {
    CAPTURE(harm.file);
    CAPTURE(harm.truncate);
    const TemporaryDirectory directory;
    const std::string db = small_index(directory);
    damage(fs::path(db) / harm.file, harm.truncate);
    check_every_command_fails(db, directory / "articles", "the index is damaged (");
    check_every_command_fails(db, directory / "articles",
                              "remove the index directory and index the articles again");
  }
}

TEST_CASE("damaged index: a directory of other files or a file is no index, and stays as it was") {
  const TemporaryDirectory directory;
  write_generated_articles(directory.path() / "articles", 1);
  fs::create_directories(directory.path() / "notes");
  write_file(directory.path() / "notes/todo.txt", "");
  const RunResult index =
      run_pressclip({"index", "--db", directory / "notes", directory / "articles"});
  check_one_error_line(index);
  CHECK(index.err.find("holds other files and no index") != std::string::npos);
  CHECK(fs::directory_iterator(directory.path() / "notes")->path().filename() == "todo.txt");
  const RunResult search = run_pressclip({"search", "--db", directory / "notes", "dispatch"});
  check_one_error_line(search);
  CHECK(search.err.find("no index there") != std::string::npos);

  write_file(directory.path() / "file", "not an index\n");
  const RunResult onto_file =
      run_pressclip({"index", "--db", directory / "file", directory / "articles"});
  check_one_error_line(onto_file);
  CHECK(onto_file.err.find("is a file, not an index directory") != std::string::npos);
  check_one_error_line(run_pressclip({"stats", "--db", directory / "file"}));
}

TEST_CASE("read-only index: searches work, changes fail at once with a clear message") {
  const TemporaryDirectory directory;
  fs::permissions(directory.path(), fs::perms::all);
  const std::string db = small_index(directory);
  for (const fs::directory_entry& entry : fs::directory_iterator(db)) {
    fs::permissions(entry.path(),
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  fs::permissions(db, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  CHECK(run_unprivileged({"search", "--db", db, "dispatch"}).exit_code == 0);
  CHECK(run_unprivileged({"stats", "--db", db}).exit_code == 0);
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"index", "--db", db, directory / "articles"},
        std::vector<std::string>{"rm", "--db", db, "0000000000000000"}}) {
    CAPTURE(command[0]);
    // Not 75 ("being updated by another process"): waiting would never help.
    const RunResult result = run_unprivileged(command);
    check_one_error_line(result);
    CHECK(result.err.find("check that you may write to the index directory") != std::string::npos);
  }
  fs::permissions(db, fs::perms::owner_all);
  CHECK(article_count(db) == 3);
}

TEST_CASE("full disk: a run past a file size limit fails, the index stays at its last commit") {
  const TemporaryDirectory directory;
  const std::string db = small_index(directory);
  write_generated_articles(directory.path() / "more", 400, 2);
  // SIGXFSZ ignored, so that a write past the limit fails with EFBIG, as on a full disk.
  const RunResult full =
      run_program("sh", {"-c", "trap '' XFSZ && ulimit -f 256 && exec \"$0\" \"$@\"",
                         PRESSCLIP_BINARY, "index", "--db", db, directory / "more"});
  check_one_error_line(full);
  CHECK(full.err.find("the disk is full or a file size limit was reached") != std::string::npos);
  CHECK(full.err.find("the index is as its last commit left it") != std::string::npos);
  CHECK(xapian_check(db).exit_code == 0);
  CHECK(article_count(db) == 3);
  CHECK(matching_ids(db, "token2").size() == 1);
  // Without the limit, the same run completes.
  CHECK(run_pressclip({"index", "-q", "--db", db, directory / "more"}).exit_code == 0);
  CHECK(article_count(db) == 403);
}

TEST_CASE("full disk: a run on a full tmpfs fails, the index stays at its last commit") {
  const TemporaryDirectory directory;
  const fs::path mount_point = directory.path() / "small";
  fs::create_directories(mount_point);
  if (::geteuid() != 0 || ::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=512k") != 0) {
    MESSAGE("skipped: cannot mount a tmpfs here (needs root, and mounts allowed)");
    return;
  }
  // Unmounted whatever happens to the checks, before the directory is removed.
  struct Unmount {
    const fs::path& path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{mount_point};
  write_generated_articles(directory.path() / "articles", 3);
  write_generated_articles(directory.path() / "more", 400, 2);
  const std::string db = (mount_point / "index").string();
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "articles"}).exit_code == 0);
  const RunResult full = run_pressclip({"index", "--db", db, directory / "more"});
  check_one_error_line(full);
  CHECK(full.err.find("No space left on device") != std::string::npos);
  CHECK(full.err.find("the index is as its last commit left it") != std::string::npos);
  CHECK(xapian_check(db).exit_code == 0);
  CHECK(article_count(db) == 3);
  CHECK(matching_ids(db, "token1").size() == 1);
}
