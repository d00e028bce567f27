// Simulating gumbo 0.10's stack of open elements, tag by tag, for the HTML pre-scan. The
// rules follow gumbo's parser.c (which follows the HTML standard of 2015, with its own
// shortcuts); each handler below is named after the insertion mode it stands for.
#include "indexer/html_depth_tree.h"

#include <algorithm>
#include <initializer_list>

namespace pressclip::indexer {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr GumboNamespaceEnum kHtml = GUMBO_NAMESPACE_HTML;

bool one_of(GumboTag tag, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool is_heading(GumboTag tag) {
  return one_of(
      tag, {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6});
}

bool is_formatting(GumboTag tag) {
  return one_of(tag, {GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM,
                      GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL,
                      GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U});
}

// Start tags that close an open <p> and open a block (in body).
bool is_block_start(GumboTag tag) {
  return one_of(tag,
                {GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,      GUMBO_TAG_BLOCKQUOTE,
                 GUMBO_TAG_CENTER,  GUMBO_TAG_DETAILS,  GUMBO_TAG_DIR,        GUMBO_TAG_DIV,
                 GUMBO_TAG_DL,      GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
                 GUMBO_TAG_FOOTER,  GUMBO_TAG_HEADER,   GUMBO_TAG_HGROUP,     GUMBO_TAG_MENU,
                 GUMBO_TAG_MAIN,    GUMBO_TAG_NAV,      GUMBO_TAG_OL,         GUMBO_TAG_P,
                 GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY,  GUMBO_TAG_UL});
}

// End tags that close the nearest element of their name in scope (in body).
bool is_block_end(GumboTag tag) {
  return one_of(tag,
                {GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,    GUMBO_TAG_BLOCKQUOTE,
                 GUMBO_TAG_BUTTON,  GUMBO_TAG_CENTER,  GUMBO_TAG_DETAILS,  GUMBO_TAG_DIR,
                 GUMBO_TAG_DIV,     GUMBO_TAG_DL,      GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION,
                 GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,  GUMBO_TAG_HEADER,   GUMBO_TAG_HGROUP,
                 GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,    GUMBO_TAG_MENU,     GUMBO_TAG_NAV,
                 GUMBO_TAG_OL,      GUMBO_TAG_PRE,     GUMBO_TAG_SECTION,  GUMBO_TAG_SUMMARY,
                 GUMBO_TAG_UL});
}

// Table structure tags that make cells, captions and rows close.
bool is_table_part(GumboTag tag) {
  return one_of(tag, {GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TBODY,
                      GUMBO_TAG_TD, GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TR});
}

// HTML start tags that end foreign content (gumbo's handle_in_foreign_content).
bool breaks_out_of_foreign_content(const ScannedTag& tag) {
  return one_of(tag.tag,
                {GUMBO_TAG_B,       GUMBO_TAG_BIG,    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,
                 GUMBO_TAG_BR,      GUMBO_TAG_CENTER, GUMBO_TAG_CODE,       GUMBO_TAG_DD,
                 GUMBO_TAG_DIV,     GUMBO_TAG_DL,     GUMBO_TAG_DT,         GUMBO_TAG_EM,
                 GUMBO_TAG_EMBED,   GUMBO_TAG_H1,     GUMBO_TAG_H2,         GUMBO_TAG_H3,
                 GUMBO_TAG_H4,      GUMBO_TAG_H5,     GUMBO_TAG_H6,         GUMBO_TAG_HEAD,
                 GUMBO_TAG_HR,      GUMBO_TAG_I,      GUMBO_TAG_IMG,        GUMBO_TAG_LI,
                 GUMBO_TAG_LISTING, GUMBO_TAG_MENU,   GUMBO_TAG_META,       GUMBO_TAG_NOBR,
                 GUMBO_TAG_OL,      GUMBO_TAG_P,      GUMBO_TAG_PRE,        GUMBO_TAG_RUBY,
                 GUMBO_TAG_S,       GUMBO_TAG_SMALL,  GUMBO_TAG_SPAN,       GUMBO_TAG_STRONG,
                 GUMBO_TAG_STRIKE,  GUMBO_TAG_SUB,    GUMBO_TAG_SUP,        GUMBO_TAG_TABLE,
                 GUMBO_TAG_TT,      GUMBO_TAG_U,      GUMBO_TAG_UL,         GUMBO_TAG_VAR}) ||
         (tag.tag == GUMBO_TAG_FONT && tag.font_breakout);
}

bool is_mathml_text_integration(GumboTag tag, GumboNamespaceEnum space) {
  return space == GUMBO_NAMESPACE_MATHML &&
         one_of(tag, {GUMBO_TAG_MI, GUMBO_TAG_MO, GUMBO_TAG_MN, GUMBO_TAG_MS, GUMBO_TAG_MTEXT});
}

// Elements that end the search of "has an element in scope" (the default scope).
bool is_scope_boundary(GumboTag tag, GumboNamespaceEnum space) {
  switch (space) {
    case GUMBO_NAMESPACE_HTML:
      return one_of(
          tag, {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE, GUMBO_TAG_TD,
                GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE});
    case GUMBO_NAMESPACE_MATHML:
      return is_mathml_text_integration(tag, space) || tag == GUMBO_TAG_ANNOTATION_XML;
    case GUMBO_NAMESPACE_SVG:
      return one_of(tag, {GUMBO_TAG_FOREIGNOBJECT, GUMBO_TAG_DESC, GUMBO_TAG_TITLE});
  }
  return false;
}

// gumbo's "special" category (is_special_node).
bool is_special(GumboTag tag, GumboNamespaceEnum space) {
  switch (space) {
    case GUMBO_NAMESPACE_HTML:
      return is_block_end(tag) || is_heading(tag) ||
             one_of(
                 tag,
                 {GUMBO_TAG_APPLET,   GUMBO_TAG_AREA,     GUMBO_TAG_BASE,      GUMBO_TAG_BASEFONT,
                  GUMBO_TAG_BGSOUND,  GUMBO_TAG_BODY,     GUMBO_TAG_BR,        GUMBO_TAG_CAPTION,
                  GUMBO_TAG_COL,      GUMBO_TAG_COLGROUP, GUMBO_TAG_MENUITEM,  GUMBO_TAG_DD,
                  GUMBO_TAG_DT,       GUMBO_TAG_EMBED,    GUMBO_TAG_FORM,      GUMBO_TAG_FRAME,
                  GUMBO_TAG_FRAMESET, GUMBO_TAG_HEAD,     GUMBO_TAG_HR,        GUMBO_TAG_HTML,
                  GUMBO_TAG_IFRAME,   GUMBO_TAG_IMG,      GUMBO_TAG_INPUT,     GUMBO_TAG_ISINDEX,
                  GUMBO_TAG_LI,       GUMBO_TAG_LINK,     GUMBO_TAG_MARQUEE,   GUMBO_TAG_META,
                  GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT,  GUMBO_TAG_OBJECT,
                  GUMBO_TAG_P,        GUMBO_TAG_PARAM,    GUMBO_TAG_PLAINTEXT, GUMBO_TAG_SCRIPT,
                  GUMBO_TAG_SELECT,   GUMBO_TAG_STYLE,    GUMBO_TAG_TABLE,     GUMBO_TAG_TBODY,
                  GUMBO_TAG_TD,       GUMBO_TAG_TEMPLATE, GUMBO_TAG_TEXTAREA,  GUMBO_TAG_TFOOT,
                  GUMBO_TAG_TH,       GUMBO_TAG_THEAD,    GUMBO_TAG_TITLE,     GUMBO_TAG_TR,
                  GUMBO_TAG_WBR,      GUMBO_TAG_XMP});
    case GUMBO_NAMESPACE_MATHML:
      return is_mathml_text_integration(tag, space) || tag == GUMBO_TAG_ANNOTATION_XML;
    case GUMBO_NAMESPACE_SVG:
      return tag == GUMBO_TAG_FOREIGNOBJECT || tag == GUMBO_TAG_DESC;
  }
  return false;
}

// gumbo_string_equals_ignore_case: equal lengths, then strncasecmp (which stops at a NUL).
bool same_foreign_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
    if (a[i] == '\0') return true;
  }
  return true;
}

