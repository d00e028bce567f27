// The HTML pre-scan: a tokenizer that follows gumbo's (tags, attributes, comments, raw text,
// script data) and feeds the tags to HtmlStackModel.
//
// What gumbo 0.10.1 costs, measured on one core of the build machine (parse only, errors not
// recorded; "flat" is the time of a page of <p></p> of the same size):
//
//   shape                                    size      gumbo     with these limits
//   200,000 nested <div>                     1.1 MB    144 s     refused (depth)
//   10,000 / 50,000 nested <div>             0.1/0.5   0.7/15 s  refused (depth)
//   2,000 nested <div>                       22 KB     0.03 s    refused (depth)
//   <p></p> repeated (flat)                  16 MiB    3.7 s     3.7 s
//   256 nested <div>, then <p></p>           16 MiB    4.4 s     parsed (the worst depth)
//   1,000 nested <div>, then <p></p>         16 MiB    9.0 s     refused (depth)
//   32,000 open <b>, <li>, <b><div>, <font>  0.1-0.4   0.8-16 s  refused (depth)
//   32,000 attributes on one tag             0.3 MB    7.6 s     refused (attributes)
//   128 attributes per tag                   16 MiB    ...       parsed (the worst)
//   <b id=N> x 100 left open, <p>x</p> ...   1 MB      17.8 s    refused (formatting)
//   <b><i><u> left open, <p>x</p> ...        1 MB      0.4 s     refused (copies)
//   unclosed <p>, <table><tr><td> nesting,   16 MiB    < 4 s     parsed (linear)
//   misnested <b><i></b></i>, comments,
//   entities, <select><option>...
#include "indexer/html_depth_scan.h"

#include <string>

