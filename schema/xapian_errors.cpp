// Maps the exceptions of the libraries pressclip uses onto its own error kinds.
#include "schema/xapian_errors.h"

#include <xapian.h>

#include <new>
#include <string>

#include "pressclip/error.h"

namespace pressclip::schema {

void rethrow_as_error(std::string_view context) {
  const std::string prefix = std::string(context) + ": ";
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::kIndexLocked,
                prefix + "another process is writing to this index; wait for it to finish");
  } catch (const Xapian::DatabaseNotFoundError& error) {
    throw Error(ErrorKind::kIndexMissing, prefix + error.get_msg());
  } catch (const Xapian::DatabaseVersionError& error) {
    throw Error(ErrorKind::kIndexVersion, prefix + error.get_msg());
  } catch (const Xapian::DatabaseCorruptError& error) {
    throw Error(ErrorKind::kIndexCorrupt,
                prefix + "the index is damaged (" + error.get_msg() + "); rebuild it");
  } catch (const Xapian::QueryParserError& error) {
    throw Error(ErrorKind::kBadQuery, prefix + error.get_msg());
  } catch (const Xapian::DatabaseError& error) {
    throw Error(ErrorKind::kIo, prefix + error.get_msg());
  } catch (const Xapian::Error& error) {
    throw Error(ErrorKind::kInternal, prefix + error.get_type() + ": " + error.get_msg());
  } catch (const std::bad_alloc&) {
    throw Error(ErrorKind::kInternal, prefix + "out of memory");
  } catch (const std::exception& error) {
    throw Error(ErrorKind::kInternal, prefix + error.what());
  } catch (...) {
    throw Error(ErrorKind::kInternal, prefix + "unknown failure");
  }
}

}  // namespace pressclip::schema
