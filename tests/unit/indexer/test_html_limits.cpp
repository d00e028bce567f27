// Unit tests of the HTML pre-scan (html_depth_scan.h): pages at each limit parse, one step
// past it they are refused, and the usual ways pages leave elements open do not count as
// nesting. (How long gumbo takes is measured in bench/, never asserted here.)
#include "indexer/html_depth_scan.h"

#include <doctest/doctest.h>

#include <string>

#include "format_samples.h"
#include "indexer/html_reader.h"
#include "pressclip/error.h"

namespace indexer = pressclip::indexer;

namespace {

using pressclip::test::read_bytes;

std::string repeat(const std::string& part, std::size_t times) {
  std::string out;
  out.reserve(part.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += part;
  return out;
}

std::string page(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Niger</title></head><body>" + body + "</body></html>";
}

std::string article_text(const std::string& html) {
  const indexer::FileArticles file = indexer::HtmlReader().read(html, "page.html");
  REQUIRE(file.articles.size() == 1);
  return file.articles.front().text;
}

// `count` nested <div>, the innermost holding `text`. gumbo's stack then holds html, body and
// the divs.
std::string nested_divs(std::size_t count, const std::string& text) {
  return page(repeat("<div>", count) + text + repeat("</div>", count));
}

}  // namespace

TEST_CASE("html limits: a page nested to the limit parses, one level more is refused") {
  const std::size_t divs = indexer::kMaxHtmlNesting - 2;  // html and body are levels too.
  const std::string at_limit = nested_divs(divs, "Tiani addressed the nation.");
  CHECK(indexer::scan_html_cost(at_limit).depth == indexer::kMaxHtmlNesting);
  CHECK(article_text(at_limit) == "Tiani addressed the nation.\n");

  const std::string deeper = nested_divs(divs + 1, "Tiani addressed the nation.");
  CHECK(indexer::scan_html_cost(deeper).depth == indexer::kMaxHtmlNesting + 1);
  CHECK_THROWS_WITH_AS(article_text(deeper), "HTML nested deeper than 256 levels",
                       pressclip::Error);
}

TEST_CASE("html limits: a page of 200,000 nested divs is refused by the scan") {
  // gumbo alone needs minutes for it; the scan stops at the limit.
  const std::string page_of_divs = nested_divs(200000, "x");
  const indexer::HtmlParseCost cost = indexer::scan_html_cost(page_of_divs);
  CHECK(cost.depth == indexer::kMaxHtmlNesting + 1);
  try {
    article_text(page_of_divs);
    FAIL("the page was read");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kBadArgument);
  }
}

TEST_CASE("html limits: the sample news pages are far from every limit") {
  for (const char* name :
       {"niger_soldiers_coup.html", "bazoum_held_in_palace.htm", "tiani_heads_junta_latin1.html"}) {
    CAPTURE(name);
    const indexer::HtmlParseCost cost =
        indexer::scan_html_cost(read_bytes(pressclip::test::kFormatSamples / name));
    CHECK(cost.depth > 2);
    CHECK(cost.depth < 40);
    CHECK(cost.attributes < 10);
    CHECK(cost.formatting < 5);
    CHECK_FALSE(cost.unsure);
  }
}

TEST_CASE("html limits: elements that close themselves do not add up to nesting") {
  // Old pages leave <p>, <li>, <dt>, <dd>, <td>, <tr> and <option> open: gumbo closes them at
  // the next one. 5,000 of each stay a few levels deep.
  const std::string old_style = page(
      repeat("<p>Niamey was calm", 5000) + "<ul>" + repeat("<li>Agadez", 5000) + "</ul><dl>" +
      repeat("<dt>Niger<dd>coup", 5000) + "</dl><table>" + repeat("<tr><td>a<td>b<th>c", 5000) +
      "</table><select>" + repeat("<option>Maradi", 5000) + "</select>" +
      repeat("<h2>Title<h3>Sub", 500) + repeat("<p><font face=arial>Zinder</p>", 5000) +
      repeat("<a href=x>link<a href=y>other", 5000) + repeat("<button>b", 500));
  CHECK(indexer::scan_html_cost(old_style).depth < 12);
  CHECK(article_text(old_style).find("Niamey was calm") != std::string::npos);
}

TEST_CASE("html limits: misnested formatting stays shallow and parses") {
  // The adoption agency algorithm untangles these; each closes what it opened.
  const std::string misnested =
      page(repeat("<b><i>Bazoum</b> detained</i> ", 10000) + repeat("<b><p>x</b>y</p>", 2000));
  CHECK(indexer::scan_html_cost(misnested).depth < 8);
  CHECK(article_text(misnested).find("Bazoum detained") != std::string::npos);
}

TEST_CASE("html limits: tags inside comments, scripts, styles and raw text are not tags") {
  const std::string hidden = page(
      repeat("<!-- <div> -->", 1000) + "<script>var s = '" + repeat("<div>", 1000) +
      "';</script><style>" + repeat("<div>", 1000) + "</style><textarea>" + repeat("<div>", 1000) +
      "</textarea><title>" + repeat("<div>", 1000) + "</title><script><!--<script></script>" +
      repeat("<div>", 1000) + "--></script><p>The junta closed the borders.</p>");
  CHECK(indexer::scan_html_cost(hidden).depth < 6);
  CHECK(article_text(hidden) == "The junta closed the borders.\n");
}

