// End-to-end tests of sources and agencies as fields, and of metadata dates with their
// provenance, on tests/data/sources_and_dates (described in sources_and_dates.h) and corpus/.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli_checks.h"
#include "corpus_index.h"
#include "sources_and_dates.h"

namespace pressclip::test {
namespace {

namespace fs = std::filesystem;

using nlohmann::json;

TEST_CASE("index: RFC 2822 and English dates in front matter are read at their precision") {
  CHECK(scenario_fields("bbc_rfc2822")["date"] == field("2023-07-27", "front matter"));
  CHECK(scenario_fields("bbc_english_date")["date"] == field("2023-07-31", "front matter"));
  CHECK(scenario_fields("gazette_month")["date"] == field("2023-08", "front matter"));
  CHECK(scenario_fields("gazette_year")["date"] == field("2023", "front matter"));
  // The search index agrees with show: each is found by its own day, month or year.
  CHECK(found({"--", "date:2023-07-27 source:BBC"}) == Stems{"bbc_rfc2822"});
  CHECK(found({"--", "date:2023-07-31"}) == Stems{"bbc_english_date"});
}

TEST_CASE("index: an ambiguous numeric date is refused with a warning, then inferred") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const std::string article = scenario_article("ambiguous_date");
  const RunResult result = run_hermetic({"index", "--db", db, "--json", article});
  CHECK(result.exit_code == 0);
  const std::vector<json> reports = parse_json_lines(result.out);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0]["indexed"] == 1);
  CHECK(reports[0]["skipped"] == 0);
  REQUIRE(reports[0]["warnings"].size() == 1);
  const json& warning = reports[0]["warnings"][0];
  CHECK(warning["path"] == article);
  CHECK(warning["skipped"] == false);
  const std::string reason = warning["reason"];
  CHECK(reason.find("'07/08/2023'") != std::string::npos);
  CHECK(reason.find("ambiguous") != std::string::npos);
  REQUIRE(result.err_lines().size() == 1);
  CHECK(result.err_lines()[0] == "pressclip: warning: " + article + ": " + reason);

  const json fields = show_article(db, article)["fields"];
  // July 30, 2023 and 3 August 2023 are in the text: the latest is the date.
  CHECK(fields["date"] == field("2023-08-03", "inferred from text"));
  CHECK(fields["source"] == field("Gazette", "front matter"));  // No alias file in this run.
}

TEST_CASE("index: a dateline gives an undated article its date, before later dates") {
  const json fields = scenario_fields("dateline_reuters");
  // The text also names August 10, 2023, a later date: the dateline wins.
  CHECK(fields["date"] == field("2023-07-27", "inferred from text"));
  CHECK(fields["source"] == field("", "default"));
  CHECK(fields["title"]["origin"] == "default");
  CHECK(fields["url"] == field("", "default"));
}

TEST_CASE("index: without a dateline, the latest full date in the text is inferred") {
  // The only full date is in the last paragraph ("first published on 4 August 2023").
  CHECK(scenario_fields("last_paragraph_date")["date"] ==
        field("2023-08-04", "inferred from text"));
  const RunResult text =
      run_hermetic({"show", "--db", scenario_database(), scenario_article("last_paragraph_date")});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("2023-08-04 (inferred from text)") != std::string::npos);
}

TEST_CASE("index: an article without a full date stays undated") {
  // "26 July" and "Thursday" have no year.
  CHECK(scenario_fields("undated")["date"] == field("", "default"));
  CHECK(found({"--", "-date:1000.."}) == Stems{"undated"});
}

