// A linear pre-scan of an HTML page that bounds the work gumbo would do to parse it: how
// deep its elements nest, how many attributes a tag has, how often formatting is reopened.
#pragma once

#include <cstddef>
#include <string_view>

namespace pressclip::indexer {

/// Elements open at once (gumbo's stack of open elements, html and body included) beyond
/// which a page is refused. gumbo 0.10 walks that stack for most tags, so its time grows with
/// depth times tags: 10,000 nested <div> take 0.7 s, 50,000 take 15 s, 200,000 take 144 s.
/// News pages nest 15-40 deep; at 256 the worst page of 16 MiB parses in 1.4 times the time
/// of a flat page of that size (figures in html_depth_scan.cpp).
inline constexpr std::size_t kMaxHtmlNesting = 256;

/// Attributes one tag may have: gumbo checks each attribute against the tag's earlier ones
/// (32,000 attributes on a tag take 7.6 s). Real tags have fewer than 40.
inline constexpr std::size_t kMaxHtmlAttributes = 128;

/// Formatting elements (<a>, <b>, <font>, <i>, ...) that may be active at once: gumbo compares
/// each new one with those and reopens those closed too early before each text.
inline constexpr std::size_t kMaxHtmlActiveFormatting = 64;

/// Bytes gumbo may allocate in all, for a page of `bytes` bytes, to reopen (clone) formatting
/// elements closed too early: a page that leaves <b><i><u> open before 125,000 paragraphs
/// makes 375,000 clones of 400 bytes each (0.4 s and 190 MB for 1 MB of HTML), while one that
/// forgets a </b> reopens it once per paragraph, a few thousand times.
constexpr std::size_t max_html_copied_bytes(std::size_t bytes) { return (32u << 20) + 4 * bytes; }

/// What the pre-scan found, each an upper bound of what gumbo does with the page (it
/// simulates gumbo's stack of open elements and list of active formatting elements, and
/// errs on the high side where it does not follow gumbo exactly).
struct HtmlParseCost {
  std::size_t depth = 0;         ///< Most elements open at once, html and body included.
  std::size_t attributes = 0;    ///< Most attributes on one tag.
  std::size_t formatting = 0;    ///< Most formatting elements (and markers) active at once.
  std::size_t copied_bytes = 0;  ///< Bytes allocated to clone formatting elements in all.
  /// True if the page holds what the scan cannot follow, which real pages do not: a table
  /// part, <select> or <template> inside SVG or MathML (gumbo may then take it for the HTML
  /// element when it resets its insertion mode), or a MathML <annotation-xml> whose
  /// encoding attribute holds a character reference (whether gumbo reads its content as
  /// HTML then depends on the decoded value).
  bool unsure = false;
};

/// Scans `html` (UTF-8) in one pass, in time linear in its size (times kMaxHtmlNesting at
/// worst), and stops as soon as one of the limits above is passed; the cost then reports the
/// value that passed it. Thread-safe.
HtmlParseCost scan_html_cost(std::string_view html);

/// Throws Error kBadArgument, saying which limit, if scan_html_cost(html) passes one of the
/// limits above ("HTML nested deeper than 256 levels") or is unsure. Thread-safe.
void require_html_within_limits(std::string_view html);

}  // namespace pressclip::indexer
