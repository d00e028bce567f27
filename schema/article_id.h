// Stable article ids derived from the file an article was read from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pressclip::schema {

/// The absolute, lexically normal form of `path` with symbolic links resolved as far as
/// the path exists, so that "corpus/a.txt", "./corpus/a.txt" and "/abs/corpus/a.txt" agree.
std::string canonical_path(const std::string& path);

/// The id of the article read from `canonical`: 16 lowercase hex digits of the 64-bit
/// FNV-1a hash of the canonical path. Stable across runs, machines and compilers.
std::string article_id_from_canonical_path(std::string_view canonical);

/// The longest article id, in bytes.
inline constexpr std::size_t kMaxArticleIdBytes = 128;

/// What an article id may be, for messages.
inline constexpr std::string_view kArticleIdRule =
    "1-128 printable ASCII characters other than space, '\"', '(', ')' and '\\'";

/// True if `id` may be an article id (kArticleIdRule): given by a program, stated in a JSON
/// Lines record or an e-mail's Message-ID. Such ids can be typed in an `id:` filter.
bool is_valid_article_id(std::string_view id);

/// True if `text` has the form of a generated id (16 lowercase hex digits).
bool looks_like_generated_id(std::string_view text);

}  // namespace pressclip::schema