TEST_CASE("index: show gives the manifest and text-line origins of source and date") {
  const json wire = scenario_fields("manifest_wire");
  CHECK(wire["source"] == field("AFP", "manifest"));  // "Agence France-Presse" in manifest.tsv.
  CHECK(wire["date"] == field("2023-08-08", "manifest"));
  // A "Source:" or "Date:" line: "text" in JSON (schema 1), "text line" in text output.
  const json recent = scenario_fields("locust_recent");
  CHECK(recent["source"] == field("Example Gazette", "text"));  // "Source: Gazette".
  CHECK(recent["date"] == field("2023-08-09", "text"));
  const RunResult text =
      run_hermetic({"show", "--db", scenario_database(), scenario_article("locust_recent")});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Example Gazette (text line)") != std::string::npos);
  CHECK(text.out.find("2023-08-09 (text line)") != std::string::npos);
}

TEST_CASE("index: agencies come from text credits, the manifest and an agency source") {
  CHECK(scenario_fields("bbc_rfc2822")["agencies"] == json::array({field("Reuters", "credit")}));
  CHECK(scenario_fields("bbc_english_date")["agencies"] == json::array({field("AFP", "credit")}));
  CHECK(scenario_fields("gazette_month")["agencies"] == json::array({field("AP", "credit")}));
  CHECK(scenario_fields("last_paragraph_date")["agencies"] == json::array({field("AP", "credit")}));
  CHECK(scenario_fields("dateline_reuters")["agencies"] ==
        json::array({field("Reuters", "credit")}));
  // dpa from the manifest's agency column; AFP because the source is an agency.
  CHECK(scenario_fields("manifest_wire")["agencies"] ==
        json::array({field("dpa", "manifest"), field("AFP", "manifest")}));
}

TEST_CASE("index: a mention of an agency in running text is not a credit") {
  // undated.txt: "A regional official told Reuters the cooperative would build a cold store."
  CHECK(scenario_fields("undated")["agencies"] == json::array());
  CHECK(scenario_fields("locust_old")["agencies"] == json::array());
  CHECK(found({"--", "agency:Reuters"}).count("undated") == 0);
  const RunResult text =
      run_hermetic({"show", "--db", scenario_database(), scenario_article("undated")});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("\nagency    (unknown) (default)\n") != std::string::npos);
}

TEST_CASE("index: an agency value in front matter is read, comma or semicolon separated") {
  // gazette_year.txt has "agency: Associated Press; Xinhua".
  CHECK(scenario_fields("gazette_year")["agencies"] ==
        json::array({field("AP", "front matter"), field("Xinhua", "front matter")}));
  CHECK(found({"--", "agency:Xinhua"}) == Stems{"gazette_year"});
  CHECK(found({"--", "agency:\"Associated Press\""}) ==
        Stems{"gazette_month", "gazette_year", "last_paragraph_date"});

  const TemporaryDirectory directory;
  const std::string article = directory / "comma.txt";
  write_file(article, "---\ntitle: Comma list\nagency: Thomson Reuters, dpa\n---\nA quiet day.\n");
  const std::string db = directory / "index";
  REQUIRE(run_hermetic({"index", "--db", db, "-q", article}).exit_code == 0);
  CHECK(show_article(db, article)["fields"]["agencies"] ==
        json::array({field("Reuters", "front matter"), field("dpa", "front matter")}));
}

TEST_CASE("search: agency: filters by an agency's canonical name or any alias") {
  const Stems afp = {"bbc_english_date", "manifest_wire"};
  CHECK(found({"--", "agency:AFP"}) == afp);
  CHECK(found({"--", "agency:afp"}) == afp);
  CHECK(found({"--", "agency:\"Agence France-Presse\""}) == afp);
  CHECK(found({"--", "agency:\"agence france presse\""}) == afp);
  const Stems reuters = {"bbc_rfc2822", "dateline_reuters"};
  CHECK(found({"--", "agency:Reuters"}) == reuters);
  CHECK(found({"--", "agency:\"Thomson Reuters\""}) == reuters);
  CHECK(found({"--", "agency:dpa"}) == Stems{"manifest_wire"});
  // Combined with other fields and negated like any filter.
  CHECK(found({"--", "agency:AFP -source:AFP"}) == Stems{"bbc_english_date"});
  CHECK(found({"--", "agency:Reuters source:BBC"}) == Stems{"bbc_rfc2822"});
  CHECK(found({"--", "agency:AFP agency:dpa"}) == afp);  // Same field: ORed.
  CHECK(found({"--", "agency:\"Getty Images\""}).empty());
  check_one_error_line(run_hermetic({"search", "--db", scenario_database(), "--", "agency:"}));
}

