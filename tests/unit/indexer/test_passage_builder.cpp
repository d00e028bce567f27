// Unit tests of the passage building rule.
#include "indexer/passage_builder.h"

#include <doctest/doctest.h>

namespace indexer = pressclip::indexer;
using pressclip::schema::TextSpan;

TEST_CASE("short sentences are grouped, at most three to a passage") {
  // Six sentences of 50 bytes each, one byte apart.
  std::vector<TextSpan> sentences;
  for (std::size_t i = 0; i < 6; ++i) sentences.push_back({i * 51, i * 51 + 50});
  const auto passages = indexer::build_passages(sentences);
  REQUIRE(passages.size() == 2);
  CHECK(passages[0].start == 0);
  CHECK(passages[0].end == sentences[2].end);
  CHECK(passages[1].start == sentences[3].start);
  CHECK(passages[1].index == 1);
}

TEST_CASE("a long sentence stands alone and passages cover every sentence in order") {
  const std::vector<TextSpan> sentences = {{0, 30}, {31, 400}, {401, 700}, {701, 720}};
  const auto passages = indexer::build_passages(sentences);
  REQUIRE(passages.size() == 3);
  CHECK(passages[0].end == 400);  // A heading joins the sentence after it.
  CHECK(passages[1].start == 401);
  CHECK(passages[1].end == 700);  // Already past the target length: it takes nothing more.
  CHECK(passages[2].start == 701);
  CHECK(passages[2].end == 720);
}

TEST_CASE("no passage grows past the maximum by taking a sentence") {
  const std::vector<TextSpan> sentences = {{0, 200}, {201, 650}};
  const auto passages = indexer::build_passages(sentences);
  REQUIRE(passages.size() == 2);
  CHECK(passages[0].end - passages[0].start <= indexer::kPassageMaxBytes);
}

TEST_CASE("no sentences, no passages") { CHECK(indexer::build_passages({}).empty()); }
