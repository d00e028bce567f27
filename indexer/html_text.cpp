// Choosing an HTML page's article element and rendering its text as paragraphs.
#include "indexer/html_text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace pressclip::indexer {
namespace {

// Tags whose content is never article text.
constexpr std::array kFurnitureTags = {
    GUMBO_TAG_HEAD,   GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_NAV,    GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER,   GUMBO_TAG_ASIDE,    GUMBO_TAG_FORM,
    GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_INPUT,    GUMBO_TAG_IFRAME,
    GUMBO_TAG_SVG,    GUMBO_TAG_MATH,   GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_CANVAS,
    GUMBO_TAG_AUDIO,  GUMBO_TAG_VIDEO,  GUMBO_TAG_MENU,     GUMBO_TAG_TITLE};

// Tags that start and end a paragraph.
constexpr std::array kBlockTags = {
    GUMBO_TAG_ADDRESS,  GUMBO_TAG_ARTICLE,    GUMBO_TAG_ASIDE,   GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_BODY,     GUMBO_TAG_CAPTION,    GUMBO_TAG_CENTER,  GUMBO_TAG_DD,
    GUMBO_TAG_DETAILS,  GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,
    GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_H1,
    GUMBO_TAG_H2,       GUMBO_TAG_H3,         GUMBO_TAG_H4,      GUMBO_TAG_H5,
    GUMBO_TAG_H6,       GUMBO_TAG_HGROUP,     GUMBO_TAG_HR,      GUMBO_TAG_HTML,
    GUMBO_TAG_LI,       GUMBO_TAG_MAIN,       GUMBO_TAG_OL,      GUMBO_TAG_P,
    GUMBO_TAG_PRE,      GUMBO_TAG_SECTION,    GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE,
    GUMBO_TAG_TR,       GUMBO_TAG_UL,         GUMBO_TAG_LEGEND};

// Words of ids and classes that mark page furniture.
constexpr std::array<std::string_view, 42> kFurnitureWords = {
    "ad",          "ads",       "advert",    "advertisement", "advertising", "breadcrumb",
    "breadcrumbs", "cmp",       "comment",   "comments",      "consent",     "cookie",
    "cookies",     "disqus",    "footer",    "gdpr",          "masthead",    "menu",
    "modal",       "nav",       "navbar",    "navigation",    "newsletter",  "newsletters",
    "outbrain",    "popup",     "promo",     "promotion",     "recommended", "recommendations",
    "related",     "share",     "sharebar",  "sharing",       "sidebar",     "signup",
    "social",      "sponsored", "subscribe", "subscription",  "taboola",     "toolbar"};

constexpr std::array<std::string_view, 9> kFurnitureRoles = {
    "navigation", "banner",      "contentinfo", "complementary", "search",
    "dialog",     "alertdialog", "menu",        "menubar"};

template <typename Array, typename Value>
bool contains(const Array& array, const Value& value) {
  return std::find(array.begin(), array.end(), value) != array.end();
}

bool is_element(const GumboNode& node) { return node.type == GUMBO_NODE_ELEMENT; }

GumboTag tag_of(const GumboNode& node) {
  return is_element(node) ? node.v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector* children_of(const GumboNode& node) {
  if (node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE) {
    return &node.v.element.children;
  }
  if (node.type == GUMBO_NODE_DOCUMENT) return &node.v.document.children;
  return nullptr;
}

const GumboNode& child(const GumboVector& children, unsigned int i) {
  return *static_cast<const GumboNode*>(children.data[i]);
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True if an id or class value holds a furniture word: split at anything but letters and
// digits, and between a lowercase and an uppercase letter ("shareTools": share, tools).
bool names_furniture(std::string_view names) {
  std::string word;
  auto word_ends = [&] {
    const bool found =
        !word.empty() && contains(kFurnitureWords, std::string_view(lowercase(word)));
    word.clear();
    return found;
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    const char c = names[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const bool camel_hump =
        c >= 'A' && c <= 'Z' && i > 0 && names[i - 1] >= 'a' && names[i - 1] <= 'z';
    if ((!alnum || camel_hump) && word_ends()) return true;
    if (alnum) word += c;
  }
  return word_ends();
}

bool is_hidden(const GumboNode& node) {
  if (gumbo_get_attribute(&node.v.element.attributes, "hidden") != nullptr) return true;
  if (lowercase(html_attribute(node, "aria-hidden")) == "true") return true;
  std::string style;
  for (char c : lowercase(html_attribute(node, "style"))) {
    if (c != ' ' && c != '\t' && c != '\n') style += c;
  }
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// The name of an element that gumbo does not know ("dialog", "cookie-banner"), lowercase.
std::string unknown_tag_name(const GumboNode& node) {
  GumboStringPiece name = node.v.element.original_tag;
  if (name.data == nullptr || name.length < 2) return {};  // Inserted by the parser.
  gumbo_tag_from_original_text(&name);
  return lowercase(std::string_view(name.data, name.length));
}

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends text as paragraphs: white space collapsed, breaks emitted only between text.
class TextRenderer {
 public:
  explicit TextRenderer(bool by_class) : by_class_(by_class) {}

  void render(const GumboNode& node, int depth) {
    if (depth > kMaxHtmlDepth) return;
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text(node.v.text.text);
        return;
      case GUMBO_NODE_ELEMENT:
        break;
      default:
        if (const GumboVector* children = children_of(node)) render_children(*children, depth);
        return;
    }
    if (is_html_furniture(node, by_class_)) return;
    const GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_BR) {
      line_break(1);
      return;
    }
    const bool block = contains(kBlockTags, tag);
    if (block) line_break(2);
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) pending_space_ = true;
    if (tag == GUMBO_TAG_PRE) ++preformatted_;
    render_children(node.v.element.children, depth);
    if (tag == GUMBO_TAG_PRE) --preformatted_;
    if (block) line_break(2);
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) pending_space_ = true;
  }

  std::string finish() {
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

  std::size_t size() const { return out_.size(); }

 private:
  void render_children(const GumboVector& children, int depth) {
    for (unsigned int i = 0; i < children.length; ++i) render(child(children, i), depth + 1);
  }

  void line_break(int lines) { pending_break_ = std::max(pending_break_, lines); }

  void text(const char* text) {
    for (const char* at = text; *at != '\0'; ++at) {
      const char c = *at;
      if (preformatted_ > 0 && c == '\n') {
        line_break(1);
      } else if (preformatted_ == 0 && is_whitespace(c)) {
        pending_space_ = true;
      } else {
        if (out_.empty()) {
          pending_break_ = 0;
        } else if (pending_break_ > 0) {
          out_.append(static_cast<std::size_t>(pending_break_), '\n');
        } else if (pending_space_) {
          out_ += ' ';
        }
        pending_break_ = 0;
        pending_space_ = false;
        out_ += c;
      }
    }
  }

  bool by_class_;
  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
  int preformatted_ = 0;
};

std::string render(const GumboNode& node, bool by_class) {
  TextRenderer renderer(by_class);
  renderer.render(node, 0);
  return renderer.finish();
}

// The candidates for the article's element, found in one walk that skips furniture.
struct Candidates {
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* densest = nullptr;  // The element whose child paragraphs hold most text.
  std::size_t densest_bytes = 0;
};

void find_candidates(const GumboNode& node, int depth, Candidates& found) {
  if (depth > kMaxHtmlDepth) return;
  const GumboVector* children = children_of(node);
  if (children == nullptr) return;
  if (is_element(node)) {
    if (is_html_furniture(node)) return;
    const GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_ARTICLE) found.articles.push_back(&node);
    if (found.main == nullptr &&
        (tag == GUMBO_TAG_MAIN || lowercase(html_attribute(node, "role")) == "main")) {
      found.main = &node;
    }
    if (tag == GUMBO_TAG_BODY && found.body == nullptr) found.body = &node;
    std::size_t paragraph_bytes = 0;
    for (unsigned int i = 0; i < children->length; ++i) {
      const GumboNode& kid = child(*children, i);
      if (kid.type == GUMBO_NODE_TEXT) paragraph_bytes += std::strlen(kid.v.text.text);
      if (tag_of(kid) == GUMBO_TAG_P && !is_html_furniture(kid)) {
        paragraph_bytes += render(kid, true).size();
      }
    }
    if (paragraph_bytes > found.densest_bytes) {
      found.densest = &node;
      found.densest_bytes = paragraph_bytes;
    }
  }
  for (unsigned int i = 0; i < children->length; ++i) {
    find_candidates(child(*children, i), depth + 1, found);
  }
}

}  // namespace