// What gumbo allocates to clone a formatting element: the node, its vectors, and per
// attribute a GumboAttribute with copies of its name and value (measured: 400 bytes for
// <b id=N>).
std::size_t clone_bytes(const ScannedTag& tag) {
  return 160 + 112 * tag.attribute_count + tag.attributes.size();
}

}  // namespace

HtmlStackModel::HtmlStackModel() {
  // By the first element of the body gumbo has opened html and body (and closed head).
  push(GUMBO_TAG_HTML);
  push(GUMBO_TAG_BODY);
}

void HtmlStackModel::note_tag(std::size_t attributes, bool unsure) {
  cost_.attributes = std::max(cost_.attributes, attributes);
  cost_.unsure = cost_.unsure || unsure;
}

bool HtmlStackModel::in_foreign_content() const { return top().space != kHtml; }

bool HtmlStackModel::is_html_integration(const Element& element) {
  return (element.space == GUMBO_NAMESPACE_SVG &&
          one_of(element.tag, {GUMBO_TAG_FOREIGNOBJECT, GUMBO_TAG_DESC, GUMBO_TAG_TITLE})) ||
         element.html_integration;
}

// ---------------------------------------------------------------------------------------
// Dispatch.

ContentKind HtmlStackModel::start_tag(const ScannedTag& tag) {
  const Element& current = top();
  const bool html_rules = current.space == kHtml ||
                          (is_mathml_text_integration(current.tag, current.space) &&
                           tag.tag != GUMBO_TAG_MGLYPH && tag.tag != GUMBO_TAG_MALIGNMARK) ||
                          (current.space == GUMBO_NAMESPACE_MATHML &&
                           current.tag == GUMBO_TAG_ANNOTATION_XML && tag.tag == GUMBO_TAG_SVG) ||
                          is_html_integration(current);
  return html_rules ? html_start(tag) : foreign_start(tag);
}

void HtmlStackModel::end_tag(const ScannedTag& tag) {
  if (top().space != kHtml) {
    foreign_end(tag);
  } else {
    html_end(tag);
  }
}

void HtmlStackModel::end_raw_text() { pop(); }

void HtmlStackModel::text(bool whitespace_only) {
  const Element& current = top();
  if (current.space != kHtml && !is_mathml_text_integration(current.tag, current.space) &&
      !is_html_integration(current)) {
    return;  // Text in foreign content reopens nothing.
  }
  const std::size_t mode = mode_index();
  if (phase_ != Phase::kBody && mode <= 1) {
    if (whitespace_only) return;  // Kept in the head.
    if (phase_ == Phase::kHeadNoscript) pop();
    phase_ = Phase::kBody;  // Other text opens the body.
  }
  GumboTag mode_tag = stack_[mode].tag;
  if (mode_tag == GUMBO_TAG_TEMPLATE) {
    switch (stack_[mode].template_mode) {
      case TemplateMode::kColumnGroup:
        return;  // Text there is ignored or, when white space, kept.
      case TemplateMode::kTable:
      case TemplateMode::kTableBody:
      case TemplateMode::kRow:
        mode_tag = GUMBO_TAG_TABLE;
        break;
      default:
        break;
    }
  }
  switch (mode_tag) {
    case GUMBO_TAG_SELECT:
      return;
    case GUMBO_TAG_COLGROUP:
      if (whitespace_only || !is_top(GUMBO_TAG_COLGROUP)) return;
      pop();
      return text(whitespace_only);
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
      // Table text: white space stays in the table, other text is foster parented.
      if (!whitespace_only) reconstruct();
      return;
    default:
      reconstruct();
  }
}

// The element that decides the insertion mode, as gumbo's reset_insertion_mode_appropriately
// finds it. (gumbo's reset would also take a foreign element named like one of these, but
// gumbo resets the mode only at a few points: the model takes HTML elements alone, which
// also guarantees that every "reprocess" below closes something.) html and body are never
// popped, so body is found at worst.
std::size_t HtmlStackModel::mode_index() const {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    if (stack_[i].space != kHtml) continue;
    switch (stack_[i].tag) {
      case GUMBO_TAG_SELECT:
      case GUMBO_TAG_TR:
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT:
      case GUMBO_TAG_CAPTION:
      case GUMBO_TAG_COLGROUP:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_TEMPLATE:
      case GUMBO_TAG_BODY:
      case GUMBO_TAG_FRAMESET:
      case GUMBO_TAG_HTML:
        return i;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
      case GUMBO_TAG_HEAD:
        if (i > 0) return i;
        break;
      default:
        break;
    }
  }
  return 0;
}

