// Unit tests of the mapping of Xapian and file system exceptions onto pressclip's errors:
// kinds, and messages that say what to do (wait, rebuild, make room, check permissions).
#include "schema/xapian_errors.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>

#include "pressclip/error.h"

using pressclip::Error;
using pressclip::ErrorKind;

namespace {

// The Error that rethrow_as_error("cannot open index 'db'") makes of `exception`.
template <typename Exception>
Error mapped(const Exception& exception) {
  try {
    try {
      throw exception;
    } catch (...) {
      pressclip::schema::rethrow_as_error("cannot open index 'db'");
    }
  } catch (const Error& error) {
    return error;
  }
  FAIL("nothing was thrown");
  return Error(ErrorKind::kInternal, "");
}

bool contains(const Error& error, const std::string& text) {
  return std::string(error.what()).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("only a lock held by another writer is kIndexLocked, worth waiting for") {
  const Error held =
      mapped(Xapian::DatabaseLockError("Unable to get write lock on db: already locked"));
  CHECK(held.kind() == ErrorKind::kIndexLocked);
  // A lock file this user may not open would never come free by waiting.
  const Error refused = mapped(Xapian::DatabaseLockError(
      "Unable to get write lock on db: Couldn't open lockfile: Permission denied"));
  CHECK(refused.kind() == ErrorKind::kIo);
  CHECK(contains(refused, "Permission denied"));
  CHECK(contains(refused, "check that you may write to the index directory"));
}

TEST_CASE("a damaged index says how to rebuild it") {
  for (const Error& error : {mapped(Xapian::DatabaseCorruptError("dir_end invalid in block 2")),
                             mapped(Xapian::DatabaseError("EOF reading block 2")),
                             mapped(Xapian::DatabaseOpeningError("db:1: Bad line"))}) {
    CAPTURE(error.what());
    CHECK(error.kind() == ErrorKind::kIndexCorrupt);
    CHECK(std::string(error.what()).starts_with("cannot open index 'db': "));
    CHECK(contains(error, "remove the index directory and index the articles again"));
  }
}

TEST_CASE("a directory that holds no index says so, and what to check") {
  const Error error = mapped(Xapian::DatabaseNotFoundError("Couldn't detect type of database"));
  CHECK(error.kind() == ErrorKind::kIndexMissing);
  CHECK(contains(error, "no index there (Couldn't detect type of database)"));
  CHECK(contains(error, "check --db"));
}

TEST_CASE("a write that failed for want of space says the index is at its last commit") {
  for (const int error_number : {ENOSPC, EFBIG, EDQUOT}) {
    CAPTURE(error_number);
    const Error error = mapped(Xapian::DatabaseError("Error writing block 25", error_number));
    CHECK(error.kind() == ErrorKind::kIo);
    CHECK(contains(error, "Error writing block 25 ("));
    CHECK(contains(error, "the index is as its last commit left it"));
  }
  const Error other = mapped(Xapian::DatabaseError("Error writing block 25", EIO));
  CHECK(other.kind() == ErrorKind::kIo);
  CHECK_FALSE(contains(other, "last commit"));
}

TEST_CASE("file system errors are I/O errors naming the path, not unexpected failures") {
  const Error error = mapped(std::filesystem::filesystem_error(
      "status", "/data/index/iamglass", std::make_error_code(std::errc::permission_denied)));
  CHECK(error.kind() == ErrorKind::kIo);
  CHECK(contains(error, "cannot access /data/index/iamglass ("));
  const Error full = mapped(std::filesystem::filesystem_error(
      "copy", "/data/x", std::make_error_code(std::errc::no_space_on_device)));
  CHECK(contains(full, "the index is as its last commit left it"));
}
