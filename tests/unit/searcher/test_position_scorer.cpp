// The position-based scorer must agree with the text-based one, passage by passage.
#include "searcher/position_scorer.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>

#include "pressclip/indexer.h"
#include "schema/field_table.h"
#include "schema/name_aliases.h"
#include "schema/passage_layout.h"
#include "schema/stored_article.h"
#include "searcher/passage_bm25.h"
#include "searcher/passage_ranker.h"
#include "searcher/query_builder.h"

namespace searcher = pressclip::searcher;
namespace schema = pressclip::schema;

TEST_CASE("positions and text give the same passage scores for every kind of query") {
  char pattern[] = "/tmp/pressclip-positions-XXXXXX";
  const std::filesystem::path directory = mkdtemp(pattern);
  const std::string path = (directory / "index").string();
  {
    pressclip::IndexerOptions options;
    options.database_path = path;
    pressclip::Indexer(options).index_paths({PRESSCLIP_CORPUS_DIR});
  }
  Xapian::Database database(path);
  schema::TextAnalyzer analyzer("english");
  const schema::NameAliases sources = schema::builtin_source_aliases();
  const schema::NameAliases agencies = schema::builtin_agency_aliases();
  searcher::QueryBuilder builder(analyzer, database, sources, agencies);
  const double documents = database.get_doccount();

  for (const char* query :
       {"Wagner AND Niger", "\"military intervention\"", "protest", "\"protesters\"",
        "niger's capital", "Bazoum NEAR/3 release", "bazoum ADJ/3 release", "milit*",
        "(wagner OR putin) niger", "nigériens", "coup -wagner", "\"down with france\"",
        "ecowas military intervention", "us", "long NEAR/2 live"}) {
    CAPTURE(query);
    std::vector<searcher::QueryUnit> units = searcher::extract_units(builder.parse(query));
    for (auto& unit : units) {
      unit.idf = 0;
      for (const auto& term : unit.terms) {
        unit.idf += searcher::bm25_idf(documents, database.get_termfreq(term));
      }
      if (unit.kind == searcher::UnitKind::kWildcard) unit.idf = 1.0;
    }
    searcher::PositionScorer positions(database, units, analyzer, 50.0);
    searcher::PassageRanker text(analyzer, units, 50.0);
    for (Xapian::docid document = 1; document <= database.get_lastdocid(); ++document) {
      const Xapian::Document stored = database.get_document(document);
      const auto record = schema::decode_article(stored.get_data());
      const auto layout =
          schema::decode_passage_layout(stored.get_value(schema::kPassageLayoutSlot));
      REQUIRE(layout.has_value());
      REQUIRE(layout->size() == record.passages.size());
      const auto from_positions = positions.score(document, *layout);
      REQUIRE(from_positions.has_value());
      const auto from_text = text.score(record);
      for (std::size_t p = 0; p < from_text.size(); ++p) {
        CAPTURE(record.path);
        CAPTURE(p);
        CHECK((*from_positions)[p].score == doctest::Approx(from_text[p].score).epsilon(1e-12));
        CHECK((*from_positions)[p].matched == !from_text[p].highlights.empty());
        CHECK((*from_positions)[p].eligible == from_text[p].eligible);
      }
    }
  }
  std::filesystem::remove_all(directory);
}

TEST_CASE("the passage layout round-trips and finds the passage of a position") {
  const std::vector<schema::PassagePositions> layout = {{1, 10}, {12, 5}, {0, 0}, {18, 300}};
  const auto decoded = schema::decode_passage_layout(schema::encode_passage_layout(layout));
  REQUIRE(decoded.has_value());
  CHECK((*decoded)[0] == layout[0]);
  CHECK((*decoded)[1] == layout[1]);
  CHECK((*decoded)[3] == layout[3]);
  CHECK(schema::passage_of_position(*decoded, 1) == 0);
  CHECK(schema::passage_of_position(*decoded, 11) == 0);
  CHECK(schema::passage_of_position(*decoded, 12) == 1);
  CHECK(schema::passage_of_position(*decoded, 400) == 3);
  CHECK_FALSE(schema::decode_passage_layout("\x05\x01").has_value());
  CHECK_FALSE(schema::decode_passage_layout("").has_value());
}
