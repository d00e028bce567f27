// Unit tests of charset detection and conversion: byte order marks, UTF-8, declared charsets,
// ICU's detector on Latin-1 and Windows-1252, U+FFFD for bad bytes, binary files.
#include "indexer/charset_decoder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "format_samples.h"
#include "pressclip/error.h"

namespace indexer = pressclip::indexer;

namespace {

const std::filesystem::path& kFormats = pressclip::test::kFormatSamples;
using pressclip::test::read_bytes;

indexer::DecodedText declared(const std::string& content, const std::string& charset) {
  indexer::DecodeHints hints;
  hints.declared = charset;
  return indexer::decode_to_utf8(content, hints);
}

}  // namespace

TEST_CASE("valid UTF-8 is taken as it is") {
  const std::string text = "Niger\u2019s junta closed the airspace \u2014 \u20AC50m at stake.\n";
  CHECK(indexer::decode_to_utf8(text).text == text);
  CHECK(indexer::decode_to_utf8(text).charset == "UTF-8");
  CHECK(indexer::decode_to_utf8("Plain ASCII.").charset == "UTF-8");
  CHECK(indexer::decode_to_utf8("").charset == "UTF-8");
}

TEST_CASE("a byte order mark gives the encoding and is dropped") {
  CHECK(indexer::decode_to_utf8("\xEF\xBB\xBFNiamey").text == "Niamey");
  const indexer::DecodedText le = indexer::decode_to_utf8(std::string("\xFF\xFEN\0i\0\xE9\0", 8));
  CHECK(le.text == "Ni\u00E9");
  CHECK(le.charset == "UTF-16LE");
  const indexer::DecodedText be = indexer::decode_to_utf8(std::string("\xFE\xFF\0N\x20\xAC", 6));
  CHECK(be.text == "N\u20AC");
  CHECK(be.charset == "UTF-16BE");
}

TEST_CASE("the Latin-1 sample is detected and converted") {
  const indexer::DecodedText decoded =
      indexer::decode_to_utf8(read_bytes(kFormats / "ecowas_ultimatum_latin1.txt"));
  CHECK(decoded.charset == "ISO-8859-1");
  CHECK(decoded.text.find("les chefs d'\u00C9tat de la Communaut\u00E9 \u00E9conomique") !=
        std::string::npos);
  CHECK(decoded.text.find("\u00AB l'usage de la force \u00BB") != std::string::npos);
  CHECK(indexer::find_invalid_utf8(decoded.text) == std::string::npos);
}

TEST_CASE("the Windows-1252 sample is detected, with the euro sign and curly quotes") {
  const indexer::DecodedText decoded =
      indexer::decode_to_utf8(read_bytes(kFormats / "eu_suspends_aid_cp1252.txt"));
  CHECK(decoded.charset == "windows-1252");
  // 0x80 is the euro sign, 0x93 and 0x94 curly double quotes, 0x96 an en dash, 0xC9 É.
  CHECK(decoded.text.find("earmarked \u20AC503 million") != std::string::npos);
  CHECK(decoded.text.find("\u201CThe European Union does not recognise") != std::string::npos);
  CHECK(decoded.text.find("support \u2013 worth about \u20AC120 million") != std::string::npos);
  CHECK(decoded.text.find("The \u00C9lys\u00E9\x65 announced") != std::string::npos);
}

TEST_CASE("short Latin-1 and Windows-1252 sentences are detected too") {
  const indexer::DecodedText latin1 = indexer::decode_to_utf8(
      "Le g\xE9n\xE9ral Tiani a pris le pouvoir \xE0 Niamey le 26 juillet.");
  CHECK(latin1.charset == "ISO-8859-1");
  CHECK(latin1.text == "Le g\u00E9n\u00E9ral Tiani a pris le pouvoir \u00E0 Niamey le 26 juillet.");
  const indexer::DecodedText cp1252 = indexer::decode_to_utf8(
      "The junta\x92s leader said \x93we will not yield\x94 as aid worth \x80"
      "50m was frozen.");
  CHECK(cp1252.charset == "windows-1252");
  CHECK(cp1252.text ==
        "The junta\u2019s leader said \u201Cwe will not yield\u201D as aid worth "
        "\u20AC50m was frozen.");
}

