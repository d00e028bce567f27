// Reading HTML pages with gumbo: charset declaration, metadata, article text.
#include "indexer/html_reader.h"

#include <gumbo.h>

#include <array>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "indexer/charset_decoder.h"
#include "indexer/html_depth_scan.h"
#include "indexer/html_text.h"
#include "pressclip/error.h"
#include "schema/date_parser.h"

namespace pressclip::indexer {
namespace {

constexpr std::array<std::string_view, 2> kExtensions = {".html", ".htm"};

// JSON-LD objects nested deeper than this are not searched for a date.
constexpr int kMaxJsonLdDepth = 16;

// gumbo's allocations for one parse, tracked so that what gumbo forgets to free is freed
// when the parse is done: gumbo 0.10.1 leaks the strings of a DOCTYPE it ignores inside a
// <noscript> of the head (handle_in_head_noscript does not destroy the token).
class GumboMemory {
 public:
  GumboMemory() { blocks_.previous = blocks_.next = &blocks_; }
  GumboMemory(const GumboMemory&) = delete;
  GumboMemory& operator=(const GumboMemory&) = delete;
  ~GumboMemory() {
    while (blocks_.next != &blocks_) release(this, blocks_.next + 1);
  }

  /// gumbo's default options with this memory as its allocator.
  GumboOptions options() {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &allocate;
    options.deallocator = &release;
    options.userdata = this;
    return options;
  }

 private:
  // Before each block: the links of the list of live blocks. Its alignment keeps the block
  // aligned as malloc's are.
  struct alignas(std::max_align_t) Block {
    Block* previous;
    Block* next;
  };

  static void* allocate(void* userdata, std::size_t size) {
    auto* block = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (block == nullptr) return nullptr;  // As gumbo's own allocator does.
    Block& list = static_cast<GumboMemory*>(userdata)->blocks_;
    block->previous = &list;
    block->next = list.next;
    list.next->previous = block;
    list.next = block;
    return block + 1;
  }

  static void release(void*, void* pointer) {
    if (pointer == nullptr) return;
    Block* block = static_cast<Block*>(pointer) - 1;
    block->previous->next = block->next;
    block->next->previous = block->previous;
    std::free(block);
  }

  Block blocks_;  // The list's head.
};

struct OutputDeleter {
  GumboOptions* options;
  void operator()(GumboOutput* output) const { gumbo_destroy_output(options, output); }
};

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The attributes of a tag's text (after its name, up to '>'), names lowercased.
std::vector<std::pair<std::string, std::string>> tag_attributes(std::string_view tag) {
  std::vector<std::pair<std::string, std::string>> attributes;
  std::size_t at = 0;
  auto skip = [&](auto&& predicate) {
    while (at < tag.size() && predicate(tag[at])) ++at;
  };
  while (at < tag.size()) {
    skip([](char c) { return is_space(c) || c == '/'; });
    const std::size_t name_start = at;
    skip([](char c) { return !is_space(c) && c != '=' && c != '/'; });
    std::string name = lowercase(tag.substr(name_start, at - name_start));
    skip(is_space);
    std::string value;
    if (at < tag.size() && tag[at] == '=') {
      ++at;
      skip(is_space);
      if (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) {
        const char quote = tag[at++];
        const std::size_t end = std::min(tag.find(quote, at), tag.size());
        value = tag.substr(at, end - at);
        at = end + 1;
      } else {
        const std::size_t value_start = at;
        skip([](char c) { return !is_space(c); });
        value = tag.substr(value_start, at - value_start);
      }
    }
    if (!name.empty()) attributes.emplace_back(std::move(name), std::move(value));
  }
  return attributes;
}

// The charset named in a Content-Type value ("text/html; charset=ISO-8859-1").
std::string charset_parameter(std::string_view content_type) {
  const std::string lowered = lowercase(content_type);
  std::size_t at = lowered.find("charset");
  if (at == std::string::npos) return {};
  at = lowered.find_first_not_of(" \t", at + 7);
  if (at == std::string::npos || lowered[at] != '=') return {};
  std::string_view value = trim(std::string_view(content_type).substr(at + 1));
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  return std::string(value.substr(0, value.find_first_of(" \t;\"'")));
}

// What a page says about itself, gathered in one walk of its tree.
struct PageMetadata {
  std::string og_title, title_element, site_name, og_url, canonical, language;
  std::string published_time, json_ld_date, marked_time, plain_time;
};

std::string text_content(const GumboNode& node) {
  if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_CDATA ||
      node.type == GUMBO_NODE_WHITESPACE) {
    return node.v.text.text;
  }
  if (node.type != GUMBO_NODE_ELEMENT) return {};
  std::string text;
  const GumboVector& children = node.v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    text += text_content(*static_cast<const GumboNode*>(children.data[i]));
  }
  return text;
}

