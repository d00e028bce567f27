// JSON Lines output (docs/output-format.md), built with nlohmann::ordered_json.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "escaped_text.h"
#include "printer.h"
#include "skip_reasons.h"
#include "timeline_json.h"

namespace pressclip::cli {
namespace {

// JSON schema 1 named the origin of a "Source:" line "text"; text output says "text line".
const char* origin_name(FieldOrigin origin) {
  return origin == FieldOrigin::kText ? "text" : to_string(origin);
}

nlohmann::ordered_json field_json(const MetadataField& field) {
  return {{"value", field.value}, {"origin", origin_name(field.origin)}};
}

// Sets `object[name]` to `path` and, if `path` is not valid UTF-8, `object[name + "_bytes"]`
// to its bytes in base64: a JSON string holds only Unicode, so the bytes that are not are
// written as U+FFFD in `name`, and a program that must open the file finds them exactly in
// the other member (as ripgrep's JSON output does for such data).
void set_path(nlohmann::ordered_json& object, const std::string& name, const std::string& path) {
  object[name] = path;
  if (!is_valid_utf8(path)) object[name + "_bytes"] = base64_encode(path);
}

nlohmann::ordered_json counts_json(const std::vector<FacetValue>& values) {
  nlohmann::ordered_json counts = nlohmann::ordered_json::array();
  for (const FacetValue& value : values) {
    counts.push_back({{"value", value.value}, {"articles", value.articles}});
  }
  return counts;
}

nlohmann::ordered_json facets_json(const Facets& facets) {
  return {{"articles", facets.articles},
          {"sources", counts_json(facets.sources)},
          {"agencies", counts_json(facets.agencies)},
          {"months", counts_json(facets.months)},
          {"without_source", facets.without_source},
          {"without_agency", facets.without_agency},
          {"undated", facets.undated},
          {"dated_to_year", facets.dated_to_year},
          {"inferred_dates", facets.inferred_dates}};
}

class JsonPrinter : public Printer {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void query_explanation(const QueryExplanation& explanation,
                         std::size_t matching_articles) override {
    nlohmann::ordered_json parts = nlohmann::ordered_json::array();
    for (const QueryPartExplanation& part : explanation.parts) {
      parts.push_back({{"kind", part.kind},
                       {"terms", part.terms},
                       {"window", part.window},
                       {"required", part.required},
                       {"idf", part.idf},
                       {"forms", part.forms},
                       {"form_count", part.form_count}});
    }
    emit({{"format_version", kJsonFormatVersion},
          {"query",
           {{"normalised", explanation.normalised},
            {"parsed", explanation.parsed},
            {"parts", std::move(parts)},
            {"matching_articles", matching_articles}}}});
  }

  void hit(const SearchHit& hit) override {
    nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
    for (const Highlight& highlight : hit.highlights)
      highlights.push_back({highlight.start, highlight.end});
    nlohmann::ordered_json object = {{"format_version", kJsonFormatVersion},
                                     {"rank", hit.rank},
                                     {"score", hit.score},
                                     {"article",
                                      {{"id", hit.article.id},
                                       {"path", hit.article.path},
                                       {"record", hit.article.record},
                                       {"title", hit.article.title},
                                       {"source", hit.article.source},
                                       {"agencies", hit.article.agencies},
                                       {"date", hit.article.date},
                                       {"date_inferred", hit.article.date_inferred}}},
                                     {"passage",
                                      {{"index", hit.passage.index},
                                       {"start", hit.passage.start},
                                       {"end", hit.passage.end},
                                       {"text", hit.passage_text},
                                       {"highlights", std::move(highlights)},
                                       {"cut_before", hit.cut_before},
                                       {"cut_after", hit.cut_after}}}};
    set_path(object["article"], "path", hit.article.path);
    if (hit.explanation) {
      object["explanation"] = {{"part_scores", hit.explanation->part_scores},
                               {"article_weight", hit.explanation->article_weight},
                               {"article_share", hit.explanation->article_share},
                               {"parts_covered", hit.explanation->parts_covered},
                               {"recency_factor", hit.explanation->recency_factor}};
    }
    emit(object);
  }

