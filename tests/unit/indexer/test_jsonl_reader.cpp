// Unit tests of the JSON Lines reader: field names and their alternates, record keys, every
// reason a line is skipped, byte order marks, blank lines, binary files.
#include "indexer/jsonl_reader.h"

#include <doctest/doctest.h>

#include "format_samples.h"
#include "indexer/article_readers.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"

namespace indexer = pressclip::indexer;
using namespace std::string_literals;

namespace {

using pressclip::test::kFormatSamples;
using pressclip::test::read_bytes;

indexer::FileArticles read_jsonl(const std::string& content) {
  return indexer::JsonLinesReader().read(content, "");
}

// The metadata value of `field`, "" if there is none.
std::string value(const indexer::RawArticle& article, const std::string& field) {
  const auto found = article.metadata.find(field);
  return found == article.metadata.end() ? std::string() : found->second;
}

// The reason given for the one skipped line of `line` (a file of that line alone).
std::string skip_reason(const std::string& line) {
  const indexer::FileArticles file = read_jsonl(line + "\n");
  CHECK(file.articles.empty());
  REQUIRE(file.skipped.size() == 1);
  return file.skipped.front();
}

}  // namespace

TEST_CASE("jsonl: the sample's articles, in order, with their record keys and locations") {
  const indexer::FileArticles file =
      read_jsonl(read_bytes(kFormatSamples / "niger_coup_wire.jsonl"));
  REQUIRE(file.articles.size() == 4);
  CHECK(file.articles[0].record == "sahel-wire-20230726-0412");
  CHECK(file.articles[0].location == "line 1");
  CHECK(file.articles[0].id == "sahel-wire-20230726-0412");
  CHECK(file.articles[1].record == "4172");  // A number id, as its decimal text.
  CHECK(file.articles[1].id == "4172");
  CHECK(file.articles[1].location == "line 2");
  CHECK(file.articles[2].record == "line-5");  // No id: its line (line 4 is blank).
  CHECK(file.articles[2].id.empty());
  CHECK(file.articles[2].location == "line 5");
  CHECK(file.articles[3].record == "cs-2023-08-07-zeine");
  CHECK(file.articles[3].location == "line 6");
  REQUIRE(file.skipped.size() == 1);
  CHECK(file.skipped[0].starts_with("line 3: not valid JSON (column "));
  for (const indexer::RawArticle& article : file.articles) {
    CHECK(article.metadata_origin == pressclip::FieldOrigin::kDocument);
    CHECK(article.charset == "UTF-8");
  }
}

TEST_CASE("jsonl: the primary names give every field, others are ignored") {
  const indexer::RawArticle article =
      read_jsonl(read_bytes(kFormatSamples / "niger_coup_wire.jsonl")).articles.at(0);
  CHECK(value(article, "title") == "Presidential guard detains Niger's President Bazoum in Niamey");
  CHECK(value(article, "source") == "Sahel Wire");
  CHECK(value(article, "date") == "2023-07-26T16:40:00Z");
  CHECK(value(article, "url") ==
        "https://sahelwire.example/2023/07/26/presidential-guard-detains-bazoum");
  CHECK(value(article, "language") == "en");
  CHECK(value(article, "agency") == "AFP");
  CHECK(article.metadata.size() == 6);  // Not "section" nor "word_count".
  CHECK(article.text.starts_with("Members of Niger's presidential guard detained President"));
  CHECK(article.text.find("\n\nTalks between the guard") != std::string::npos);
  CHECK(article.text.ends_with("if they did not come to their senses."));
}

TEST_CASE("jsonl: the alternate names give the same fields") {
  const indexer::FileArticles file =
      read_jsonl(read_bytes(kFormatSamples / "niger_coup_wire.jsonl"));
  const indexer::RawArticle& observer = file.articles.at(1);
  CHECK(value(observer, "title") ==
        "Niger's army command backs the coup to avoid \u2018deadly confrontation\u2019");
  CHECK(value(observer, "source") == "Niamey Observer");  // A publisher object's name.
  CHECK(value(observer, "date") == "2023-07-27T14:05:00+01:00");
  CHECK(value(observer, "url") == "https://niamey-observer.example/news/4172");
  CHECK(value(observer, "language") == "en-GB");
  CHECK(value(observer, "agency") == "Reuters, AFP");
  CHECK(observer.text.starts_with("Niger's army command said on Thursday"));

  const indexer::RawArticle& airspace = file.articles.at(2);
  CHECK(value(airspace, "title") == "Niger junta closes airspace as ECOWAS deadline expires");
  CHECK(value(airspace, "source") == "Sahel Wire");                    // site_name
  CHECK(value(airspace, "date") == "2023-08-06");                      // published
  CHECK(airspace.text.starts_with("Niger's military rulers closed"));  // content

  const indexer::RawArticle& zeine = file.articles.at(3);
  CHECK(value(zeine, "date") == "2023-08-07T22:10:00+01:00");  // published_at
  CHECK(value(zeine, "language") == "fr");
  CHECK(zeine.text.starts_with("Le r\u00E9gime militaire nig\u00E9rien"));
}

