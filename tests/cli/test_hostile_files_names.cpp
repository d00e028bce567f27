// End-to-end: file names with line breaks, escape sequences and bytes that are not UTF-8, and
// article text with escape sequences. Names are stored byte for byte; text output prints them
// escaped, so that no control byte reaches the terminal; JSON stays valid and carries a name
// that is not UTF-8 exactly, in base64 (docs/output-format.md, "File names").
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"

using namespace pressclip::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Names and what text output prints for each.
struct HostileName {
  std::string name;
  std::string printed;
  std::string word;  // A word of its article only.
};

const std::vector<HostileName> kNames = {
    {"new\nline.txt", "new\\nline.txt", "province"},
    {"esc\x1b[31mred.txt", "esc\\x1b[31mred.txt", "election"},
    {"back\\slash.txt", "back\\\\slash.txt", "bridge"},
    {"rtl\xe2\x80\xaetxt.exe.txt", "rtl\\u202etxt.exe.txt", "glacier"},
};

std::string article_about(const std::string& word) {
  return "The " + word + " was in the news. Officials spoke about the " + word + " at length.\n";
}

// Fails the test if `text` holds a byte a terminal would act on (anything below 0x20 but a
// line feed, DEL, or a byte that is not part of UTF-8) or a C1 control.
void check_terminal_safe(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    CAPTURE(i);
    CAPTURE(text.substr(i > 40 ? i - 40 : 0, 80));
    CHECK((byte >= 0x20 || byte == '\n'));
    CHECK(byte != 0x7f);
    CHECK_FALSE((byte == 0xc2 && i + 1 < text.size() &&
                 static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(text[i + 1]) <= 0x9f));
  }
  CHECK(text.find("\xff") == std::string::npos);
}

std::string base64_decode(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == '=') break;
    buffer = (buffer << 6) | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

// A name that is not UTF-8 (Latin-1 bytes, say, from an old archive).
const HostileName kNotUtf8 = {"bad\xff\xfeutf8.txt", "bad\\xff\\xfeutf8.txt", "harvest"};

// The index of one article per hostile name, with the run that built it.
struct NamesIndex {
  NamesIndex() {
    for (const HostileName& name : kNames) {
      write_file(directory.path() / name.name, article_about(name.word));
    }
    write_file(directory.path() / kNotUtf8.name, article_about(kNotUtf8.word));
    // A skipped file with a window-title escape in its name: its warning is escaped too.
    write_file(directory.path() / "\x1b]0;owned\x07.txt", std::string("\0\0", 2));
    run = run_pressclip({"index", "-v", "--db", db, directory.path().string()});
  }
  TemporaryDirectory directory;
  std::string db = directory / "index";
  RunResult run;
};

}  // namespace

TEST_CASE("names: indexing prints every name escaped, warnings and -v report included") {
  const NamesIndex index;
  INFO("stderr: " << index.run.err);
  CHECK(index.run.exit_code == 1);
  check_terminal_safe(index.run.out);
  check_terminal_safe(index.run.err);
  const std::string skipped = index.directory / "\\x1b]0;owned\\x07.txt";
  CHECK(index.run.err == "pressclip: warning: " + skipped +
                             ": binary file, not text (NUL byte at offset 0) (skipped)\n");
  CHECK(index.run.out.find("skipped " + skipped + ": binary file") != std::string::npos);
}

TEST_CASE("names: search and show print names escaped, and find articles by their raw name") {
  const NamesIndex index;
  for (const HostileName& name : kNames) {
    CAPTURE(name.printed);
    const std::string raw = index.directory / name.name;
    const std::string printed = index.directory / name.printed;
    const RunResult search =
        run_pressclip({"search", "--db", index.db, "--color", "never", name.word});
    CHECK(search.exit_code == 0);
    check_terminal_safe(search.out);
    CHECK(search.out.find(printed) != std::string::npos);
    const RunResult show = run_pressclip({"show", "--db", index.db, raw});
    CHECK(show.exit_code == 0);
    check_terminal_safe(show.out);
    CHECK(show.out.find("path      " + printed + "\n") != std::string::npos);
  }
  const RunResult missing =
      run_pressclip({"show", "--db", index.db, index.directory / "gone\x1b[2J.txt"});
  CHECK(missing.exit_code == 1);
  check_terminal_safe(missing.err);
}

TEST_CASE("names: JSON output is valid JSON and gives every name as it is") {
  const NamesIndex index;
  for (const HostileName& name : kNames) {
    CAPTURE(name.printed);
    const std::string raw = index.directory / name.name;
    const RunResult search = run_pressclip({"search", "--db", index.db, "--json", name.word});
    REQUIRE(search.exit_code == 0);
    const json hit = parse_json_lines(search.out).at(0)["article"];
    CHECK(hit["path"] == raw);
    CHECK_FALSE(hit.contains("path_bytes"));
    const RunResult show = run_pressclip({"show", "--db", index.db, "--json", raw});
    REQUIRE(show.exit_code == 0);
    CHECK(parse_json_lines(show.out).at(0)["path"] == raw);
  }
}

TEST_CASE("names: a name that is not UTF-8 is kept byte for byte, printed escaped") {
  const NamesIndex index;
  const std::string raw = index.directory / kNotUtf8.name;
  const std::string printed = index.directory / kNotUtf8.printed;
  const RunResult show = run_pressclip({"show", "--db", index.db, raw});
  CHECK(show.exit_code == 0);
  check_terminal_safe(show.out);
  CHECK(show.out.find("path      " + printed + "\n") != std::string::npos);
  const RunResult search = run_pressclip({"search", "--db", index.db, kNotUtf8.word});
  check_terminal_safe(search.out);
  CHECK(search.out.find(printed) != std::string::npos);
  // JSON strings hold Unicode only: U+FFFD in "path", the exact bytes in "path_bytes".
  const RunResult json_show = run_pressclip({"show", "--db", index.db, "--json", raw});
  const RunResult json_search =
      run_pressclip({"search", "--db", index.db, "--json", kNotUtf8.word});
  for (const json& object : {parse_json_lines(json_show.out).at(0),
                             parse_json_lines(json_search.out).at(0)["article"]}) {
    CHECK(object["path"].get<std::string>().find("\xef\xbf\xbd") != std::string::npos);
    REQUIRE(object.contains("path_bytes"));
    CHECK(base64_decode(object["path_bytes"].get<std::string>()) == raw);
  }
}

TEST_CASE("names: escape sequences in an article's text are printed escaped") {
  const TemporaryDirectory directory;
  write_file(directory.path() / "esc.txt",
             "The \x1b[2J screen was cleared by \x1b]0;owned\x07 someone. Officials said so.\n");
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "esc.txt"}).exit_code == 0);
  const RunResult search = run_pressclip({"search", "--db", db, "cleared"});
  CHECK(search.exit_code == 0);
  check_terminal_safe(search.out);
  CHECK(search.out.find("The \\x1b[2J screen was cleared by \\x1b]0;owned\\x07 someone.") !=
        std::string::npos);
  const RunResult show = run_pressclip({"show", "--db", db, directory / "esc.txt"});
  check_terminal_safe(show.out);
  // JSON keeps the text as it is, escaped the JSON way.
  const RunResult json_search = run_pressclip({"search", "--db", db, "--json", "cleared"});
  CHECK(parse_json_lines(json_search.out)
            .at(0)["passage"]["text"]
            .get<std::string>()
            .find("\x1b[2J") != std::string::npos);
  CHECK(json_search.out.find('\x1b') == std::string::npos);
}
