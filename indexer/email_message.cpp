// Reading e-mail and netnews messages with GMime: metadata from the headers, the body from
// the text part that holds it.
#include "indexer/email_message.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "indexer/charset_decoder.h"
#include "indexer/html_reader.h"
#include "pressclip/error.h"
#include "schema/date_parser.h"

namespace pressclip::indexer {
namespace {

// Multiparts nested deeper than this are not searched for a body (GMime itself stops
// parsing at 1024 levels; a real message has a handful).
constexpr int kMaxMimeDepth = 64;

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(gpointer memory) const { g_free(memory); }
};

void initialise_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_blank(std::string_view text) { return trim(text).empty(); }

// `text` as valid UTF-8: as it is if it is, else converted as decode_to_utf8 sees it; ""
// if it cannot be (GMime decodes headers to UTF-8, but a broken encoded word may slip by).
std::string valid_utf8(std::string_view text) {
  if (find_invalid_utf8(text) == std::string_view::npos) return std::string(text);
  try {
    return decode_to_utf8(std::string(text)).text;
  } catch (const Error&) {
    return {};
  }
}

// A header's value, unfolded, encoded words decoded, trimmed; "" if absent.
std::string header(GMimeObject* object, const char* name) {
  const char* value = g_mime_object_get_header(object, name);
  return value == nullptr ? std::string() : std::string(trim(valid_utf8(value)));
}

std::string optional_text(const char* text) {
  return text == nullptr ? std::string() : std::string(trim(valid_utf8(text)));
}

// The name a List-Id gives its list (RFC 2919, `"Phrase" <list.id>`): the phrase without
// its quotes, else the id.
std::string list_name(std::string_view list_id) {
  const std::size_t open = list_id.rfind('<');
  if (open == std::string_view::npos) return std::string(trim(list_id));
  std::string_view phrase = trim(list_id.substr(0, open));
  if (phrase.size() >= 2 && phrase.front() == '"' && phrase.back() == '"') {
    phrase = phrase.substr(1, phrase.size() - 2);
  }
  std::string name;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (phrase[i] == '\\' && i + 1 < phrase.size()) ++i;
    name += phrase[i];
  }
  if (!is_blank(name)) return std::string(trim(name));
  std::string_view id = list_id.substr(open + 1);
  return std::string(trim(id.substr(0, id.find('>'))));
}

// The first item of a list separated by commas (Newsgroups, Content-Language).
std::string first_item(std::string_view list) {
  return std::string(trim(list.substr(0, list.find(','))));
}

// The display name of the first From address, else its address.
std::string sender_name(GMimeMessage* message) {
  InternetAddressList* from = g_mime_message_get_from(message);
  if (from == nullptr || internet_address_list_length(from) == 0) return {};
  InternetAddress* address = internet_address_list_get_address(from, 0);
  std::string name = optional_text(internet_address_get_name(address));
  if (name.empty() && INTERNET_ADDRESS_IS_MAILBOX(address)) {
    name = optional_text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
  }
  return name;
}

std::string source_name(GMimeMessage* message) {
  GMimeObject* object = GMIME_OBJECT(message);
  if (std::string list = list_name(header(object, "List-Id")); !list.empty()) return list;
  std::string groups = header(object, "Newsgroups");
  for (char& c : groups) {
    if (is_space(c)) c = ',';  // Some posters separate groups with spaces.
  }
  const std::size_t first = groups.find_first_not_of(',');
  if (first != std::string::npos) return first_item(std::string_view(groups).substr(first));
  return sender_name(message);
}

// The Date header as written if pressclip reads it, else as GMime does, in ISO 8601.
std::string message_date(GMimeMessage* message) {
  const std::string written = header(GMIME_OBJECT(message), "Date");
  if (written.empty() || schema::parse_metadata_date(written).date) return written;
  GDateTime* date = g_mime_utils_header_decode_date(written.c_str());
  if (date == nullptr) return written;
  const std::unique_ptr<gchar, GFree> iso(g_date_time_format(date, "%Y-%m-%dT%H:%M:%S%:z"));
  g_date_time_unref(date);
  return iso == nullptr ? written : std::string(iso.get());
}

