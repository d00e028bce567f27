// Unit tests of metadata sources and their precedence: front matter, manifest, text, default.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "indexer/manifest.h"
#include "indexer/metadata_resolver.h"
#include "indexer/text_metadata.h"
#include "schema/article_id.h"

namespace indexer = pressclip::indexer;
using pressclip::FieldOrigin;

namespace {

// The built-in tables, as an index without a user alias file has them.
const indexer::NameTables& builtin_names() {
  static const pressclip::schema::NameAliases sources = pressclip::schema::builtin_source_aliases();
  static const pressclip::schema::NameAliases agencies =
      pressclip::schema::builtin_agency_aliases();
  static const indexer::NameTables names{sources, agencies};
  return names;
}

}  // namespace

TEST_CASE("a 'Source:' line alone on its line is metadata, running text is not") {
  const auto found = indexer::extract_text_metadata(
      "An official told AFP the source: a diplomat.\nSource: BBC\nsource: Other\n");
  CHECK(found.at("source") == "BBC");
  CHECK(indexer::extract_text_metadata("He said the source: was wrong").empty());
  CHECK(indexer::extract_text_metadata("An official told AFP on Friday.").empty());
}

TEST_CASE("each field comes from the highest layer that has it") {
  indexer::MetadataLayers layers;
  layers.front_matter = {{"title", "Front title"}};
  layers.manifest = {{"title", "Manifest title"}, {"source", "RFI"}, {"date", "2023-09-11"}};
  layers.text = {{"source", "BBC"}, {"date", "2023-01-01"}};
  std::vector<std::string> problems;
  const std::string text = "First sentence here. Second.";
  const auto metadata = indexer::resolve_metadata(layers, text, {0, 20}, builtin_names(), problems);
  CHECK(metadata.title.value == "Front title");
  CHECK(metadata.title.origin == FieldOrigin::kFrontMatter);
  CHECK(metadata.source.value == "RFI");
  CHECK(metadata.source.origin == FieldOrigin::kManifest);
  CHECK(metadata.date.value == "2023-09-11");
  CHECK(metadata.date.origin == FieldOrigin::kManifest);
  CHECK(metadata.url.origin == FieldOrigin::kDefault);
  CHECK(problems.empty());
}

TEST_CASE("a document's own metadata ranks above the manifest, and its dates are checked") {
  indexer::MetadataLayers layers;
  layers.document = {{"title", "Page title"}, {"date", "soon"}, {"agency", "AFP"}};
  layers.manifest = {{"title", "Manifest title"}, {"source", "RFI"}, {"date", "2023-07-28"}};
  std::vector<std::string> problems;
  const auto metadata =
      indexer::resolve_metadata(layers, "Text.", {0, 5}, builtin_names(), problems);
  CHECK(metadata.title.value == "Page title");
  CHECK(metadata.title.origin == FieldOrigin::kDocument);
  CHECK(metadata.source.origin == FieldOrigin::kManifest);
  CHECK(metadata.date.value == "2023-07-28");  // "soon" cannot be read: reported, passed over.
  CHECK(metadata.date.origin == FieldOrigin::kManifest);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].starts_with("ignored document date: "));
  REQUIRE(metadata.agencies.size() == 1);
  CHECK(metadata.agencies[0].origin == FieldOrigin::kDocument);
}

TEST_CASE("defaults: the title is the first sentence, other fields unknown") {
  std::vector<std::string> problems;
  const std::string text = "Russia has warned of a confrontation. More text.";
  const auto metadata = indexer::resolve_metadata({}, text, {0, 37}, builtin_names(), problems);
  CHECK(metadata.title.value == "Russia has warned of a confrontation.");
  CHECK(metadata.title.origin == FieldOrigin::kDefault);
  CHECK(metadata.source.value.empty());
  CHECK(metadata.date.value.empty());
}

TEST_CASE("an ambiguous numeric date is reported and the next layer is used") {
  indexer::MetadataLayers layers;
  layers.front_matter = {{"date", "27/07/2023"}};
  layers.manifest = {{"date", "2023-07"}};
  std::vector<std::string> problems;
  const auto metadata =
      indexer::resolve_metadata(layers, "Text.", {0, 5}, builtin_names(), problems);
  CHECK(metadata.date.value == "2023-07");
  CHECK(metadata.date.origin == FieldOrigin::kManifest);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("27/07/2023") != std::string::npos);
}

TEST_CASE("long default titles are cut at a word with an ellipsis") {
  const std::string long_sentence(150, 'a');
  const std::string title = indexer::shorten_at_word(long_sentence + " " + long_sentence, 200);
  CHECK(title == long_sentence + "\u2026");
  CHECK(indexer::shorten_at_word("short", 200) == "short");
}

