// End-to-end tests of what is shown for a passage: context, trimming, highlights, explain.
#include <doctest/doctest.h>

#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

// Six sentences of about 250 bytes, so that each is a passage of its own.
std::string six_sentences() {
  std::string text;
  for (int i = 1; i <= 6; ++i) {
    text += "Sentence " + std::to_string(i) + " tells of marker" + std::to_string(i) +
            " and of the long talks held in the capital";
    for (int j = 0; j < 18; ++j) text += " over many days";
    text += ".\n";
  }
  return text;
}

struct Archive {
  TemporaryDirectory directory;
  std::string db = directory / "index";
  std::string file = directory / "article.txt";

  explicit Archive(const std::string& text) {
    write_file(file, text);
    REQUIRE(run_pressclip({"index", "-q", "--db", db, file}).exit_code == 0);
  }

  std::vector<nlohmann::json> search(std::vector<std::string> args) const {
    std::vector<std::string> full = {"search", "--db", db, "--json"};
    full.insert(full.end(), args.begin(), args.end());
    const RunResult result = run_pressclip(full);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    return parse_json_lines(result.out);
  }
};

// Every highlight lies inside the text and the text is the article's bytes at its offsets.
void check_offsets(const nlohmann::json& hit, const std::string& article_text) {
  const std::string text = hit["passage"]["text"];
  const std::size_t start = hit["passage"]["start"], end = hit["passage"]["end"];
  REQUIRE(end <= article_text.size());
  CHECK(article_text.substr(start, end - start) == text);
  for (const auto& range : hit["passage"]["highlights"]) {
    const std::size_t from = range[0], to = range[1];
    CHECK(from < to);
    CHECK(to <= text.size());
  }
}

std::string highlighted(const nlohmann::json& hit, std::size_t index) {
  const std::string text = hit["passage"]["text"];
  const std::size_t from = hit["passage"]["highlights"][index][0];
  const std::size_t to = hit["passage"]["highlights"][index][1];
  return text.substr(from, to - from);
}

TEST_CASE("context: --context N adds N whole sentences on each side, highlighted too") {
  const Archive archive(six_sentences());
  const auto plain = archive.search({"marker3"});
  REQUIRE(plain.size() == 1);
  CHECK(plain[0]["passage"]["text"].get<std::string>().starts_with("Sentence 3 "));
  CHECK(plain[0]["passage"]["text"].get<std::string>().find("Sentence 4") == std::string::npos);

  const auto widened = archive.search({"--context", "1", "marker3 OR marker4"});
  REQUIRE_FALSE(widened.empty());
  const std::string text = widened[0]["passage"]["text"];
  INFO(text);
  CHECK(text.find("Sentence 2 ") != std::string::npos);
  CHECK(text.find("Sentence 6 ") == std::string::npos);
  CHECK(text.back() == '.');  // Whole sentences only.
  check_offsets(widened[0], read_file(archive.file));
  std::set<std::string> marked;
  for (std::size_t i = 0; i < widened[0]["passage"]["highlights"].size(); ++i) {
    marked.insert(highlighted(widened[0], i));
  }
  CHECK(marked == std::set<std::string>{"marker3", "marker4"});

  const auto first = archive.search({"--context", "2", "marker1"});  // No sentence before it.
  CHECK(first[0]["passage"]["start"] == 0);
  CHECK(first[0]["passage"]["text"].get<std::string>().find("Sentence 3 ") != std::string::npos);
}

