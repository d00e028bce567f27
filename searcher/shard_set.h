// The shards a Searcher reads, opened as they are needed, and combined into one Xapian
// database for each search.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pressclip/searcher.h"
#include "schema/index_settings.h"
#include "searcher/shard_list.h"

namespace pressclip::searcher {

/// The shards of SearcherOptions::databases. A shard is opened when first selected, and its
/// settings checked against the others'; one that cannot be opened, or stops answering, is
/// either an error naming it or, with allow_partial, left out and reported as missing.
///
/// Thread-safety: not thread-safe; one per Searcher.
class ShardSet {
 public:
  /// Expands `options.databases` (expand_shards) and opens the shards: all of them, or,
  /// for a date-sharded index, the newest one that opens. Throws as Searcher's constructor.
  explicit ShardSet(const SearcherOptions& options);

  /// Settings of the shards (all alike).
  const schema::IndexSettings& settings() const { return settings_; }

  /// The source alias tables stored in the opened shards (distinct ones, in shard order).
  std::vector<std::string> source_alias_texts() const;

  /// Whether the shards have periods (a date-sharded index), so that select() can leave some
  /// out. Then `earliest_day`/`latest_day` bound the dates of all of them.
  bool date_sharded() const { return date_sharded_; }
  std::string earliest_day() const;
  std::string latest_day() const;

  /// Opens the shards that may hold articles dated inside `range` (all of them if it is
  /// std::nullopt or the index is not date-sharded) and makes them the current selection.
  /// Throws Error kShardUnavailable (unless allow_partial) for a shard that cannot be opened.
  void select(const std::optional<DayRange>& range);

  /// Selects every shard, as select(std::nullopt).
  void select_all() { select(std::nullopt); }

  /// The selected shards that are open, as one database. Valid until the next select().
  const Xapian::Database& database() const { return database_; }

  /// True if every selected shard is local (a search may then use classes of ours inside
  /// Xapian's matcher, which remote servers do not know).
  bool all_local() const { return all_local_; }

  /// The passages of the selected shards, summed from their metadata.
  std::size_t passage_total() const;

  /// After a Xapian::NetworkError during a search: finds the selected remote shards that
  /// no longer answer, marks them failed (left out from then on) and returns true, or, if
  /// none does, returns false. Without allow_partial, throws Error kShardUnavailable naming
  /// them instead of returning true.
  bool drop_failed_remote_shards(const std::string& error);

  /// The shards left out so far (allow_partial), with why.
  std::vector<MissingShard> missing() const;

  /// How many shards there are, opened or not.
  std::size_t size() const { return shards_.size(); }

  /// Reopens every open shard at its latest revision (the shards listed stay those read
  /// when this set was made).
  void reopen();

 private:
  struct Shard {
    ShardSpec spec;
    std::optional<Xapian::Database> database;
    std::string failure;  // Why it is left out; empty while usable.
  };

  // Opens `shard` if it is not open and has not failed; false if it is unusable.
  bool open(Shard& shard);
  void combine();
  [[noreturn]] void unavailable(const Shard& shard) const;

  SearcherOptions options_;
  std::vector<Shard> shards_;
  std::vector<std::size_t> selection_;
  bool date_sharded_ = false;
  bool have_settings_ = false;
  std::string settings_source_;  // The shard the settings were read from, for messages.
  schema::IndexSettings settings_;
  Xapian::Database database_;
  bool combined_ = false;
  bool all_local_ = true;
};

/// The smallest range of days that every article matching `query` is dated in, from the
/// date filters it requires (`date:`, --since, --until, ANDed at its top); std::nullopt if
/// it requires none. Undated articles match no such query.
std::optional<DayRange> required_date_range(const Xapian::Query& query);

}  // namespace pressclip::searcher
