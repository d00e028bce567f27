// Unit tests of the extraction of positive units (terms, phrases, NEAR) from a query.
#include "searcher/query_units.h"

#include <doctest/doctest.h>

#include "schema/name_aliases.h"
#include "searcher/query_builder.h"

using pressclip::searcher::UnitKind;

namespace {

std::vector<pressclip::searcher::QueryUnit> units_of(const std::string& query) {
  pressclip::schema::TextAnalyzer analyzer("english");
  const pressclip::schema::NameAliases sources = pressclip::schema::builtin_source_aliases();
  const pressclip::schema::NameAliases agencies = pressclip::schema::builtin_agency_aliases();
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  pressclip::searcher::QueryBuilder builder(analyzer, database, sources, agencies);
  return pressclip::searcher::extract_units(builder.parse(query));
}

}  // namespace

TEST_CASE("ANDed words are required term units") {
  const auto units = units_of("Wagner AND Niger");
  REQUIRE(units.size() == 2);
  CHECK(units[0].kind == UnitKind::kTerm);
  CHECK(units[0].terms == std::vector<std::string>{"Zwagner"});
  CHECK(units[0].required);
}

TEST_CASE("negated words and filters are not units") {
  const auto units = units_of("niger NOT wagner source:BBC date:2023");
  REQUIRE(units.size() == 1);
  CHECK(units[0].terms == std::vector<std::string>{"Zniger"});
}

TEST_CASE("phrases and NEAR groups keep their window") {
  auto units = units_of("\"military intervention\"");
  REQUIRE(units.size() == 1);
  CHECK(units[0].kind == UnitKind::kPhrase);
  CHECK(units[0].window == 2);
  units = units_of("bazoum NEAR/3 release");
  REQUIRE(units.size() == 1);
  CHECK(units[0].kind == UnitKind::kNear);
  CHECK(units[0].window == 4);
}

TEST_CASE("OR branches are optional, and wildcards keep their pattern") {
  const auto units = units_of("(wagner OR russia) milit*");
  REQUIRE(units.size() == 3);
  CHECK_FALSE(units[0].required);
  CHECK(units[2].kind == UnitKind::kWildcard);
  CHECK(units[2].terms == std::vector<std::string>{"milit"});
}

TEST_CASE("title words are not body units") { CHECK(units_of("title:coup").empty()); }

namespace {

// Whether passage units `found` (by unit, in extraction order) satisfy `query`'s condition.
bool holds(const std::string& query, const std::vector<bool>& found) {
  pressclip::schema::TextAnalyzer analyzer("english");
  const pressclip::schema::NameAliases sources = pressclip::schema::builtin_source_aliases();
  const pressclip::schema::NameAliases agencies = pressclip::schema::builtin_agency_aliases();
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  pressclip::searcher::QueryBuilder builder(analyzer, database, sources, agencies);
  return pressclip::searcher::analyse_query(builder.parse(query)).condition.holds(found);
}

}  // namespace

TEST_CASE("passage condition: AND needs every unit, OR one side, filters and NOT nothing") {
  CHECK(holds("wagner niger", {true, true}));
  CHECK_FALSE(holds("wagner niger", {true, false}));
  CHECK(holds("wagner OR niger", {false, true}));
  CHECK_FALSE(holds("wagner OR niger", {false, false}));
  // (a OR b) AND c: units a, b, c.
  CHECK(holds("(wagner OR russia) AND niger", {false, true, true}));
  CHECK_FALSE(holds("(wagner OR russia) AND niger", {true, true, false}));
  // NOT and filters are decided per article: only the positive word counts here.
  CHECK(holds("niger NOT wagner source:BBC date:2023", {true}));
  CHECK_FALSE(holds("niger NOT wagner", {false}));
  // A query of filters only holds in every passage.
  CHECK(holds("source:BBC", {}));
  // A repeated word is one unit.
  CHECK(holds("niger AND (niger OR wagner)", {true, false}));
}
