// End-to-end tests of the formats of several articles or of messages on tests/data/formats:
// JSON Lines records, e-mails (.eml) and mbox messages, indexed, shown by id and by
// PATH#RECORD, and searched without their signatures, HTML alternatives and attachments.
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

// The index of tests/data/formats, built on first use.
struct MessagesIndex {
  MessagesIndex() {
    const RunResult run = run_hermetic({"index", "--db", db, "-q", kFormats.string()});
    if (run.exit_code != 0) throw std::runtime_error("index failed: " + run.err);
  }
  TemporaryDirectory directory;
  std::string db = directory / "index";
};

const std::string& messages_db() {
  static const MessagesIndex index;
  return index.db;
}

json shown(const std::string& article) { return show_article(messages_db(), article); }

std::string record_of(const std::string& file, const std::string& record) {
  return (kFormats / file).string() + "#" + record;
}

// The articles (id) matching `query`.
std::set<std::string> found_ids(const std::string& query) {
  const RunResult result = run_hermetic({"search", "--db", messages_db(), "--json", "--", query});
  INFO("query " << query << ", stderr: " << result.err);
  CHECK(result.exit_code == (result.out.empty() ? 1 : 0));
  std::set<std::string> ids;
  for (const json& hit : parse_json_lines(result.out)) ids.insert(hit["article"]["id"]);
  return ids;
}

}  // namespace

TEST_CASE("formats: an e-mail's headers give its fields, its Message-ID its id") {
  const json article = shown("20230807221452.4417@sahel-presse.example");
  CHECK(article["path"] == (kFormats / "zeine_prime_minister_qp.eml").string());
  CHECK(article["record"] == "");
  const json& fields = article["fields"];
  CHECK(fields["title"] == field("Niger : la junte nomme un Premier ministre civil, Ali Mahaman "
                                 "Lamine Zeine",
                                 "document"));
  CHECK(fields["source"] == field("Revue de presse du Sahel", "document"));  // List-Id.
  CHECK(fields["date"] == field("2023-08-07", "document"));
  CHECK(fields["language"] == field("fr", "document"));
  CHECK(fields["url"]["origin"] == "document");  // Archived-At.
  CHECK(article["charset"] == "windows-1252");   // Quoted-printable ISO-8859-1.
  // Neither the signature nor the HTML alternative is indexed.
  CHECK(found_ids("d\u00E9sabonner").empty());
  CHECK(found_ids("\"Version HTML\"").empty());

  const json html_only = shown((kFormats / "ecowas_standby_html_only.eml").string());
  CHECK(html_only["id"] == "nl-2023-08-10.ecowas@sahel-monitor.example");
  CHECK(html_only["fields"]["source"] == field("Sahel Monitor Newsletter", "document"));
  CHECK(html_only["fields"]["language"]["value"] == "en");
  CHECK(found_ids("Unsubscribe").empty());
}

TEST_CASE("formats: each mbox message is an article, attachments are not indexed") {
  const json netnews = shown(
      record_of("niger_coup_digest.mbox", "ambassador-48h.20230825@news.sahel-usenet.example"));
  CHECK(netnews["id"] == "ambassador-48h.20230825@news.sahel-usenet.example");
  CHECK(netnews["fields"]["source"] == field("soc.culture.african", "document"));
  CHECK(netnews["fields"]["date"] == field("2023-08-25", "document"));
  const json no_message_id = shown(record_of("niger_coup_digest.mbox", "message-2"));
  CHECK(no_message_id["record"] == "message-2");
  CHECK(no_message_id["fields"]["source"] == field("Brussels Wire Paris desk", "document"));
  const json third = shown("20230819.tiani-transition@niamey-observer.example");
  CHECK(third["fields"]["language"]["value"] == "en-gb");
  CHECK(found_ids("Tchangari").empty());
  CHECK(found_ids("Zarafa").empty());
  CHECK(found_ids("Itt\u00E9").size() == 1);
}

TEST_CASE("formats: JSON Lines records, with the other field names, ids and dates") {
  const json numbered = shown(record_of("niger_coup_wire.jsonl", "4172"));
  CHECK(numbered["id"] == "4172");
  CHECK(numbered["fields"]["source"] == field("Niamey Observer", "document"));
  std::set<std::string> agencies;
  for (const json& agency : numbered["fields"]["agencies"]) agencies.insert(agency["value"]);
  CHECK(agencies == std::set<std::string>{"AFP", "Reuters"});
  CHECK(shown(record_of("niger_coup_wire.jsonl", "line-5"))["fields"]["source"]["value"] ==
        "Sahel Wire");
  CHECK(shown("cs-2023-08-07-zeine")["fields"]["date"] == field("2023-08-07", "document"));
  // An RFC 2822 date in an .ndjson record.
  CHECK(shown("ecowas-standby-0810")["fields"]["date"] == field("2023-08-10", "document"));
  // The broken line 3 is not an article; the others are.
  CHECK(found_ids("Tiani").contains("sahel-wire-20230728-0077") == false);
}

TEST_CASE("formats: a .eml that does not start with a header is plain text") {
  const TemporaryDirectory directory;
  const fs::path input = directory.path() / "input";
  fs::create_directories(input);
  write_file(input / "notes.eml", "Notes from the briefing. The junta spoke on television.\n");
  const std::string db = directory / "index";
  REQUIRE(run_hermetic({"index", "--db", db, "-q", input.string()}).exit_code == 0);
  const json notes = show_article(db, (input / "notes.eml").string());
  CHECK(notes["fields"]["title"]["origin"] == "default");
  CHECK(notes["passages"][0]["text"] == "Notes from the briefing. The junta spoke on television.");
}

}  // namespace pressclip::test
