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
  /// In a file of several articles (JSON Lines, mbox): the article's key, unique within the
  /// file and stable when other records are added or removed: its own id (`id`) when it has
  /// one, else its position ("line-7", "message-3"). "" in a file of one article.
  std::string record;
  /// Where the article starts, for messages ("line 7", "message 3"); "" in a file of one.
  std::string location;
  /// The id the article states for itself (a JSON Lines "id", an e-mail's Message-ID
  /// without its angle brackets), used as the article id when it is a valid one; else "".
  std::string id;
};

/// What a reader found in a file: its articles, and the records it had to skip.
struct FileArticles {
  /// The articles, in file order.
  std::vector<RawArticle> articles;
  /// One line per record skipped, saying where and why ("line 7: not valid JSON (...)"):
  /// reported as warnings naming the file, while the other records are indexed.
  std::vector<std::string> skipped;
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

  /// True for a format of several articles per file (JSON Lines, mbox): its files may hold
  /// up to kMaxArticlesFileBytes (indexer/article_file.h), each article kMaxArticleBytes.
  virtual bool holds_several_articles() const noexcept { return false; }

  /// True if `content` (a file's bytes, whole) looks like this format. Cheap: a look at the
  /// first bytes, not a parse.
  virtual bool recognises(std::string_view content) const = 0;

  /// The articles in `content`, the bytes of the file at `path` ("" for standard input). A
  /// format of one article per file returns one article (record ""), or throws Error
  /// kBadArgument saying why the content holds none (binary, unknown encoding, broken
  /// metadata block, no text). A format of several (JSON Lines, mbox) returns each article
  /// with its record key, and each broken record in `skipped`; it throws only if the file
  /// as a whole cannot be read (binary, unknown encoding), and returns no articles for a
  /// file that has none.
  virtual FileArticles read(std::string content, const std::string& path) const = 0;
};

}  // namespace pressclip::indexer
