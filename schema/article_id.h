// Stable article ids derived from the file an article was read from.
#pragma once

#include <string>
#include <string_view>

namespace pressclip::schema {

/// The absolute, lexically normal form of `path` with symbolic links resolved as far as
/// the path exists, so that "corpus/a.txt", "./corpus/a.txt" and "/abs/corpus/a.txt" agree.
std::string canonical_path(const std::string& path);

/// The id of the article read from `canonical`: 16 lowercase hex digits of the 64-bit
/// FNV-1a hash of the canonical path. Stable across runs, machines and compilers.
std::string article_id_from_canonical_path(std::string_view canonical);

/// True if `text` has the form of a generated id (16 lowercase hex digits).
bool looks_like_generated_id(std::string_view text);

}  // namespace pressclip::schema