TEST_CASE("search: JSON hits carry the article's agencies and whether its date is inferred") {
  const ScenarioSearch search = scenario_search({"--", "-xyzzy"});
  REQUIRE(search.run.exit_code == 0);
  REQUIRE(search.hits.size() == 11);
  const Stems inferred = {"ambiguous_date", "dateline_reuters", "last_paragraph_date"};
  for (const json& hit : search.hits) {
    const std::string stem = fs::path(hit["article"]["path"].get<std::string>()).stem().string();
    INFO("article " << stem);
    CHECK(hit["article"]["date_inferred"] == (inferred.count(stem) == 1));
    CHECK(hit["article"]["agencies"].is_array());
    if (stem == "manifest_wire") CHECK(hit["article"]["agencies"] == json::array({"dpa", "AFP"}));
    if (stem == "dateline_reuters") {
      CHECK(hit["article"]["agencies"] == json::array({"Reuters"}));
      CHECK(hit["article"]["date"] == "2023-07-27");
      CHECK(hit["article"]["source"] == "");
    }
    if (stem == "undated") CHECK(hit["article"]["agencies"] == json::array());
  }
}

TEST_CASE("index: built-in aliases give sources canonical names, and unknown names stay") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  REQUIRE(run_hermetic({"index", "--db", db, "-q", kScenarioDir}).exit_code == 0);
  CHECK(show_article(db, scenario_article("bbc_rfc2822"))["fields"]["source"] ==
        field("BBC", "front matter"));  // "BBC News".
  CHECK(show_article(db, scenario_article("bbc_english_date"))["fields"]["source"] ==
        field("BBC", "front matter"));  // "bbc".
  CHECK(show_article(db, scenario_article("gazette_year"))["fields"]["source"] ==
        field("The Gazette Online", "front matter"));
  auto stems_of = [&](const std::string& query) {
    const RunResult result = run_hermetic({"search", "--db", db, "--json", "--", query});
    Stems stems;
    for (const json& hit : parse_json_lines(result.out)) {
      stems.insert(fs::path(hit["article"]["path"].get<std::string>()).stem().string());
    }
    return stems;
  };
  const Stems bbc = {"bbc_english_date", "bbc_rfc2822"};
  CHECK(stems_of("source:BBC") == bbc);
  CHECK(stems_of("source:\"bbc.co.uk\"") == bbc);
  CHECK(stems_of("source:\"BBC World Service\"") == bbc);
  CHECK(stems_of("source:Gazette") == Stems{"ambiguous_date", "locust_recent"});
  CHECK(stems_of("source:\"Example Gazette\"") == Stems{"gazette_month"});
}

TEST_CASE("index: --source-aliases maps a publisher's other names, for sources and queries") {
  const Stems gazette = {"ambiguous_date", "gazette_month", "gazette_year", "locust_recent"};
  CHECK(found({"--", "source:\"Example Gazette\""}) == gazette);
  CHECK(found({"--", "source:Gazette"}) == gazette);
  CHECK(found({"--", "source:\"the gazette online\""}) == gazette);
  CHECK(scenario_fields("gazette_year")["source"] == field("Example Gazette", "front matter"));
  CHECK(scenario_fields("ambiguous_date")["source"] == field("Example Gazette", "front matter"));
  const ScenarioSearch search = scenario_search({"--", "source:Gazette"});
  for (const json& hit : search.hits) CHECK(hit["article"]["source"] == "Example Gazette");
  // The built-in table is still in force beside the file.
  CHECK(found({"--", "source:\"BBC News\""}) == Stems{"bbc_english_date", "bbc_rfc2822"});
}

