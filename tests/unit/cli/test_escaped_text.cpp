// Unit tests of the escaping of paths and text for terminals, and of base64 for JSON.
#include "cli/escaped_text.h"

#include <doctest/doctest.h>

#include <string>

using pressclip::cli::Backslashes;
using pressclip::cli::base64_encode;
using pressclip::cli::escaped_for_terminal;
using pressclip::cli::escaped_length_at;
using pressclip::cli::escaped_path;
using pressclip::cli::is_valid_utf8;

TEST_CASE("printable text, in any script, is printed as it is") {
  CHECK(escaped_for_terminal("/news/2023/niger.txt") == "/news/2023/niger.txt");
  CHECK(escaped_for_terminal("Niamey, café, Ελλάδα, 東京, 🙂") ==
        "Niamey, café, Ελλάδα, 東京, 🙂");
  CHECK(escaped_for_terminal("") == "");
}

TEST_CASE("line breaks and tabs are escaped, so that a name prints on one line") {
  CHECK(escaped_path("new\nline.txt") == "new\\nline.txt");
  CHECK(escaped_path("a\rb\tc") == "a\\rb\\tc");
}

TEST_CASE("an escape sequence never reaches the terminal") {
  // Colour, cursor movement, window title (OSC, ended by BEL), DEL.
  CHECK(escaped_path("esc\x1b[31mred.txt") == "esc\\x1b[31mred.txt");
  CHECK(escaped_path("\x1b]0;owned\x07.txt") == "\\x1b]0;owned\\x07.txt");
  CHECK(escaped_path(std::string("nul\0and\x7f", 8)) == "nul\\x00and\\x7f");
  for (const std::string& escaped : {escaped_path("\x1b[2J\x1b[H"),
                                     escaped_for_terminal("\x9b"
                                                          "31m"),
                                     escaped_for_terminal("\xc2\x9b"
                                                          "31m")}) {
    CAPTURE(escaped);
    for (const char c : escaped) {
      const auto byte = static_cast<unsigned char>(c);
      CHECK((byte >= 0x20 && byte != 0x7f));
    }
  }
}

TEST_CASE("C1 controls and invisible marks that reorder text are escaped as code points") {
  // U+009B is a one-character CSI on terminals that honour C1 controls.
  CHECK(escaped_for_terminal("a\xc2\x9b"
                             "b") == "a\\u009bb");
  // Right-to-left override would show "evil\u202Etxt.exe" as "evilexe.txt".
  CHECK(escaped_path("evil\xe2\x80\xaetxt.exe") == "evil\\u202etxt.exe");
  CHECK(escaped_for_terminal("line\xe2\x80\xa8sep") == "line\\u2028sep");
  CHECK(escaped_for_terminal("\xe2\x81\xa6isolate") == "\\u2066isolate");
}

TEST_CASE("bytes that are not UTF-8 are escaped one by one, valid characters around them kept") {
  CHECK(escaped_path("bad\xff\xfeutf8.txt") == "bad\\xff\\xfeutf8.txt");
  CHECK(escaped_path("caf\xe9.txt") == "caf\\xe9.txt");               // Latin-1 é.
  CHECK(escaped_path("\xc3\xa9t\xc3") == "\xc3\xa9t\\xc3");           // Cut short at the end.
  CHECK(escaped_path("\xc0\xaf") == "\\xc0\\xaf");                    // Overlong '/'.
  CHECK(escaped_path("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // A surrogate.
  CHECK(escaped_path("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // Past U+10FFFF.
}

TEST_CASE("a path's backslashes are doubled, so that its escaped form names one file") {
  CHECK(escaped_path("back\\slash.txt") == "back\\\\slash.txt");
  // The name "a\x1b" (four characters) and the name "a" + ESC print differently.
  CHECK(escaped_path("a\\x1b") != escaped_path("a\x1b"));
  // Messages keep backslashes as they are.
  CHECK(escaped_for_terminal("C:\\news") == "C:\\news");
  CHECK(escaped_for_terminal("C:\\news", Backslashes::kDoubled) == "C:\\\\news");
}

TEST_CASE("escaped_length_at tells which characters are escaped, and their length") {
  const std::string text = "a\x1b\xc2\x9b\xe2\x80\xae\xff\xc3\xa9";
  CHECK(escaped_length_at(text, 0) == 0);
  CHECK(escaped_length_at(text, 1) == 1);
  CHECK(escaped_length_at(text, 2) == 2);
  CHECK(escaped_length_at(text, 4) == 3);
  CHECK(escaped_length_at(text, 7) == 1);
  CHECK(escaped_length_at(text, 8) == 0);
}

TEST_CASE("is_valid_utf8 accepts UTF-8 only") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("東京 🙂 \xf4\x8f\xbf\xbf"));  // U+10FFFF is the last one.
  CHECK_FALSE(is_valid_utf8("\xff"));
  CHECK_FALSE(is_valid_utf8("caf\xe9"));
  CHECK_FALSE(is_valid_utf8("\xe6\x9d"));
  CHECK_FALSE(is_valid_utf8("\xed\xbf\xbf"));
}

TEST_CASE("base64 follows RFC 4648, padding included") {
  // The test vectors of RFC 4648, section 10.
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foob") == "Zm9vYg==");
  CHECK(base64_encode("fooba") == "Zm9vYmE=");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  CHECK(base64_encode("bad\xff\xfe") == "YmFk//4=");
}
