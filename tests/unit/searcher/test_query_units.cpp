// Unit tests of the extraction of positive units (terms, phrases, NEAR) from a query.
#include "searcher/query_units.h"

#include <doctest/doctest.h>

#include "searcher/query_builder.h"

using pressclip::searcher::UnitKind;

namespace {

std::vector<pressclip::searcher::QueryUnit> units_of(const std::string& query) {
  pressclip::schema::TextAnalyzer analyzer("english");
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  pressclip::searcher::QueryBuilder builder(analyzer, database);
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

TEST_CASE("OR branches are optional; wildcards keep their pattern") {
  const auto units = units_of("(wagner OR russia) milit*");
  REQUIRE(units.size() == 3);
  CHECK_FALSE(units[0].required);
  CHECK(units[2].kind == UnitKind::kWildcard);
  CHECK(units[2].terms == std::vector<std::string>{"milit"});
}

TEST_CASE("title words are not body units") { CHECK(units_of("title:coup").empty()); }