// The Message-ID without angle brackets, "" if absent or not usable as a key.
std::string message_id(GMimeMessage* message) {
  std::string id = optional_text(g_mime_message_get_message_id(message));
  for (char c : id) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '\x7F') return {};
  }
  return id;
}

// The leaf parts that may hold the body, depth first, in their order of preference.
struct BodyParts {
  std::vector<GMimePart*> plain;
  std::vector<GMimePart*> html;
};

void collect_body_parts(GMimeObject* object, int depth, BodyParts& parts) {
  if (object == nullptr || depth > kMaxMimeDepth) return;
  if (GMIME_IS_MULTIPART(object)) {
    if (GMIME_IS_MULTIPART_ENCRYPTED(object)) return;
    GMimeMultipart* multipart = GMIME_MULTIPART(object);
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i) {
      collect_body_parts(g_mime_multipart_get_part(multipart, i), depth + 1, parts);
    }
    return;
  }
  // Attached messages (GMimeMessagePart) are not the body: only leaf parts are searched.
  if (!GMIME_IS_PART(object)) return;
  GMimePart* part = GMIME_PART(object);
  if (g_mime_part_is_attachment(part)) return;
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return;
  if (g_mime_content_type_is_type(type, "text", "plain")) parts.plain.push_back(part);
  if (g_mime_content_type_is_type(type, "text", "html")) parts.html.push_back(part);
}

// A part's content with its transfer encoding (base64, quoted-printable, ...) decoded.
std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  const GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  if (bytes == nullptr || bytes->data == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string parameter(GMimePart* part, const char* name) {
  return optional_text(g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), name));
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return g_ascii_tolower(x) == g_ascii_tolower(y);
         });
}

std::string without_carriage_returns(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] == '\n')) continue;
    out += text[i];
  }
  return out;
}

// `text` without its signature: from the last line that is exactly "-- " (the usual
// separator), unless nothing would be left.
std::string_view without_signature(std::string_view text) {
  std::size_t separator = std::string_view::npos;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (text.substr(start, end - start) == "-- ") separator = start;
    start = end + 1;
  }
  if (separator == std::string_view::npos || is_blank(text.substr(0, separator))) return text;
  return text.substr(0, separator);
}

// format=flowed text (RFC 3676) with its soft line breaks joined: a line ending in a space
// goes on with the next line of the same quote depth (the space deleted if `delete_space`,
// delsp=yes). Space-stuffing is undone; quoted lines keep their '>' marks.
std::string unflowed(std::string_view text, bool delete_space) {
  std::string out;
  bool continuing = false;
  std::size_t continuing_depth = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    std::size_t depth = 0;
    while (depth < line.size() && line[depth] == '>') ++depth;
    std::string_view content = line.substr(depth);
    if (content.starts_with(' ')) content.remove_prefix(1);
    if (continuing && depth != continuing_depth) out += '\n';
    if (!continuing || depth != continuing_depth) {
      if (depth > 0) out.append(depth, '>').append(content.empty() ? "" : " ");
    }
    const bool flowed = content.ends_with(' ') && content != "-- ";
    if (flowed && delete_space) content.remove_suffix(1);
    out += content;
    continuing = flowed;
    continuing_depth = depth;
    if (!flowed) out += '\n';
  }
  if (continuing) out += '\n';
  return out;
}

// The text of one body part, or why it has none.
struct PartText {
  std::string text;
  std::string charset;
  std::string language;  ///< An HTML part's <html lang>.
  std::string title;     ///< An HTML part's title.
  std::string problem;
};

PartText plain_text(GMimePart* part) {
  PartText result;
  DecodeHints hints;
  hints.declared = parameter(part, "charset");
  try {
    DecodedText decoded = decode_to_utf8(decoded_content(part), hints);
    result.charset = std::move(decoded.charset);
    std::string text = without_carriage_returns(decoded.text);
    text = std::string(without_signature(text));
    if (equals_ignoring_case(parameter(part, "format"), "flowed")) {
      text = unflowed(text, equals_ignoring_case(parameter(part, "delsp"), "yes"));
    }
    // One line end at the end, as the other readers give.
    while (!text.empty() && is_space(text.back())) text.pop_back();
    if (!text.empty()) text += '\n';
    result.text = std::move(text);
  } catch (const Error& error) {
    result.problem = std::string("text/plain part: ") + error.what();
  }
  return result;
}

