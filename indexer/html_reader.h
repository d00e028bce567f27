// Reader for saved web pages (HTML): metadata from meta tags and JSON-LD, the article body
// without navigation and other page furniture, parsed with gumbo.
#pragma once

#include <string>
#include <string_view>

#include "indexer/article_reader.h"

namespace pressclip::indexer {

/// HTML (.html, .htm) whose first non-blank bytes are a tag ("<!DOCTYPE", "<html", "<!--",
/// "<?xml", ...). One article per page; metadata with origin kDocument:
///
/// - title: `<meta property="og:title">`, else `<title>` (less a " | Site" suffix naming
///   og:site_name);
/// - source: `og:site_name`; url: `og:url`, else `<link rel="canonical">`;
/// - date: the first readable of `article:published_time`, JSON-LD `datePublished`, and
///   `<time datetime>` (one marked `pubdate` or `itemprop="datePublished"` first);
/// - language: `<html lang>`.
///
/// The text is that of the `<article>` with the most text, else `<main>`, else the element
/// with the most paragraph text, else `<body>`; without head, scripts, styles, forms, nav,
/// header, footer, aside, hidden elements, and elements whose id or class names a cookie or
/// consent banner, a newsletter box, share buttons, related links, ads or comments. Block
/// elements end paragraphs (a blank line), `<br>` ends a line, so sentences do not run
/// together. The charset a `<meta>` declares wins over detection (decode_to_utf8).
///
/// Pages that would make gumbo's time or memory grow faster than their size are refused
/// before parsing (require_html_within_limits): elements nested deeper than
/// kMaxHtmlNesting, a tag with more than kMaxHtmlAttributes attributes, formatting elements
/// left open in numbers (html_depth_scan.h). Any page up to kMaxArticleBytes then parses in
/// time linear in its size.
///
/// Thread-safety: thread-safe (no state).
class HtmlReader final : public ArticleReader {
 public:
  std::string_view name() const noexcept override { return "HTML"; }
  std::span<const std::string_view> extensions() const noexcept override;
  bool recognises(std::string_view content) const override;
  /// One article. Throws Error kBadArgument if the content is binary, its encoding cannot be
  /// told, the page passes one of the limits above ("HTML nested deeper than 256 levels"),
  /// or it has no text.
  FileArticles read(std::string content, const std::string& path) const override;
};

/// Bytes of a page searched for a charset declaration. (The HTML standard puts it in the
/// first 1024; pages with long heads put it later.)
inline constexpr std::size_t kHtmlCharsetScanBytes = 4096;

/// The charset a `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">` declares within the first kHtmlCharsetScanBytes of
/// `content` (raw bytes, before decoding), lowercased; "" if none. Thread-safe.
std::string declared_html_charset(std::string_view content);

}  // namespace pressclip::indexer
