// Unit tests of the e-mail message reader (.eml): headers to metadata, the source's
// precedence, the body part chosen, transfer encodings and charsets, attachments left out.
#include "indexer/email_reader.h"

#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "format_samples.h"
#include "indexer/article_readers.h"
#include "indexer/charset_decoder.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"

namespace indexer = pressclip::indexer;
using namespace std::string_literals;

namespace {

using pressclip::test::kFormatSamples;
using pressclip::test::read_bytes;

indexer::RawArticle read_email(const std::string& content) {
  const indexer::FileArticles file = indexer::EmailReader().read(content, "");
  REQUIRE(file.articles.size() == 1);
  CHECK(file.skipped.empty());
  return file.articles.front();
}

// The metadata value of `field`, "" if there is none.
std::string value(const indexer::RawArticle& article, const std::string& field) {
  const auto found = article.metadata.find(field);
  return found == article.metadata.end() ? std::string() : found->second;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A message of `headers` (each ending in "\n") and a text/plain body.
std::string plain_message(const std::string& headers, const std::string& body = "Niamey.\n") {
  return headers + "Content-Type: text/plain; charset=utf-8\n\n" + body;
}

// The source a message of these headers gets.
std::string source_of(const std::string& headers) {
  return value(read_email(plain_message("Subject: Coup\n" + headers)), "source");
}

}  // namespace

TEST_CASE("email: the mailing-list sample's headers give title, source, date, url, language") {
  const indexer::RawArticle article =
      read_email(read_bytes(kFormatSamples / "zeine_prime_minister_qp.eml"));
  // Two encoded words (ISO-8859-1, Q) joined, '=3A' and '=2C' decoded.
  CHECK(value(article, "title") ==
        "Niger : la junte nomme un Premier ministre civil, Ali Mahaman Lamine Zeine");
  // The List-Id's phrase, not the From of the person who posted.
  CHECK(value(article, "source") == "Revue de presse du Sahel");
  CHECK(value(article, "date") == "Mon, 7 Aug 2023 23:14:52 +0100 (BST)");
  CHECK(value(article, "url") ==
        "https://lists.sahel-presse.example/archives/2023-08/msg00031.html");
  CHECK(value(article, "language") == "fr");
  CHECK(article.metadata.size() == 5);
  CHECK(article.metadata_origin == pressclip::FieldOrigin::kDocument);
  CHECK(article.id == "20230807221452.4417@sahel-presse.example");
  CHECK(article.record.empty());
  CHECK(article.location.empty());
}

TEST_CASE("email: the text/plain alternative, quoted-printable ISO-8859-1, is the text") {
  const indexer::RawArticle article =
      read_email(read_bytes(kFormatSamples / "zeine_prime_minister_qp.eml"));
  CHECK(article.charset == "windows-1252");  // ISO-8859-1 read as mail clients read it.
  CHECK(article.text.starts_with(
      "Le r\u00E9gime militaire nig\u00E9rien a nomm\u00E9 lundi soir l'\u00E9conomiste Ali "
      "Mahaman Lamine Zeine au poste de Premier ministre"));  // Soft line breaks joined.
  CHECK(contains(article.text, "des \u00AB raisons \u00E9videntes de s\u00E9curit\u00E9 \u00BB."));
  CHECK(contains(article.text, "Bazoum.\n\nLa junte"));
  CHECK_FALSE(contains(article.text, "\r"));
  // Not the HTML alternative, and not the signature.
  CHECK_FALSE(contains(article.text, "Version HTML"));
  CHECK_FALSE(contains(article.text, "<p>"));
  CHECK_FALSE(contains(article.text, "abonner"));
  CHECK(article.text.ends_with("\u00BB.\n"));
}

TEST_CASE("email: a message with only a base64 HTML part is read by the HTML reader") {
  const indexer::RawArticle article =
      read_email(read_bytes(kFormatSamples / "ecowas_standby_html_only.eml"));
  CHECK(value(article, "title") == "ECOWAS orders standby force to be ready for Niger");
  CHECK(value(article, "source") == "Sahel Monitor Newsletter");  // From's display name.
  CHECK(value(article, "date") == "Thu, 10 Aug 2023 21:05:00 +0000");
  CHECK(value(article, "language") == "en");  // The page's <html lang>.
  CHECK(article.id == "nl-2023-08-10.ecowas@sahel-monitor.example");
  CHECK(article.charset == "windows-1252");
  CHECK(contains(article.text, "deployment of a \u201Cstandby force\u201D to restore"));
  CHECK(contains(article.text, "Bazoum.\n\nAfter a summit in Abuja"));
  for (const char* furniture : {"Home", "Unsubscribe", "<p>", "Sahel Monitor."}) {
    CAPTURE(furniture);
    CHECK_FALSE(contains(article.text, furniture));
  }
}

TEST_CASE("email: the source is the List-Id, else the first newsgroup, else From") {
  CHECK(source_of("From: \"Moussa K.\" <moussa@sahel.example>\n") == "Moussa K.");
  CHECK(source_of("From: moussa@sahel.example\n") == "moussa@sahel.example");
  CHECK(source_of("From: =?utf-8?B?QcOvc3NhdGEgTW91bW91bmk=?= <a@sahel.example>\n") ==
        "A\u00EFssata Moumouni");
  CHECK(source_of("From: Moussa <moussa@sahel.example>\n"
                  "Newsgroups: soc.culture.african, alt.news.africa\n") == "soc.culture.african");
  CHECK(source_of("Newsgroups: alt.news.africa soc.culture.african\n") == "alt.news.africa");
  CHECK(source_of("From: Moussa <moussa@sahel.example>\n"
                  "Newsgroups: soc.culture.african\n"
                  "List-Id: Sahel Digest <digest.lists.sahel.example>\n") == "Sahel Digest");
  CHECK(source_of("List-Id: <digest.lists.sahel.example>\n") == "digest.lists.sahel.example");
  CHECK(source_of("List-Id: \"Revue \\\"Sahel\\\"\" <revue.sahel.example>\n") == "Revue \"Sahel\"");
  CHECK(source_of("List-Id: =?iso-8859-1?Q?Revue_de_la_C=E9d=E9ao?= <revue.example>\n") ==
        "Revue de la C\u00E9d\u00E9ao");
  CHECK(source_of("Newsgroups: , \n").empty());
  CHECK(source_of("").empty());
}

TEST_CASE("email: a date only GMime reads is given in ISO 8601, with its offset") {
  auto date_of = [](const std::string& date) {
    return value(read_email(plain_message("Date: " + date + "\n")), "date");
  };
  CHECK(date_of("Wed, 26 Jul 2023 14:02:00 +0100") == "Wed, 26 Jul 2023 14:02:00 +0100");
  CHECK(date_of("26 Jul 23 14:02 +0100") == "2023-07-26T14:02:00+01:00");     // Two-digit year.
  CHECK(date_of("Wed Jul 26 14:02:00 2023") == "2023-07-26T14:02:00+00:00");  // asctime.
  CHECK(date_of("sometime last week") == "sometime last week");  // For the resolver to report.
}

TEST_CASE("email: the Message-ID without brackets is the id, unless it is not usable") {
  CHECK(read_email(plain_message("Message-ID: <abc.123@sahel.example>\n")).id ==
        "abc.123@sahel.example");
  CHECK(read_email(plain_message("Message-Id:   <x@y>  (comment)\n")).id == "x@y");
  CHECK(read_email(plain_message("Message-ID: <two words@sahel.example>\n")).id.empty());
  CHECK(read_email(plain_message("Subject: none\n")).id.empty());
}

TEST_CASE("email: the language is the body part's, else the message's, the first tag") {
  const std::string alternative =
      "Content-Language: fr\n"
      "Content-Type: multipart/alternative; boundary=b\n\n"
      "--b\nContent-Type: text/plain\nContent-Language: ha, fr\n\nSojoji.\n"
      "--b--\n";
  CHECK(value(read_email(alternative), "language") == "ha");
  CHECK(value(read_email(plain_message("Content-Language: en-GB, fr\n")), "language") == "en-GB");
  CHECK_FALSE(read_email(plain_message("Subject: x\n")).metadata.contains("language"));
}

TEST_CASE("email: text/plain is preferred to text/html, whatever their order") {
  const indexer::RawArticle article = read_email(
      "Subject: Alternatives\n"
      "Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
      "--alt\nContent-Type: text/html\n\n<p>The HTML version.</p>\n"
      "--alt\nContent-Type: text/plain\n\nThe plain version.\n"
      "--alt--\n");
  CHECK(article.text == "The plain version.\n");
}

TEST_CASE("email: an empty text/plain part gives way to the HTML part") {
  const indexer::RawArticle article = read_email(
      "Content-Type: multipart/alternative; boundary=alt\n\n"
      "--alt\nContent-Type: text/plain\n\n  \n"
      "--alt\nContent-Type: text/html\n\n"
      "<html><head><title>Page title</title></head><body><p>From the page.</p></body></html>\n"
      "--alt--\n");
  CHECK(article.text == "From the page.\n");
  CHECK(value(article, "title") == "Page title");  // No Subject: the page's title.
}

TEST_CASE("email: attachments are not the text, in any part of the message") {
  const std::string mixed =
      "Subject: Transition\n"
      "Content-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: text/plain; name=annex.txt\nContent-Disposition: attachment\n\n"
      "Annex: the list of detained ministers.\n"
      "--m\nContent-Type: multipart/alternative; boundary=a\n\n"
      "--a\nContent-Type: text/plain\n\nTiani proposed a three-year transition.\n"
      "--a--\n"
      "--m\nContent-Type: text/plain\nContent-Disposition: inline\n\nA list footer.\n"
      "--m--\n";
  const indexer::RawArticle article = read_email(mixed);
  CHECK(article.text == "Tiani proposed a three-year transition.\n");

  const std::string only_attachments =
      "Subject: Annexes\n"
      "Content-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\n"
      "Annex.\n"
      "--m\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"
      "--m--\n";
  CHECK_THROWS_WITH_AS(indexer::EmailReader().read(only_attachments, ""),
                       "e-mail message: no text part (only attachments or other media)",
                       pressclip::Error);
}

TEST_CASE("email: an attached message and a signature are not the text") {
  const std::string forwarded =
      "Subject: Fwd\nContent-Type: multipart/mixed; boundary=m\n\n"
      "--m\nContent-Type: message/rfc822\n\nSubject: Inner\n\nThe inner message.\n"
      "--m--\n";
  CHECK_THROWS_WITH_AS(indexer::EmailReader().read(forwarded, ""),
                       "e-mail message: no text part (only attachments or other media)",
                       pressclip::Error);
  const std::string signed_message =
      "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s\n\n"
      "--s\nContent-Type: text/plain\n\nSigned statement.\n"
      "--s\nContent-Type: application/pgp-signature\n\n-----BEGIN PGP SIGNATURE-----\n"
      "--s--\n";
  CHECK(read_email(signed_message).text == "Signed statement.\n");
}

TEST_CASE("email: an empty body, or one that cannot be decoded, is no article") {
  CHECK_THROWS_WITH_AS(indexer::EmailReader().read(plain_message("Subject: x\n", "\n \n"), ""),
                       "e-mail message: no text (text/plain part is empty)", pressclip::Error);
  CHECK_THROWS_WITH_AS(
      indexer::EmailReader().read(
          "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nTmlnAGVy\n", ""),
      "e-mail message: no text (text/plain part: binary file, not text (NUL byte at offset 3))",
      pressclip::Error);
  CHECK_THROWS_WITH_AS(
      indexer::EmailReader().read("Content-Type: text/html\n\n<html><body></body></html>\n", ""),
      "e-mail message: no text (text/html part: no article text in the HTML page)",
      pressclip::Error);
}

TEST_CASE("email: charsets are converted, declared or detected") {
  // Declared ISO-8859-1, 8-bit.
  CHECK(read_email("Content-Type: text/plain; charset=iso-8859-1\n\nC\xE9\x64\xE9\x61o.\n").text ==
        "C\u00E9d\u00E9ao.\n");
  // Declared as US-ASCII but valid UTF-8: UTF-8.
  const indexer::RawArticle mislabelled =
      read_email("Content-Type: text/plain; charset=us-ascii\n\nC\u00E9d\u00E9ao.\n");
  CHECK(mislabelled.text == "C\u00E9d\u00E9ao.\n");
  CHECK(mislabelled.charset == "UTF-8");
  // Undeclared Latin-1: detected.
  const indexer::RawArticle detected = read_email(
      "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n"
      "Les chefs d'\xC9tat de la C\xE9\x64\xE9\x61o ont donn\xE9 une semaine aux militaires "
      "nig\xE9riens pour r\xE9tablir le pr\xE9sident.\n");
  CHECK(detected.text.starts_with("Les chefs d'\u00C9tat de la C\u00E9d\u00E9ao"));
  CHECK(detected.charset == "ISO-8859-1");
  // Base64 UTF-8, and a header's 8-bit bytes in no declared charset.
  CHECK(read_email("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                   "TmlhbWV5LCBsZSAyNiBqdWlsbGV0Lg==\n")
            .text == "Niamey, le 26 juillet.\n");
  CHECK(indexer::find_invalid_utf8(value(read_email(plain_message("Subject: C\xE9\x64\xE9\x61o\n")),
                                         "title")) == std::string::npos);
}

TEST_CASE("email: format=flowed lines are joined, delsp=yes deleting their space") {
  const std::string flowed =
      "Content-Type: text/plain; charset=utf-8; format=flowed\n\n"
      "The junta closed \nthe airspace.\n"
      "> Quoted and \n> flowed.\n"
      " From a stuffed line.\n";
  CHECK(read_email(flowed).text ==
        "The junta closed the airspace.\n> Quoted and flowed.\nFrom a stuffed line.\n");
  const std::string delsp =
      "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\n"
      "Abdourahamane Tia \nni spoke.\n";
  CHECK(read_email(delsp).text == "Abdourahamane Tiani spoke.\n");
  // Without format=flowed, lines stay as they are.
  CHECK(read_email(plain_message("", "The junta closed \nthe airspace.\n")).text ==
        "The junta closed \nthe airspace.\n");
}

TEST_CASE("email: the signature is cut from the last '-- ' line, unless nothing is left") {
  CHECK(
      read_email(plain_message("", "Bazoum is held.\n-- \nA. Reporter\n-- \nList footer\n")).text ==
      "Bazoum is held.\n-- \nA. Reporter\n");
  CHECK(read_email(plain_message("", "-- \nOnly a signature.\n")).text ==
        "-- \nOnly a signature.\n");
  CHECK(read_email(plain_message("", "Bazoum is held.\n--\nNot a separator.\n")).text ==
        "Bazoum is held.\n--\nNot a separator.\n");
}

TEST_CASE("email: a saved message starting with an mbox From line is read") {
  const indexer::RawArticle article = read_email(
      "From moussa@sahel.example Wed Jul 26 14:02:00 2023\n"
      "Subject: Coup attempt in Niamey\nMessage-ID: <m1@sahel.example>\n\nThe guard acted.\n");
  CHECK(value(article, "title") == "Coup attempt in Niamey");
  CHECK(article.id == "m1@sahel.example");
  CHECK(article.text == "The guard acted.\n");
  CHECK(article.record.empty());
}

TEST_CASE("email: a NUL byte in the headers makes the file binary") {
  CHECK_THROWS_WITH_AS(indexer::EmailReader().read("Subject: \0x\n\nBody.\n"s, ""),
                       "binary file, not text (NUL byte at offset 9)", pressclip::Error);
}

TEST_CASE("email: files named .eml starting with a header line or From are e-mail") {
  const indexer::EmailReader reader;
  CHECK(reader.recognises("Return-Path: <a@b>\r\n"));
  CHECK(reader.recognises("X-Mozilla-Status: 0001\n"));
  CHECK(reader.recognises("Subject:Coup\n"));
  CHECK(reader.recognises("From moussa@sahel.example Wed Jul 26 14:02:00 2023\n"));
  CHECK_FALSE(reader.recognises("Subject Coup\n"));
  CHECK_FALSE(reader.recognises("Date : today\n"));
  CHECK_FALSE(reader.recognises(" Subject: Coup\n"));
  CHECK_FALSE(reader.recognises(": no name\n"));
  CHECK_FALSE(reader.recognises("Soldiers seized power\nSubject: x\n"));
  CHECK_FALSE(reader.recognises(""));
  CHECK(indexer::reader_for("/mail/coup.eml", "Subject: Coup\n\nText.\n").name() ==
        "e-mail message");
  CHECK(indexer::reader_for("/mail/COUP.EML", "From a@b Wed Jul 26 14:02:00 2023\n").name() ==
        "e-mail message");
  CHECK(indexer::reader_for("/mail/coup.eml", "Notes on the coup.\n").name() == "plain text");
  CHECK(indexer::reader_for("/mail/coup.txt", "Subject: Coup\n\nText.\n").name() == "plain text");
  CHECK(pressclip::is_article_file_name("/mail/coup.eml"));
  CHECK(pressclip::is_article_file_name("/mail/coup.EML"));
}

TEST_CASE("email: messages are read from several threads at once") {
  const std::string sample = read_bytes(kFormatSamples / "zeine_prime_minister_qp.eml");
  const std::string expected = indexer::EmailReader().read(sample, "").articles.at(0).text;
  std::vector<std::string> texts(4);
  std::vector<std::thread> threads;
  for (std::string& text : texts) {
    threads.emplace_back([&sample, &text] {
      for (int i = 0; i < 20; ++i) text = indexer::EmailReader().read(sample, "").articles[0].text;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& text : texts) CHECK(text == expected);
}
