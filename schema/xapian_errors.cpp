// Maps the exceptions of the libraries pressclip uses onto its own error kinds.
#include "schema/xapian_errors.h"

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>

#include "pressclip/error.h"

namespace pressclip::schema {
namespace {

// What to do about an index that is damaged or is not one: `index --rebuild` cannot help,
// since it opens the index first.
constexpr std::string_view kRebuildAdvice =
    "; remove the index directory and index the articles again (pressclip index --db DIR "
    "PATH...)";

// What to do once a write failed for want of space: a batch is committed whole or not at
// all, so the index is as the last commit left it.
constexpr std::string_view kFullAdvice =
    "; the disk is full or a file size limit was reached: the index is as its last commit "
    "left it; make room and run the command again";

// Xapian's message, with the system's reason when it gave one ("Error writing block 3
// (No space left on device)").
std::string message_of(const Xapian::Error& error) {
  const char* reason = error.get_error_string();
  if (reason == nullptr || *reason == '\0') return error.get_msg();
  return error.get_msg() + " (" + reason + ")";
}

bool is_out_of_space(int error_number) {
  return error_number == ENOSPC || error_number == EFBIG || error_number == EDQUOT;
}

bool is_out_of_space(const Xapian::Error& error) {
  const char* reason = error.get_error_string();
  if (reason == nullptr) return false;
  for (const int error_number : {ENOSPC, EFBIG, EDQUOT}) {
    if (std::string_view(reason) == std::strerror(error_number)) return true;
  }
  return false;
}

// Xapian reports a table file shorter than its revision says as a plain DatabaseError.
bool is_damage(const Xapian::DatabaseError& error) {
  return error.get_msg().starts_with("EOF reading block");
}

}  // namespace

void rethrow_as_error(std::string_view context) {
  const std::string prefix = std::string(context) + ": ";
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const Xapian::DatabaseLockError& error) {
    // Xapian says "already locked" when another writer holds the lock; any other lock
    // failure (a lock file this user may not open, a file system without locks) would
    // never go away by waiting.
    if (error.get_msg().ends_with("already locked")) {
      throw Error(ErrorKind::kIndexLocked,
                  prefix + "another process is writing to this index; wait for it to finish");
    }
    throw Error(ErrorKind::kIo, prefix + "cannot lock the index for writing (" + message_of(error) +
                                    "); check that you may write to the index directory and "
                                    "its files");
  } catch (const Xapian::DatabaseNotFoundError& error) {
    // An empty directory, one of other files, or one this user may not read.
    throw Error(ErrorKind::kIndexMissing, prefix + "no index there (" + message_of(error) +
                                              "); check --db, and that you may read the "
                                              "directory");
  } catch (const Xapian::DatabaseVersionError& error) {
    throw Error(ErrorKind::kIndexVersion, prefix + error.get_msg());
  } catch (const Xapian::DatabaseCorruptError& error) {
    throw Error(ErrorKind::kIndexCorrupt, prefix + "the index is damaged (" + message_of(error) +
                                              ")" + std::string(kRebuildAdvice));
  } catch (const Xapian::DatabaseOpeningError& error) {
    // "Couldn't detect type of database": no index there, or one that cannot be read.
    throw Error(ErrorKind::kIndexCorrupt, prefix + "not an index, or one that cannot be read (" +
                                              message_of(error) +
                                              "); check --db and the directory's permissions, or" +
                                              std::string(kRebuildAdvice.substr(1)));
  } catch (const Xapian::QueryParserError& error) {
    throw Error(ErrorKind::kBadQuery, prefix + error.get_msg());
  } catch (const Xapian::DatabaseError& error) {
    if (is_damage(error)) {
      throw Error(ErrorKind::kIndexCorrupt, prefix + "the index is damaged (" + message_of(error) +
                                                ")" + std::string(kRebuildAdvice));
    }
    throw Error(ErrorKind::kIo, prefix + message_of(error) +
                                    (is_out_of_space(error) ? std::string(kFullAdvice) : ""));
  } catch (const Xapian::NetworkError& error) {
    throw Error(ErrorKind::kShardUnavailable,
                prefix + "a remote shard stopped answering (" + message_of(error) + ")");
  } catch (const Xapian::Error& error) {
    throw Error(ErrorKind::kInternal, prefix + error.get_type() + ": " + message_of(error));
  } catch (const std::bad_alloc&) {
    throw Error(ErrorKind::kInternal, prefix + "out of memory");
  } catch (const std::filesystem::filesystem_error& error) {
    const std::string path = error.path1().empty() ? "" : " " + error.path1().string();
    throw Error(ErrorKind::kIo,
                prefix + "cannot access" + path + " (" + error.code().message() + ")" +
                    (is_out_of_space(error.code().value()) ? std::string(kFullAdvice) : ""));
  } catch (const std::exception& error) {
    throw Error(ErrorKind::kInternal, prefix + error.what());
  } catch (...) {
    throw Error(ErrorKind::kInternal, prefix + "unknown failure");
  }
}

}  // namespace pressclip::schema
