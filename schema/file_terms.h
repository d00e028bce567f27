// The boolean terms that find an article by its id, its file, or its record in a file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pressclip::schema {

/// Xapian refuses terms longer than this many bytes.
inline constexpr std::size_t kMaxXapianTermBytes = 245;

/// The term of the article with id `id` (field kId's prefix + id; ids are at most
/// kMaxArticleIdBytes, so it always fits).
std::string id_term(std::string_view id);

/// The term every article read from the file at canonical `path` carries (field kPath's
/// prefix + path). A path too long for a term (a deep archive easily passes 245 bytes) is
/// replaced by '#' and 32 hex digits of its 128-bit XXH3 hash: no canonical path starts with
/// '#', and the full path stays in the article's data and file state.
std::string path_term(std::string_view path);

/// The term of the article read from record `record` of the file at `path` (a file of
/// several articles: JSON Lines, mbox): the path, a NUL byte (never in a path) and the
/// record key, hashed as path_term does when too long. Such an article carries its
/// path_term too, so that the whole file can be found and forgotten at once.
std::string record_term(std::string_view path, std::string_view record);

/// How a record of a file is written for people and accepted by `show` and `rm`:
/// "PATH#RECORD" ("PATH" alone for a whole-file article).
std::string file_locator(std::string_view path, std::string_view record);

}  // namespace pressclip::schema
