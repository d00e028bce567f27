// Resolving article metadata by precedence, with provenance.
#include "indexer/metadata_resolver.h"

#include "schema/partial_date.h"

namespace pressclip::indexer {
namespace {

std::string collapse_white_space(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

struct Layer {
  const std::map<std::string, std::string>* values;
  FieldOrigin origin;
};

}  // namespace

std::string shorten_at_word(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    // Back off to the start of a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string_view kept = text.substr(0, cut);
  while (kept.ends_with(' ') || kept.ends_with(',') || kept.ends_with(';')) kept.remove_suffix(1);
  return std::string(kept) + "\u2026";
}

ArticleMetadata resolve_metadata(const MetadataLayers& layers, std::string_view text,
                                 schema::TextSpan first_sentence,
                                 std::vector<std::string>& problems) {
  const Layer order[] = {{&layers.front_matter, FieldOrigin::kFrontMatter},
                         {&layers.manifest, FieldOrigin::kManifest},
                         {&layers.text, FieldOrigin::kText}};
  auto resolve = [&](const std::string& name, auto&& usable) {
    for (const Layer& layer : order) {
      auto found = layer.values->find(name);
      if (found == layer.values->end()) continue;
      std::string value = collapse_white_space(found->second);
      if (value.empty()) continue;
      if (usable(value, layer.origin)) return MetadataField{value, layer.origin};
    }
    return MetadataField{};
  };
  auto any_value = [](std::string&, FieldOrigin) { return true; };

  ArticleMetadata metadata;
  metadata.title = resolve("title", any_value);
  metadata.source = resolve("source", any_value);
  metadata.url = resolve("url", any_value);
  metadata.language = resolve("language", [](std::string& value, FieldOrigin) {
    for (char& c : value) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return true;
  });
  metadata.date = resolve("date", [&](std::string& value, FieldOrigin origin) {
    auto date = schema::parse_iso_date(value);
    if (!date) {
      problems.push_back("ignored " + std::string(to_string(origin)) + " date '" + value +
                         "': not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)");
      return false;
    }
    value = date->to_iso();
    return true;
  });
  if (metadata.title.value.empty()) {
    std::string_view sentence =
        text.substr(first_sentence.start, first_sentence.end - first_sentence.start);
    metadata.title = {shorten_at_word(collapse_white_space(sentence), kMaxDefaultTitleBytes),
                      FieldOrigin::kDefault};
  }
  return metadata;
}

}  // namespace pressclip::indexer
