// End-to-end tests of input formats and encodings on tests/data/formats: HTML pages (metadata
// from their markup, the article without page furniture) and Latin-1 and Windows-1252 text,
// indexed, shown with their charset, and searched.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "cli_checks.h"
#include "sources_and_dates.h"

namespace pressclip::test {
namespace {

namespace fs = std::filesystem;

using nlohmann::json;

const fs::path kFormats = fs::path(PRESSCLIP_TEST_DATA_DIR) / "formats";

// The index of tests/data/formats, built on first use, with the report of its run.
struct FormatsIndex {
  FormatsIndex() : run(run_hermetic({"index", "--db", db, "--json", kFormats.string()})) {}
  TemporaryDirectory directory;
  std::string db = directory / "index";
  RunResult run;
};

const FormatsIndex& formats_index() {
  static const FormatsIndex index;
  return index;
}

json shown(const std::string& file) {
  return show_article(formats_index().db, (kFormats / file).string());
}

// The file names of the articles matching `query`.
std::set<std::string> found_files(const std::string& db, const std::string& query) {
  const RunResult result = run_hermetic({"search", "--db", db, "--json", "--", query});
  INFO("query " << query << ", stderr: " << result.err);
  CHECK(result.exit_code == (result.out.empty() ? 1 : 0));
  std::set<std::string> files;
  for (const json& hit : parse_json_lines(result.out)) {
    files.insert(fs::path(hit["article"]["path"].get<std::string>()).filename().string());
  }
  return files;
}

}  // namespace

TEST_CASE("formats: every sample is indexed, none skipped, the broken JSON line named") {
  const FormatsIndex& index = formats_index();
  INFO("stderr: " << index.run.err);
  REQUIRE(index.run.exit_code == 0);
  const json report = parse_json_lines(index.run.out).at(0);
  // 5 pages and text files, 4 + 2 JSON Lines records, 2 e-mails, 3 mbox messages.
  CHECK(report["added"] == 16);
  CHECK(report["skipped"] == 0);
  CHECK(report["ignored"] == 0);
  const std::string wire = (kFormats / "niger_coup_wire.jsonl").string();
  const std::string reason =
      "line 3: not valid JSON (column 116: syntax error while parsing value - invalid string: "
      "missing closing quote)";
  CHECK(report["warnings"] ==
        json::array({{{"path", wire}, {"reason", reason}, {"skipped", false}}}));
  CHECK(index.run.err == "pressclip: warning: " + wire + ": " + reason + "\n");
}

TEST_CASE("formats: the news page's metadata comes from its og tags, origin document") {
  const json article = shown("niger_soldiers_coup.html");
  const json& fields = article["fields"];
  CHECK(fields["title"] ==
        field("Niger soldiers announce coup, say President Bazoum has been removed", "document"));
  CHECK(fields["source"] == field("Sahel Monitor", "document"));
  CHECK(fields["date"] == field("2023-07-27", "document"));
  CHECK(fields["url"] ==
        field("https://www.sahel-monitor.example/africa/2023/07/27/niger-soldiers-announce-coup",
              "document"));
  CHECK(fields["language"] == field("en-gb", "document"));
  CHECK(article["charset"] == "UTF-8");
  const json& passages = article["passages"];
  REQUIRE(passages.size() >= 2);
  CHECK(passages[0]["text"].get<std::string>().starts_with(
      "Soldiers in Niger appeared on national television"));
}

TEST_CASE("formats: a page with only <title> and <time> is titled and dated by them") {
  const json article = shown("bazoum_held_in_palace.htm");
  const json& fields = article["fields"];
  CHECK(fields["title"] ==
        field("Bazoum held by presidential guard as talks fail in Niamey", "document"));
  CHECK(fields["date"] == field("2023-07-26", "document"));
  CHECK(fields["source"] == field("", "default"));
  CHECK(fields["url"] == field("", "default"));
  CHECK(article["charset"] == "UTF-8");
}

TEST_CASE("formats: a page declaring ISO-8859-1 is converted, its charset shown") {
  const json article = shown("tiani_heads_junta_latin1.html");
  const json& fields = article["fields"];
  CHECK(fields["title"] ==
        field("Niger : le g\u00E9n\u00E9ral Tiani se proclame chef de la junte", "document"));
  CHECK(fields["source"] == field("L'\u00C9\x63ho de Niamey", "document"));
  CHECK(fields["date"] == field("2023-07-28", "document"));  // From JSON-LD.
  CHECK(fields["url"]["value"] ==
        "https://www.echo-niamey.example/politique/2023/07/28/general-tiani-chef-junte.html");
  CHECK(fields["language"] == field("fr", "document"));
  CHECK(article["charset"] == "windows-1252");
  const RunResult text = run_hermetic(
      {"show", "--db", formats_index().db, (kFormats / "tiani_heads_junta_latin1.html").string()});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("\ncharset   windows-1252\n") != std::string::npos);
  CHECK(text.out.find("la d\u00E9gradation continue de la situation s\u00E9\x63uritaire") !=
        std::string::npos);
}