#include "indexer/html_depth_tree.h"
#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// White space as gumbo's tokenizer sees it (it reads "\r" as "\n").
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// What ends a tag name in an end tag inside raw text.
bool ends_name(char c) { return is_space(c) || c == '/' || c == '>'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

class PageScanner {
 public:
  explicit PageScanner(std::string_view html) : html_(html), size_(html.size()) {}

  HtmlParseCost run() {
    std::size_t at = 0;
    while (at < size_ && !over_limits()) {
      const std::size_t open = html_.find('<', at);
      if (open == kNone) {
        text(at, size_);
        break;
      }
      text(at, open);
      at = open;
      const char next = at + 1 < size_ ? html_[at + 1] : '\0';
      if (is_ascii_alpha(next)) {
        at = start_tag(at);
      } else if (next == '/') {
        at = end_tag(at);
      } else if (next == '!') {
        at = markup_declaration(at);
      } else if (next == '?') {
        at = to_greater_than(at + 2);  // A bogus comment.
      } else {
        text(at, at + 1);
        ++at;
      }
    }
    return model_.cost();
  }

 private:
  bool over_limits() const {
    const HtmlParseCost& cost = model_.cost();
    return cost.depth > kMaxHtmlNesting || cost.attributes > kMaxHtmlAttributes ||
           cost.formatting > kMaxHtmlActiveFormatting ||
           cost.copied_bytes > max_html_copied_bytes(size_) || cost.unsure;
  }

  void text(std::size_t from, std::size_t to) {
    if (from >= to) return;
    bool whitespace_only = true;
    for (std::size_t i = from; i < to && whitespace_only; ++i) whitespace_only = is_space(html_[i]);
    model_.text(whitespace_only);
  }

  std::size_t to_greater_than(std::size_t from) const {
    const std::size_t end = html_.find('>', from);
    return end == kNone ? size_ : end + 1;
  }

  // Reads the tag whose name starts at `at`, up to its '>'; returns the position after it,
  // or kNone if the page ends first (gumbo then drops the tag).
  std::size_t read_tag(std::size_t at, ScannedTag& tag) const {
    std::size_t i = at;
    while (i < size_ && !ends_name(html_[i])) ++i;
    const std::string_view name = html_.substr(at, i - at);
    tag.tag = gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
    const std::size_t attributes_start = i;
    bool encoding_seen = false;
    while (true) {
      while (i < size_ && is_space(html_[i])) ++i;
      if (i >= size_) return kNone;
      if (html_[i] == '>') break;
      if (html_[i] == '/') {
        if (i + 1 < size_ && html_[i + 1] == '>') {
          tag.self_closing = true;
          ++i;
          break;
        }
        ++i;
        continue;
      }
      const std::size_t name_start = i++;  // The first character may even be '='.
      while (i < size_ && !ends_name(html_[i]) && html_[i] != '=') ++i;
      const std::string_view attribute = html_.substr(name_start, i - name_start);
      ++tag.attribute_count;
      while (i < size_ && is_space(html_[i])) ++i;
      std::string_view value;
      if (i < size_ && html_[i] == '=') {
        ++i;
        while (i < size_ && is_space(html_[i])) ++i;
        if (i >= size_) return kNone;
        if (html_[i] == '"' || html_[i] == '\'') {
          const std::size_t close = html_.find(html_[i], i + 1);
          if (close == kNone) return kNone;
          value = html_.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          const std::size_t value_start = i;
          while (i < size_ && !is_space(html_[i]) && html_[i] != '>') ++i;
          value = html_.substr(value_start, i - value_start);
        }
      }
      note_attribute(attribute, value, encoding_seen, tag);
    }
    tag.attributes = html_.substr(attributes_start, i - attributes_start);
    return i + 1;
  }

  static void note_attribute(std::string_view name, std::string_view value, bool& encoding_seen,
                             ScannedTag& tag) {
    if (equals_ignoring_case(name, "color") || equals_ignoring_case(name, "face") ||
        equals_ignoring_case(name, "size")) {
      tag.font_breakout = true;
    } else if (!encoding_seen && equals_ignoring_case(name, "encoding")) {
      encoding_seen = true;  // gumbo keeps the first of duplicate attributes.
      tag.html_encoding = equals_ignoring_case(value, "text/html") ||
                          equals_ignoring_case(value, "application/xhtml+xml");
      tag.encoding_unsure = value.find('&') != std::string_view::npos;
    }
  }

  // The start of a tag's text as gumbo records it: a "</>" just before, which gumbo drops
  // without ending a token, belongs to it.
  std::size_t original_start(std::size_t at) const {
    return at == empty_end_tag_end_ ? empty_end_tag_start_ : at;
  }

  // The name gumbo compares foreign elements by (gumbo_tag_from_original_text): for text
  // starting "</", all between "</" and ">"; else the name up to white space or '/'.
  std::string_view original_name(std::size_t start, std::size_t end) const {
    if (html_[start + 1] == '/') return html_.substr(start + 2, end - start - 3);
    std::size_t name_end = start + 1;
    while (name_end + 1 < end && !is_space(html_[name_end]) && html_[name_end] != '\v' &&
           html_[name_end] != '/') {
      ++name_end;
    }
    return html_.substr(start + 1, name_end - start - 1);
  }

  std::size_t start_tag(std::size_t at) {
    ScannedTag tag;
    const std::size_t end = read_tag(at + 1, tag);
    if (end == kNone) return size_;
    tag.name = original_name(original_start(at), end);
    model_.note_tag(tag.attribute_count,
                    tag.encoding_unsure && tag.tag == GUMBO_TAG_ANNOTATION_XML);
    if (over_limits()) return size_;
    const ContentKind content = model_.start_tag(tag);
    if (content == ContentKind::kMarkup) return end;
    if (content == ContentKind::kPlainText) return size_;
    const std::string_view name = gumbo_normalized_tagname(tag.tag);
    const std::size_t close =
        content == ContentKind::kScript ? script_end(end) : raw_text_end(end, name);
    if (close == kNone) return size_;
    model_.end_raw_text();
    ScannedTag end_tag;
    const std::size_t after = read_tag(close + 2, end_tag);
    model_.note_tag(end_tag.attribute_count, false);
    return after == kNone ? size_ : after;
  }

  std::size_t end_tag(std::size_t at) {
    if (at + 2 >= size_) {
      text(at, size_);
      return size_;
    }
    const char first = html_[at + 2];
    if (first == '>') {  // "</>" is dropped.
      if (empty_end_tag_end_ != at) empty_end_tag_start_ = at;
      empty_end_tag_end_ = at + 3;
      return at + 3;
    }
    if (!is_ascii_alpha(first)) return to_greater_than(at + 2);  // A bogus comment.
    ScannedTag tag;
    const std::size_t end = read_tag(at + 2, tag);
    if (end == kNone) return size_;
    tag.name = original_name(original_start(at), end);
    model_.note_tag(tag.attribute_count, false);
    if (!over_limits()) model_.end_tag(tag);
    return end;
  }

  std::size_t markup_declaration(std::size_t at) {
    if (html_.compare(at, 4, "<!--") == 0) return comment_end(at + 4);
    if (model_.in_foreign_content() && html_.compare(at, 9, "<![CDATA[") == 0) {
      const std::size_t close = html_.find("]]>", at + 9);
      if (close != at + 9) model_.text(false);
      return close == kNone ? size_ : close + 3;
    }
    return to_greater_than(at + 2);  // A doctype or a bogus comment.
  }

  // The position after the comment whose text starts at `at`: gumbo ends a comment at "-->"
  // or "--!>", and at once for "<!-->" and "<!--->".
  std::size_t comment_end(std::size_t at) const {
    if (at < size_ && html_[at] == '>') return at + 1;
    if (html_.compare(at, 2, "->") == 0) return at + 2;
    for (std::size_t dashes = html_.find("--", at); dashes != kNone;
         dashes = html_.find("--", dashes + 1)) {
      if (html_.compare(dashes + 2, 1, ">") == 0) return dashes + 3;
      if (html_.compare(dashes + 2, 2, "!>") == 0) return dashes + 4;
    }
    return size_;
  }

  // True if an end tag named `name` starts at `at` (just after "</").
  bool ends_raw_text(std::size_t at, std::string_view name) const {
    return at + name.size() < size_ && equals_ignoring_case(html_.substr(at, name.size()), name) &&
           ends_name(html_[at + name.size()]);
  }

  // The position of the "</name" that ends RCDATA or RAWTEXT starting at `at`; kNone if none.
  std::size_t raw_text_end(std::size_t at, std::string_view name) const {
    for (std::size_t close = html_.find("</", at); close != kNone;
         close = html_.find("</", close + 2)) {
      if (ends_raw_text(close + 2, name)) return close;
    }
    return kNone;
  }

  // Like raw_text_end for script data, whose "<!--" and "<script>" make a "</script>" that
  // follows them text (the HTML standard's script data escaped states).
  std::size_t script_end(std::size_t at) const {
    enum class State {
      kData,
      kEscaped,
      kEscapedDash,
      kEscapedDashDash,
      kDouble,
      kDoubleDash,
      kDoubleDashDash
    };
    State state = State::kData;
    std::size_t i = at;
    while (i < size_) {
      if (state == State::kData) {
        i = html_.find('<', i);
        if (i == kNone) return kNone;
        if (html_.compare(i, 2, "</") == 0 && ends_raw_text(i + 2, "script")) return i;
        if (html_.compare(i, 4, "<!--") == 0) {
          state = State::kEscapedDashDash;
          i += 4;
        } else {
          ++i;
        }
        continue;
      }
      const bool escaped = state == State::kEscaped || state == State::kEscapedDash ||
                           state == State::kEscapedDashDash;
      const char c = html_[i];
      if (c == '-') {
        if (escaped) {
          state = state == State::kEscaped ? State::kEscapedDash : State::kEscapedDashDash;
        } else {
          state = state == State::kDouble ? State::kDoubleDash : State::kDoubleDashDash;
        }
        ++i;
      } else if (c == '>' &&
                 (state == State::kEscapedDashDash || state == State::kDoubleDashDash)) {
        state = State::kData;
        ++i;
      } else if (c == '<' && escaped) {
        if (html_.compare(i, 2, "</") == 0) {
          if (ends_raw_text(i + 2, "script")) return i;
          state = State::kEscaped;
          i += 2;
        } else {
          // "<script" followed by white space, '/' or '>' starts the double escape.
          std::size_t j = i + 1;
          while (j < size_ && is_ascii_alpha(html_[j])) ++j;
          const bool delimited = j < size_ && ends_name(html_[j]);
          state = delimited && equals_ignoring_case(html_.substr(i + 1, j - i - 1), "script")
                      ? State::kDouble
                      : State::kEscaped;
          i = delimited ? j + 1 : std::max(j, i + 1);
        }
      } else if (c == '<' && html_.compare(i, 2, "</") == 0) {
        // In the double escape, "</script" followed by a delimiter ends it.
        std::size_t j = i + 2;
        while (j < size_ && is_ascii_alpha(html_[j])) ++j;
        const bool delimited = j < size_ && ends_name(html_[j]);
        state = delimited && equals_ignoring_case(html_.substr(i + 2, j - i - 2), "script")
                    ? State::kEscaped
                    : State::kDouble;
        i = delimited ? j + 1 : j;
      } else {
        state = escaped ? State::kEscaped : State::kDouble;
        ++i;
      }
    }
    return kNone;
  }

  std::string_view html_;
  std::size_t size_;
  HtmlStackModel model_;
  std::size_t empty_end_tag_start_ = kNone;  // The last run of "</>", if any.
  std::size_t empty_end_tag_end_ = kNone;
};

}  // namespace

