// End-to-end tests of search output on the sample corpus: highlights, paging, offsets,
// errors, colour and text format, and re-indexing.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

bool is_ascii_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool is_utf8_continuation(const std::string& text, std::size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

// The highlighted substrings of a hit's passage.
std::vector<std::string> highlighted(const nlohmann::json& hit) {
  const std::string text = hit["passage"]["text"];
  std::vector<std::string> words;
  for (const nlohmann::json& range : hit["passage"]["highlights"]) {
    const std::size_t start = range[0], end = range[1];
    words.push_back(text.substr(start, end - start));
  }
  return words;
}

TEST_CASE("search: highlights are sorted disjoint ranges on character boundaries") {
  for (const std::string query :
       {"wagner", "\"military intervention\"", "protest", "Nigériens", "wagner NEAR/2 mercenary",
        "mercenar*", "Niger\u2019s capital", "\"conference de presse\""}) {
    INFO("query: " << query);
    const Search search = search_corpus({"--per-article", "3", "-n", "100", "--", query});
    REQUIRE(search.run.exit_code == 0);
    REQUIRE_FALSE(search.hits.empty());
    CHECK_FALSE(search.hits[0]["passage"]["highlights"].empty());
    for (const nlohmann::json& hit : search.hits) {
      const std::string text = hit["passage"]["text"];
      INFO("passage: " << text);
      std::size_t previous_end = 0;
      for (const nlohmann::json& range : hit["passage"]["highlights"]) {
        REQUIRE(range.size() == 2);
        const std::size_t start = range[0], end = range[1];
        CHECK(start >= previous_end);
        CHECK(start < end);
        CHECK(end <= text.size());
        CHECK_FALSE(is_utf8_continuation(text, start));
        CHECK_FALSE(is_utf8_continuation(text, end));
        previous_end = end;
      }
    }
  }
}

TEST_CASE("search: --per-article adds only passages that match the query") {
  // 000 names Tinubu in one passage only; a second passage of 000 would not match.
  const Search tinubu = search_corpus({"--per-article", "2", "-n", "100", "tinubu"});
  CHECK(tinubu.run.exit_code == 0);
  CHECK(tinubu.hits.size() == 1);
  for (const std::string query : {"tinubu", "mercenar*", "nigeriens", "wagner"}) {
    INFO("query: " << query);
    const Search search = search_corpus({"--per-article", "3", "-n", "100", "--", query});
    REQUIRE_FALSE(search.hits.empty());
    for (const nlohmann::json& hit : search.hits) {
      INFO("rank " << hit["rank"].get<int>() << ": " << hit["passage"]["text"].get<std::string>());
      CHECK_FALSE(hit["passage"]["highlights"].empty());
    }
  }
}

TEST_CASE("search: highlights of a word cover the word as written in the text") {
  const Search wagner = search_query("wagner");
  REQUIRE(wagner.hits.size() == 3);
  for (const nlohmann::json& hit : wagner.hits) {
    for (const std::string& word : highlighted(hit)) CHECK(word == "Wagner");
  }
  // A stemmed query highlights whole words ("protesters"), never just the stem.
  const Search protest = search_corpus({"--per-article", "3", "-n", "100", "protest"});
  std::set<std::string> forms;
  for (const nlohmann::json& hit : protest.hits) {
    const std::string text = hit["passage"]["text"];
    for (const nlohmann::json& range : hit["passage"]["highlights"]) {
      const std::size_t start = range[0], end = range[1];
      forms.insert(text.substr(start, end - start));
      CHECK((start == 0 || !is_ascii_letter(text[start - 1])));
      CHECK((end == text.size() || !is_ascii_letter(text[end])));
    }
  }
  CHECK(forms.count("protesters") == 1);
  CHECK(forms.count("protested") == 1);
  for (const std::string& form : forms) {
    CHECK(ascii_lower(form).starts_with("protest"));
  }
}

TEST_CASE("search: --per-article caps passages per article and adds hits") {
  const Search one = search_corpus({"--per-article", "1", "-n", "100", "niger"});
  const Search two = search_corpus({"--per-article", "2", "-n", "100", "niger"});
  REQUIRE(one.run.exit_code == 0);
  REQUIRE(two.run.exit_code == 0);
  CHECK(one.hits.size() == 5);
  CHECK(two.hits.size() > one.hits.size());
  std::map<std::string, int> passages_per_article;
  for (const nlohmann::json& hit : two.hits) ++passages_per_article[hit["article"]["id"]];
  for (const auto& [id, count] : passages_per_article) {
    INFO("article " << id);
    CHECK(count <= 2);
  }
  CHECK(article_numbers(two.hits) == article_numbers(one.hits));
}

TEST_CASE("search: --limit caps the hits and ranks count from 1") {
  const Search search = search_corpus({"--limit", "2", "niger"});
  CHECK(search.run.exit_code == 0);
  REQUIRE(search.hits.size() == 2);
  CHECK(search.hits[0]["rank"] == 1);
  CHECK(search.hits[1]["rank"] == 2);
  CHECK(search.hits[0]["score"].get<double>() >= search.hits[1]["score"].get<double>());
  CHECK(search.hits[0]["format_version"] == 1);
  CHECK(search_corpus({"-n", "1", "niger"}).hits.size() == 1);
}

TEST_CASE("search: --offset skips ranked hits and keeps their rank numbers") {
  for (const std::string per_article : {"1", "2"}) {
    INFO("--per-article " << per_article);
    const Search first_page = search_corpus({"--per-article", per_article, "-n", "3", "niger"});
    const Search second =
        search_corpus({"--per-article", per_article, "--offset", "1", "--limit", "1", "niger"});
    REQUIRE(first_page.hits.size() == 3);
    REQUIRE(second.hits.size() == 1);
    CHECK(second.hits[0]["rank"] == 2);
    CHECK(second.hits[0]["article"] == first_page.hits[1]["article"]);
    CHECK(second.hits[0]["passage"] == first_page.hits[1]["passage"]);
  }
  CHECK(search_corpus({"--offset", "100", "niger"}).run.exit_code == 1);
}

TEST_CASE("search: --sort date orders articles by date and -date newest first") {
  auto dates = [](const std::vector<std::string>& args) {
    const Search search = search_corpus(args);
    CHECK(search.run.exit_code == 0);
    std::string joined;
    for (const nlohmann::json& hit : search.hits) {
      joined += (joined.empty() ? "" : " ") + hit["article"]["date"].get<std::string>();
    }
    return joined;
  };
  const std::string oldest_first = "2023-07-28 2023-07-30 2023-08-03 2023-08-12 2023-09-11";
  const std::string newest_first = "2023-09-11 2023-08-12 2023-08-03 2023-07-30 2023-07-28";
  CHECK(dates({"--sort", "date", "niger"}) == oldest_first);
  CHECK(dates({"--sort=-date", "niger"}) == newest_first);
  CHECK(dates({"--sort", "-date", "niger"}) == newest_first);
  CHECK(dates({"--sort", "date", "--offset", "1", "-n", "2", "niger"}) == "2023-07-30 2023-08-03");
  // Passages of one article stay in score order; ranks still count from 1.
  const Search two = search_corpus({"--sort", "date", "--per-article", "2", "-n", "100", "niger"});
  REQUIRE(two.hits.size() == 10);
  for (std::size_t i = 0; i < two.hits.size(); ++i) {
    CHECK(two.hits[i]["rank"] == i + 1);
    if (i % 2 == 1) {
      CHECK(two.hits[i]["article"]["id"] == two.hits[i - 1]["article"]["id"]);
      CHECK(two.hits[i]["score"].get<double>() <= two.hits[i - 1]["score"].get<double>());
    }
  }
  const Search relevance = search_corpus({"--sort", "relevance", "-n", "100", "niger"});
  for (std::size_t i = 1; i < relevance.hits.size(); ++i) {
    CHECK(relevance.hits[i]["score"].get<double>() <= relevance.hits[i - 1]["score"].get<double>());
  }
  check_one_error_line(search_corpus({"--sort", "sideways", "niger"}).run);
}

TEST_CASE("search: passage offsets address the bytes of the article file") {
  const Search search = search_corpus({"--per-article", "100", "-n", "200", "niger OR wagner"});
  REQUIRE(search.hits.size() > 5);
  for (const nlohmann::json& hit : search.hits) {
    const std::string file = read_file(hit["article"]["path"].get<std::string>());
    const std::size_t start = hit["passage"]["start"], end = hit["passage"]["end"];
    REQUIRE(start < end);
    REQUIRE(end <= file.size());
    CHECK(file.substr(start, end - start) == hit["passage"]["text"].get<std::string>());
  }
}

TEST_CASE("search: nothing found exits 1 and prints nothing") {
  for (bool json : {true, false}) {
    std::vector<std::string> args = {"search", "--db", corpus_database(), "zyxwvutsrq"};
    if (json) args.push_back("--json");
    const RunResult result = run_pressclip(args);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
  }
}

TEST_CASE("search: malformed queries fail with one error line") {
  for (const std::string query :
       {"", "   ", "\"unclosed", "\"", "wagner AND", "AND", "OR wagner", "wagner NOT", "(niger",
        "niger)", "date:2023-13", "date:2023-02-30", "date:abc", "date:..",
        "date:2023-08-15..2023-08-01", "a NEAR/x b", "...", "-", "*"}) {
    INFO("query: [" << query << "]");
    check_one_error_line(search_corpus({"--", query}).run);
  }
}

TEST_CASE("search: a field name with nothing after the colon is a bad query") {
  // Regression: "source:" used to search silently for the word "source".
  for (const char* query : {"source:", "title:", "date:", "niger source: x", "(language:)"}) {
    CAPTURE(query);
    const RunResult result = run_pressclip({"search", "--db", corpus_database(), query});
    check_one_error_line(result);
    CHECK(result.err.find("needs a value") != std::string::npos);
  }
}

TEST_CASE("search: a missing database fails with one error line") {
  const RunResult result = run_pressclip({"search", "--db", "/nonexistent/x", "niger"});
  check_one_error_line(result);
  CHECK(result.err.find("/nonexistent/x") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists("/nonexistent/x"));
}

TEST_CASE("search: colour follows --color and NO_COLOR") {
  const std::vector<std::string> base = {"search", "--db", corpus_database(), "wagner"};
  auto run_with = [&](std::vector<std::string> extra, const char* no_color) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    RunOptions options;
    if (no_color) options.env.push_back({"NO_COLOR", no_color});
    const RunResult result = run_pressclip(args, options);
    REQUIRE(result.exit_code == 0);
    return result.out.find("\x1b[") != std::string::npos;
  };
  CHECK(run_with({"--color=always"}, nullptr));
  CHECK(run_with({"--color", "always"}, nullptr));
  CHECK_FALSE(run_with({}, nullptr));  // Standard output is a pipe.
  CHECK_FALSE(run_with({"--color=never"}, nullptr));
  CHECK_FALSE(run_with({}, "1"));
  CHECK_FALSE(run_with({"--color=auto"}, "1"));
  CHECK(run_with({"--color=always"}, "1"));  // The command line overrides the environment.
}