  void article(const ArticleRecord& record) override {
    nlohmann::ordered_json passages = nlohmann::ordered_json::array();
    for (const PassageSpan& passage : record.passages) {
      passages.push_back(
          {{"index", passage.index},
           {"start", passage.start},
           {"end", passage.end},
           {"text", record.text.substr(passage.start, passage.end - passage.start)}});
    }
    const ArticleMetadata& metadata = record.metadata;
    nlohmann::ordered_json agencies = nlohmann::ordered_json::array();
    for (const MetadataField& agency : metadata.agencies) agencies.push_back(field_json(agency));
    nlohmann::ordered_json object = {{"format_version", kJsonFormatVersion},
                                     {"id", record.id},
                                     {"path", record.path},
                                     {"record", record.record},
                                     {"other_paths", record.other_paths},
                                     {"fields",
                                      {{"title", field_json(metadata.title)},
                                       {"source", field_json(metadata.source)},
                                       {"date", field_json(metadata.date)},
                                       {"url", field_json(metadata.url)},
                                       {"language", field_json(metadata.language)},
                                       {"agencies", std::move(agencies)}}},
                                     {"charset", record.charset},
                                     {"passages", std::move(passages)}};
    set_path(object, "path", record.path);
    if (!std::all_of(record.other_paths.begin(), record.other_paths.end(), is_valid_utf8)) {
      nlohmann::ordered_json bytes = nlohmann::ordered_json::array();
      for (const std::string& other : record.other_paths) bytes.push_back(base64_encode(other));
      object["other_paths_bytes"] = std::move(bytes);
    }
    emit(object);
  }

  void facets(const Facets& facets) override {
    emit({{"format_version", kJsonFormatVersion}, {"facets", facets_json(facets)}});
  }

  void timeline(const Timeline& timeline) override {
    emit({{"format_version", kJsonFormatVersion}, {"timeline", timeline_to_json(timeline)}});
  }

  void missing_shards(const std::vector<MissingShard>& missing) override {
    nlohmann::ordered_json shards = nlohmann::ordered_json::array();
    for (const MissingShard& shard : missing) {
      shards.push_back({{"shard", shard.shard}, {"reason", shard.reason}});
    }
    emit({{"format_version", kJsonFormatVersion}, {"missing_shards", std::move(shards)}});
  }

  void stats(const IndexStats& stats) override {
    nlohmann::ordered_json sources = nlohmann::ordered_json::array();
    for (const FacetValue& source : stats.facets.sources)
      sources.push_back({{"name", source.value}, {"articles", source.articles}});
    emit({{"format_version", kJsonFormatVersion},
          {"database", stats.database_path},
          {"articles", stats.articles},
          {"passages", stats.passages},
          {"sources", std::move(sources)},
          {"facets", facets_json(stats.facets)},
          {"timeline", timeline_to_json(make_timeline(stats.facets.dates, TimelineBucket::kAuto))},
          {"undated_articles", stats.undated_articles},
          {"earliest_date", stats.earliest_date},
          {"latest_date", stats.latest_date},
          {"index_format", stats.index_format_version},
          {"stemmer", stats.stemmer_language},
          {"shards", stats.shards}});
  }

  void index_summary(const IndexSummary& summary) override {
    const IndexReport& report = summary.report;
    nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
    for (const IndexWarning& warning : report.warnings) {
      nlohmann::ordered_json object = {
          {"path", warning.path}, {"reason", warning.reason}, {"skipped", warning.skipped}};
      set_path(object, "path", warning.path);
      warnings.push_back(std::move(object));
    }
    nlohmann::ordered_json skipped_by_kind = nlohmann::ordered_json::object();
    for (const auto& [kind, count] : count_skip_kinds(report.warnings)) {
      skipped_by_kind[std::string(kind)] = count;
    }
    emit({{"format_version", kJsonFormatVersion},
          {"database", summary.database_path},
          {"indexed", report.articles_indexed},
          {"added", report.articles_added},
          {"updated", report.articles_updated},
          {"moved", report.files_moved},
          {"removed", report.articles_removed},
          {"unchanged", report.files_unchanged},
          {"skipped", report.files_skipped},
          {"ignored", report.files_ignored},
          {"manifests", report.manifests_read},
          {"bytes", report.bytes_indexed},
          {"commits", report.batches_committed},
          {"seconds", summary.seconds},
          {"interrupted", report.interrupted},
          {"warnings", std::move(warnings)},
          {"skipped_by_kind", std::move(skipped_by_kind)}});
  }

 private:
  void emit(const nlohmann::ordered_json& json) {
    out_ << json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
  return std::make_unique<JsonPrinter>(out);
}

}  // namespace pressclip::cli