HtmlParseCost scan_html_cost(std::string_view html) { return PageScanner(html).run(); }

void require_html_within_limits(std::string_view html) {
  const HtmlParseCost cost = scan_html_cost(html);
  std::string problem;
  if (cost.depth > kMaxHtmlNesting) {
    problem = "nested deeper than " + std::to_string(kMaxHtmlNesting) + " levels";
  } else if (cost.attributes > kMaxHtmlAttributes) {
    problem = "has a tag with more than " + std::to_string(kMaxHtmlAttributes) + " attributes";
  } else if (cost.formatting > kMaxHtmlActiveFormatting) {
    problem = "has more than " + std::to_string(kMaxHtmlActiveFormatting) +
              " formatting elements (<b>, <i>, <a>, ...) open at once";
  } else if (cost.copied_bytes > max_html_copied_bytes(html.size())) {
    problem = "reopens formatting elements (<b>, <i>, <a>, ...) left open so often that the " +
              std::string("parser would copy more than ") +
              std::to_string(max_html_copied_bytes(html.size()) >> 20) + " MiB";
  } else if (cost.unsure) {
    problem = "mixes SVG or MathML with markup the pre-scan cannot follow";
  } else {
    return;
  }
  throw Error(ErrorKind::kBadArgument, "HTML " + problem);
}

}  // namespace pressclip::indexer
