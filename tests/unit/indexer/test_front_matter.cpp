// Unit tests of YAML front matter splitting and parsing.
#include "indexer/front_matter.h"

#include <doctest/doctest.h>

#include "pressclip/error.h"

using pressclip::indexer::split_front_matter;

TEST_CASE("front matter gives the known keys and where the text starts") {
  const std::string content =
      "---\ntitle: \"Coup: what next\"\nsource: BBC\ndate: 2023-08-12\ntags: [a, b]\n---\nBody.\n";
  const auto front = split_front_matter(content);
  CHECK(front.present);
  CHECK(front.fields.at("title") == "Coup: what next");
  CHECK(front.fields.at("source") == "BBC");
  CHECK(front.fields.at("date") == "2023-08-12");
  CHECK_FALSE(front.fields.contains("tags"));
  CHECK(content.substr(front.body_offset) == "Body.\n");
}

TEST_CASE("CRLF line endings and a '...' closing line are accepted") {
  const std::string content = "---\r\nsource: RFI\r\n...\r\nBody";
  const auto front = split_front_matter(content);
  CHECK(front.fields.at("source") == "RFI");
  CHECK(content.substr(front.body_offset) == "Body");
}

TEST_CASE("a file without front matter is all text") {
  const auto front = split_front_matter("Russia has warned.\n---\n");
  CHECK_FALSE(front.present);
  CHECK(front.body_offset == 0);
}

TEST_CASE("broken front matter is an error that says what is wrong") {
  CHECK_THROWS_WITH_AS(split_front_matter("---\nsource: BBC\nBody"),
                       doctest::Contains("never closed"), pressclip::Error);
  CHECK_THROWS_WITH_AS(split_front_matter("---\nsource: [unclosed\n---\nBody"),
                       doctest::Contains("not valid YAML"), pressclip::Error);
  CHECK_THROWS_WITH_AS(split_front_matter("---\n- a list\n---\nBody"), doctest::Contains("mapping"),
                       pressclip::Error);
  CHECK_THROWS_WITH_AS(split_front_matter("---\nsource: [a, b]\n---\nBody"),
                       doctest::Contains("single value"), pressclip::Error);
}
