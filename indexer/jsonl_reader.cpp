// Reading JSON Lines files with nlohmann::json: one object per line, each an article.
#include "indexer/jsonl_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "indexer/charset_decoder.h"
#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 2> kExtensions = {".jsonl", ".ndjson"};
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// A metadata field and the names it is read from, first found first.
struct FieldNames {
  const char* field;
  std::vector<const char*> names;
};

const std::array<FieldNames, 6>& metadata_names() {
  static const std::array<FieldNames, 6> table = {{
      {"title", {"title", "headline"}},
      {"source", {"source", "publisher", "site_name"}},
      {"date", {"date", "published", "published_at", "datePublished"}},
      {"url", {"url", "link"}},
      {"language", {"language", "lang"}},
      {"agency", {"agency", "agencies"}},
  }};
  return table;
}

constexpr std::array<const char*, 3> kTextNames = {"text", "body", "content"};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The value of `field` given by `value`, if usable: a non-blank string; for a source, also an
// object's "name"; for agencies, also an array of strings, joined by ", ".
std::optional<std::string> metadata_value(std::string_view field, const json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (!is_blank(text)) return text;
    return std::nullopt;
  }
  if (field == "source" && value.is_object()) {
    const auto name = value.find("name");
    if (name != value.end() && name->is_string() &&
        !is_blank(name->get_ref<const std::string&>())) {
      return name->get<std::string>();
    }
  }
  if (field == "agency" && value.is_array()) {
    std::string joined;
    for (const json& item : value) {
      if (!item.is_string() || is_blank(item.get_ref<const std::string&>())) continue;
      if (!joined.empty()) joined += ", ";
      joined += item.get_ref<const std::string&>();
    }
    if (!joined.empty()) return joined;
  }
  return std::nullopt;
}

// The id an object states: a non-empty string, or an integer as decimal text; else "".
std::string stated_id(const json& object) {
  const auto id = object.find("id");
  if (id == object.end()) return {};
  if (id->is_string()) return id->get<std::string>();
  if (id->is_number_unsigned()) return std::to_string(id->get<std::uint64_t>());
  if (id->is_number_integer()) return std::to_string(id->get<std::int64_t>());
  return {};
}

// "column C: what" from a parse error's message ("[json.exception.parse_error.101] parse
// error at line 1, column C: what; last read: '...'"), without the text last read, which
// may be long.
std::string parse_problem(const json::parse_error& error) {
  std::string_view message = error.what();
  const std::size_t column = message.find("column ");
  if (column == std::string_view::npos) return "at byte " + std::to_string(error.byte);
  message.remove_prefix(column);
  return std::string(message.substr(0, message.find("; last read")));
}

// The article on one line, or why the line gives none. `record` is left to the caller.
struct LineReading {
  std::optional<RawArticle> article;
  std::string problem;
};

LineReading read_line(std::string_view line) {
  if (const std::size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
    return {std::nullopt, "not valid UTF-8 (bad byte at column " + std::to_string(bad + 1) + ")"};
  }
  // nlohmann::json reads a NUL byte as the end of its input: say what it is.
  if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos) {
    return {std::nullopt, "not valid JSON (NUL byte at column " + std::to_string(nul + 1) + ")"};
  }
  json object;
  try {
    object = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& error) {
    return {std::nullopt, "not valid JSON (" + parse_problem(error) + ")"};
  } catch (const json::exception&) {
    // out_of_range 406: valid JSON, but a number beyond a double ("1e400") cannot be held.
    return {std::nullopt, "not readable JSON (a number is too large)"};
  }
  if (!object.is_object()) return {std::nullopt, "not a JSON object"};

  const json* text = nullptr;
  for (const char* name : kTextNames) {
    const auto found = object.find(name);
    if (found != object.end() && !found->is_null()) {
      text = &*found;
      break;
    }
  }
  if (text == nullptr) return {std::nullopt, "no text (no \"text\", \"body\" or \"content\")"};
  if (!text->is_string()) return {std::nullopt, "the text is not a string"};
  RawArticle article;
  article.text = text->get<std::string>();
  if (is_blank(article.text)) return {std::nullopt, "the text is empty"};
  if (article.text.find('\0') != std::string::npos) {
    return {std::nullopt, "the text holds a NUL character"};
  }
  for (const FieldNames& field : metadata_names()) {
    for (const char* name : field.names) {
      const auto found = object.find(name);
      if (found == object.end()) continue;
      if (std::optional<std::string> value = metadata_value(field.field, *found)) {
        article.metadata[field.field] = std::move(*value);
        break;
      }
    }
  }
  article.metadata_origin = FieldOrigin::kDocument;
  article.id = stated_id(object);
  return {std::move(article), {}};
}

}  // namespace

std::span<const std::string_view> JsonLinesReader::extensions() const noexcept {
  return kExtensions;
}

bool JsonLinesReader::recognises(std::string_view content) const {
  if (content.starts_with(kByteOrderMark)) content.remove_prefix(kByteOrderMark.size());
  const std::size_t first = content.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && content[first] == '{';
}

FileArticles JsonLinesReader::read(std::string content, const std::string&) const {
  std::string_view rest = content;
  if (rest.starts_with(kByteOrderMark)) rest.remove_prefix(kByteOrderMark.size());
  if (const std::size_t nul = rest.substr(0, rest.find('\n')).find('\0');
      nul != std::string_view::npos) {
    throw Error(ErrorKind::kBadArgument, "binary file, not text (NUL byte at offset " +
                                             std::to_string(nul + content.size() - rest.size()) +
                                             ")");
  }
  FileArticles file;
  std::map<std::string, std::size_t, std::less<>> line_of_record;
  for (std::size_t line_number = 1; !rest.empty(); ++line_number) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (is_blank(line)) continue;

    const std::string where = "line " + std::to_string(line_number);
    LineReading reading = read_line(line);
    if (!reading.article) {
      file.skipped.push_back(where + ": " + reading.problem);
      continue;
    }
    RawArticle& article = *reading.article;
    article.record =
        article.id.empty() ? "line-" + std::to_string(line_number) : std::string(article.id);
    const auto [seen, added] = line_of_record.emplace(article.record, line_number);
    if (!added) {
      file.skipped.push_back(where + ": duplicate record key '" + article.record +
                             "' (first on line " + std::to_string(seen->second) + ")");
      continue;
    }
    article.location = where;
    file.articles.push_back(std::move(article));
  }
  return file;
}

}  // namespace pressclip::indexer