TEST_CASE("html limits: a self-closing slash closes foreign elements only") {
  // In SVG <path/> is closed; in HTML the slash is ignored and <div/> stays open.
  const std::string icons = page("<svg>" + repeat("<path d='M0 0'/>", 5000) + "</svg><p>Text.</p>");
  CHECK(indexer::scan_html_cost(icons).depth < 6);
  CHECK(article_text(icons) == "Text.\n");
  CHECK_THROWS_WITH_AS(article_text(page(repeat("<div/>", 300) + "Text.")),
                       "HTML nested deeper than 256 levels", pressclip::Error);
}

TEST_CASE("html limits: end tags gumbo ignores do not make the page shallower") {
  // </body> and </html> only change gumbo's mode; a </form> removes the form alone.
  CHECK_THROWS_WITH_AS(article_text(page(repeat("<div></body></html>", 300) + "Text.")),
                       "HTML nested deeper than 256 levels", pressclip::Error);
  CHECK_THROWS_WITH_AS(article_text(page(repeat("<form><div></form>", 300) + "Text.")),
                       "HTML nested deeper than 256 levels", pressclip::Error);
  CHECK_THROWS_WITH_AS(article_text(page(repeat("<span><div></span>", 300) + "Text.")),
                       "HTML nested deeper than 256 levels", pressclip::Error);
}

TEST_CASE("html limits: a tag with the most attributes parses, one more is refused") {
  auto tag_with = [](std::size_t attributes) {
    std::string tag = "<p";
    for (std::size_t i = 0; i < attributes; ++i) tag += " data-a" + std::to_string(i) + "=\"v\"";
    return page(tag + ">Bazoum was detained.</p>");
  };
  CHECK(article_text(tag_with(indexer::kMaxHtmlAttributes)) == "Bazoum was detained.\n");
  CHECK_THROWS_WITH_AS(article_text(tag_with(indexer::kMaxHtmlAttributes + 1)),
                       "HTML has a tag with more than 128 attributes", pressclip::Error);
}

TEST_CASE("html limits: formatting elements left open are limited in number") {
  // Distinct <b> left open inside paragraphs stay active: gumbo compares each new one with
  // them and reopens them all in every later paragraph.
  auto open_bold = [](std::size_t count) {
    std::string bold;
    for (std::size_t i = 0; i < count; ++i) bold += "<b id=b" + std::to_string(i) + ">";
    return page("<p>" + bold + "</p><p>Niamey.</p>");
  };
  const std::size_t most = indexer::kMaxHtmlActiveFormatting;
  CHECK(indexer::scan_html_cost(open_bold(most)).formatting == most);
  CHECK(article_text(open_bold(most)) == "Niamey.\n");
  CHECK_THROWS_WITH_AS(
      article_text(open_bold(most + 1)),
      "HTML has more than 64 formatting elements (<b>, <i>, <a>, ...) open at once",
      pressclip::Error);
}

TEST_CASE("html limits: reopening formatting in every paragraph is limited in bytes") {
  // <b><i><u> closed early by </p> are cloned again for each paragraph that follows.
  const std::string few = page("<p><b><i><u>Title</p>" + repeat("<p>x</p>", 1000));
  CHECK(indexer::scan_html_cost(few).copied_bytes >= 1000 * 3 * 160);
  CHECK(article_text(few).starts_with("Title\n\nx"));
  const std::string many = page("<p><b><i><u>Title</p>" + repeat("<p>x</p>", 200000));
  CHECK(indexer::scan_html_cost(many).copied_bytes > indexer::max_html_copied_bytes(many.size()));
  CHECK_THROWS_WITH_AS(article_text(many), doctest::Contains("reopens formatting elements"),
                       pressclip::Error);
}

TEST_CASE("html limits: SVG or MathML holding what the scan cannot follow is refused") {
  // A table cell inside MathML: gumbo may take it for an HTML cell when it resets its mode.
  CHECK(indexer::scan_html_cost(page("<math><th><mi><select>x</select></mi></th></math>")).unsure);
  CHECK_FALSE(
      indexer::scan_html_cost(page("<svg><g><path/></g></svg><table><tr><th>x</table>")).unsure);
  // Whether an annotation-xml holds HTML depends on its encoding, decoded.
  const std::string math =
      "<math><annotation-xml encoding='text&#47;html'><style></style></annotation-xml></math>";
  CHECK(indexer::scan_html_cost(page(math + "<p>x</p>")).unsure);
  CHECK_THROWS_WITH_AS(article_text(page(math + "<p>x</p>")),
                       "HTML mixes SVG or MathML with markup the pre-scan cannot follow",
                       pressclip::Error);
  const std::string plain = "<math><annotation-xml encoding='text/html'><p>y</p></annotation-xml>";
  CHECK_FALSE(indexer::scan_html_cost(page(plain)).unsure);
}
