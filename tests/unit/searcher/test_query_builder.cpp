// Unit tests of query preparation and parsing: normalisation, rewriting, syntax errors.
#include "searcher/query_builder.h"

#include <doctest/doctest.h>

#include "pressclip/error.h"

namespace {

struct Fixture {
  pressclip::schema::TextAnalyzer analyzer{"english"};
  Xapian::WritableDatabase database{std::string(), Xapian::DB_BACKEND_INMEMORY};
  pressclip::searcher::QueryBuilder builder{analyzer, database};

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
  CHECK(fixture.parsed("date:2023-08").find("VALUE_GE 0 20230801") != std::string::npos);
  CHECK(fixture.parsed("date:2023-08").find("VALUE_LE 1 20230831") != std::string::npos);
  CHECK(fixture.parsed("date:..2023-07-31").find("VALUE_GE") == std::string::npos);
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
