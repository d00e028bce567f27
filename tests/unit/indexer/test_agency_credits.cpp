// Unit tests of wire-agency credits: the sample corpus, each credit rule, and running text.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/agency_credits.h"
#include "schema/name_aliases.h"

namespace indexer = pressclip::indexer;
namespace schema = pressclip::schema;
using Names = std::vector<std::string>;

namespace {

const schema::NameAliases& agencies() {
  static const schema::NameAliases table = schema::builtin_agency_aliases();
  return table;
}

// The distinct agencies credited in `text` by the built-in table.
Names credited(std::string_view text) {
  return indexer::credited_agencies(indexer::find_agency_credits(text, agencies()));
}

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(PRESSCLIP_CORPUS_DIR) + "/seeds/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The credited text of each credit, with the rest of its line.
std::vector<std::string> credit_line_ends(const std::string& text) {
  std::vector<std::string> ends;
  for (const auto& credit : indexer::find_agency_credits(text, agencies())) {
    const std::size_t line_end = text.find('\n', credit.start);
    ends.push_back(text.substr(credit.start, line_end - credit.start));
  }
  return ends;
}

}  // namespace

TEST_CASE("corpus: The Telegraph credits Reuters, AFP and AP in photo captions") {
  const std::string text = read_seed("002_48d4f75f15c1a055.txt");
  const auto credits = indexer::find_agency_credits(text, agencies());
  REQUIRE(credits.size() == 4);
  CHECK(credits[0].agency == "Reuters");
  CHECK(credits[1].agency == "AFP");
  CHECK(credits[2].agency == "Reuters");
  CHECK(credits[3].agency == "AP");
  CHECK(credit_line_ends(text) == std::vector<std::string>{"REUTERS", "AFP", "REUTERS", "AP"});
  CHECK(text.substr(credits[3].start - 12, 14) == "Sam Mednick/AP");
  CHECK(indexer::credited_agencies(credits) == Names{"Reuters", "AFP", "AP"});
}

TEST_CASE("corpus: RFI credits AP in a caption and AFP in a closing '(with AFP)'") {
  const std::string text = read_seed("003_c6a2e5104b6ed147.txt");
  const auto credits = indexer::find_agency_credits(text, agencies());
  REQUIRE(credits.size() == 2);
  CHECK(credit_line_ends(text) == std::vector<std::string>{"AP - Sam Mednick", "AFP)"});
  CHECK(text.substr(credits[0].start - 6, 6) == "2023. ");
  CHECK(indexer::credited_agencies(credits) == Names{"AP", "AFP"});
}

TEST_CASE("corpus: 'told AFP' in running text and articles without agencies credit nothing") {
  const std::string afp_article = read_seed("004_29103c4a00611ba9.txt");
  REQUIRE(afp_article.find("told AFP") != std::string::npos);
  CHECK(indexer::find_agency_credits(afp_article, agencies()).empty());
  CHECK(indexer::find_agency_credits(read_seed("000_adbdeac2c8311933.txt"), agencies()).empty());
  CHECK(indexer::find_agency_credits(read_seed("001_0b8995dc95b588cd.txt"), agencies()).empty());
}

TEST_CASE("'(with ...)' credits anywhere, several agencies at once") {
  CHECK(credited("The junta held firm.\n(with AFP)") == Names{"AFP"});
  CHECK(credited("Text.\n(with AFP and Reuters)\n") == Names{"AFP", "Reuters"});
  CHECK(credited("Text. (With Reuters, AP)") == Names{"Reuters", "AP"});
  CHECK(credited("(avec AFP)") == Names{"AFP"});
  CHECK(credited("[with AFP]") == Names{"AFP"});
  CHECK(credited("(with AFP and agencies)") == Names{"AFP"});
  CHECK(credited("(With additional reporting by Reuters)") == Names{"Reuters"});
  CHECK(credited("(with Agence France-Presse)") == Names{"AFP"});
  CHECK(credited("With AFP") == Names{"AFP"});
  CHECK(credited("(with the army)").empty());
  CHECK(credited("(with agencies)").empty());
}

TEST_CASE("a credit's range is the agency's name as written") {
  const std::string text = "Summit ends.\n(with AFP and Reuters)\nNiamey - A.P.";
  const auto credits = indexer::find_agency_credits(text, agencies());
  REQUIRE(credits.size() == 3);
  CHECK(text.substr(credits[0].start, credits[0].end - credits[0].start) == "AFP");
  CHECK(text.substr(credits[1].start, credits[1].end - credits[1].start) == "Reuters");
  CHECK(text.substr(credits[2].start, credits[2].end - credits[2].start) == "A.P.");
  CHECK(credits[2].agency == "AP");
  const auto dotted = indexer::find_agency_credits("Crowds in Niamey - AFP.", agencies());
  REQUIRE(dotted.size() == 1);
  CHECK(dotted[0].start == 19);
  CHECK(dotted[0].end == 22);
}

