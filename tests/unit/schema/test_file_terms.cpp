// Unit tests of file state (with records), id, path and record terms, and article id rules.
#include <doctest/doctest.h>

#include <string>

#include "schema/article_id.h"
#include "schema/field_table.h"
#include "schema/file_state.h"
#include "schema/file_terms.h"

namespace schema = pressclip::schema;

TEST_CASE("file state round-trips files and records") {
  schema::FileState state{"wire-1", "abc", {}};
  state.files.push_back({"/feeds/wire.jsonl", "wire-1", {120, 7}, ""});
  state.files.push_back({"/archive/a.txt", "", {5, 9}, "meta"});
  const auto decoded = schema::decode_file_state(schema::encode_file_state(state));
  REQUIRE(decoded);
  CHECK(decoded->article_id == "wire-1");
  REQUIRE(decoded->files.size() == 2);
  CHECK(decoded->files[0].record == "wire-1");
  CHECK(decoded->files[0].path == "/feeds/wire.jsonl");
  CHECK(decoded->files[0].stamp == schema::FileStamp{120, 7});
  CHECK(decoded->files[1].record.empty());
  CHECK(decoded->files[1].metadata_hash == "meta");
  CHECK(schema::is_file(decoded->files[0], "/feeds/wire.jsonl", "wire-1"));
  CHECK_FALSE(schema::is_file(decoded->files[0], "/feeds/wire.jsonl", ""));
}

TEST_CASE("file state written before records (version 1) is still read") {
  using namespace std::string_literals;
  const std::string version_1 =
      "1\0id\0hash\0"
      "12\0"
      "34\0"
      "\0"
      "/a.txt"s;
  const auto decoded = schema::decode_file_state(version_1);
  REQUIRE(decoded);
  REQUIRE(decoded->files.size() == 1);
  CHECK(decoded->files[0].path == "/a.txt");
  CHECK(decoded->files[0].record.empty());
  CHECK(decoded->files[0].stamp == schema::FileStamp{12, 34});
  CHECK_FALSE(schema::decode_file_state("3\0id\0hash"s));
  CHECK_FALSE(
      schema::decode_file_state("2\0id\0hash\0"
                                "12"s));
}

TEST_CASE("path and record terms fit Xapian's limit however long the path") {
  const std::string prefix(schema::prefix_of(schema::FieldId::kPath));
  CHECK(schema::path_term("/a/b.txt") == prefix + "/a/b.txt");
  const std::string long_path = "/" + std::string(400, 'd') + "/article.txt";
  const std::string hashed = schema::path_term(long_path);
  CHECK(hashed.size() <= schema::kMaxXapianTermBytes);
  CHECK(hashed.starts_with(prefix + "#"));
  CHECK(hashed == schema::path_term(long_path));
  CHECK(hashed != schema::path_term(long_path + "x"));
  // A record term differs from its file's term and from another record's.
  const std::string record = schema::record_term("/f.jsonl", "line-2");
  CHECK(record != schema::path_term("/f.jsonl"));
  CHECK(record != schema::record_term("/f.jsonl", "line-3"));
  CHECK(record != schema::path_term("/f.jsonl#line-2"));
  CHECK(schema::record_term(long_path, "x").size() <= schema::kMaxXapianTermBytes);
  CHECK(schema::file_locator("/f.jsonl", "line-2") == "/f.jsonl#line-2");
  CHECK(schema::file_locator("/a.txt", "") == "/a.txt");
}

TEST_CASE("article ids: printable ASCII up to 128 bytes, such as Message-IDs") {
  CHECK(schema::is_valid_article_id("wire-1"));
  CHECK(schema::is_valid_article_id("20230726.1402.abc@lists.example.org"));
  CHECK(schema::is_valid_article_id(std::string(128, 'a')));
  CHECK_FALSE(schema::is_valid_article_id(""));
  CHECK_FALSE(schema::is_valid_article_id(std::string(129, 'a')));
  CHECK_FALSE(schema::is_valid_article_id("has space"));
  CHECK_FALSE(schema::is_valid_article_id("quote\"d"));
  CHECK_FALSE(schema::is_valid_article_id("paren(s)"));
  CHECK_FALSE(schema::is_valid_article_id("caf\xC3\xA9"));
  CHECK_FALSE(schema::is_valid_article_id("tab\there"));
  CHECK(schema::id_term("wire-1") == "Qwire-1");
}