TEST_CASE("jsonl: each field is taken from the first of its names with a usable value") {
  const indexer::FileArticles file = read_jsonl(
      R"({"title": "Primary", "headline": "Second", "text": "First text.", "body": "Body."})"
      "\n"
      R"({"title": null, "headline": "  ", "lang": "ha", "language": 3, "body": "Body."})"
      "\n"
      R"({"source": {"id": 7}, "publisher": "Agence Nigerienne", "site_name": "Site", )"
      R"("agencies": ["AFP", 4, "", "AP"], "content": "Content."})"
      "\n");
  REQUIRE(file.articles.size() == 3);
  CHECK(value(file.articles[0], "title") == "Primary");
  CHECK(file.articles[0].text == "First text.");
  CHECK_FALSE(file.articles[1].metadata.contains("title"));  // null and blank are absent.
  CHECK(value(file.articles[1], "language") == "ha");        // A number is not a language.
  CHECK(file.articles[1].text == "Body.");
  CHECK(value(file.articles[2], "source") == "Agence Nigerienne");
  CHECK(value(file.articles[2], "agency") == "AFP, AP");
  CHECK(file.articles[2].text == "Content.");
  CHECK(file.skipped.empty());
}

TEST_CASE("jsonl: every reason a line is skipped is given with its line number") {
  CHECK(skip_reason("{\"text\": \"Niamey\"") ==
        "line 1: not valid JSON (column 18: syntax error while parsing object - unexpected "
        "end of input; expected '}')");
  CHECK(skip_reason("[\"Niamey\"]") == "line 1: not a JSON object");
  CHECK(skip_reason("{\"title\": \"Coup\"}") ==
        "line 1: no text (no \"text\", \"body\" or \"content\")");
  CHECK(skip_reason("{\"text\": null}") ==
        "line 1: no text (no \"text\", \"body\" or \"content\")");
  CHECK(skip_reason("{\"text\": [\"Soldiers\"]}") == "line 1: the text is not a string");
  CHECK(skip_reason("{\"text\": \" \\n \"}") == "line 1: the text is empty");
  CHECK(skip_reason("{\"text\": \"Niamey\\u0000\"}") == "line 1: the text holds a NUL character");
  CHECK(skip_reason("{\"text\": \"Caf\xE9 Niamey\"}") ==
        "line 1: not valid UTF-8 (bad byte at column 14)");
  CHECK(skip_reason("{\"text\": \"\\ud800\"}").starts_with("line 1: not valid JSON (column"));
  // A '{' then a NUL after the first line: that line is skipped, not the file refused.
  const indexer::FileArticles file = read_jsonl("{\"text\": \"Bazoum.\"}\n{\0}\n"s);
  CHECK(file.articles.size() == 1);
  CHECK(file.skipped == std::vector<std::string>{"line 2: not valid JSON (NUL byte at column 2)"});
}

TEST_CASE("jsonl: a duplicate record key skips the later line, naming the first") {
  const indexer::FileArticles file = read_jsonl(
      "{\"id\": \"a1\", \"text\": \"First.\"}\n"
      "{\"id\": \"a1\", \"text\": \"Again.\"}\n"
      "{\"text\": \"Third, keyed by its line.\"}\n"
      "{\"id\": \"line-3\", \"text\": \"Claims the third line's key.\"}\n"
      "{\"id\": 5, \"text\": \"Five.\"}\n"
      "{\"id\": \"5\", \"text\": \"Five as a string.\"}\n");
  REQUIRE(file.articles.size() == 3);
  CHECK(file.articles[0].text == "First.");
  CHECK(file.articles[1].record == "line-3");
  CHECK(file.articles[2].record == "5");
  CHECK(file.skipped ==
        std::vector<std::string>{"line 2: duplicate record key 'a1' (first on line 1)",
                                 "line 4: duplicate record key 'line-3' (first on line 3)",
                                 "line 6: duplicate record key '5' (first on line 5)"});
}

TEST_CASE("jsonl: ids that are not strings or integers, or empty, leave the line as key") {
  const indexer::FileArticles file = read_jsonl(
      "{\"id\": \"\", \"text\": \"Empty id.\"}\n"
      "{\"id\": 1.5, \"text\": \"Fractional id.\"}\n"
      "{\"id\": {\"x\": 1}, \"text\": \"Object id.\"}\n"
      "{\"id\": -12, \"text\": \"Negative id.\"}\n");
  REQUIRE(file.articles.size() == 4);
  CHECK(file.articles[0].record == "line-1");
  CHECK(file.articles[1].record == "line-2");
  CHECK(file.articles[2].record == "line-3");
  CHECK(file.articles[2].id.empty());
  CHECK(file.articles[3].record == "-12");
}

