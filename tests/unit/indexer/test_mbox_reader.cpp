// Unit tests of the mbox reader: each message an article keyed by its Message-ID or its
// position, netnews and mailing-list messages, skipped messages, attachments left out.
#include "indexer/mbox_reader.h"

#include <doctest/doctest.h>

#include "format_samples.h"
#include "indexer/article_readers.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"

namespace indexer = pressclip::indexer;
using namespace std::string_literals;

namespace {

using pressclip::test::kFormatSamples;
using pressclip::test::read_bytes;

indexer::FileArticles read_mbox(const std::string& content) {
  return indexer::MboxReader().read(content, "");
}

// The metadata value of `field`, "" if there is none.
std::string value(const indexer::RawArticle& article, const std::string& field) {
  const auto found = article.metadata.find(field);
  return found == article.metadata.end() ? std::string() : found->second;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// An mbox message: its From line, `headers` and a plain-text body.
std::string message(const std::string& headers, const std::string& body) {
  return "From desk@sahel.example Sat Aug 19 23:02:11 2023\n" + headers +
         "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n";
}

}  // namespace

TEST_CASE("mbox: the sample's three messages, keyed by Message-ID or position") {
  const indexer::FileArticles file =
      read_mbox(read_bytes(kFormatSamples / "niger_coup_digest.mbox"));
  REQUIRE(file.articles.size() == 3);
  CHECK(file.skipped.empty());
  CHECK(file.articles[0].record == "ambassador-48h.20230825@news.sahel-usenet.example");
  CHECK(file.articles[0].id == "ambassador-48h.20230825@news.sahel-usenet.example");
  CHECK(file.articles[0].location == "message 1");
  CHECK(file.articles[1].record == "message-2");  // No Message-ID.
  CHECK(file.articles[1].id.empty());
  CHECK(file.articles[1].location == "message 2");
  CHECK(file.articles[2].record == "20230819.tiani-transition@niamey-observer.example");
  CHECK(file.articles[2].location == "message 3");
  for (const indexer::RawArticle& article : file.articles) {
    CHECK(article.metadata_origin == pressclip::FieldOrigin::kDocument);
  }
}

TEST_CASE("mbox: a netnews message's source is its first newsgroup, its flowed text joined") {
  const indexer::RawArticle article =
      read_mbox(read_bytes(kFormatSamples / "niger_coup_digest.mbox")).articles.at(0);
  CHECK(value(article, "title") == "Niger junta gives French ambassador 48 hours to leave");
  CHECK(value(article, "source") == "soc.culture.african");  // Not From, not Organization.
  CHECK(value(article, "date") == "25 Aug 2023 21:47:12 GMT");
  CHECK_FALSE(article.metadata.contains("language"));
  CHECK(article.charset == "UTF-8");
  CHECK(article.text.starts_with(
      "Niger\u2019s military rulers on Friday gave France\u2019s ambassador, Sylvain Itt\u00E9, "
      "48 hours to leave the country, accusing him of ignoring an invitation to meet the "
      "foreign ministry.\n\nThe French"));
  CHECK(article.text.ends_with(
      "\n> Does Paris still recognise Bazoum as president?\nYes, and it says the ambassador "
      "stays.\n"));
}

TEST_CASE("mbox: a message without Message-ID or list is sourced by From's name") {
  const indexer::RawArticle article =
      read_mbox(read_bytes(kFormatSamples / "niger_coup_digest.mbox")).articles.at(1);
  CHECK(value(article, "title") ==
        "Macron says France will withdraw ambassador and troops from Niger");
  CHECK(value(article, "source") == "Brussels Wire Paris desk");
  CHECK(value(article, "date") == "Sun, 24 Sep 2023 20:40:00 +0200");
  CHECK(article.text.starts_with("President Emmanuel Macron said on Sunday"));
  CHECK(article.text.ends_with("sovereignty of\nNiger.\n"));
}

TEST_CASE("mbox: attachments are not indexed, the text part is") {
  const indexer::RawArticle article =
      read_mbox(read_bytes(kFormatSamples / "niger_coup_digest.mbox")).articles.at(2);
  CHECK(value(article, "source") == "Niamey Observer");
  CHECK(value(article, "language") == "en-GB");  // The message's Content-Language.
  CHECK(article.text ==
        "General Abdourahamane Tiani said on Saturday evening that a transition of power in "
        "Niger should not last more than three years, in his first televised address since a "
        "delegation of West African leaders arrived in Niamey.\n\nHe warned that an attack on "
        "Niger would not be the walk in the park some people seemed to believe.\n");
  for (const char* attached : {"ANNEX", "Zarafa", "Tchangari", "PDF", "Catalog"}) {
    CAPTURE(attached);
    CHECK_FALSE(contains(article.text, attached));
  }
}

TEST_CASE("mbox: a message without text and a repeated Message-ID are skipped") {
  const std::string mbox =
      message("Message-ID: <a@sahel.example>\n", "First.") +
      "From desk@sahel.example Sat Aug 19 23:02:11 2023\n"
      "Subject: Only an attachment\n"
      "Content-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: application/pdf\nContent-Disposition: attachment\n\nJVBERi0=\n"
      "--m--\n\n" +
      message("Message-ID: <a@sahel.example>\n", "Same id.") + message("", "  ") +
      message("", "Fifth.");
  const indexer::FileArticles file = read_mbox(mbox);
  REQUIRE(file.articles.size() == 2);
  CHECK(file.articles[0].text == "First.\n");
  CHECK(file.articles[1].record == "message-5");
  CHECK(file.articles[1].text == "Fifth.\n");
  CHECK(file.skipped ==
        std::vector<std::string>{
            "message 2: no text part (only attachments or other media)",
            "message 3: duplicate record key 'a@sahel.example' (first in message 1)",
            "message 4: no text (text/plain part is empty)"});
}

TEST_CASE("mbox: an escaped >From line stays in its message") {
  const indexer::FileArticles file =
      read_mbox(message("", "The envoy said:\n>From Niamey, no news.") + message("", "Second."));
  REQUIRE(file.articles.size() == 2);
  CHECK(file.articles[0].text == "The envoy said:\n>From Niamey, no news.\n");
}

TEST_CASE("mbox: content that holds no message gives no article, a NUL is binary") {
  for (const char* content : {"", "From \n", "Subject: not an mbox\n\nText.\n"}) {
    CAPTURE(content);
    const indexer::FileArticles file = read_mbox(content);
    CHECK(file.articles.empty());
  }
  CHECK_THROWS_WITH_AS(read_mbox("From a\0b\n"s), "binary file, not text (NUL byte at offset 6)",
                       pressclip::Error);
}

TEST_CASE("mbox: files named .mbox starting with 'From ' are mbox files") {
  const indexer::MboxReader reader;
  CHECK(reader.recognises("From a@b Sat Aug 19 23:02:11 2023\n"));
  CHECK_FALSE(reader.recognises("Subject: Coup\n"));
  CHECK_FALSE(reader.recognises("from a@b\n"));
  CHECK(indexer::reader_for("/mail/niger.mbox", "From a@b Sat Aug 19 2023\n").name() == "mbox");
  CHECK(indexer::reader_for("/mail/niger.MBOX", "Subject: x\n").name() == "plain text");
  CHECK(indexer::reader_for("/mail/niger.txt", "From a@b Sat Aug 19 2023\n").name() ==
        "plain text");
  CHECK(pressclip::is_article_file_name("/mail/niger.mbox"));
}

TEST_CASE("mbox: read_articles reads every message of a .mbox file") {
  const indexer::FileArticles file = indexer::read_articles(
      message("Message-ID: <1@x>\n", "One.") + message("Message-ID: <2@x>\n", "Two."),
      "/mail/niger.mbox");
  REQUIRE(file.articles.size() == 2);
  CHECK(file.articles[1].record == "2@x");
}
