// The article text of a parsed HTML page: which element holds the article, and its text with
// page furniture left out and block elements as paragraph breaks. Used by the HTML reader.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace pressclip::indexer {

/// Elements nested deeper than this below the root are ignored (a guard against pages built
/// to exhaust the stack; real pages nest a few dozen deep).
inline constexpr int kMaxHtmlDepth = 1000;

/// The value of attribute `name` of element `node`, "" if it has none or is not an element.
std::string_view html_attribute(const GumboNode& node, const char* name);

/// True if element `node` is never article text: a tag such as script, style, nav, header,
/// footer, aside or form; a hidden element (`hidden`, `aria-hidden="true"`); a navigation,
/// banner, footer, search or dialog role; or, unless it is html, body, article or main, an
/// id or class naming a cookie or consent banner, newsletter box, share buttons, related
/// links, ads, comments or breadcrumbs (word by word: "cookie-banner", "shareTools").
/// `by_class` false skips the id and class test.
bool is_html_furniture(const GumboNode& node, bool by_class = true);

/// The article text of the page whose document node is `document`: the text of the
/// `<article>` element with the most text, else of the first `<main>` (or role="main"),
/// else of the element whose child paragraphs hold the most text, else of `<body>`.
/// Furniture (is_html_furniture) is left out; if that leaves nothing, the test by id and
/// class is dropped. Runs of white space become one space; block elements start and end
/// paragraphs (separated by a blank line) and `<br>` a line; `<pre>` keeps its lines. The
/// result ends with a newline, or is "" if the page has no text.
std::string html_article_text(const GumboNode& document);

}  // namespace pressclip::indexer
