// Translation of Xapian, ICU-side and standard exceptions into pressclip::Error.
#pragma once

#include <string_view>

namespace pressclip::schema {

/// Call only inside a catch block: rethrows the exception being handled as a
/// pressclip::Error whose message starts with `context` ("cannot open index '...'").
/// A pressclip::Error is rethrown unchanged. The kinds, and what the message adds:
/// - kIndexLocked: another writer holds the lock (Xapian's "already locked" only);
/// - kIndexCorrupt: a damaged index (Xapian's DatabaseCorruptError, a table shorter than its
///   revision says) or a directory that is no index; the message says to remove the index
///   directory and index the articles again, since `index --rebuild` must open it first;
/// - kIo: any other failure of the index or the file system, with the system's reason; a
///   write that failed for want of space (ENOSPC, EFBIG, EDQUOT) says that the index is as
///   its last commit left it;
/// - kIndexMissing, kIndexVersion, kBadQuery, kInternal as their names say.
[[noreturn]] void rethrow_as_error(std::string_view context);

}  // namespace pressclip::schema