ContentKind HtmlStackModel::html_start(const ScannedTag& tag) {
  const std::size_t mode = mode_index();
  if (phase_ != Phase::kBody && mode <= 1) return head_phase_start(tag);
  switch (stack_[mode].tag) {
    case GUMBO_TAG_SELECT:
      return select_start(tag, select_in_table(mode));
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return cell_start(tag);
    case GUMBO_TAG_TR:
      return row_start(tag);
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      return table_body_start(tag);
    case GUMBO_TAG_CAPTION:
      return caption_start(tag);
    case GUMBO_TAG_COLGROUP:
      return column_group_start(tag);
    case GUMBO_TAG_TABLE:
      return table_start(tag);
    case GUMBO_TAG_TEMPLATE:
      return template_start(tag, mode);
    default:
      return body_start(tag);
  }
}

void HtmlStackModel::html_end(const ScannedTag& tag) {
  const std::size_t mode = mode_index();
  if (phase_ != Phase::kBody && mode <= 1) return head_phase_end(tag);
  switch (stack_[mode].tag) {
    case GUMBO_TAG_SELECT:
      return select_end(tag, select_in_table(mode));
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return cell_end(tag);
    case GUMBO_TAG_TR:
      return row_end(tag);
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      return table_body_end(tag);
    case GUMBO_TAG_CAPTION:
      return caption_end(tag);
    case GUMBO_TAG_COLGROUP:
      return column_group_end(tag);
    case GUMBO_TAG_TABLE:
      return table_end(tag);
    case GUMBO_TAG_TEMPLATE:
      return template_end(tag, mode);
    default:
      return body_end(tag);
  }
}