TEST_CASE("UTF-8 with a few bad bytes stays UTF-8, each bad byte U+FFFD") {
  const indexer::DecodedText decoded = indexer::decode_to_utf8(
      "Niger\xE2\x80\x99s coup \xFF shook the Sahel \xE2\x80\x94 and Abuja\xE2\x80\x99s summit.");
  CHECK(decoded.charset == "UTF-8");
  CHECK(decoded.text == "Niger\u2019s coup \uFFFD shook the Sahel \u2014 and Abuja\u2019s summit.");
}

TEST_CASE("a declared charset beats detection") {
  // Read as browsers read these labels: ISO-8859-1 and US-ASCII mean windows-1252.
  const indexer::DecodedText latin1 = declared("Aide de 120 M\x80 \xE0 Niamey", "ISO-8859-1");
  CHECK(latin1.charset == "windows-1252");
  CHECK(latin1.text == "Aide de 120 M\u20AC \u00E0 Niamey");
  CHECK(declared("Tiani", "us-ascii").charset == "windows-1252");
  // Cyrillic bytes that the detector would call something else.
  const indexer::DecodedText koi8 = declared("\xEE\xC9\xC7\xC5\xD2", "KOI8-R");
  CHECK(koi8.charset == "KOI8-R");
  CHECK(koi8.text == "\u041D\u0438\u0433\u0435\u0440");  // Нигер
}

TEST_CASE("a declaration cannot make valid non-ASCII UTF-8 something else") {
  const indexer::DecodedText decoded = declared("Niamey \u2014 Tiani", "windows-1252");
  CHECK(decoded.charset == "UTF-8");
  CHECK(decoded.text == "Niamey \u2014 Tiani");
}

TEST_CASE("an unknown declared charset is ignored") {
  CHECK(declared("Niamey", "x-no-such-charset").charset == "UTF-8");
  CHECK(declared("Le g\xE9n\xE9ral Tiani a pris le pouvoir \xE0 Niamey.", "bogus").charset ==
        "ISO-8859-1");
}

TEST_CASE("bytes invalid in the charset become U+FFFD") {
  // 0xA1 is unassigned in ISO-8859-8; ICU would substitute U+001A by itself.
  CHECK(declared("Niger \xA1 Niamey", "ISO-8859-8").text == "Niger \uFFFD Niamey");
  // A Shift_JIS lead byte at the end has no trail byte.
  CHECK(declared("Niger \x82", "Shift_JIS").text == "Niger \uFFFD");
}

TEST_CASE("binary content is refused") {
  CHECK_THROWS_WITH_AS(indexer::decode_to_utf8(std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16)),
                       doctest::Contains("binary file, not text (NUL byte at offset 8)"),
                       pressclip::Error);
}

TEST_CASE("content whose encoding cannot be told is refused") {
  std::string noise;
  for (int i = 0; i < 400; ++i) noise += static_cast<char>(1 + (i * 97 + 13) % 255);
  try {
    indexer::decode_to_utf8(noise);
    FAIL("noise was taken for text");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kBadArgument);
    CHECK(std::string(error.what()).starts_with("cannot tell the character encoding"));
  }
}

TEST_CASE("convert_to_utf8 knows ICU's names and aliases") {
  CHECK(indexer::convert_to_utf8("\x93Niger\x94", "cp1252")->text == "\u201CNiger\u201D");
  CHECK(indexer::convert_to_utf8("x", "cp1252")->charset == "windows-1252");
  CHECK(indexer::convert_to_utf8("x", "latin1")->charset == "ISO-8859-1");
  CHECK_FALSE(indexer::convert_to_utf8("x", "no-such-charset").has_value());
  CHECK_FALSE(indexer::convert_to_utf8("x", "").has_value());
}

TEST_CASE("find_invalid_utf8 gives the offset of the first bad sequence") {
  CHECK(indexer::find_invalid_utf8("Caf\xE9 au lait") == 3);
  CHECK(indexer::find_invalid_utf8("\xED\xA0\x80") == 0);  // An encoded surrogate.
  CHECK(indexer::find_invalid_utf8("\xC0\xAF") == 0);      // An overlong '/'.
  CHECK(indexer::find_invalid_utf8("ok \u00E9") == std::string::npos);
}