std::string_view html_attribute(const GumboNode& node, const char* name) {
  if (!is_element(node)) return {};
  const GumboAttribute* attribute = gumbo_get_attribute(&node.v.element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool is_html_furniture(const GumboNode& node, bool by_class) {
  if (!is_element(node)) return false;
  const GumboTag tag = tag_of(node);
  if (contains(kFurnitureTags, tag) || is_hidden(node)) return true;
  if (contains(kFurnitureRoles, std::string_view(lowercase(html_attribute(node, "role"))))) {
    return true;
  }
  if (tag == GUMBO_TAG_UNKNOWN) {
    // gumbo 0.10 does not know <dialog>; custom elements may name what they are.
    const std::string name = unknown_tag_name(node);
    if (name == "dialog" || (by_class && names_furniture(name))) return true;
  }
  if (!by_class || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE ||
      tag == GUMBO_TAG_MAIN) {
    return false;
  }
  return names_furniture(html_attribute(node, "id")) ||
         names_furniture(html_attribute(node, "class"));
}

std::string html_article_text(const GumboNode& document) {
  Candidates found;
  find_candidates(document, 0, found);
  std::vector<const GumboNode*> choices;
  if (!found.articles.empty()) {
    // The article with the most text: a page may also hold teasers of other articles.
    const GumboNode* best = nullptr;
    std::size_t best_bytes = 0;
    for (const GumboNode* article : found.articles) {
      const std::size_t bytes = render(*article, true).size();
      if (best == nullptr || bytes > best_bytes) best = article, best_bytes = bytes;
    }
    choices.push_back(best);
  }
  for (const GumboNode* node : {found.main, found.densest, found.body, &document}) {
    if (node != nullptr) choices.push_back(node);
  }
  // The first choice with text; furniture told by class only is kept as a last resort,
  // should an article's own wrapper have a class such as "share-enabled".
  for (bool by_class : {true, false}) {
    for (const GumboNode* node : choices) {
      std::string text = render(*node, by_class);
      if (!text.empty()) return text;
    }
  }
  return {};
}

}  // namespace pressclip::indexer
