// Unit tests of name alias tables: keys, overrides, the alias-file format, the built-ins.
#include <doctest/doctest.h>

#include <string>

#include "pressclip/error.h"
#include "schema/name_aliases.h"

namespace schema = pressclip::schema;
using pressclip::ErrorKind;

namespace {

// The kind and message of the Error that `add_from_text` throws, or "" if none.
std::string parse_error(std::string_view text, ErrorKind* kind = nullptr) {
  schema::NameAliases aliases;
  try {
    aliases.add_from_text(text, "aliases.tsv");
  } catch (const pressclip::Error& error) {
    if (kind != nullptr) *kind = error.kind();
    return error.what();
  }
  return "";
}

// True if both tables map every alias of either to the same canonical name.
bool same_mapping(const schema::NameAliases& a, const schema::NameAliases& b) {
  for (const auto* table : {&a, &b}) {
    for (const auto& entry : table->entries()) {
      for (const auto& alias : entry.aliases) {
        if (!a.knows(alias) || !b.knows(alias)) return false;
        if (a.canonical(alias) != b.canonical(alias)) return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("keys ignore case, white space, dots, apostrophes, punctuation and accents") {
  CHECK(schema::name_key("Agence France-Presse") == "agence france presse");
  CHECK(schema::name_key("  AGENCE   France Presse ") == "agence france presse");
  CHECK(schema::name_key("A.P.") == "ap");
  CHECK(schema::name_key("A. P.") == "a p");
  CHECK(schema::name_key("bbc.co.uk") == "bbccouk");
  CHECK(schema::name_key("Le Télégramme") == "le telegramme");
  CHECK(schema::name_key("\xEF\xBC\xA1\xEF\xBC\xA6\xEF\xBC\xB0") == "afp");  // Full-width AFP.
  CHECK(schema::name_key("Al-Jazeera") == schema::name_key("Al Jazeera"));
  CHECK(schema::name_key("Reuters\xE2\x80\x99") == "reuters");
  CHECK(schema::name_key("AT&T") == "at&t");
  CHECK(schema::name_key("Canal+") == "canal+");
  CHECK(schema::name_key("...").empty());
  CHECK(schema::name_key("").empty());
}

TEST_CASE("canonical names are found from any spelling, and unknown names keep their case") {
  schema::NameAliases aliases;
  aliases.add("AFP", {"Agence France-Presse", "Agence France Presse"});
  CHECK(aliases.knows("afp"));
  CHECK(aliases.knows("AGENCE FRANCE-PRESSE"));
  CHECK(aliases.knows("agence  france\tpresse"));
  CHECK(aliases.canonical("agence france presse") == "AFP");
  CHECK(aliases.canonical("A.F.P.") == "AFP");
  CHECK_FALSE(aliases.knows("Agence France"));
  CHECK(aliases.canonical("  Niger   Daily \t News ") == "Niger Daily News");
  CHECK(aliases.canonical("the Sahel Times") == "the Sahel Times");
  CHECK(aliases.canonical("") == "");
  CHECK_FALSE(aliases.knows(""));
  CHECK_FALSE(aliases.knows("..."));
}

TEST_CASE("a later definition of an alias replaces an earlier one") {
  schema::NameAliases aliases = schema::builtin_agency_aliases();
  REQUIRE(aliases.canonical("Associated Press") == "AP");
  aliases.add_from_text("Associated Press\tAP\n", "user.tsv");
  CHECK(aliases.canonical("AP") == "Associated Press");
  CHECK(aliases.canonical("The Associated Press") == "AP");  // Not redefined.
  CHECK(aliases.canonical("Reuters") == "Reuters");

  schema::NameAliases rename = schema::builtin_agency_aliases();
  rename.add("Agence France-Presse", {"AFP"});
  CHECK(rename.canonical("afp") == "Agence France-Presse");
  CHECK(rename.canonical("Agence France Presse") == "Agence France-Presse");
}

TEST_CASE("a canonical name with a known key extends its entry and renames it") {
  schema::NameAliases aliases = schema::builtin_agency_aliases();
  aliases.add("afp", {"AFP wire"});
  CHECK(aliases.canonical("AFP wire") == "afp");
  CHECK(aliases.canonical("Agence France-Presse") == "afp");
  CHECK(aliases.entries().back().canonical == "afp");
}

TEST_CASE("add rejects names that cannot be stored or looked up") {
  schema::NameAliases aliases;
  CHECK_THROWS_AS(aliases.add("", {"x"}), pressclip::Error);
  CHECK_THROWS_AS(aliases.add("   ", {"x"}), pressclip::Error);
  CHECK_THROWS_AS(aliases.add("#AFP", {"x"}), pressclip::Error);
  CHECK_THROWS_AS(aliases.add("AFP", {"..."}), pressclip::Error);
  CHECK_THROWS_AS(aliases.add("AF\xFFP", {}), pressclip::Error);
  CHECK(aliases.empty());
  aliases.add("AFP", {"", "  "});
  CHECK(aliases.entries().size() == 1);
  CHECK(aliases.entries().front().aliases == std::vector<std::string>{"AFP"});
}

TEST_CASE("the alias file: comments, blank lines, BOM, CRLF and trailing tabs") {
  schema::NameAliases aliases;
  aliases.add_from_text(
      "\xEF\xBB\xBF# Publishers of the Sahel desk\r\n"
      "\r\n"
      "Le Sahel\tSahel Quotidien\tlesahel.ne\r\n"
      "   # indented comment\n"
      "  Niger  Inter \t NigerInter\t\n"
      "Aïr Info",
      "sahel.tsv");
  CHECK(aliases.canonical("sahel quotidien") == "Le Sahel");
  CHECK(aliases.canonical("LESAHEL.NE") == "Le Sahel");
  CHECK(aliases.canonical("nigerinter") == "Niger Inter");
  CHECK(aliases.canonical("AIR INFO") == "Aïr Info");
  CHECK_FALSE(aliases.knows("# Publishers of the Sahel desk"));
  CHECK(aliases.entries().size() == 3);
}

TEST_CASE("a malformed alias file line is reported with its origin and line number") {
  ErrorKind kind = ErrorKind::kInternal;
  const std::string empty = parse_error("AFP\tAgence France-Presse\n# c\n\tReuters\n", &kind);
  CHECK(kind == ErrorKind::kBadArgument);
  CHECK(empty.starts_with("aliases.tsv:3: "));
  CHECK(empty.find("empty canonical name") != std::string::npos);
  CHECK(parse_error("AFP\n...\tx\n").starts_with("aliases.tsv:2: "));
  CHECK(parse_error("AFP\t--\n").starts_with("aliases.tsv:1: "));
  CHECK(parse_error("AFP\nR\xC3\n").starts_with("aliases.tsv:2: "));
  CHECK(parse_error("AFP\tAgence France-Presse\n\n# only comments\n").empty());

  schema::NameAliases partial;
  CHECK_THROWS_AS(partial.add_from_text("AFP\n\tx\nReuters\n", "f"), pressclip::Error);
  CHECK(partial.knows("AFP"));
  CHECK_FALSE(partial.knows("Reuters"));
}

TEST_CASE("to_text round-trips through add_from_text, overrides included") {
  const schema::NameAliases sources = schema::builtin_source_aliases();
  schema::NameAliases rebuilt;
  rebuilt.add_from_text(sources.to_text(), "index");
  CHECK(same_mapping(sources, rebuilt));
  CHECK(rebuilt.to_text() == sources.to_text());

  schema::NameAliases overridden = schema::builtin_source_aliases();
  overridden.add_from_text("AP News\tAP\nBBC\tBeeb\nAgence France-Presse\tAFP\n", "user.tsv");
  schema::NameAliases again;
  again.add_from_text(overridden.to_text(), "index");
  CHECK(same_mapping(overridden, again));
  CHECK(again.canonical("AP") == "AP News");
  CHECK(again.canonical("Associated Press") == "AP");
  CHECK(again.canonical("beeb") == "BBC");
  CHECK(again.canonical("afp") == "Agence France-Presse");
}

TEST_CASE("entries list each canonical name with its spellings") {
  const auto entries = schema::builtin_agency_aliases().entries();
  REQUIRE(entries.size() == 13);
  CHECK(entries.front().canonical == "AFP");
  CHECK(entries.front().aliases ==
        std::vector<std::string>{"Agence France Presse", "AFP"});  // One spelling per key.
  CHECK(entries[1].canonical == "Reuters");
  CHECK(entries[1].aliases == std::vector<std::string>{"REUTERS", "Thomson Reuters"});
}

TEST_CASE("built-in publishers cover the sample corpus and the agencies") {
  const schema::NameAliases sources = schema::builtin_source_aliases();
  CHECK(sources.canonical("bbc.co.uk") == "BBC");
  CHECK(sources.canonical("BBC World Service") == "BBC");
  CHECK(sources.canonical("Radio France Internationale") == "RFI");
  CHECK(sources.canonical("rfi.fr") == "RFI");
  CHECK(sources.canonical("Daily Telegraph") == "The Telegraph");
  CHECK(sources.canonical("telegraph") == "The Telegraph");
  CHECK(sources.canonical("NYT") == "The New York Times");
  CHECK(sources.canonical("nytimes.com") == "The New York Times");
  CHECK(sources.canonical("DW") == "Deutsche Welle");
  CHECK(sources.canonical("al-jazeera") == "Al Jazeera");
  CHECK(sources.canonical("Agence France-Presse") == "AFP");
  CHECK(sources.canonical("REUTERS") == "Reuters");
  for (const char* corpus_source : {"BBC", "RFI", "The Telegraph", "AFP"}) {
    CHECK(sources.canonical(corpus_source) == corpus_source);
  }
}

TEST_CASE("built-in agencies: wire agencies only, no photo libraries or publishers") {
  const schema::NameAliases agencies = schema::builtin_agency_aliases();
  CHECK(agencies.canonical("Associated Press") == "AP");
  CHECK(agencies.canonical("Deutsche Presse-Agentur") == "dpa");
  CHECK(agencies.canonical("DPA") == "dpa");
  CHECK(agencies.canonical("Press Association") == "PA");
  CHECK(agencies.canonical("United Press International") == "UPI");
  CHECK(agencies.canonical("Anadolu Agency") == "Anadolu");
  CHECK(agencies.canonical("AA") == "Anadolu");
  CHECK(agencies.canonical("ITAR-TASS") == "TASS");
  for (const char* name : {"EFE", "ANSA", "Xinhua", "Kyodo", "Bloomberg"}) {
    CHECK(agencies.canonical(name) == name);
  }
  CHECK_FALSE(agencies.knows("Getty Images"));
  CHECK_FALSE(agencies.knows("Getty"));
  CHECK_FALSE(agencies.knows("BBC"));
  CHECK_FALSE(schema::builtin_source_aliases().knows("Getty Images"));
}