TEST_CASE("datelines: '(Reuters) -' at the start of a line or after a place and date") {
  CHECK(credited("NIAMEY (Reuters) - Niger's junta said on Friday...") == Names{"Reuters"});
  CHECK(credited("PARIS, July 28 (Reuters) - France said...") == Names{"Reuters"});
  CHECK(credited("Paris (AFP) \xE2\x80\x93 France said...") == Names{"AFP"});
  CHECK(credited("WASHINGTON (AP) \xE2\x80\x94 The United States...") == Names{"AP"});
  CHECK(credited("NIAMEY, Niger (AP) \xE2\x80\x94 Thousands rallied") == Names{"AP"});
  CHECK(credited("Rio de Janeiro (Reuters) - Brazil...") == Names{"Reuters"});
  CHECK(credited("(Reuters) - Niger's junta said") == Names{"Reuters"});
  CHECK(credited("(AFP)") == Names{"AFP"});
  CHECK(credited("NIAMEY (AFP/Reuters) - Joint") == Names{"AFP", "Reuters"});
}

TEST_CASE("'AFP -' at the start of a line or after a dateline") {
  CHECK(credited("AFP - The junta closed the border.") == Names{"AFP"});
  CHECK(credited("AFP \xE2\x80\x94 The junta closed the border.") == Names{"AFP"});
  CHECK(credited("AP - Sam Mednick") == Names{"AP"});
  CHECK(credited("Reuters, AFP - The junta") == Names{"Reuters", "AFP"});
  CHECK(credited("PARIS \xE2\x80\x94 AFP \xE2\x80\x94 France said") == Names{"AFP"});
  CHECK(credited("Intro line.\nREUTERS - Later paragraph.") == Names{"Reuters"});
}

