// Unit tests of sentence segmentation, including sentences glued without a space.
#include "schema/sentence_splitter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using pressclip::schema::SentenceSplitter;

namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  SentenceSplitter splitter;
  std::vector<std::string> out;
  for (const auto& span : splitter.split(text)) {
    out.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return out;
}

}  // namespace

TEST_CASE("sentences split at full stops and line breaks, trimmed") {
  CHECK(sentences_of("Russia warned. The US said no.\nA heading\n\nNext one!  ") ==
        std::vector<std::string>{"Russia warned.", "The US said no.", "A heading", "Next one!"});
}

TEST_CASE("sentences glued together without a space are split (corpus file 004)") {
  CHECK(
      sentences_of("as security concerns mounted among Western nations.Demonstrators in Niamey.") ==
      std::vector<std::string>{"as security concerns mounted among Western nations.",
                               "Demonstrators in Niamey."});
  CHECK(sentences_of("since 2020.Senegal said Thursday") ==
        std::vector<std::string>{"since 2020.", "Senegal said Thursday"});
}

TEST_CASE("quotes around a glued sentence end do not stop the split") {
  const auto quoted =
      sentences_of("if they want to help us\u201D.\u201DWe just don\u2019t want it.");
  REQUIRE(quoted.size() == 2);
  CHECK(quoted[0].starts_with("if they want to help us\u201D."));
  CHECK(quoted[1].ends_with("We just don\u2019t want it."));
  CHECK(sentences_of("long live Putin\u201D.A week after") ==
        std::vector<std::string>{"long live Putin\u201D.", "A week after"});
}

TEST_CASE("acronyms, decimals and domain names are not sentence ends") {
  CHECK(sentences_of("The U.S.A and 2.2 million at pic.twitter.com today.").size() == 1);
}

TEST_CASE("empty and blank text has no sentences") {
  CHECK(sentences_of("").empty());
  CHECK(sentences_of(" \n\t \n").empty());
}

TEST_CASE("abbreviations and initials do not end a sentence (Brown corpus failures)") {
  CHECK(sentences_of("Mr. Kennedy met Lt. Gov. Garland Byrd in St. Louis. They talked.") ==
        std::vector<std::string>{"Mr. Kennedy met Lt. Gov. Garland Byrd in St. Louis.",
                                 "They talked."});
  CHECK(sentences_of("President John F. Kennedy spoke. Then he left.") ==
        std::vector<std::string>{"President John F. Kennedy spoke.", "Then he left."});
  // An initial at the end of a line, or before a lowercase word, is left to ICU's rules.
  CHECK(sentences_of("He chose plan B.\nThen he left.") ==
        std::vector<std::string>{"He chose plan B.", "Then he left."});
  // A full stop after a lowercase word still ends the sentence.
  CHECK(sentences_of("It was late. Kennedy left.") ==
        std::vector<std::string>{"It was late.", "Kennedy left."});
}