// gumbo reads a <select> "in select in table" if it was opened in a table mode: the mode of
// the elements below it.
bool HtmlStackModel::select_in_table(std::size_t select) const {
  for (std::size_t i = select; i-- > 1;) {
    if (stack_[i].space != kHtml) continue;
    switch (stack_[i].tag) {
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_CAPTION:
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT:
      case GUMBO_TAG_TR:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        return true;
      case GUMBO_TAG_TEMPLATE:
        return stack_[i].template_mode == TemplateMode::kTable ||
               stack_[i].template_mode == TemplateMode::kTableBody ||
               stack_[i].template_mode == TemplateMode::kRow;
      case GUMBO_TAG_SELECT:
      case GUMBO_TAG_COLGROUP:
      case GUMBO_TAG_BODY:
      case GUMBO_TAG_FRAMESET:
      case GUMBO_TAG_HEAD:
        return false;
      default:
        break;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Foreign content (SVG, MathML).

ContentKind HtmlStackModel::foreign_start(const ScannedTag& tag) {
  if (breaks_out_of_foreign_content(tag)) {
    do {
      pop();
    } while (top().space != kHtml && !is_mathml_text_integration(top().tag, top().space) &&
             !is_html_integration(top()));
    return start_tag(tag);
  }
  // gumbo resets its insertion mode from the stack by tag, whatever the namespace: a foreign
  // element named like a table part would change the mode where the model cannot tell.
  if (one_of(tag.tag, {GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
                       GUMBO_TAG_TFOOT, GUMBO_TAG_CAPTION, GUMBO_TAG_COLGROUP, GUMBO_TAG_TABLE,
                       GUMBO_TAG_SELECT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD, GUMBO_TAG_BODY,
                       GUMBO_TAG_FRAMESET, GUMBO_TAG_HTML})) {
    cost_.unsure = true;
  }
  const GumboNamespaceEnum space = top().space;
  push(tag.tag, space, tag.name, -1,
       space == GUMBO_NAMESPACE_MATHML && tag.tag == GUMBO_TAG_ANNOTATION_XML && tag.html_encoding);
  if (tag.self_closing) pop();
  return ContentKind::kMarkup;
}

void HtmlStackModel::foreign_end(const ScannedTag& tag) {
  // gumbo walks down from the current node while elements are foreign, and closes the first
  // whose name matches; at an HTML element it hands the tag to the insertion mode.
  for (std::size_t i = stack_.size() - 1; i > 0;) {
    if (same_foreign_name(stack_[i].name, tag.name)) {
      pop_to(i);
      return;
    }
    --i;
    if (stack_[i].space == kHtml) break;
  }
  html_end(tag);
}

// ---------------------------------------------------------------------------------------
// Before the body: gumbo's modes before head, in head, in head noscript and after head.
// Their elements go into the head (the model keeps html and body on its stack instead of
// html and head, which is as deep); the first other tag or text opens the body.

ContentKind HtmlStackModel::head_phase_start(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (phase_ == Phase::kHeadNoscript) {
    switch (name) {
      case GUMBO_TAG_BASEFONT:
      case GUMBO_TAG_BGSOUND:
      case GUMBO_TAG_LINK:
      case GUMBO_TAG_META:
      case GUMBO_TAG_NOFRAMES:
      case GUMBO_TAG_STYLE:
        return head_start(tag);
      case GUMBO_TAG_HTML:
      case GUMBO_TAG_HEAD:
      case GUMBO_TAG_NOSCRIPT:
        return ContentKind::kMarkup;
      default:
        pop();  // The <noscript>: what follows is read in the head again.
        phase_ = Phase::kHead;
        return html_start(tag);
    }
  }
  switch (name) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
      return ContentKind::kMarkup;
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TITLE:
      return head_start(tag);
    case GUMBO_TAG_NOSCRIPT:
      if (phase_ != Phase::kHead) break;  // After </head> it is the body's.
      push(name);
      phase_ = Phase::kHeadNoscript;
      return ContentKind::kMarkup;
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_FRAMESET:
      phase_ = Phase::kBody;
      return ContentKind::kMarkup;
    default:
      break;
  }
  phase_ = Phase::kBody;
  return html_start(tag);
}

void HtmlStackModel::head_phase_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (phase_ == Phase::kHeadNoscript) {
    if (name != GUMBO_TAG_NOSCRIPT && name != GUMBO_TAG_BR) return;  // Ignored.
    pop();
    phase_ = Phase::kHead;
    if (name == GUMBO_TAG_NOSCRIPT) return;
  }
  switch (name) {
    case GUMBO_TAG_HEAD:
      if (phase_ == Phase::kHead) phase_ = Phase::kAfterHead;
      return;
    case GUMBO_TAG_TEMPLATE:
      return close_template();
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BR:
      phase_ = Phase::kBody;
      return body_end(tag);
    default:
      return;  // Ignored.
  }
}

// ---------------------------------------------------------------------------------------
// In body (also what the table modes fall back to, with foster parenting).

ContentKind HtmlStackModel::body_start(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  const bool in_template = find_open(GUMBO_TAG_TEMPLATE) != kNone;
  if (is_block_start(name) || name == GUMBO_TAG_PRE || name == GUMBO_TAG_LISTING) {
    close_p();
    push(name);
  } else if (is_heading(name)) {
    close_p();
    if (top().space == kHtml && is_heading(top().tag)) pop();
    push(name);
  } else if (name == GUMBO_TAG_LI || name == GUMBO_TAG_DD || name == GUMBO_TAG_DT) {
    close_list_item(name == GUMBO_TAG_LI);
    close_p();
    push(name);
  } else if (is_formatting(name)) {
    if (name == GUMBO_TAG_A && find_formatting_after_marker(GUMBO_TAG_A) != kNone) {
      adoption_agency(GUMBO_TAG_A);
      // Should the algorithm have left the <a> active, gumbo drops it from the list and the
      // stack.
      if (const std::size_t left = find_formatting_after_marker(GUMBO_TAG_A); left != kNone) {
        const int id = formatting_[left].id;
        formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(left));
        if (const std::size_t at = element_of(id); at != kNone) erase(at);
      }
    }
    reconstruct();
    if (name == GUMBO_TAG_NOBR && in_scope(GUMBO_TAG_NOBR, Scope::kDefault)) {
      adoption_agency(GUMBO_TAG_NOBR);
      reconstruct();
    }
    push_formatting(tag);
  } else {
    switch (name) {
      case GUMBO_TAG_HTML:
      case GUMBO_TAG_BODY:
      case GUMBO_TAG_FRAMESET:  // gumbo may replace body; the model keeps what is open.
      case GUMBO_TAG_FRAME:
      case GUMBO_TAG_HEAD:
      case GUMBO_TAG_CAPTION:
      case GUMBO_TAG_COL:
      case GUMBO_TAG_COLGROUP:
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TFOOT:
      case GUMBO_TAG_TH:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TR:
        break;  // Merged into html or body, or ignored.
      case GUMBO_TAG_BASE:
      case GUMBO_TAG_BASEFONT:
      case GUMBO_TAG_BGSOUND:
      case GUMBO_TAG_MENUITEM:
      case GUMBO_TAG_LINK:
      case GUMBO_TAG_META:
      case GUMBO_TAG_NOFRAMES:
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_TEMPLATE:
      case GUMBO_TAG_TITLE:
        return head_start(tag);
      case GUMBO_TAG_FORM:
        if (form_pointer_ && !in_template) break;  // Nested forms are ignored.
        close_p();
        push(name);
        if (!in_template) form_pointer_ = true;
        break;
      case GUMBO_TAG_PLAINTEXT:
        close_p();
        push(name);
        return ContentKind::kPlainText;
      case GUMBO_TAG_BUTTON:
        if (const std::size_t open = find_in_scope(GUMBO_TAG_BUTTON, Scope::kDefault);
            open != kNone) {
          pop_to(open);
          return html_start(tag);
        }
        reconstruct();
        push(name);
        break;
      case GUMBO_TAG_APPLET:
      case GUMBO_TAG_MARQUEE:
      case GUMBO_TAG_OBJECT:
        reconstruct();
        push(name);
        add_marker();
        break;
      case GUMBO_TAG_TABLE:
        // gumbo first closes an open <p>, unless the page is in quirks mode (which the scan
        // does not tell): the model leaves the <p> open.
        push(name);
        break;
      case GUMBO_TAG_AREA:
      case GUMBO_TAG_BR:
      case GUMBO_TAG_EMBED:
      case GUMBO_TAG_IMG:
      case GUMBO_TAG_IMAGE:
      case GUMBO_TAG_KEYGEN:
      case GUMBO_TAG_WBR:
      case GUMBO_TAG_INPUT:
        reconstruct();
        break;  // Void elements.
      case GUMBO_TAG_PARAM:
      case GUMBO_TAG_SOURCE:
      case GUMBO_TAG_TRACK:
        break;
      case GUMBO_TAG_HR:
        close_p();
        break;
      case GUMBO_TAG_ISINDEX:
        if (form_pointer_ && !in_template) break;
        close_p();
        if (!in_template) form_pointer_ = false;  // It opens and closes a form of its own.
        break;
      case GUMBO_TAG_TEXTAREA:
      case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_NOEMBED:
        push(name);
        return ContentKind::kRawText;
      case GUMBO_TAG_XMP:
        close_p();
        reconstruct();
        push(name);
        return ContentKind::kRawText;
      case GUMBO_TAG_OPTION:
      case GUMBO_TAG_OPTGROUP:
        if (is_top(GUMBO_TAG_OPTION)) pop();
        reconstruct();
        push(name);
        break;
      case GUMBO_TAG_RB:
      case GUMBO_TAG_RTC:
      case GUMBO_TAG_RP:
      case GUMBO_TAG_RT:
        if (in_scope(GUMBO_TAG_RUBY, Scope::kDefault)) {
          generate_implied_end_tags(name == GUMBO_TAG_RP || name == GUMBO_TAG_RT ? GUMBO_TAG_RTC
                                                                                 : GUMBO_TAG_LAST);
        }
        push(name);
        break;
      case GUMBO_TAG_MATH:
      case GUMBO_TAG_SVG:
        reconstruct();
        push(name, name == GUMBO_TAG_SVG ? GUMBO_NAMESPACE_SVG : GUMBO_NAMESPACE_MATHML, tag.name);
        if (tag.self_closing) pop();
        break;
      default:  // Any other start tag, <select> and <noscript> included.
        reconstruct();
        push(name, kHtml, tag.name);
        break;
    }
  }
  return ContentKind::kMarkup;
}