TEST_CASE("caption credits at the end of a line") {
  CHECK(credited("Crowds in Niamey - REUTERS") == Names{"Reuters"});
  CHECK(credited("Crowds in Niamey - AFP.") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey -- UPI") == Names{"UPI"});
  CHECK(credited("Crowds in Niamey\xE2\x80\x94"
                 "AFP") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey - Sam Mednick/AP") == Names{"AP"});
  CHECK(credited("Crowds in Niamey - REUTERS/Mahamadou Hamidou") == Names{"Reuters"});
  CHECK(credited("Crowds in Niamey - AFP/Getty Images") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey | AFP") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey. Photo: AFP") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey Photograph: Issouf Sanogo/AFP via Getty Images") ==
        Names{"AFP"});
  CHECK(credited("Crowds in Niamey. Credit: Reuters") == Names{"Reuters"});
  CHECK(credited("Crowds in Niamey. Picture: picture alliance/dpa") == Names{"dpa"});
  CHECK(credited("Crowds in Niamey \xC2\xA9 AFP") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey \xC2\xA9 AFP 2023") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey. Copyright 2023 Reuters") == Names{"Reuters"});
  CHECK(credited("Crowds in Niamey - AFP and Reuters") == Names{"AFP", "Reuters"});
  CHECK(credited("Crowds in Niamey - Agence France-Presse") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey (AP Photo/Jerome Delay)") == Names{"AP"});
  CHECK(credited("Crowds in Niamey (Photo: AFP), the capital") == Names{"AFP"});
  CHECK(credited("Foule \xC3\xA0 Niamey. Photo : AFP") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey (Photo by ISSOUF SANOGO/AFP via Getty Images)") == Names{"AFP"});
  CHECK(credited("Crowds in Niamey - AFP\r\nNext line") == Names{"AFP"});
}

TEST_CASE("a line that is only a credit") {
  CHECK(credited("Text.\nREUTERS/Mahamadou Hamidou\nMore.") == Names{"Reuters"});
  CHECK(credited("Text.\nSam Mednick/AP\n") == Names{"AP"});
  CHECK(credited("Reuters") == Names{"Reuters"});
  CHECK(credited("  AFP  ") == Names{"AFP"});
}

TEST_CASE("credits after a sentence end at the end of a line") {
  CHECK(credited("Supporters rally in Niamey, Thursday July 27 2023. AP - Sam Mednick") ==
        Names{"AP"});
  CHECK(credited("Supporters rally in Niamey on Thursday. Sam Mednick/AP") == Names{"AP"});
  CHECK(credited("Supporters rally in Niamey on Thursday. (AFP)") == Names{"AFP"});
  CHECK(credited("\"We are ready,\" he said.\" (Reuters)") == Names{"Reuters"});
  CHECK(credited("Supporters rally in Niamey on Thursday. Reuters") == Names{"Reuters"});
}

TEST_CASE("mentions of agencies in running text are not credits") {
  CHECK(credited("An official from the defence ministry told AFP those talks would end.").empty());
  CHECK(credited("\"It was known,\" Antil told AFP.").empty());
  CHECK(credited("An official told AFP").empty());
  CHECK(credited("The figures are down, according to Reuters.").empty());
  CHECK(credited("according to journalists from French agency AFP.").empty());
  CHECK(credited("AFP reported on Friday that the border was closed.").empty());
  CHECK(credited("An AP reporter saw the convoy.").empty());
  CHECK(credited("He told the Associated Press news agency.").empty());
  CHECK(credited("A spokesman told Agence France-Presse (AFP) on Friday.").empty());
  CHECK(credited("A spokesman told Agence France-Presse (AFP).").empty());
  CHECK(credited("Agence France-Presse (AFP) said on Friday that").empty());
  CHECK(credited("The story was first reported by Reuters").empty());
  CHECK(credited("The meeting (AFP) was short.").empty());
  CHECK(credited("In Niger (AP) the junta ruled").empty());
  CHECK(credited("He told them (Reuters) - no more").empty());
  CHECK(credited("Mali and AFP - both said so").empty());
  CHECK(credited("Microcredit: Reuters").empty());
  CHECK(credited("Telephoto: AFP").empty());
  CHECK(credited("UPI (United Press International) said").empty());
  CHECK(credited("He said the ministry - and Reuters agreed").empty());
  CHECK(credited("He thanked the ministry - and Reuters").empty());
  CHECK(credited("Anyone could see it - he met AFP").empty());
  CHECK(credited("The copyright of Reuters").empty());
  CHECK(credited("He was shown a photo by Reuters").empty());
  CHECK(credited("The photo: Reuters had it first").empty());
  CHECK(credited("He left. He met Reuters").empty());
}

TEST_CASE("photo libraries, publishers and sub-heads are not agency credits") {
  CHECK(credited("Crowds in Niamey - Getty Images").empty());
  CHECK(credited("Crowds in Niamey. Photo: Getty Images").empty());
  CHECK(credited("Crowds in Niamey \xC2\xA9 Shutterstock").empty());
  CHECK(credited("Crowds in Niamey - BBC").empty());
  CHECK(credited("- Sanctions -").empty());
  CHECK(credited("protests.- Sanctions -Economic Community").empty());
  CHECK(credited("Crowds in Niamey - Sam Mednick").empty());
  CHECK(credited("").empty());
  CHECK(credited("\n\n  \n").empty());
}

TEST_CASE("the agency table decides what is an agency") {
  schema::NameAliases belga;
  belga.add_from_text("Belga\tAgence Belga\n", "user.tsv");
  const auto credits = indexer::find_agency_credits("Crowds - Agence Belga\n(with AFP)", belga);
  CHECK(indexer::credited_agencies(credits) == Names{"Belga"});
  CHECK(credited("Crowds - Agence Belga").empty());
}

TEST_CASE("credits come in text order, and credited_agencies keeps the first of each") {
  const auto credits = indexer::find_agency_credits(
      "NIAMEY (Reuters) - Text.\nCaption - AFP\nCaption - REUTERS\n(with AP and AFP)", agencies());
  std::vector<std::string> order;
  for (const auto& credit : credits) order.push_back(credit.agency);
  CHECK(order == Names{"Reuters", "AFP", "Reuters", "AP", "AFP"});
  for (std::size_t i = 1; i < credits.size(); ++i) CHECK(credits[i - 1].start < credits[i].start);
  CHECK(indexer::credited_agencies(credits) == Names{"Reuters", "AFP", "AP"});
  CHECK(indexer::credited_agencies({}).empty());
}

TEST_CASE("invalid UTF-8 and very long lines are read safely") {
  CHECK(credited("\xFF\xFE caption \xE2\x80 - AFP\n\xC3") == Names{"AFP"});
  std::string long_line;
  for (int i = 0; i < 100000; ++i) long_line += "He left. (Then) - A ";
  long_line += "- AFP";
  CHECK(credited(long_line) == Names{"AFP"});
  const std::string brackets(1000000, '(');
  CHECK(credited(brackets + " - Reuters") == Names{"Reuters"});
  const std::string long_credit = "Crowds - " + std::string(200, 'A') + "/AFP";
  CHECK(credited(long_credit).empty());
}
