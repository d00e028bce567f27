// The table of article readers, and the choice of one for a file by its extension and content.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article_file.h"
#include "indexer/article_reader.h"

namespace pressclip::indexer {

/// The reader for the file at `path` ("" for standard input) with bytes `content`: the first
/// reader of the table (HTML, JSON Lines, e-mail message, mbox, then plain text) whose
/// extensions include the path's (in any case) and that recognises the content; plain text
/// if none does. So a .html file that does not start like HTML is read as plain text, a
/// .jsonl file not starting with '{', a .eml file not starting with a header line and a
/// .mbox file not starting with "From " too, and HTML in a .txt file or on standard input
/// stays plain text. Thread-safe.
const ArticleReader& reader_for(std::string_view path, std::string_view content);

/// How large the file at `path` may be: kMaxArticlesFileBytes if its extension is that of a
/// format of several articles, else kMaxArticleBytes. Thread-safe.
std::size_t file_size_limit(std::string_view path);

/// The articles of a file (or of standard input, `path` ""), read by reader_for's reader.
/// Throws Error kBadArgument, with a message saying why, if `content` is larger than
/// kMaxArticleBytes or the reader finds no article in it (see ArticleReader::read).
/// Thread-safe.
FileArticles read_articles(std::string content, const std::string& path);

/// True if `extension` (with its dot, any case: ".HTM") is one that some reader reads.
/// Thread-safe.
bool is_article_extension(std::string_view extension);

}  // namespace pressclip::indexer
