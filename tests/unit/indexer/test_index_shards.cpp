// Unit tests of the names of date shards (indexer/index_shards.h).
#include "indexer/index_shards.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <string>

#include "schema/field_table.h"

namespace {

using pressclip::DateSharding;
using pressclip::indexer::is_shard_name;
using pressclip::indexer::shard_name;

Xapian::Document dated(const std::string& first_day, const std::string& last_day) {
  Xapian::Document document;
  document.add_value(pressclip::schema::kDateFirstDaySlot, first_day);
  document.add_value(pressclip::schema::kDateLastDaySlot, last_day);
  return document;
}

}  // namespace

TEST_CASE("index shards: an article's shard is named by its date at its precision") {
  CHECK(shard_name(dated("20230812", "20230812"), DateSharding::kMonth) == "2023-08");
  CHECK(shard_name(dated("20230801", "20230831"), DateSharding::kMonth) == "2023-08");
  CHECK(shard_name(dated("20230101", "20231231"), DateSharding::kMonth) == "2023");
  CHECK(shard_name(dated("20230812", "20230812"), DateSharding::kYear) == "2023");
  CHECK(shard_name(Xapian::Document(), DateSharding::kMonth) == "undated");
  CHECK(shard_name(Xapian::Document(), DateSharding::kYear) == "undated");
}

TEST_CASE("index shards: only period names and undated name shards") {
  for (const char* name : {"2023", "2023-08", "undated"}) {
    INFO(name);
    CHECK(is_shard_name(name));
  }
  for (const char* name :
       {"", "202", "2023-8", "2023_08", "2023-08-01", "Undated", ".2023", "XAPIANDB", "2023-0a"}) {
    INFO(name);
    CHECK_FALSE(is_shard_name(name));
  }
}