ContentKind HtmlStackModel::head_start(const ScannedTag& tag) {
  switch (tag.tag) {
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_STYLE:
      push(tag.tag);
      return ContentKind::kRawText;
    case GUMBO_TAG_SCRIPT:
      push(tag.tag);
      return ContentKind::kScript;
    case GUMBO_TAG_TEMPLATE:
      push(tag.tag);
      add_marker();
      return ContentKind::kMarkup;
    default:
      return ContentKind::kMarkup;  // base, link, meta...: void.
  }
}

void HtmlStackModel::body_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_BODY || name == GUMBO_TAG_HTML) return;  // gumbo changes mode only.
  if (is_block_end(name) || name == GUMBO_TAG_DD || name == GUMBO_TAG_DT) {
    if (const std::size_t open = find_in_scope(name, Scope::kDefault); open != kNone) {
      pop_to(open);
    }
  } else if (name == GUMBO_TAG_P) {
    if (const std::size_t open = find_in_scope(name, Scope::kButton); open != kNone) pop_to(open);
  } else if (name == GUMBO_TAG_LI) {
    if (const std::size_t open = find_in_scope(name, Scope::kListItem); open != kNone) {
      pop_to(open);
    }
  } else if (is_heading(name)) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Element& element = stack_[i];
      if (element.space == kHtml && is_heading(element.tag)) {
        pop_to(i);
        return;
      }
      if (is_scope_boundary(element.tag, element.space)) return;
    }
  } else if (is_formatting(name)) {
    adoption_agency(name);
  } else if (name == GUMBO_TAG_FORM) {
    const std::size_t open = find_in_scope(GUMBO_TAG_FORM, Scope::kDefault);
    if (open == kNone) {
      if (find_open(GUMBO_TAG_TEMPLATE) == kNone) form_pointer_ = false;
      return;
    }
    generate_implied_end_tags(GUMBO_TAG_LAST);
    if (find_open(GUMBO_TAG_TEMPLATE) != kNone) {
      if (is_top(GUMBO_TAG_FORM)) pop();  // gumbo closes it only if it is the current node.
      return;
    }
    // gumbo removes the form the form element pointer names, and only it.
    if (form_pointer_) erase(find_in_scope(GUMBO_TAG_FORM, Scope::kDefault));
    form_pointer_ = false;
  } else if (name == GUMBO_TAG_APPLET || name == GUMBO_TAG_MARQUEE || name == GUMBO_TAG_OBJECT) {
    if (const std::size_t open = find_in_scope(name, Scope::kTable); open != kNone) {
      pop_to(open);
      clear_to_marker();
    }
  } else if (name == GUMBO_TAG_BR) {
    reconstruct();  // </br> is read as <br>.
  } else if (name == GUMBO_TAG_TEMPLATE) {
    close_template();
  } else {
    any_other_end(tag);
  }
}

void HtmlStackModel::any_other_end(const ScannedTag& tag) {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    const Element& element = stack_[i];
    // By tag: gumbo takes every unknown element for the same (GUMBO_TAG_UNKNOWN).
    if (element.space == kHtml && element.tag == tag.tag) {
      pop_to(i);
      return;
    }
    if (is_special(element.tag, element.space)) return;
  }
}

// The adoption agency algorithm for an end tag of formatting element `subject` (and for <a>
// and <nobr> start tags that find one open). Each special element opened inside the
// formatting element (a "furthest block") costs gumbo a round in which it clones the
// formatting element (and up to three others) into the block; after the last block the
// clone is closed. gumbo stops after 8 rounds, leaving the last clone open: the model then
// leaves the stack as it was, which is as deep.
void HtmlStackModel::adoption_agency(GumboTag subject) {
  const Element& current = top();
  if (current.space == kHtml && current.tag == subject &&
      formatting_position(current.formatting) == kNone) {
    pop();
    return;
  }
  const std::size_t entry = find_formatting_after_marker(subject);
  if (entry == kNone) return;
  if (!formatting_[entry].open) {
    formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(entry));
    return;
  }
  if (!in_scope(subject, Scope::kDefault)) return;
  const std::size_t at = element_of(formatting_[entry].id);
  if (at == kNone) return;
  std::size_t blocks = 0, last_block = at;
  for (std::size_t i = at + 1; i < stack_.size(); ++i) {
    if (is_special(stack_[i].tag, stack_[i].space)) {
      ++blocks;
      last_block = i;
    }
  }
  if (blocks > 0) {
    std::size_t largest = 0;
    for (std::size_t i = formatting_.size(); i-- > 0 && formatting_[i].id >= 0;) {
      largest = std::max(largest, formatting_[i].clone_bytes);
    }
    cost_.copied_bytes += std::min<std::size_t>(blocks, 8) * 4 * largest;
    if (blocks >= 8) return;
  }
  pop_to(last_block + 1);
  formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(entry));
  erase(at);
}

// ---------------------------------------------------------------------------------------
// Tables.

