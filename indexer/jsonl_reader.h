// Reader for JSON Lines files (.jsonl, .ndjson): one article per line, each a JSON object
// with its text and metadata, as news APIs and scrapers export them.
#pragma once

#include <string>
#include <string_view>

#include "indexer/article_reader.h"

namespace pressclip::indexer {

/// JSON Lines (.jsonl, .ndjson) whose first non-blank byte (after a UTF-8 byte order mark)
/// is '{'. Each line is one JSON object, one article; metadata with origin kDocument. Each
/// field is taken from the first of its names that has a usable value (names are
/// case-sensitive; other names are ignored):
///
/// - text: "text", "body", "content": a string (required);
/// - id: "id": a string, or an integer;
/// - title: "title", "headline";
/// - source: "source", "publisher", "site_name": a string, or an object with a string "name"
///   (schema.org's publisher, a news API's source);
/// - date: "date", "published", "published_at", "datePublished";
/// - url: "url", "link";
/// - language: "language", "lang";
/// - agency: "agency", "agencies": a string (names separated by ',' or ';'), or an array of
///   strings.
///
/// Metadata values are strings unless said otherwise, kept as written (the metadata
/// resolver normalises them); a value of another type, or blank, counts as absent.
///
/// Each article's record is its id (a non-empty string, or an integer as decimal text), else
/// "line-N" (N the 1-based line number, blank lines counted); its location "line N"; its
/// `id` the stated id. Blank lines are ignored, "\r\n" line ends allowed. A line that is not
/// valid UTF-8, not valid JSON (or holds a number too large for a double), not an object,
/// has no text or a text that is not a string, is blank or holds a NUL character, or
/// repeats an earlier line's record key is skipped ("line N: why") and the other lines are
/// read. Lines have no length limit.
///
/// Thread-safety: thread-safe (no state).
class JsonLinesReader final : public ArticleReader {
 public:
  std::string_view name() const noexcept override { return "JSON Lines"; }
  std::span<const std::string_view> extensions() const noexcept override;
  bool holds_several_articles() const noexcept override { return true; }
  bool recognises(std::string_view content) const override;
  /// The articles of every readable line, in file order; the others in `skipped`. A UTF-8
  /// byte order mark at the start is dropped. Throws Error kBadArgument only if the content
  /// is binary: a NUL byte before the first newline.
  FileArticles read(std::string content, const std::string& path) const override;
};

}  // namespace pressclip::indexer