TEST_CASE("formats: Latin-1 and Windows-1252 text files are converted to UTF-8") {
  const json latin1 = shown("ecowas_ultimatum_latin1.txt");
  CHECK(latin1["charset"] == "ISO-8859-1");
  // The front matter is converted with the text.
  CHECK(latin1["fields"]["title"] ==
        field("Niger : la C\u00E9\x64\u00E9\x61o donne une semaine \u00E0 la junte pour "
              "r\u00E9tablir Bazoum",
              "front matter"));
  CHECK(latin1["passages"][0]["text"].get<std::string>().starts_with(
      "R\u00E9unis en sommet extraordinaire \u00E0 Abuja dimanche, les chefs d'\u00C9tat"));

  const json cp1252 = shown("eu_suspends_aid_cp1252.txt");
  CHECK(cp1252["charset"] == "windows-1252");
  CHECK(cp1252["fields"]["source"] == field("Brussels Wire", "text"));
  std::string text;
  for (const json& passage : cp1252["passages"]) text += passage["text"].get<std::string>() + "\n";
  CHECK(text.find("earmarked \u20AC503 million") != std::string::npos);
  CHECK(text.find("\u201CThe European Union does not recognise") != std::string::npos);
  CHECK(text.find("The \u00C9lys\u00E9\x65 announced") != std::string::npos);
  const RunResult shown_text = run_hermetic(
      {"show", "--db", formats_index().db, (kFormats / "eu_suspends_aid_cp1252.txt").string()});
  CHECK(shown_text.out.find("\ncharset   windows-1252\n") != std::string::npos);
}

TEST_CASE("formats: converted words are found, accents or not") {
  const std::string& db = formats_index().db;
  CHECK(found_files(db, "C\u00E9\x64\u00E9\x61o") ==
        std::set<std::string>{"ecowas_ultimatum_latin1.txt", "zeine_prime_minister_qp.eml"});
  CHECK(found_files(db, "securitaire") == std::set<std::string>{"tiani_heads_junta_latin1.html"});
  CHECK(found_files(db, "\u00C9lys\u00E9\x65") ==
        std::set<std::string>{"eu_suspends_aid_cp1252.txt"});
  CHECK(found_files(db, "Abdramane") == std::set<std::string>{"niger_soldiers_coup.html"});
  CHECK(found_files(db, "title:palace") == std::set<std::string>{});
  CHECK(found_files(db, "title:guard") ==
        std::set<std::string>{"bazoum_held_in_palace.htm", "niger_coup_wire.jsonl"});
}

TEST_CASE("formats: navigation, cookie banners, scripts and footers are not searchable") {
  const std::string& db = formats_index().db;
  for (const char* query : {"cookies",        "privacy",
                            "\"accept all\"", "podcasts",
                            "briefing",       "subscribe",
                            "inbox",          "facebook",
                            "referendum",     "\"rights reserved\"",
                            "dataLayer",      "analyticsBeacon",
                            "gtag",           "accueil",
                            "partager",       "\"droits r\u00E9serv\u00E9s\"",
                            "archive",        "reproduction",
                            "NewsArticle",    "stylesheet"}) {
    CAPTURE(query);
    CHECK(found_files(db, query).empty());
  }
}

TEST_CASE("formats: a .html file that is not HTML is plain text, a binary file is skipped") {
  const TemporaryDirectory directory;
  const fs::path input = directory.path() / "input";
  fs::create_directories(input);
  write_file(input / "notes.html", "Notes on the coup: <b>Tiani</b> spoke on television.\n");
  write_file(input / "page.txt", "<html><body><p>Bazoum was detained.</p></body></html>\n");
  write_file(input / "photo.htm", std::string("<html>\0\0\0\x01", 10));
  const std::string db = directory / "index";
  const RunResult run = run_hermetic({"index", "--db", db, "--json", input.string()});
  REQUIRE(run.exit_code == 1);  // Completed, with a file skipped.
  const json report = parse_json_lines(run.out).at(0);
  CHECK(report["added"] == 2);
  CHECK(report["skipped"] == 1);
  REQUIRE(report["warnings"].size() == 1);
  CHECK(report["warnings"][0]["path"] == (input / "photo.htm").string());
  CHECK(report["warnings"][0]["reason"] == "binary file, not text (NUL byte at offset 6)");
  // Plain text keeps its tags as text, and has no document metadata.
  const json notes = show_article(db, (input / "notes.html").string());
  CHECK(notes["fields"]["title"]["origin"] == "default");
  CHECK(notes["passages"][0]["text"] == "Notes on the coup: <b>Tiani</b> spoke on television.");
  const json page = show_article(db, (input / "page.txt").string());
  CHECK(page["passages"][0]["text"] == "<html><body><p>Bazoum was detained.</p></body></html>");
}

}  // namespace pressclip::test
