// Resolving article metadata by precedence, with provenance.
#include "indexer/metadata_resolver.h"

#include "indexer/agency_credits.h"
#include "indexer/date_inference.h"
#include "schema/date_parser.h"

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

// Adds `name` to `agencies` unless an agency of that canonical name is there already.
void add_agency(std::vector<MetadataField>& agencies, std::string name, FieldOrigin origin) {
  for (const MetadataField& agency : agencies) {
    if (agency.value == name) return;
  }
  agencies.push_back({std::move(name), origin});
}

std::vector<MetadataField> resolve_agencies(const Layer* layers, std::size_t layer_count,
                                            std::string_view text, const MetadataField& source,
                                            const NameTables& names) {
  std::vector<MetadataField> agencies;
  for (std::size_t i = 0; i < layer_count; ++i) {
    auto found = layers[i].values->find("agency");
    if (found == layers[i].values->end()) continue;
    std::string_view list = found->second;
    while (!list.empty()) {
      const std::size_t end = std::min(list.find_first_of(",;"), list.size());
      const std::string name = collapse_white_space(list.substr(0, end));
      if (!name.empty()) add_agency(agencies, names.agencies.canonical(name), layers[i].origin);
      list.remove_prefix(std::min(end + 1, list.size()));
    }
  }
  for (const std::string& agency : credited_agencies(find_agency_credits(text, names.agencies))) {
    add_agency(agencies, agency, FieldOrigin::kCredit);
  }
  if (!source.value.empty() && names.agencies.knows(source.value)) {
    add_agency(agencies, names.agencies.canonical(source.value), source.origin);
  }
  return agencies;
}

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
                                 schema::TextSpan first_sentence, const NameTables& names,
                                 std::vector<std::string>& problems) {
  const Layer order[] = {{&layers.given, FieldOrigin::kGiven},
                         {&layers.front_matter, FieldOrigin::kFrontMatter},
                         {&layers.document, FieldOrigin::kDocument},
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
  metadata.source = resolve("source", [&](std::string& value, FieldOrigin) {
    value = names.sources.canonical(value);
    return true;
  });
  metadata.url = resolve("url", any_value);
  metadata.language = resolve("language", [](std::string& value, FieldOrigin) {
    for (char& c : value) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return true;
  });
  metadata.date = resolve("date", [&](std::string& value, FieldOrigin origin) {
    const schema::DateReading reading = schema::parse_metadata_date(value);
    if (!reading.date) {
      problems.push_back("ignored " + std::string(to_string(origin)) + " date: " + reading.problem);
      return false;
    }
    value = reading.date->to_iso();
    return true;
  });
  if (metadata.date.value.empty()) {
    if (auto inferred = infer_publication_date(text)) {
      metadata.date = {inferred->date.to_iso(), FieldOrigin::kInferred};
    }
  }
  metadata.agencies = resolve_agencies(order, std::size(order), text, metadata.source, names);
  if (metadata.title.value.empty()) {
    std::string_view sentence =
        text.substr(first_sentence.start, first_sentence.end - first_sentence.start);
    metadata.title = {shorten_at_word(collapse_white_space(sentence), kMaxDefaultTitleBytes),
                      FieldOrigin::kDefault};
  }
  return metadata;
}

}  // namespace pressclip::indexer