TEST_CASE("trimming: a very long sentence is cut around its match, at spaces, marked as cut") {
  std::string sentence = "The envoy said";
  for (int i = 0; i < 60; ++i) sentence += " that talks went on, day after day";
  sentence += " until the needle was found";
  for (int i = 0; i < 60; ++i) sentence += " and the talks went on again";
  const Archive archive(sentence + ".\n");
  const auto hits = archive.search({"needle"});
  REQUIRE(hits.size() == 1);
  const std::string text = hits[0]["passage"]["text"];
  INFO(text);
  CHECK(text.size() <= 330);
  CHECK(text.find("needle") != std::string::npos);
  CHECK(hits[0]["passage"]["cut_before"] == true);
  CHECK(hits[0]["passage"]["cut_after"] == true);
  CHECK(text.front() != ' ');
  CHECK(text.back() != ' ');
  check_offsets(hits[0], read_file(archive.file));
  CHECK(highlighted(hits[0], 0) == "needle");

  const RunResult shown =
      run_pressclip({"search", "--db", archive.db, "--color", "never", "needle"});
  CHECK(shown.out.find("   …") != std::string::npos);
  CHECK(shown.out.find("…\n") != std::string::npos);
}

TEST_CASE("highlights: every marked span is a form of a query word, or the whole phrase") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"protest", {"protest"}},
      {"Niger", {"niger"}},
      {"military", {"militar"}},
      {"juntas", {"junta"}},
      {"wagner OR putin", {"wagner", "putin"}},
      {"sanction*", {"sanction"}},
      {"ecowas NOT wagner", {"ecowas"}},
      {"\"military intervention\"", {"military intervention"}},
      {"coup NEAR/4 niger", {"coup", "niger"}},
  };
  for (const auto& [query, stems] : cases) {
    const Search search = search_corpus({"-n", "100", "--per-article", "20", "--", query});
    INFO("query: " << query);
    REQUIRE(search.run.exit_code == 0);
    for (const nlohmann::json& hit : search.hits) {
      const std::string text = hit["passage"]["text"];
      for (const auto& range : hit["passage"]["highlights"]) {
        REQUIRE(range[1].get<std::size_t>() <= text.size());
      }
      for (std::size_t i = 0; i < hit["passage"]["highlights"].size(); ++i) {
        const std::string span = ascii_lower(highlighted(hit, i));
        bool is_form = false;
        for (const std::string& stem : stems) is_form = is_form || span.starts_with(stem);
        INFO("highlighted: " << span);
        CHECK(is_form);
      }
    }
  }
}

TEST_CASE("explain: the query as understood, and each passage's score by part") {
  const Search text =
      search_corpus({"--explain", "--json", "--", "Wagner \"military intervention\""});
  REQUIRE(text.run.exit_code == 0);
  REQUIRE(text.hits.size() >= 2);
  const nlohmann::json& query = text.hits[0]["query"];
  CHECK(query["normalised"] == "wagner \"military intervention\"");
  CHECK(query["parsed"].get<std::string>().find("PHRASE 2") != std::string::npos);
  REQUIRE(query["parts"].size() == 2);
  CHECK(query["parts"][0]["kind"] == "word");
  CHECK(query["parts"][0]["terms"] == nlohmann::json::array({"Zwagner"}));
  CHECK(query["parts"][0]["forms"] == nlohmann::json::array({"wagner"}));
  CHECK(query["parts"][1]["kind"] == "phrase");
  CHECK(query["parts"][1]["required"] == true);
  for (std::size_t i = 1; i < text.hits.size(); ++i) {
    const nlohmann::json& hit = text.hits[i];
    const nlohmann::json& why = hit["explanation"];
    double bm25 = why["article_weight"].get<double>() * why["article_share"].get<double>();
    for (const auto& part : why["part_scores"]) bm25 += part.get<double>();
    const double covered = why["parts_covered"].get<double>();
    CHECK(covered + bm25 / (1 + bm25) == doctest::Approx(hit["score"].get<double>()));
  }

  const RunResult shown = run_pressclip(
      {"search", "--db", corpus_database(), "--explain", "--color", "never", "protest*"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("part 1    wildcard protest") != std::string::npos);
  CHECK(shown.out.find("protesters") != std::string::npos);
  CHECK(shown.out.find("why: parts") != std::string::npos);
}

}  // namespace
}  // namespace pressclip::test
