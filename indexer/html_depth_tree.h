// The stack of open elements and the list of active formatting elements that gumbo's tree
// builder would keep for a page, simulated tag by tag without building a tree: the model
// behind the HTML pre-scan (html_depth_scan.h).
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "indexer/html_depth_scan.h"

namespace pressclip::indexer {

/// A start or end tag as the pre-scan tokenised it.
struct ScannedTag {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  /// The name as gumbo compares foreign elements: a start tag's up to white space or '/',
  /// an end tag's everything between "</" and ">".
  std::string_view name;
  /// The raw text of a start tag's attributes: equal texts mean identical elements (for the
  /// "Noah's ark" clause of the list of active formatting elements).
  std::string_view attributes;
  std::size_t attribute_count = 0;
  bool self_closing = false;
  bool font_breakout = false;    ///< Has a color, face or size attribute.
  bool html_encoding = false;    ///< encoding is "text/html" or "application/xhtml+xml".
  bool encoding_unsure = false;  ///< encoding holds a character reference.
};

/// How the tokenizer reads what follows a start tag.
enum class ContentKind {
  kMarkup,     ///< Tags and text as usual.
  kRawText,    ///< Text up to the matching end tag (style, title, textarea, iframe, ...).
  kScript,     ///< Script data, up to the matching end tag outside an escaped comment.
  kPlainText,  ///< Text up to the end of the page (<plaintext>).
};

/// Follows gumbo 0.10's tree construction (parser.c) as far as it changes the stack of open
/// elements: insertion modes derived from the stack, implied end tags, scopes, foster
/// parenting, foreign content and its integration points, the adoption agency algorithm
/// (approximately: where it would move elements, the model keeps them where they were, which
/// overstates the depth), and the reconstruction of active formatting elements. Where it is
/// not sure what gumbo does, it keeps more elements open rather than fewer.
///
/// Thread-safety: one instance per thread.
class HtmlStackModel {
 public:
  HtmlStackModel();

  /// A start tag; returns how its content is to be tokenised. For content other than
  /// kMarkup the element stays open until end_raw_text().
  ContentKind start_tag(const ScannedTag& tag);
  /// An end tag (other than the one ending raw text).
  void end_tag(const ScannedTag& tag);
  /// The end of the raw text, script or plain text that start_tag() announced.
  void end_raw_text();
  /// A run of text; `whitespace_only` if it is nothing but spaces, tabs and line breaks.
  void text(bool whitespace_only);

  /// True if the current node is not an HTML element (gumbo then reads <![CDATA[).
  bool in_foreign_content() const;
  /// The cost so far.
  const HtmlParseCost& cost() const { return cost_; }
  /// Notes a tag's attribute count and an unsure encoding.
  void note_tag(std::size_t attributes, bool unsure);

 private:
  // The insertion mode a <template> continues in, decided by its first start tag.
  enum class TemplateMode : unsigned char {
    kUndecided,
    kBody,
    kTable,
    kColumnGroup,
    kTableBody,
    kRow
  };
  struct Element {
    GumboTag tag;
    GumboNamespaceEnum space;
    std::string_view name;
    int formatting;         // Id of its active formatting entry, or -1.
    bool html_integration;  // A MathML annotation-xml that reads HTML.
    TemplateMode template_mode = TemplateMode::kUndecided;
  };
  struct Formatting {
    int id;  // -1 for a marker.
    GumboTag tag;
    std::string_view attributes;
    std::size_t clone_bytes;  // What gumbo allocates to clone it.
    bool open;                // Its element is on the stack.
  };
  enum class Scope { kDefault, kListItem, kButton, kTable, kSelect };

  // Dispatch by the insertion mode the stack implies.
  ContentKind html_start(const ScannedTag& tag);
  void html_end(const ScannedTag& tag);
  ContentKind foreign_start(const ScannedTag& tag);
  void foreign_end(const ScannedTag& tag);
  ContentKind head_phase_start(const ScannedTag& tag);
  void head_phase_end(const ScannedTag& tag);
  ContentKind body_start(const ScannedTag& tag);
  void body_end(const ScannedTag& tag);
  ContentKind head_start(const ScannedTag& tag);
  ContentKind table_start(const ScannedTag& tag);
  void table_end(const ScannedTag& tag);
  ContentKind table_body_start(const ScannedTag& tag);
  void table_body_end(const ScannedTag& tag);
  ContentKind row_start(const ScannedTag& tag);
  void row_end(const ScannedTag& tag);
  ContentKind cell_start(const ScannedTag& tag);
  void cell_end(const ScannedTag& tag);
  ContentKind caption_start(const ScannedTag& tag);
  void caption_end(const ScannedTag& tag);
  ContentKind column_group_start(const ScannedTag& tag);
  void column_group_end(const ScannedTag& tag);
  ContentKind select_start(const ScannedTag& tag, bool in_table);
  void select_end(const ScannedTag& tag, bool in_table);
  ContentKind template_start(const ScannedTag& tag, std::size_t index);
  void template_end(const ScannedTag& tag, std::size_t index);
  void close_template();
  void any_other_end(const ScannedTag& tag);
  void adoption_agency(GumboTag subject);
  bool select_in_table(std::size_t select) const;
  void close_select();
  static bool is_html_integration(const Element& element);

  // The stack of open elements.
  const Element& top() const { return stack_.back(); }
  std::size_t mode_index() const;
  bool is_top(GumboTag tag) const;
  void push(GumboTag tag, GumboNamespaceEnum space = GUMBO_NAMESPACE_HTML,
            std::string_view name = {}, int formatting = -1, bool html_integration = false);
  void push_formatting(const ScannedTag& tag);
  void pop();
  void pop_to(std::size_t index);  // Pops the element at `index` and all above it.
  void erase(std::size_t index);
  std::size_t find_in_scope(GumboTag tag, Scope scope) const;  // npos if none.
  bool in_scope(GumboTag tag, Scope scope) const;
  bool in_table_body_scope() const;              // tbody, thead or tfoot in table scope.
  std::size_t find_open(GumboTag tag) const;     // npos if none.
  std::size_t element_of(int formatting) const;  // npos if none.
  void pop_until_one_of(std::initializer_list<GumboTag> tags);
  void close_p();
  void generate_implied_end_tags(GumboTag except);
  void close_list_item(bool is_li);
  void close_cell();

  // The list of active formatting elements.
  void add_marker();
  void clear_to_marker();
  void reconstruct();
  std::size_t find_formatting_after_marker(GumboTag tag) const;  // npos if none.
  std::size_t formatting_position(int id) const;                 // npos if none.

  std::vector<Element> stack_;
  std::vector<Formatting> formatting_;
  int next_formatting_id_ = 0;
  // Where gumbo is before the body: before or in the head, in a <noscript> of the head,
  // after the head.
  enum class Phase : unsigned char { kHead, kHeadNoscript, kAfterHead, kBody };
  Phase phase_ = Phase::kHead;
  bool form_pointer_ = false;  // gumbo's form element pointer is set.
  HtmlParseCost cost_;
};

}  // namespace pressclip::indexer