TEST_CASE("a manifest maps files relative to itself, and bad rows are reported") {
  const auto directory = std::filesystem::temp_directory_path() / "pressclip-manifest-test";
  std::filesystem::create_directories(directory / "seeds");
  const auto manifest_path = directory / "meta.tsv";
  std::ofstream(manifest_path) << "File\tSource\tdate\textra\n"
                               << "seeds/a.txt\tBBC\t2023-08-12\tx\n"
                               << "seeds/b.txt\tonly two cells\n"
                               << "/abs/c.txt\tRFI\t\t\n";
  indexer::ManifestSet manifests;
  std::string problem;
  std::vector<std::string> row_problems;
  REQUIRE(manifests.add(manifest_path.string(), problem, row_problems));
  const auto* row =
      manifests.find(pressclip::schema::canonical_path((directory / "seeds/a.txt").string()));
  REQUIRE(row != nullptr);
  CHECK(row->at("source") == "BBC");
  CHECK(row->at("date") == "2023-08-12");
  CHECK(manifests.find("/abs/c.txt")->at("source") == "RFI");
  CHECK_FALSE(manifests.find("/abs/c.txt")->contains("date"));
  REQUIRE(row_problems.size() == 1);
  CHECK(row_problems[0].find("line 3") != std::string::npos);
  std::filesystem::remove_all(directory);
}

TEST_CASE("a TSV without a file column is not a manifest") {
  const auto path = std::filesystem::temp_directory_path() / "pressclip-not-a-manifest.tsv";
  std::ofstream(path) << "name\tvalue\nx\t1\n";
  indexer::ManifestSet manifests;
  std::string problem;
  std::vector<std::string> row_problems;
  CHECK_FALSE(manifests.add(path.string(), problem, row_problems));
  CHECK(problem.find("'file' column") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("English and RFC 2822 dates in metadata are read at their precision") {
  std::vector<std::string> problems;
  indexer::MetadataLayers layers;
  layers.front_matter = {{"date", "Thu, 27 Jul 2023 23:30:00 -0500"}};
  CHECK(indexer::resolve_metadata(layers, "Text.", {0, 5}, builtin_names(), problems).date.value ==
        "2023-07-27");
  layers.front_matter = {{"date", "Jul. 27, 2023"}};
  CHECK(indexer::resolve_metadata(layers, "Text.", {0, 5}, builtin_names(), problems).date.value ==
        "2023-07-27");
  layers.front_matter = {{"date", "July 2023"}};
  CHECK(indexer::resolve_metadata(layers, "Text.", {0, 5}, builtin_names(), problems).date.value ==
        "2023-07");
  CHECK(problems.empty());
}

TEST_CASE("without a date in metadata, the date is inferred from the text and marked so") {
  std::vector<std::string> problems;
  const std::string text =
      "NIAMEY, July 27, 2023 (Reuters) - Soldiers said on Thursday. Talks end on August 3, 2023.";
  const auto metadata = indexer::resolve_metadata({}, text, {0, 60}, builtin_names(), problems);
  CHECK(metadata.date.value == "2023-07-27");
  CHECK(metadata.date.origin == FieldOrigin::kInferred);
  indexer::MetadataLayers layers;
  layers.manifest = {{"date", "2023-07-28"}};
  const auto stated = indexer::resolve_metadata(layers, text, {0, 60}, builtin_names(), problems);
  CHECK(stated.date.value == "2023-07-28");
  CHECK(stated.date.origin == FieldOrigin::kManifest);
}

TEST_CASE("sources take their canonical name from the alias table") {
  pressclip::schema::NameAliases sources = pressclip::schema::builtin_source_aliases();
  sources.add_from_text("Example Wire\texwire\tExample Wire Service\n", "test aliases");
  const pressclip::schema::NameAliases agencies = pressclip::schema::builtin_agency_aliases();
  const indexer::NameTables names{sources, agencies};
  std::vector<std::string> problems;
  indexer::MetadataLayers layers;
  for (const char* written : {"BBC News", "bbc", "BBC"}) {
    layers.manifest = {{"source", written}};
    CHECK(indexer::resolve_metadata(layers, "Text.", {0, 5}, names, problems).source.value ==
          "BBC");
  }
  layers.manifest = {{"source", "EXWIRE"}};
  CHECK(indexer::resolve_metadata(layers, "Text.", {0, 5}, names, problems).source.value ==
        "Example Wire");
  layers.manifest = {{"source", "Some  Local   Paper"}};
  CHECK(indexer::resolve_metadata(layers, "Text.", {0, 5}, names, problems).source.value ==
        "Some Local Paper");
}

TEST_CASE("agencies come from metadata, credits in the text and an agency source, once each") {
  std::vector<std::string> problems;
  indexer::MetadataLayers layers;
  layers.front_matter = {{"agency", "Agence France-Presse; dpa"}};
  layers.manifest = {{"source", "Reuters"}};
  const std::string text = "Soldiers gathered in Niamey.\nCrowds in Niamey - AFP\n(with AP)\n";
  const auto metadata = indexer::resolve_metadata(layers, text, {0, 28}, builtin_names(), problems);
  REQUIRE(metadata.agencies.size() == 4);
  CHECK(metadata.agencies[0].value == "AFP");
  CHECK(metadata.agencies[0].origin == FieldOrigin::kFrontMatter);
  CHECK(metadata.agencies[1].value == "dpa");
  CHECK(metadata.agencies[2].value == "AP");
  CHECK(metadata.agencies[2].origin == FieldOrigin::kCredit);
  CHECK(metadata.agencies[3].value == "Reuters");
  CHECK(metadata.agencies[3].origin == FieldOrigin::kManifest);
  CHECK(indexer::resolve_metadata({}, "An official told AFP on Friday.", {0, 31}, builtin_names(),
                                  problems)
            .agencies.empty());
}
