// Unit tests of the schema table, article ids and the stored article record.
#include <doctest/doctest.h>

#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/field_table.h"
#include "schema/stored_article.h"

namespace schema = pressclip::schema;

TEST_CASE("the schema table is consistent: rows in order, distinct slots and prefixes") {
  CHECK(schema::field_table_is_consistent());
  CHECK(schema::prefix_of(schema::FieldId::kId) == "Q");
  CHECK(schema::prefix_of(schema::FieldId::kTitle) == "S");
}

TEST_CASE("article ids are stable and depend only on the canonical path") {
  const std::string id = schema::article_id_from_canonical_path("/corpus/a.txt");
  CHECK(id.size() == 16);
  CHECK(schema::looks_like_generated_id(id));
  CHECK(id == schema::article_id_from_canonical_path("/corpus/a.txt"));
  CHECK(id != schema::article_id_from_canonical_path("/corpus/b.txt"));
  // FNV-1a 64 of the empty string, fixed by the algorithm: guards against accidental change.
  CHECK(schema::article_id_from_canonical_path("") == "cbf29ce484222325");
}

TEST_CASE("canonical paths agree however a file is named") {
  const std::string here = schema::canonical_path(".");
  CHECK(schema::canonical_path("./x/../y.txt") == here + "/y.txt");
}

TEST_CASE("a stored article round-trips with provenance and passages") {
  pressclip::ArticleRecord record;
  record.id = "0123456789abcdef";
  record.path = "/a.txt";
  record.metadata.source = {"BBC", pressclip::FieldOrigin::kText};
  record.metadata.date = {"2023-08", pressclip::FieldOrigin::kManifest};
  record.text = "One. Two.";
  record.passages = {{0, 0, 4}, {1, 5, 9}};
  const pressclip::ArticleRecord copy = schema::decode_article(schema::encode_article(record));
  CHECK(copy.id == record.id);
  CHECK(copy.metadata.source.value == "BBC");
  CHECK(copy.metadata.source.origin == pressclip::FieldOrigin::kText);
  CHECK(copy.metadata.date.origin == pressclip::FieldOrigin::kManifest);
  CHECK(copy.metadata.title.origin == pressclip::FieldOrigin::kDefault);
  REQUIRE(copy.passages.size() == 2);
  CHECK(copy.passages[1].index == 1);
  CHECK(copy.passages[1].start == 5);
  CHECK(copy.text == record.text);
}

TEST_CASE("a stored article keeps its charset and the document origin") {
  pressclip::ArticleRecord record;
  record.id = "0123456789abcdef";
  record.metadata.title = {"Tiani se proclame chef", pressclip::FieldOrigin::kDocument};
  record.text = "Le g\u00E9n\u00E9ral.";
  record.charset = "windows-1252";
  const pressclip::ArticleRecord copy = schema::decode_article(schema::encode_article(record));
  CHECK(copy.charset == "windows-1252");
  CHECK(copy.metadata.title.origin == pressclip::FieldOrigin::kDocument);
  CHECK(std::string(pressclip::to_string(pressclip::FieldOrigin::kDocument)) == "document");
}

TEST_CASE("a record written before charsets were stored reads as UTF-8") {
  const std::string old_record =
      "{\"agencies\":[],\"date\":{\"origin\":\"default\",\"value\":\"\"},\"id\":"
      "\"00000000000000aa\","
      "\"language\":{\"origin\":\"default\",\"value\":\"\"},\"passages\":[[0,6]],\"path\":\"/"
      "a.txt\","
      "\"source\":{\"origin\":\"default\",\"value\":\"\"},\"title\":{\"origin\":\"default\","
      "\"value\":\"Niger.\"},\"url\":{\"origin\":\"default\",\"value\":\"\"},\"v\":3}\nNiger.";
  const pressclip::ArticleRecord record = schema::decode_article(old_record);
  CHECK(record.charset == "UTF-8");
  CHECK(record.text == "Niger.");
  CHECK(record.passages.size() == 1);
}

TEST_CASE("damaged document data is reported as a corrupt index") {
  try {
    schema::decode_article("{not json");
    FAIL("decode_article accepted garbage");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kIndexCorrupt);
  }
}

TEST_CASE("a stored article keeps a file name that is not UTF-8 byte for byte") {
  pressclip::ArticleRecord record;
  record.id = "a";
  record.path = "/news/caf\xE9\n.txt";
  record.record = "line-2";
  record.text = "Text.";
  const pressclip::ArticleRecord decoded = schema::decode_article(schema::encode_article(record));
  CHECK(decoded.path == record.path);
  CHECK(decoded.record == "line-2");
}