ContentKind HtmlStackModel::table_start(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  switch (name) {
    case GUMBO_TAG_CAPTION:
      pop_until_one_of({GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
      add_marker();
      push(name);
      return ContentKind::kMarkup;
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
      pop_until_one_of({GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
      push(name);
      return ContentKind::kMarkup;
    case GUMBO_TAG_COL:
      pop_until_one_of({GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
      push(GUMBO_TAG_COLGROUP);
      return html_start(tag);
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
      pop_until_one_of({GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
      push(GUMBO_TAG_TBODY);
      return html_start(tag);
    case GUMBO_TAG_TABLE:
      if (const std::size_t open = find_in_scope(name, Scope::kTable); open != kNone) {
        pop_to(open);
        return html_start(tag);
      }
      return ContentKind::kMarkup;
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_TEMPLATE:
      return head_start(tag);
    case GUMBO_TAG_FORM:
      // Inserted and closed at once, but it sets the form element pointer.
      if (!form_pointer_ && find_open(GUMBO_TAG_TEMPLATE) == kNone) form_pointer_ = true;
      return ContentKind::kMarkup;
    default:
      return body_start(tag);  // Foster parented: the stack changes as in body.
  }
}

void HtmlStackModel::table_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_TABLE) {
    if (const std::size_t open = find_in_scope(name, Scope::kTable); open != kNone) pop_to(open);
  } else if (name == GUMBO_TAG_TEMPLATE) {
    close_template();
  } else if (!is_table_part(name) && name != GUMBO_TAG_BODY && name != GUMBO_TAG_HTML) {
    body_end(tag);
  }
}

ContentKind HtmlStackModel::table_body_start(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_TR || name == GUMBO_TAG_TD || name == GUMBO_TAG_TH) {
    pop_until_one_of(
        {GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
    push(GUMBO_TAG_TR);
    return name == GUMBO_TAG_TR ? ContentKind::kMarkup : html_start(tag);
  }
  if (is_table_part(name)) {  // caption, col, colgroup, tbody, tfoot, thead
    if (!in_table_body_scope()) return ContentKind::kMarkup;
    pop_until_one_of(
        {GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
    pop();
    return html_start(tag);
  }
  return table_start(tag);
}

void HtmlStackModel::table_body_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_TBODY || name == GUMBO_TAG_TFOOT || name == GUMBO_TAG_THEAD ||
      name == GUMBO_TAG_TABLE) {
    if (name == GUMBO_TAG_TABLE ? !in_table_body_scope() : !in_scope(name, Scope::kTable)) return;
    pop_until_one_of(
        {GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
    pop();
    if (name == GUMBO_TAG_TABLE) html_end(tag);
  } else if (!is_table_part(name) && name != GUMBO_TAG_BODY && name != GUMBO_TAG_HTML) {
    table_end(tag);
  }
}

ContentKind HtmlStackModel::row_start(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_TD || name == GUMBO_TAG_TH) {
    pop_until_one_of({GUMBO_TAG_TR, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
    push(name);
    add_marker();
    return ContentKind::kMarkup;
  }
  if (is_table_part(name)) {  // caption, col, colgroup, tbody, tfoot, thead, tr
    if (!in_scope(GUMBO_TAG_TR, Scope::kTable)) return ContentKind::kMarkup;
    pop_until_one_of({GUMBO_TAG_TR, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
    pop();
    return html_start(tag);
  }
  return table_start(tag);
}

void HtmlStackModel::row_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  const bool closes_row = name == GUMBO_TAG_TR || name == GUMBO_TAG_TABLE ||
                          name == GUMBO_TAG_TBODY || name == GUMBO_TAG_TFOOT ||
                          name == GUMBO_TAG_THEAD;
  if (closes_row) {
    if (!in_scope(GUMBO_TAG_TR, Scope::kTable)) return;
    if (name != GUMBO_TAG_TR && name != GUMBO_TAG_TABLE && !in_scope(name, Scope::kTable)) return;
    pop_until_one_of({GUMBO_TAG_TR, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML});
    pop();
    if (name != GUMBO_TAG_TR) html_end(tag);
  } else if (!is_table_part(name) && name != GUMBO_TAG_BODY && name != GUMBO_TAG_HTML) {
    table_end(tag);
  }
}

ContentKind HtmlStackModel::cell_start(const ScannedTag& tag) {
  if (!is_table_part(tag.tag)) return body_start(tag);
  if (!in_scope(GUMBO_TAG_TD, Scope::kTable) && !in_scope(GUMBO_TAG_TH, Scope::kTable)) {
    return ContentKind::kMarkup;
  }
  close_cell();
  return html_start(tag);
}

void HtmlStackModel::cell_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_TD || name == GUMBO_TAG_TH) {
    if (const std::size_t open = find_in_scope(name, Scope::kTable); open != kNone) {
      pop_to(open);
      clear_to_marker();
    }
  } else if (name == GUMBO_TAG_TABLE || name == GUMBO_TAG_TBODY || name == GUMBO_TAG_TFOOT ||
             name == GUMBO_TAG_THEAD || name == GUMBO_TAG_TR) {
    if (!in_scope(name, Scope::kTable)) return;
    close_cell();
    html_end(tag);
  } else if (name != GUMBO_TAG_BODY && name != GUMBO_TAG_CAPTION && name != GUMBO_TAG_COL &&
             name != GUMBO_TAG_COLGROUP && name != GUMBO_TAG_HTML) {
    body_end(tag);
  }
}

ContentKind HtmlStackModel::caption_start(const ScannedTag& tag) {
  if (!is_table_part(tag.tag)) return body_start(tag);
  const std::size_t open = find_in_scope(GUMBO_TAG_CAPTION, Scope::kTable);
  if (open == kNone) return ContentKind::kMarkup;
  pop_to(open);
  clear_to_marker();
  return html_start(tag);
}

void HtmlStackModel::caption_end(const ScannedTag& tag) {
  const GumboTag name = tag.tag;
  if (name == GUMBO_TAG_CAPTION || name == GUMBO_TAG_TABLE) {
    const std::size_t open = find_in_scope(GUMBO_TAG_CAPTION, Scope::kTable);
    if (open == kNone) return;
    pop_to(open);
    clear_to_marker();
    if (name == GUMBO_TAG_TABLE) html_end(tag);
  } else if (!is_table_part(name) && name != GUMBO_TAG_BODY && name != GUMBO_TAG_HTML) {
    body_end(tag);
  }
}

ContentKind HtmlStackModel::column_group_start(const ScannedTag& tag) {
  switch (tag.tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_COL:
      return ContentKind::kMarkup;
    case GUMBO_TAG_TEMPLATE:
      return head_start(tag);
    default:
      if (!is_top(GUMBO_TAG_COLGROUP)) return ContentKind::kMarkup;
      pop();
      return html_start(tag);
  }
}

void HtmlStackModel::column_group_end(const ScannedTag& tag) {
  switch (tag.tag) {
    case GUMBO_TAG_COLGROUP:
      if (is_top(GUMBO_TAG_COLGROUP)) pop();
      return;
    case GUMBO_TAG_COL:
      return;
    case GUMBO_TAG_TEMPLATE:
      return close_template();
    default:
      if (!is_top(GUMBO_TAG_COLGROUP)) return;
      pop();
      return html_end(tag);
  }
}

// Inside a <template>, gumbo continues in the mode its first start tag chose.
ContentKind HtmlStackModel::template_start(const ScannedTag& tag, std::size_t index) {
  TemplateMode& mode = stack_[index].template_mode;
  if (mode == TemplateMode::kUndecided) {
    switch (tag.tag) {
      case GUMBO_TAG_BASE:
      case GUMBO_TAG_BASEFONT:
      case GUMBO_TAG_BGSOUND:
      case GUMBO_TAG_LINK:
      case GUMBO_TAG_META:
      case GUMBO_TAG_NOFRAMES:
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_TEMPLATE:
      case GUMBO_TAG_TITLE:
        return head_start(tag);
      case GUMBO_TAG_CAPTION:
      case GUMBO_TAG_COLGROUP:
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_TFOOT:
      case GUMBO_TAG_THEAD:
        mode = TemplateMode::kTable;
        break;
      case GUMBO_TAG_COL:
        mode = TemplateMode::kColumnGroup;
        break;
      case GUMBO_TAG_TR:
        mode = TemplateMode::kTableBody;
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        mode = TemplateMode::kRow;
        break;
      default:
        mode = TemplateMode::kBody;
        break;
    }
  }
  switch (mode) {
    case TemplateMode::kTable:
      return table_start(tag);
    case TemplateMode::kColumnGroup:
      return column_group_start(tag);
    case TemplateMode::kTableBody:
      return table_body_start(tag);
    case TemplateMode::kRow:
      return row_start(tag);
    default:
      return body_start(tag);
  }
}

void HtmlStackModel::template_end(const ScannedTag& tag, std::size_t index) {
  switch (stack_[index].template_mode) {
    case TemplateMode::kUndecided:
      if (tag.tag == GUMBO_TAG_TEMPLATE) close_template();
      return;  // Other end tags are ignored.
    case TemplateMode::kTable:
      return table_end(tag);
    case TemplateMode::kColumnGroup:
      return column_group_end(tag);
    case TemplateMode::kTableBody:
      return table_body_end(tag);
    case TemplateMode::kRow:
      return row_end(tag);
    default:
      return body_end(tag);
  }
}

void HtmlStackModel::close_template() {
  if (const std::size_t open = find_open(GUMBO_TAG_TEMPLATE); open != kNone) {
    pop_to(open);
    clear_to_marker();
  }
}

// ---------------------------------------------------------------------------------------
// In select.

ContentKind HtmlStackModel::select_start(const ScannedTag& tag, bool in_table) {
  const GumboTag name = tag.tag;
  if (in_table && (is_table_part(name) || name == GUMBO_TAG_TABLE) && name != GUMBO_TAG_COL &&
      name != GUMBO_TAG_COLGROUP) {
    close_select();
    return html_start(tag);
  }
  switch (name) {
    case GUMBO_TAG_OPTION:
      if (is_top(GUMBO_TAG_OPTION)) pop();
      push(name);
      break;
    case GUMBO_TAG_OPTGROUP:
      if (is_top(GUMBO_TAG_OPTION)) pop();
      if (is_top(GUMBO_TAG_OPTGROUP)) pop();
      push(name);
      break;
    case GUMBO_TAG_SELECT:
      if (in_scope(GUMBO_TAG_SELECT, Scope::kSelect)) close_select();
      break;
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_TEXTAREA:
      if (!in_scope(GUMBO_TAG_SELECT, Scope::kSelect)) break;
      close_select();
      return html_start(tag);
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_TEMPLATE:
      return head_start(tag);
    default:
      break;  // Ignored.
  }
  return ContentKind::kMarkup;
}

void HtmlStackModel::select_end(const ScannedTag& tag, bool in_table) {
  const GumboTag name = tag.tag;
  if (in_table && (is_table_part(name) || name == GUMBO_TAG_TABLE) && name != GUMBO_TAG_COL &&
      name != GUMBO_TAG_COLGROUP) {
    if (!in_scope(name, Scope::kTable)) return;
    close_select();
    return html_end(tag);
  }
  switch (name) {
    case GUMBO_TAG_OPTGROUP:
      if (is_top(GUMBO_TAG_OPTION) && stack_.size() >= 2 &&
          stack_[stack_.size() - 2].space == kHtml &&
          stack_[stack_.size() - 2].tag == GUMBO_TAG_OPTGROUP) {
        pop();
      }
      if (is_top(GUMBO_TAG_OPTGROUP)) pop();
      return;
    case GUMBO_TAG_OPTION:
      if (is_top(GUMBO_TAG_OPTION)) pop();
      return;
    case GUMBO_TAG_SELECT:
      if (in_scope(GUMBO_TAG_SELECT, Scope::kSelect)) close_select();
      return;
    case GUMBO_TAG_TEMPLATE:
      return close_template();
    default:
      return;  // Ignored.
  }
}

void HtmlStackModel::close_select() {
  if (const std::size_t open = find_open(GUMBO_TAG_SELECT); open != kNone) pop_to(open);
}

// ---------------------------------------------------------------------------------------
// The stack of open elements.

bool HtmlStackModel::is_top(GumboTag tag) const { return top().space == kHtml && top().tag == tag; }

void HtmlStackModel::push(GumboTag tag, GumboNamespaceEnum space, std::string_view name,
                          int formatting, bool html_integration) {
  stack_.push_back({tag, space, name, formatting, html_integration});
  cost_.depth = std::max(cost_.depth, stack_.size());
}

void HtmlStackModel::push_formatting(const ScannedTag& tag) {
  // The "Noah's ark" clause: of identical elements (same tag, same attributes) after the
  // last marker, the earliest goes once there are three.
  std::size_t identical = 0, earliest = kNone;
  for (std::size_t i = formatting_.size(); i-- > 0 && formatting_[i].id >= 0;) {
    if (formatting_[i].tag == tag.tag && formatting_[i].attributes == tag.attributes) {
      ++identical;
      earliest = i;
    }
  }
  if (identical >= 3)
    formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
  const int id = next_formatting_id_++;
  formatting_.push_back({id, tag.tag, tag.attributes, clone_bytes(tag), true});
  cost_.formatting = std::max(cost_.formatting, formatting_.size());
  push(tag.tag, kHtml, tag.name, id);
}

void HtmlStackModel::pop() {
  if (stack_.size() <= 1) return;  // html stays.
  if (const std::size_t entry = formatting_position(stack_.back().formatting); entry != kNone) {
    formatting_[entry].open = false;
  }
  stack_.pop_back();
}

void HtmlStackModel::pop_to(std::size_t index) {
  while (stack_.size() > std::max<std::size_t>(index, 1)) pop();
}

void HtmlStackModel::erase(std::size_t index) {
  if (index == 0 || index >= stack_.size()) return;
  if (const std::size_t entry = formatting_position(stack_[index].formatting); entry != kNone) {
    formatting_[entry].open = false;
  }
  stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(index));
}

std::size_t HtmlStackModel::find_in_scope(GumboTag tag, Scope scope) const {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    const Element& element = stack_[i];
    const bool html = element.space == kHtml;
    if (html && element.tag == tag) return i;
    bool boundary = false;
    switch (scope) {
      case Scope::kDefault:
        boundary = is_scope_boundary(element.tag, element.space);
        break;
      case Scope::kListItem:
        boundary = is_scope_boundary(element.tag, element.space) ||
                   (html && (element.tag == GUMBO_TAG_OL || element.tag == GUMBO_TAG_UL));
        break;
      case Scope::kButton:
        boundary = is_scope_boundary(element.tag, element.space) ||
                   (html && element.tag == GUMBO_TAG_BUTTON);
        break;
      case Scope::kTable:
        boundary = html && (element.tag == GUMBO_TAG_HTML || element.tag == GUMBO_TAG_TABLE ||
                            element.tag == GUMBO_TAG_TEMPLATE);
        break;
      case Scope::kSelect:
        boundary =
            !(html && (element.tag == GUMBO_TAG_OPTGROUP || element.tag == GUMBO_TAG_OPTION));
        break;
    }
    if (boundary) return kNone;
  }
  return kNone;
}

bool HtmlStackModel::in_scope(GumboTag tag, Scope scope) const {
  return find_in_scope(tag, scope) != kNone;
}

bool HtmlStackModel::in_table_body_scope() const {
  return in_scope(GUMBO_TAG_TBODY, Scope::kTable) || in_scope(GUMBO_TAG_THEAD, Scope::kTable) ||
         in_scope(GUMBO_TAG_TFOOT, Scope::kTable);
}

std::size_t HtmlStackModel::find_open(GumboTag tag) const {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    if (stack_[i].space == kHtml && stack_[i].tag == tag) return i;
  }
  return kNone;
}

std::size_t HtmlStackModel::element_of(int formatting) const {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    if (stack_[i].formatting == formatting) return i;
  }
  return kNone;
}

void HtmlStackModel::pop_until_one_of(std::initializer_list<GumboTag> tags) {
  while (stack_.size() > 1 && !(top().space == kHtml && one_of(top().tag, tags))) pop();
}

void HtmlStackModel::close_p() {
  if (const std::size_t open = find_in_scope(GUMBO_TAG_P, Scope::kButton); open != kNone) {
    pop_to(open);
  }
}

void HtmlStackModel::generate_implied_end_tags(GumboTag except) {
  while (top().space == kHtml && top().tag != except &&
         one_of(top().tag,
                {GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_LI, GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP,
                 GUMBO_TAG_P, GUMBO_TAG_RP, GUMBO_TAG_RB, GUMBO_TAG_RT, GUMBO_TAG_RTC})) {
    pop();
  }
}

void HtmlStackModel::close_list_item(bool is_li) {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    const Element& element = stack_[i];
    const bool html = element.space == kHtml;
    if (html && (is_li ? element.tag == GUMBO_TAG_LI
                       : element.tag == GUMBO_TAG_DD || element.tag == GUMBO_TAG_DT)) {
      pop_to(i);
      return;
    }
    if (is_special(element.tag, element.space) &&
        !(html && one_of(element.tag, {GUMBO_TAG_ADDRESS, GUMBO_TAG_DIV, GUMBO_TAG_P}))) {
      return;
    }
  }
}

void HtmlStackModel::close_cell() {
  std::size_t open = find_in_scope(GUMBO_TAG_TD, Scope::kTable);
  if (open == kNone) open = find_in_scope(GUMBO_TAG_TH, Scope::kTable);
  if (open == kNone) return;
  pop_to(open);
  clear_to_marker();
}

// ---------------------------------------------------------------------------------------
// The list of active formatting elements.

void HtmlStackModel::add_marker() {
  formatting_.push_back({-1, GUMBO_TAG_UNKNOWN, {}, 0, false});
  cost_.formatting = std::max(cost_.formatting, formatting_.size());
}

void HtmlStackModel::clear_to_marker() {
  while (!formatting_.empty()) {
    const bool marker = formatting_.back().id < 0;
    formatting_.pop_back();
    if (marker) return;
  }
}

// Before most text and start tags gumbo reopens (clones) the active formatting elements
// after the last marker that were closed early, so that <p><b>x</p><p>y is bold twice.
void HtmlStackModel::reconstruct() {
  if (formatting_.empty() || formatting_.back().id < 0 || formatting_.back().open) return;
  std::size_t first = formatting_.size() - 1;
  while (first > 0 && formatting_[first - 1].id >= 0 && !formatting_[first - 1].open) --first;
  for (std::size_t i = first; i < formatting_.size(); ++i) {
    Formatting& entry = formatting_[i];
    entry.open = true;
    cost_.copied_bytes += entry.clone_bytes;
    push(entry.tag, kHtml, {}, entry.id);
  }
}

std::size_t HtmlStackModel::find_formatting_after_marker(GumboTag tag) const {
  for (std::size_t i = formatting_.size(); i-- > 0;) {
    if (formatting_[i].id < 0) return kNone;
    if (formatting_[i].tag == tag) return i;
  }
  return kNone;
}

std::size_t HtmlStackModel::formatting_position(int id) const {
  if (id < 0) return kNone;
  for (std::size_t i = formatting_.size(); i-- > 0;) {
    if (formatting_[i].id == id) return i;
  }
  return kNone;
}

}  // namespace pressclip::indexer