PartText html_text(GMimePart* part) {
  PartText result;
  std::string html = decoded_content(part);
  try {
    // A charset the MIME header declares wins over the page's own <meta> (which the HTML
    // reader reads when there is none).
    if (const std::string charset = parameter(part, "charset"); !charset.empty()) {
      DecodeHints hints;
      hints.declared = charset;
      hints.markup = true;
      DecodedText decoded = decode_to_utf8(std::move(html), hints);
      html = std::move(decoded.text);
      result.charset = std::move(decoded.charset);
    }
    RawArticle page = std::move(HtmlReader().read(std::move(html), "").articles.front());
    result.text = std::move(page.text);
    if (result.charset.empty()) result.charset = std::move(page.charset);
    result.language = page.metadata["language"];
    result.title = page.metadata["title"];
  } catch (const Error& error) {
    result.problem = std::string("text/html part: ") + error.what();
  }
  return result;
}

// The body: the first plain-text part with text, else the first HTML part with text.
std::pair<PartText, GMimePart*> body_text(GMimeMessage* message) {
  BodyParts parts;
  collect_body_parts(g_mime_message_get_mime_part(message), 0, parts);
  std::string first_problem;
  for (const auto& [candidates, reader] :
       {std::pair{&parts.plain, &plain_text}, std::pair{&parts.html, &html_text}}) {
    for (GMimePart* part : *candidates) {
      PartText text = reader(part);
      if (text.problem.empty() && is_blank(text.text)) {
        text.problem =
            candidates == &parts.plain ? "text/plain part is empty" : "text/html part is empty";
      }
      if (text.problem.empty()) return {std::move(text), part};
      if (first_problem.empty()) first_problem = std::move(text.problem);
    }
  }
  PartText none;
  none.problem = first_problem.empty() ? "no text part (only attachments or other media)"
                                       : "no text (" + first_problem + ")";
  return {std::move(none), nullptr};
}

MessageArticle read_message(GMimeMessage* message) {
  auto [body, part] = body_text(message);
  if (part == nullptr) return {std::nullopt, std::move(body.problem)};
  GMimeObject* object = GMIME_OBJECT(message);
  RawArticle article;
  article.text = std::move(body.text);
  article.charset = body.charset.empty() ? "UTF-8" : std::move(body.charset);
  article.metadata_origin = FieldOrigin::kDocument;
  article.id = message_id(message);
  auto put = [&](const char* field, std::string value) {
    if (!is_blank(value)) article.metadata[field] = std::move(value);
  };
  std::string title = optional_text(g_mime_message_get_subject(message));
  put("title", title.empty() ? std::move(body.title) : std::move(title));
  put("source", source_name(message));
  put("date", message_date(message));
  std::string url = header(object, "Archived-At");
  if (url.starts_with('<')) url = url.substr(1, url.find('>') - 1);
  put("url", std::move(url));
  // GMime keeps a message's Content-* headers on its top-level MIME part.
  std::string language;
  for (GMimeObject* holder : {GMIME_OBJECT(part), g_mime_message_get_mime_part(message), object}) {
    if (holder != nullptr && language.empty()) {
      language = first_item(header(holder, "Content-Language"));
    }
  }
  put("language", language.empty() ? std::move(body.language) : std::move(language));
  return {std::move(article), {}};
}

}  // namespace

void read_messages(std::string_view content, MessageLayout layout,
                   const std::function<bool(MessageArticle)>& each) {
  initialise_gmime();
  const GObjectPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(content.data(), content.size()));
  const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(
      parser.get(), layout == MessageLayout::kMbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  while (!g_mime_parser_eos(parser.get())) {
    const gint64 before = g_mime_parser_tell(parser.get());
    const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (message == nullptr) {
      if (layout == MessageLayout::kSingle) each({std::nullopt, "not an e-mail message"});
      return;
    }
    if (!each(read_message(message.get())) || layout == MessageLayout::kSingle) return;
    if (g_mime_parser_tell(parser.get()) <= before) return;  // No progress: nothing more.
  }
}

}  // namespace pressclip::indexer