// The first string "datePublished" in JSON-LD `value`, depth first.
std::string json_ld_date(const nlohmann::json& value, int depth) {
  if (depth > kMaxJsonLdDepth) return {};
  if (value.is_object()) {
    const auto found = value.find("datePublished");
    if (found != value.end() && found->is_string()) return found->get<std::string>();
  }
  if (value.is_object() || value.is_array()) {
    for (const auto& item : value) {
      std::string date = json_ld_date(item, depth + 1);
      if (!date.empty()) return date;
    }
  }
  return {};
}

// True if `word` is one of the space-separated words of `words`.
bool has_word(std::string_view words, std::string_view word) {
  while (!words.empty()) {
    words = trim(words);
    const std::size_t end = std::min(words.find_first_of(" \t\n\r\f"), words.size());
    if (words.substr(0, end) == word) return true;
    words.remove_prefix(end);
  }
  return false;
}

void set_once(std::string& field, std::string_view value) {
  if (field.empty()) field = trim(value);
}

void read_element(const GumboNode& node, bool in_furniture, PageMetadata& page) {
  // An SVG <title> or <script> says nothing about the page (and may hold a whole subtree).
  if (node.v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  const GumboTag tag = node.v.element.tag;
  if (tag == GUMBO_TAG_HTML) set_once(page.language, html_attribute(node, "lang"));
  if (tag == GUMBO_TAG_TITLE) set_once(page.title_element, text_content(node));
  if (tag == GUMBO_TAG_META) {
    std::string key = lowercase(html_attribute(node, "property"));
    if (key.empty()) key = lowercase(html_attribute(node, "name"));
    const std::string_view content = html_attribute(node, "content");
    if (key == "og:title") set_once(page.og_title, content);
    if (key == "og:site_name") set_once(page.site_name, content);
    if (key == "og:url") set_once(page.og_url, content);
    if (key == "article:published_time") set_once(page.published_time, content);
  }
  if (tag == GUMBO_TAG_LINK && has_word(lowercase(html_attribute(node, "rel")), "canonical")) {
    set_once(page.canonical, html_attribute(node, "href"));
  }
  if (tag == GUMBO_TAG_SCRIPT && page.json_ld_date.empty() &&
      lowercase(trim(html_attribute(node, "type"))) == "application/ld+json") {
    const nlohmann::json json = nlohmann::json::parse(text_content(node), nullptr, false);
    if (!json.is_discarded()) page.json_ld_date = json_ld_date(json, 0);
  }
  if (tag == GUMBO_TAG_TIME) {
    const std::string_view datetime = html_attribute(node, "datetime");
    const bool marked = gumbo_get_attribute(&node.v.element.attributes, "pubdate") != nullptr ||
                        html_attribute(node, "itemprop") == "datePublished";
    if (marked) set_once(page.marked_time, datetime);
    if (!in_furniture) set_once(page.plain_time, datetime);
  }
}

// Walks the tree for metadata. A <time> inside furniture other than a <header> (where an
// article's own time often is) does not date the page: it may date a related article.
void read_metadata(const GumboNode& node, int depth, bool in_furniture, PageMetadata& page) {
  if (depth > kMaxHtmlDepth) return;
  const GumboVector* children = nullptr;
  if (node.type == GUMBO_NODE_DOCUMENT) children = &node.v.document.children;
  if (node.type == GUMBO_NODE_ELEMENT) {
    read_element(node, in_furniture, page);
    const GumboTag tag = node.v.element.tag;
    in_furniture = in_furniture ||
                   (is_html_furniture(node) && tag != GUMBO_TAG_HEADER && tag != GUMBO_TAG_HEAD);
    children = &node.v.element.children;
  }
  if (children == nullptr) return;
  for (unsigned int i = 0; i < children->length; ++i) {
    read_metadata(*static_cast<const GumboNode*>(children->data[i]), depth + 1, in_furniture, page);
  }
}

// `title` without a trailing " | Site Name" (or " - ", " – ", " — ", " · ") naming `site`.
std::string without_site_suffix(std::string_view title, std::string_view site) {
  if (site.empty()) return std::string(title);
  for (std::string_view separator : {" | ", " - ", " \u2013 ", " \u2014 ", " \u00B7 "}) {
    const std::string suffix = std::string(separator).append(site);
    if (title.size() > suffix.size() && lowercase(title).ends_with(lowercase(suffix))) {
      return std::string(trim(title.substr(0, title.size() - suffix.size())));
    }
  }
  return std::string(title);
}

std::string collapse_white_space(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    if (is_space(c)) {
      if (!out.ends_with(' ')) out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::map<std::string, std::string> metadata_fields(const PageMetadata& page) {
  std::map<std::string, std::string> fields;
  auto put = [&](const char* name, std::string value) {
    if (!value.empty()) fields[name] = std::move(value);
  };
  const std::string site = collapse_white_space(page.site_name);
  put("title", page.og_title.empty()
                   ? without_site_suffix(collapse_white_space(page.title_element), site)
                   : page.og_title);
  put("source", site);
  put("url", page.og_url.empty() ? page.canonical : page.og_url);
  put("language", page.language);
  // The first date that can be read; if none can, the first, for the resolver to report.
  const std::string* dates[] = {&page.published_time, &page.json_ld_date, &page.marked_time,
                                &page.plain_time};
  for (const std::string* date : dates) {
    if (!date->empty() && schema::parse_metadata_date(*date).date) {
      put("date", *date);
      break;
    }
  }
  for (const std::string* date : dates) {
    if (!fields.contains("date")) put("date", *date);
  }
  return fields;
}

}  // namespace

std::span<const std::string_view> HtmlReader::extensions() const noexcept { return kExtensions; }

bool HtmlReader::recognises(std::string_view content) const {
  content = content.substr(0, 1024);
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) content.remove_prefix(2);
  std::string ascii;  // NUL bytes dropped, so that UTF-16 with a byte order mark is seen too.
  for (char c : content) {
    if (c != '\0') ascii += c;
  }
  const std::string_view start = trim(ascii);
  if (start.size() < 2 || start[0] != '<') return false;
  const char next = start[1];
  return next == '!' || next == '?' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
}

std::string declared_html_charset(std::string_view content) {
  const std::string head = lowercase(content.substr(0, kHtmlCharsetScanBytes));
  for (std::size_t at = head.find("<meta"); at != std::string::npos;
       at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    std::string http_equiv, content_type;
    for (const auto& [name, value] :
         tag_attributes(std::string_view(head).substr(at + 5, end - at - 5))) {
      if (name == "charset" && !trim(value).empty()) return std::string(trim(value));
      if (name == "http-equiv") http_equiv = trim(value);
      if (name == "content") content_type = value;
    }
    if (http_equiv == "content-type") {
      std::string charset = charset_parameter(content_type);
      if (!charset.empty()) return charset;
    }
  }
  return {};
}

FileArticles HtmlReader::read(std::string content, const std::string&) const {
  DecodeHints hints;
  hints.declared = declared_html_charset(content);
  hints.markup = true;
  DecodedText decoded = decode_to_utf8(std::move(content), hints);
  // gumbo's time is not linear in the page (nesting times tags, attributes squared): pages
  // that would take it long are refused before it starts.
  require_html_within_limits(decoded.text);

  GumboMemory memory;
  GumboOptions options = memory.options();
  options.max_errors = 0;  // Parse errors are not reported: keep none.
  const std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, decoded.text.data(), decoded.text.size()),
      OutputDeleter{&options});
  if (!output) throw Error(ErrorKind::kBadArgument, "cannot parse the HTML");

  PageMetadata page;
  read_metadata(*output->document, 0, false, page);
  RawArticle article;
  article.text = html_article_text(*output->document);
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorKind::kBadArgument, "no article text in the HTML page");
  }
  article.metadata = metadata_fields(page);
  article.metadata_origin = FieldOrigin::kDocument;
  article.charset = std::move(decoded.charset);
  FileArticles file;
  file.articles.push_back(std::move(article));
  return file;
}

}  // namespace pressclip::indexer