TEST_CASE("search: text output shows rank source date title path and passage") {
  const Search json = search_query("source:BBC");
  REQUIRE(json.hits.size() == 1);
  const nlohmann::json& article = json.hits[0]["article"];
  const TemporaryDirectory elsewhere;
  RunOptions options;
  options.cwd = elsewhere.path();
  const RunResult text =
      run_pressclip({"search", "--db", corpus_database(), "source:BBC"}, options);
  REQUIRE(text.exit_code == 0);
  INFO("output: " << text.out);
  CHECK(text.out.starts_with("1. BBC 2023-08-12"));
  CHECK(text.out.find(article["title"].get<std::string>()) != std::string::npos);
  CHECK(text.out.find(article["path"].get<std::string>()) != std::string::npos);
  CHECK(text.out.find("passage ") != std::string::npos);
  // Inside the working directory, the path is shown relative to it.
  options.cwd = PRESSCLIP_CORPUS_DIR;
  const RunResult relative =
      run_pressclip({"search", "--db", corpus_database(), "source:BBC"}, options);
  CHECK(relative.out.find("\n   seeds/000_") != std::string::npos);
}

TEST_CASE("index: re-indexing the corpus replaces articles instead of adding copies") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const std::string article = corpus_article_path("000");
  const std::string same_article_other_name =
      (std::filesystem::path(article).parent_path() / "." / "..") / "seeds" /
      std::filesystem::path(article).filename();
  REQUIRE(run_pressclip({"index", "--db", db, "-q", PRESSCLIP_CORPUS_DIR}).exit_code == 0);
  const RunResult again = run_pressclip({"index", "--db", db, "--json", PRESSCLIP_CORPUS_DIR});
  REQUIRE(again.exit_code == 0);
  // Nothing changed: nothing is read again.
  CHECK(parse_json_lines(again.out).at(0)["indexed"] == 0);
  CHECK(parse_json_lines(again.out).at(0)["unchanged"] == 5);
  REQUIRE(run_pressclip({"index", "--db", db, "-q", same_article_other_name}).exit_code == 0);

  const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
  REQUIRE(stats.exit_code == 0);
  CHECK(parse_json_lines(stats.out).at(0)["articles"] == 5);
  const RunResult search = run_pressclip({"search", "--db", db, "--json", "Wagner AND Niger"});
  CHECK(parse_json_lines(search.out).size() == 3);
}

}  // namespace
}  // namespace pressclip::test