TEST_CASE("jsonl: blank lines, CRLF line ends and a byte order mark are allowed") {
  const indexer::FileArticles file = read_jsonl(
      "\xEF\xBB\xBF{\"text\": \"After the mark.\"}\r\n"
      "\r\n"
      "   \t\n"
      "{\"text\": \"Fourth line.\"}");  // No newline at the end.
  REQUIRE(file.articles.size() == 2);
  CHECK(file.articles[0].text == "After the mark.");
  CHECK(file.articles[1].record == "line-4");
  CHECK(file.skipped.empty());

  const indexer::FileArticles ndjson =
      read_jsonl(read_bytes(kFormatSamples / "ecowas_standby_force.ndjson"));
  REQUIRE(ndjson.articles.size() == 2);
  CHECK(ndjson.skipped.empty());
  CHECK(ndjson.articles[0].record == "ecowas-standby-0810");
  CHECK(value(ndjson.articles[0], "date") == "Thu, 10 Aug 2023 19:32:00 +0000");
  CHECK(ndjson.articles[1].text.ends_with("mediate with West African leaders."));
}

TEST_CASE("jsonl: an empty file, or one of blank lines, has no article and skips nothing") {
  for (const char* content : {"", "\n\n", "\xEF\xBB\xBF", " \r\n\t\n"}) {
    CAPTURE(content);
    const indexer::FileArticles file = read_jsonl(content);
    CHECK(file.articles.empty());
    CHECK(file.skipped.empty());
  }
}

TEST_CASE("jsonl: a NUL byte before the first newline makes the file binary") {
  CHECK_THROWS_WITH_AS(read_jsonl("{\"text\"\0: 1}\n"s),
                       "binary file, not text (NUL byte at offset 7)", pressclip::Error);
  CHECK_THROWS_WITH_AS(read_jsonl("\xEF\xBB\xBF{\0\n"s),
                       "binary file, not text (NUL byte at offset 4)", pressclip::Error);
  // UTF-16 (with its byte order mark) is not JSON Lines either.
  CHECK_THROWS_AS(read_jsonl("\xFF\xFE{\0\"\0\n\0"s), pressclip::Error);
}

TEST_CASE("jsonl: a line of a megabyte is read whole") {
  const std::string text(1 << 20, 'a');
  const indexer::FileArticles file = read_jsonl("{\"text\": \"" + text + "\"}\n");
  REQUIRE(file.articles.size() == 1);
  CHECK(file.articles[0].text == text);
}

TEST_CASE("jsonl: files named .jsonl or .ndjson starting with '{' are JSON Lines") {
  const indexer::JsonLinesReader reader;
  CHECK(reader.recognises("{\"text\": \"x\"}"));
  CHECK(reader.recognises("\xEF\xBB\xBF\n  {"));
  CHECK_FALSE(reader.recognises("[{\"text\": \"x\"}]"));
  CHECK_FALSE(reader.recognises("Soldiers seized power."));
  CHECK_FALSE(reader.recognises(""));
  CHECK(indexer::reader_for("/news/wire.jsonl", "{\"text\": \"x\"}").name() == "JSON Lines");
  CHECK(indexer::reader_for("/news/WIRE.NDJSON", "{\"text\": \"x\"}").name() == "JSON Lines");
  CHECK(indexer::reader_for("/news/wire.jsonl", "Notes, not JSON.").name() == "plain text");
  CHECK(indexer::reader_for("/news/wire.txt", "{\"text\": \"x\"}").name() == "plain text");
  CHECK(pressclip::is_article_file_name("/news/wire.jsonl"));
  CHECK(pressclip::is_article_file_name("/news/wire.NDJSON"));
  CHECK_FALSE(pressclip::is_article_file_name("/news/wire.json"));
}

TEST_CASE("jsonl: read_articles reads every article of a .jsonl file") {
  const indexer::FileArticles file = indexer::read_articles(
      "{\"id\": \"n1\", \"text\": \"One.\"}\n{\"id\": \"n2\", \"text\": \"Two.\"}\n",
      "/news/wire.jsonl");
  REQUIRE(file.articles.size() == 2);
  CHECK(file.articles[1].record == "n2");
}

TEST_CASE("jsonl: a deeply nested source object does not overflow the stack") {
  // A "name" that is itself an object is not followed: once it was, recursively.
  constexpr int kDepth = 200000;
  std::string line = "{\"text\": \"Deep.\", \"source\": ";
  for (int i = 0; i < kDepth; ++i) line += "{\"name\": ";
  line += "\"Sahel Wire\"" + std::string(kDepth, '}') + ", \"site_name\": \"Site\"}\n";
  const indexer::FileArticles file = read_jsonl(line);
  REQUIRE(file.articles.size() == 1);
  CHECK(value(file.articles[0], "source") == "Site");
}

TEST_CASE("jsonl: a number too large for a double skips its line, not the file") {
  // nlohmann::json throws out_of_range, not parse_error, for it: once it escaped the reader.
  const indexer::FileArticles file = read_jsonl(
      "{\"id\": 3000E000000000020088722, \"text\": \"Overflow.\"}\n"
      "{\"text\": \"Next line.\", \"word_count\": -1e400}\n"
      "{\"text\": \"Read.\"}\n");
  REQUIRE(file.articles.size() == 1);
  CHECK(file.articles[0].record == "line-3");
  CHECK(file.skipped ==
        std::vector<std::string>{"line 1: not readable JSON (a number is too large)",
                                 "line 2: not readable JSON (a number is too large)"});
}