TEST_CASE("index: a later run without --source-aliases keeps the table stored in the index") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  REQUIRE(run_hermetic({"index", "--db", db, "-q", "--source-aliases", kScenarioAliases,
                        scenario_article("gazette_month")})
              .exit_code == 0);
  const RunResult later = run_hermetic({"index", "--db", db, "-q", scenario_article("gazette_year"),
                                        scenario_article("ambiguous_date")});
  REQUIRE(later.exit_code == 0);
  CHECK(show_article(db, scenario_article("gazette_year"))["fields"]["source"] ==
        field("Example Gazette", "front matter"));
  const RunResult search =
      run_hermetic({"search", "--db", db, "--json", "--", "source:\"The Gazette Online\""});
  CHECK(search.exit_code == 0);
  CHECK(parse_json_lines(search.out).size() == 3);
}

TEST_CASE("index: the alias file in XDG_CONFIG_HOME is used when no option is given") {
  const TemporaryDirectory directory;
  fs::create_directories(directory.path() / "config" / "pressclip");
  fs::copy_file(kScenarioAliases, directory.path() / "config" / "pressclip" / "sources.tsv");
  const std::string db = directory / "index";
  const RunResult result = run_hermetic({"index", "--db", db, "-q", kScenarioDir},
                                        {{"XDG_CONFIG_HOME", directory / "config"}});
  REQUIRE(result.exit_code == 0);
  CHECK(show_article(db, scenario_article("gazette_year"))["fields"]["source"] ==
        field("Example Gazette", "front matter"));
}

TEST_CASE("index: a malformed or missing alias file fails with one line and no index") {
  const TemporaryDirectory directory;
  const std::string aliases = directory / "aliases.tsv";
  write_file(aliases, "Example Gazette\tGazette\n\tOrphan alias\n");
  const std::string db = directory / "index";
  const RunResult malformed = run_hermetic(
      {"index", "--db", db, "--source-aliases", aliases, scenario_article("gazette_month")});
  check_one_error_line(malformed);
  CHECK(malformed.err.find(aliases + ":2:") != std::string::npos);
  // Like a missing path, the refused run must not leave an empty index behind.
  CHECK_FALSE(fs::exists(db));

  const std::string other_db = directory / "other-index";
  const RunResult missing =
      run_hermetic({"index", "--db", other_db, "--source-aliases", directory / "absent.tsv",
                    scenario_article("gazette_month")});
  check_one_error_line(missing);
  CHECK(missing.err.find("absent.tsv") != std::string::npos);
  CHECK_FALSE(fs::exists(other_db));
}

TEST_CASE("search: agency filters on the sample corpus") {
  auto articles_of = [](const std::string& query) {
    INFO("query: " << query);
    const Search search = search_query(query);
    CHECK(search.run.exit_code == 0);
    CHECK(search.run.err.empty());
    return article_numbers(search.hits);
  };
  CHECK(articles_of("agency:AFP") == Articles{"002", "003", "004"});
  CHECK(articles_of("agency:Reuters") == Articles{"002"});
  CHECK(articles_of("agency:\"Associated Press\"") == Articles{"002", "003"});
  CHECK(articles_of("Bazoum agency:AFP -source:AFP") == Articles{"002", "003"});
}

TEST_CASE("show: corpus article 003 lists its AP and AFP credits") {
  const json article = show_article(corpus_database(), corpus_article_path("003"));
  CHECK(article["fields"]["agencies"] ==
        json::array({field("AP", "credit"), field("AFP", "credit")}));
  // 004 is an AFP dispatch that only says "told AFP": AFP comes from its source.
  const json dispatch = show_article(corpus_database(), corpus_article_path("004"));
  CHECK(dispatch["fields"]["agencies"] == json::array({field("AFP", "manifest")}));
}

}  // namespace
}  // namespace pressclip::test
