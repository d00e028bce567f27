// JSON encoding of stored articles (document data).
#include "schema/stored_article.h"

#include <nlohmann/json.hpp>

#include "pressclip/error.h"

namespace pressclip::schema {
namespace {

// 2: the text follows the JSON header after a newline, rather than inside it, so reading a
// record parses a few hundred bytes of JSON instead of the whole escaped text.
// 3: agencies, and the origins "credit" and "inferred from text". Added since without a new
// version, as older readers ignore them: "charset" (absent means UTF-8), origin "document".
constexpr int kRecordVersion = 3;

nlohmann::json encode_field(const MetadataField& field) {
  return {{"value", field.value}, {"origin", to_string(field.origin)}};
}

MetadataField decode_field(const nlohmann::json& json) {
  MetadataField field;
  field.value = json.at("value").get<std::string>();
  const std::string origin = json.at("origin").get<std::string>();
  for (FieldOrigin candidate :
       {FieldOrigin::kGiven, FieldOrigin::kFrontMatter, FieldOrigin::kDocument,
        FieldOrigin::kManifest, FieldOrigin::kText, FieldOrigin::kCredit, FieldOrigin::kInferred,
        FieldOrigin::kDefault}) {
    if (origin == to_string(candidate)) field.origin = candidate;
  }
  return field;
}

// True if `text` can be a JSON string as it is (valid UTF-8).
bool is_json_text(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

std::string to_hex(const std::string& bytes) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : bytes) {
    hex += kHexDigits[byte >> 4];
    hex += kHexDigits[byte & 0xf];
  }
  return hex;
}

std::string from_hex(const std::string& hex) {
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1]));
  }
  return bytes;
}

}  // namespace

std::string encode_article(const ArticleRecord& record) {
  nlohmann::json passages = nlohmann::json::array();
  for (const PassageSpan& passage : record.passages) {
    passages.push_back({passage.start, passage.end});
  }
  const ArticleMetadata& metadata = record.metadata;
  nlohmann::json agencies = nlohmann::json::array();
  for (const MetadataField& agency : metadata.agencies) agencies.push_back(encode_field(agency));
  nlohmann::json json = {
      {"v", kRecordVersion},
      {"id", record.id},
      {"path", record.path},
      {"title", encode_field(metadata.title)},
      {"source", encode_field(metadata.source)},
      {"date", encode_field(metadata.date)},
      {"url", encode_field(metadata.url)},
      {"language", encode_field(metadata.language)},
      {"agencies", std::move(agencies)},
      {"passages", std::move(passages)},
      {"charset", record.charset},
  };
  if (!record.record.empty()) json["record"] = record.record;
  // A file name need not be UTF-8: its exact bytes are kept beside a readable form.
  if (!is_json_text(record.path)) json["path_hex"] = to_hex(record.path);
  // Invalid UTF-8 never reaches here (readers convert it), but never throw on it either.
  // A compact dump escapes every newline, so the first newline ends the header.
  std::string data = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  data += '\n';
  data += record.text;
  return data;
}

ArticleRecord decode_article(const std::string& data) {
  try {
    const std::size_t header_end = data.find('\n');
    if (header_end == std::string::npos) {
      throw Error(ErrorKind::kIndexCorrupt, "stored article has no text part");
    }
    nlohmann::json json = nlohmann::json::parse(data.begin(), data.begin() + header_end);
    if (json.at("v").get<int>() != kRecordVersion) {
      throw Error(ErrorKind::kIndexVersion, "stored article has an unknown record version");
    }
    ArticleRecord record;
    record.id = json.at("id").get<std::string>();
    record.path = json.contains("path_hex") ? from_hex(json.at("path_hex").get<std::string>())
                                            : json.at("path").get<std::string>();
    record.metadata.title = decode_field(json.at("title"));
    record.metadata.source = decode_field(json.at("source"));
    record.metadata.date = decode_field(json.at("date"));
    record.metadata.url = decode_field(json.at("url"));
    record.metadata.language = decode_field(json.at("language"));
    for (const auto& agency : json.at("agencies")) {
      record.metadata.agencies.push_back(decode_field(agency));
    }
    record.charset = json.value("charset", std::string("UTF-8"));
    record.record = json.value("record", std::string());
    record.text = data.substr(header_end + 1);
    std::size_t index = 0;
    for (const auto& span : json.at("passages")) {
      PassageSpan passage{index++, span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()};
      if (passage.start > passage.end || passage.end > record.text.size()) {
        throw Error(ErrorKind::kIndexCorrupt, "stored passage lies outside its article");
      }
      record.passages.push_back(passage);
    }
    return record;
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorKind::kIndexCorrupt,
                std::string("stored article is not readable: ") + error.what());
  }
}

}  // namespace pressclip::schema
