// Unit tests of query preparation and parsing: normalisation, rewriting, syntax errors.
#include "searcher/query_builder.h"

#include <doctest/doctest.h>

#include "pressclip/error.h"

namespace {

struct Fixture {
  pressclip::schema::TextAnalyzer analyzer{"english"};
  Xapian::WritableDatabase database{std::string(), Xapian::DB_BACKEND_INMEMORY};
  pressclip::schema::NameAliases sources = pressclip::schema::builtin_source_aliases();
  pressclip::schema::NameAliases agencies = pressclip::schema::builtin_agency_aliases();
  pressclip::searcher::QueryBuilder builder{analyzer, database, sources, agencies};

  std::string parsed(const std::string& query) { return builder.parse(query).get_description(); }
};

pressclip::ErrorKind kind_of_failure(Fixture& fixture, const std::string& query) {
  try {
    fixture.builder.parse(query);
  } catch (const pressclip::Error& error) {
    return error.kind();
  }
  FAIL("query '" << query << "' was accepted");
  return pressclip::ErrorKind::kInternal;
}

}  // namespace

TEST_CASE("capitalised words are stemmed like lowercase ones (Wagner AND Niger)") {
  Fixture fixture;
  CHECK(fixture.parsed("Wagner AND Niger") == fixture.parsed("wagner AND niger"));
  CHECK(fixture.parsed("Wagner AND Niger") == "Query((Zwagner@1 AND Zniger@2))");
}

TEST_CASE("bare words are all required") {
  Fixture fixture;
  CHECK(fixture.parsed("wagner niger") == fixture.parsed("wagner AND niger"));
}

TEST_CASE("phrases and quoted words match words as written, not stems") {
  Fixture fixture;
  CHECK(fixture.parsed("\"Military Intervention\"") ==
        "Query((military@1 PHRASE 2 intervention@2))");
  CHECK(fixture.parsed("\"protesters\"") == "Query(protesters@1)");
  CHECK(fixture.parsed("\u201Cmilitary intervention\u201D") ==
        fixture.parsed("\"military intervention\""));
}

TEST_CASE("-word is NOT word, even when the query has no positive word") {
  Fixture fixture;
  CHECK(fixture.builder.prepare("niger -wagner") == "niger NOT wagner");
  CHECK(fixture.parsed("-wagner") == "Query((<alldocuments> AND_NOT Zwagner@1))");
  CHECK(fixture.builder.prepare("anti-French \"a -b\"") == "anti-french \"a -b\"");
  CHECK(fixture.builder.prepare("date:..2023-07-31") == "date:..2023-07-31");
}

TEST_CASE("filters go through the schema's field processors") {
  Fixture fixture;
  CHECK(fixture.parsed("source:\"The Telegraph\"") == "Query(0 * XSOURCEthe telegraph)");
  CHECK(fixture.parsed("Source:BBC") == fixture.parsed("source:bbc"));
  // Agency names go through the agency table, source names through the source table.
  CHECK(fixture.parsed("agency:\"Agence France-Presse\"") == "Query(0 * XAGENCYafp)");
  CHECK(fixture.parsed("source:\"BBC News\"") == "Query(0 * XSOURCEbbc)");
}

TEST_CASE("date filters become year, month and day terms within the index's dates") {
  Fixture fixture;
  // An index without dates: every date filter is one term that no article has.
  CHECK(fixture.parsed("date:2023-08") == "Query(0 * D)");
  fixture.builder.date_context().earliest_day = "20230101";
  fixture.builder.date_context().latest_day = "20241231";
  CHECK(fixture.parsed("date:2023-08") == "Query(0 * M202308)");
  CHECK(fixture.parsed("date:2023-07-30..2023-08-01") ==
        "Query(0 * (D20230730 OR D20230731 OR D20230801))");
  CHECK(fixture.parsed("date:2024..") == "Query(0 * Y2024)");
  CHECK(fixture.parsed("date:..2023-02") == "Query(0 * (M202301 OR M202302))");
  CHECK(fixture.parsed("date:2025") == "Query(0 * D)");
  fixture.builder.date_context().include_inferred_dates = false;
  CHECK(fixture.parsed("date:2024") == "Query(0 * (Y2024 AND_NOT XINFERREDDATE))");
}

TEST_CASE("relative dates count back from the context's today") {
  Fixture fixture;
  fixture.builder.date_context().earliest_day = "20230101";
  fixture.builder.date_context().latest_day = "20241231";
  fixture.builder.date_context().today = {2023, 8, 3};
  CHECK(fixture.parsed("date:today") == "Query(0 * D20230803)");
  CHECK(fixture.parsed("date:yesterday") == "Query(0 * D20230802)");
  CHECK(fixture.parsed("date:-2d..") == fixture.parsed("date:2023-08-01.."));
  CHECK(fixture.parsed("date:-1m..-1w") == fixture.parsed("date:2023-07-03..2023-07-27"));
  CHECK(fixture.parsed("date:-1w..-1w") == "Query(0 * D20230727)");
}

TEST_CASE("malformed queries are bad queries") {
  Fixture fixture;
  using pressclip::ErrorKind;
  for (const char* query :
       {"", "   ", "\"unclosed phrase", "(niger", "niger)", "wagner AND", "a NEAR/x b", "a ADJ/ b",
        "date:2023-13", "date:2023-08-15..2023-08-01", "date:..", "source:\"\"", "...", "—"}) {
    CAPTURE(query);
    CHECK(kind_of_failure(fixture, query) == ErrorKind::kBadQuery);
  }
}

TEST_CASE("a NEAR group among other words stays a NEAR group (regression: read as words)") {
  Fixture fixture;
  CHECK(fixture.builder.prepare("niger wagner NEAR/3 mercenary") ==
        "niger (wagner NEAR/3 mercenary)");
  CHECK(fixture.parsed("niger wagner NEAR/3 mercenary") ==
        "Query((Zniger@1 AND (wagner@2 NEAR 4 mercenary@3)))");
  CHECK(fixture.parsed("wagner NEAR/3 mercenary niger") ==
        "Query(((wagner@1 NEAR 4 mercenary@2) AND Zniger@3))");
  CHECK(fixture.parsed("a ADJ/2 b c") == "Query(((a@1 PHRASE 3 b@2) AND Zc@3))");
}

TEST_CASE("NEAR with a phrase or a bracketed group is a bad query, not silently words") {
  Fixture fixture;
  CHECK(kind_of_failure(fixture, "\"military intervention\" NEAR/3 niger") ==
        pressclip::ErrorKind::kBadQuery);
  CHECK(kind_of_failure(fixture, "(a OR b) NEAR/3 c") == pressclip::ErrorKind::kBadQuery);
}

TEST_CASE("the word 'near' beside a NEAR operator is a word, not a fallback") {
  Fixture fixture;
  CHECK(fixture.parsed("near NEAR/3 wagner") == "Query((near@1 NEAR 4 wagner@2))");
}
