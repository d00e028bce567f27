// Unit tests of the HTML reader: metadata from meta tags, JSON-LD and <time>; the article body
// without page furniture; paragraphs; declared charsets.
#include "indexer/html_reader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "format_samples.h"
#include "indexer/html_text.h"
#include "pressclip/error.h"

namespace indexer = pressclip::indexer;

namespace {

const std::filesystem::path& kFormats = pressclip::test::kFormatSamples;
using pressclip::test::read_bytes;

indexer::RawArticle read_html(const std::string& content) {
  const std::vector<indexer::RawArticle> articles =
      indexer::HtmlReader().read(content, "").articles;
  REQUIRE(articles.size() == 1);
  return articles.front();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The metadata value of `field`, "" if there is none.
std::string value(const indexer::RawArticle& article, const std::string& field) {
  const auto found = article.metadata.find(field);
  return found == article.metadata.end() ? std::string() : found->second;
}

}  // namespace

TEST_CASE("html: the news page gives its metadata from og tags") {
  const indexer::RawArticle page = read_html(read_bytes(kFormats / "niger_soldiers_coup.html"));
  CHECK(page.metadata_origin == pressclip::FieldOrigin::kDocument);
  CHECK(page.charset == "UTF-8");
  CHECK(value(page, "title") ==
        "Niger soldiers announce coup, say President Bazoum has been removed");
  CHECK(value(page, "source") == "Sahel Monitor");
  CHECK(value(page, "date") == "2023-07-27T08:15:00+01:00");
  CHECK(value(page, "url") ==
        "https://www.sahel-monitor.example/africa/2023/07/27/niger-soldiers-announce-coup");
  CHECK(value(page, "language") == "en-GB");
}

TEST_CASE("html: the news page's text is its article, without page furniture") {
  const std::string text = read_html(read_bytes(kFormats / "niger_soldiers_coup.html")).text;
  CHECK(text.starts_with("Soldiers in Niger appeared on national television late on Wednesday"));
  CHECK(text.ends_with("\u201Chard-won gains will be safeguarded\u201D.\n"));
  // Entities decoded; the figure's caption kept; <br> ends a line; blocks are paragraphs.
  CHECK(contains(text, "\u201Cput an end to the regime you are familiar with\u201D"));
  CHECK(contains(text,
                 "\n\nOfficers read the statement on state broadcaster T\u00E9l\u00E9 Sahel.\n\n"));
  CHECK(contains(text, "about 1,500 French troops.\nThe African Union"));
  CHECK(contains(text, "\n\nWestern partners alarmed\n\n"));
  CHECK(contains(text, "Wednesday to say they had removed President"));  // Lines joined.
  for (const char* furniture :
       {"cookies", "Accept all", "Podcasts", "Home", "Share on", "Sahel Briefing", "inbox",
        "Subscribe", "More on this story", "referendum", "rights reserved", "Privacy", "dataLayer",
        "analyticsBeacon", "line-height", "By A\u00EFssata", "NewsArticle"}) {
    CAPTURE(furniture);
    CHECK_FALSE(contains(text, furniture));
  }
}

TEST_CASE("html: a page with only <title> and <time> is dated and titled by them") {
  const indexer::RawArticle page = read_html(read_bytes(kFormats / "bazoum_held_in_palace.htm"));
  CHECK(value(page, "title") == "Bazoum held by presidential guard as talks fail in Niamey");
  CHECK(value(page, "date") == "2023-07-26");
  CHECK(value(page, "source").empty());
  CHECK(value(page, "url").empty());
  CHECK(value(page, "language").empty());
  // No <article> or <main>: the block with the most paragraph text, the heading with it.
  CHECK(
      page.text.starts_with("Bazoum held by presidential guard as talks fail in Niamey\n\n"
                            "Niamey, 26 July 2023\n\nMembers of Niger\u2019s presidential"));
  CHECK(page.text.ends_with("dispersed by soldiers firing warning shots.\n"));
  CHECK_FALSE(contains(page.text, "Archive"));
  CHECK_FALSE(contains(page.text, "Reproduction"));
}

TEST_CASE("html: a page declaring ISO-8859-1 is read as windows-1252, as browsers do") {
  const indexer::RawArticle page =
      read_html(read_bytes(kFormats / "tiani_heads_junta_latin1.html"));
  CHECK(page.charset == "windows-1252");
  CHECK(value(page, "title") == "Niger : le g\u00E9n\u00E9ral Tiani se proclame chef de la junte");
  CHECK(value(page, "source") == "L'\u00C9\x63ho de Niamey");
  // JSON-LD gives the date (inside an array and an @graph), the canonical link the URL.
  CHECK(value(page, "date") == "2023-07-28T19:30:00+01:00");
  CHECK(value(page, "url") ==
        "https://www.echo-niamey.example/politique/2023/07/28/general-tiani-chef-junte.html");
  CHECK(value(page, "language") == "fr");
  CHECK(
      page.text.starts_with("Niger : le g\u00E9n\u00E9ral Tiani se proclame chef de la junte\n\n"
                            "Le g\u00E9n\u00E9ral Abdourahamane Tiani, commandant"));
  CHECK(contains(page.text,
                 "\u00AB la d\u00E9gradation continue de la situation s\u00E9\x63uritaire \u00BB"));
  for (const char* furniture : {"cookies", "Accueil", "Partager", "droits"}) {
    CAPTURE(furniture);
    CHECK_FALSE(contains(page.text, furniture));
  }
}

TEST_CASE("html: the declared charset is found in meta charset or http-equiv") {
  CHECK(indexer::declared_html_charset("<html><head><meta charset=\"ISO-8859-1\">") ==
        "iso-8859-1");
  CHECK(indexer::declared_html_charset("<META CHARSET=windows-1252>") == "windows-1252");
  CHECK(indexer::declared_html_charset(
            "<meta name=\"x\" content=\"y\"><meta http-equiv='Content-Type' "
            "content='text/html; charset=koi8-r'>") == "koi8-r");
  CHECK(indexer::declared_html_charset("<meta http-equiv=\"refresh\" content=\"30\">").empty());
  CHECK(indexer::declared_html_charset("<html><body>charset=utf-8</body></html>").empty());
  const std::string late = "<html><!--" + std::string(indexer::kHtmlCharsetScanBytes, ' ') +
                           "--><meta charset=\"koi8-r\">";
  CHECK(indexer::declared_html_charset(late).empty());
}

TEST_CASE("html: the first readable date wins: published_time, JSON-LD, <time>") {
  const std::string json_ld =
      "<script type=\"application/ld+json\">{\"datePublished\": \"2023-08-02\"}</script>";
  const std::string body =
      "<body><aside><time datetime=\"2023-07-01\">1 July</time></aside>"
      "<p>Tiani spoke on television.</p><time datetime=\"2023-08-03\">3 August</time>"
      "<time pubdate datetime=\"2023-08-04\">4 August</time></body>";
  const std::string published =
      "<meta property=\"article:published_time\" content=\"2023-08-01T10:00:00Z\">";
  CHECK(value(read_html("<html><head>" + published + json_ld + "</head>" + body), "date") ==
        "2023-08-01T10:00:00Z");
  CHECK(value(read_html("<html><head>" + json_ld + "</head>" + body), "date") == "2023-08-02");
  // A <time> marked as the publication time, then the first <time> outside furniture.
  CHECK(value(read_html("<html><head></head>" + body), "date") == "2023-08-04");
  CHECK(value(read_html("<html><body><aside><time datetime=\"2023-07-01\">x</time></aside>"
                        "<p>Text.</p><time datetime=\"2023-08-03\">y</time></body>"),
              "date") == "2023-08-03");
  // An unreadable date gives way to the next; broken JSON-LD is ignored.
  CHECK(value(read_html("<html><head><meta property=\"article:published_time\" content=\"soon\">"
                        "<script type=\"application/ld+json\">{broken</script></head>" +
                        body),
              "date") == "2023-08-04");
  // Nothing readable: the first, for the metadata resolver to report.
  CHECK(value(read_html("<html><head><meta property=\"article:published_time\" content=\"soon\">"
                        "</head><body><p>Text.</p></body>"),
              "date") == "soon");
}

TEST_CASE("html: <title> loses a suffix naming the site, og:url beats the canonical link") {
  const indexer::RawArticle page = read_html(
      "<html><head><title>Junta closes airspace - Sahel Monitor</title>"
      "<meta property=\"og:site_name\" content=\"Sahel Monitor\">"
      "<link rel=\"alternate canonical\" href=\"https://example.org/canonical\">"
      "<meta property=\"og:url\" content=\"https://example.org/og\"></head>"
      "<body><p>Niger's junta closed its airspace.</p></body></html>");
  CHECK(value(page, "title") == "Junta closes airspace");
  CHECK(value(page, "url") == "https://example.org/og");
  const indexer::RawArticle other = read_html(
      "<html><head><title>Junta closes airspace | Other Site</title>"
      "<link rel=\"alternate canonical\" href=\"https://example.org/canonical\"></head>"
      "<body><p>Text.</p></body></html>");
  CHECK(value(other, "title") == "Junta closes airspace | Other Site");
  CHECK(value(other, "url") == "https://example.org/canonical");
}

TEST_CASE("html: the <article> with the most text is the body") {
  const indexer::RawArticle page = read_html(
      "<html><body><article><p>Short teaser.</p></article>"
      "<article><h1>Coup</h1><p>The presidential guard detained Bazoum.</p>"
      "<p>Borders were closed.</p></article></body></html>");
  CHECK(page.text == "Coup\n\nThe presidential guard detained Bazoum.\n\nBorders were closed.\n");
}

TEST_CASE("html: <main> is the body when there is no <article>") {
  const indexer::RawArticle page = read_html(
      "<html><body><div><p>Sidebar text that is much longer than the main text, oddly.</p></div>"
      "<div role=\"main\"><p>Bazoum was detained.</p></div></body></html>");
  CHECK(page.text == "Bazoum was detained.\n");
}

TEST_CASE("html: furniture is told by tag, role, hidden state, id and class words") {
  const indexer::RawArticle page = read_html(
      "<html><body><article>"
      "<p>Kept one.</p>"
      "<div id=\"cookieNotice\">Cookie words.</div>"
      "<div class=\"c-shareTools\">Share words.</div>"
      "<section class=\"js-related-links\">Related words.</section>"
      "<div class=\"ad-slot\">Ad words.</div>"
      "<div class=\"comments\">Comment words.</div>"
      "<div role=\"navigation\">Role words.</div>"
      "<p hidden>Hidden words.</p><p aria-hidden=\"true\">Aria words.</p>"
      "<p style=\"display: none\">Style words.</p>"
      "<dialog>Dialog words.</dialog><cookie-consent>Element words.</cookie-consent>"
      "<form><label>Form words.</label><input></form><noscript>Noscript words.</noscript>"
      "<div class=\"shared-content loaded\">Kept two.</div>"
      "<p class=\"address\">Kept three.</p>"
      "</article></body></html>");
  CHECK(page.text == "Kept one.\n\nKept two.\n\nKept three.\n");
}

TEST_CASE("html: an article whose wrapper looks like furniture is still read") {
  // Every block has a furniture class: the text is taken without the class test.
  const indexer::RawArticle page = read_html(
      "<html><body><div class=\"share-enabled\"><p>Bazoum remains detained.</p></div>"
      "</body></html>");
  CHECK(page.text == "Bazoum remains detained.\n");
}

TEST_CASE("html: <pre> keeps its lines, tables their cells apart") {
  const indexer::RawArticle page = read_html(
      "<html><body><article><pre>Niamey   30C\nAgadez   34C</pre>"
      "<table><tr><td>Niger</td><td>coup</td></tr><tr><td>Mali</td><td>junta</td></tr></table>"
      "</article></body></html>");
  CHECK(page.text == "Niamey   30C\nAgadez   34C\n\nNiger coup\n\nMali junta\n");
}

TEST_CASE("html: a page without text is not an article") {
  CHECK_THROWS_WITH_AS(read_html("<html><head><title>Empty</title></head><body><nav>Home</nav>"
                                 "<script>var x;</script></body></html>"),
                       doctest::Contains("no article text"), pressclip::Error);
}

TEST_CASE("html: text nested deeper than the limit is left out, not a crash") {
  // The reader refuses such pages before gumbo parses them (test_html_limits.cpp); the walk
  // over the tree has its own guard, tested on a tree gumbo built.
  std::string page = "<html><body><p>Shallow text.</p>";
  for (int i = 0; i < indexer::kMaxHtmlDepth + 100; ++i) page += "<div>";
  page += "Deep text.</body></html>";
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, page.data(), page.size());
  CHECK(indexer::html_article_text(*output->document) == "Shallow text.\n");
  gumbo_destroy_output(&options, output);
  CHECK_THROWS_WITH_AS(read_html(page), doctest::Contains("nested deeper"), pressclip::Error);
}

TEST_CASE("html: a DOCTYPE inside the head's noscript is ignored without leaking") {
  // gumbo 0.10.1 forgets to free such a token; the reader frees what gumbo leaves (found by
  // fuzzing, caught under the sanitizers: scripts/test.sh --sanitize).
  const indexer::RawArticle page = read_html(
      "<html><head><noscript><!DOCTYPE html></noscript></head>"
      "<body><p>Tiani addressed the nation.</p></body></html>");
  CHECK(page.text == "Tiani addressed the nation.\n");
}

TEST_CASE("html: recognised by its first bytes being a tag") {
  const indexer::HtmlReader reader;
  CHECK(reader.recognises("<!DOCTYPE html>"));
  CHECK(reader.recognises("\n\n   <html>"));
  CHECK(reader.recognises("<?xml version=\"1.0\"?><html>"));
  CHECK(reader.recognises(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14)));
  CHECK_FALSE(reader.recognises("Niger coup"));
  CHECK_FALSE(reader.recognises("<"));
  CHECK_FALSE(reader.recognises("<= 5"));
}
