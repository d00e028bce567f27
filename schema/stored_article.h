// The article record kept in each Xapian document's data, and its (de)serialisation.
#pragma once

#include <string>

#include "pressclip/article.h"

namespace pressclip::schema {

/// Serialises `record` as the document data: a one-line JSON header (version, id, path,
/// metadata with provenance, passages), a newline, then the text as it is; see
/// docs/index-format.md.
std::string encode_article(const ArticleRecord& record);

/// Reads a record written by encode_article. Throws Error kIndexCorrupt if `data` is not
/// one.
ArticleRecord decode_article(const std::string& data);

}  // namespace pressclip::schema
