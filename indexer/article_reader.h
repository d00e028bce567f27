// The interface of article readers: one per input format, each turning a file's bytes into
// articles (UTF-8 text with the metadata the file itself states).
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pressclip/article.h"

namespace pressclip::indexer {

/// One article as a reader found it in a file, before analysis.
struct RawArticle {
  /// The article text in UTF-8: what is analysed, stored and shown, and what passage byte
  /// offsets index. No byte order mark, no front matter, no markup.
  std::string text;
  /// Metadata stated by the file itself, by field name: "title", "source", "date", "url",
  /// "language", "agency" (several separated by ',' or ';'). Values as written; the metadata
  /// resolver normalises and checks them. Other names are ignored.
  std::map<std::string, std::string> metadata;
  /// Where `metadata` came from: FieldOrigin::kFrontMatter (a YAML block) or
  /// FieldOrigin::kDocument (the format's own markup or headers: HTML meta tags and JSON-LD,
  /// e-mail headers). Both rank above a manifest.
  FieldOrigin metadata_origin = FieldOrigin::kFrontMatter;
  /// The character encoding the file was converted from ("UTF-8", "windows-1252", ...).
  std::string charset = "UTF-8";
};

/// Reads one input format. A reader holds no state: one instance serves every thread.
///
/// A file is given to the first reader (in the order of indexer/article_readers.cpp) that
/// lists its extension AND recognises its content; a file no reader takes is plain text.
/// So a format is never picked by its extension alone, nor by a guess from content alone.
///
/// Thread-safety: every member is const and thread-safe.
class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  /// A short name of the format for messages ("plain text", "HTML").
  virtual std::string_view name() const noexcept = 0;

  /// The file name extensions of this format, lowercase with the dot (".html"). Files with
  /// these names are articles when a directory is walked (pressclip::is_article_file_name).
  virtual std::span<const std::string_view> extensions() const noexcept = 0;

  /// True if `content` (a file's bytes, whole) looks like this format. Cheap: a look at the
  /// first bytes, not a parse.
  virtual bool recognises(std::string_view content) const = 0;

  /// The articles in `content`, the bytes of the file at `path` ("" for standard input), in
  /// file order; never empty. A format of one article per file returns one; a format of
  /// several (JSON Lines, later) returns each. Throws Error kBadArgument, with a message
  /// saying why, if the content holds no article (binary, unknown encoding, broken
  /// metadata block, no text).
  virtual std::vector<RawArticle> read(std::string content, const std::string& path) const = 0;
};

}  // namespace pressclip::indexer
