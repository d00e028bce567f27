// The databases an Indexer writes: one index, or the date shards of a stub directory as one.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pressclip/indexer.h"

namespace pressclip::indexer {

/// The file, in a sharded index's directory, that names the files of a batch while its
/// shards are committed one by one. One left by a killed run has those files read again.
inline constexpr std::string_view kUnfinishedFilesName = ".pressclip-unfinished";

/// The shard that an article whose document is `document` belongs in under `by` (not
/// kNone): "YYYY-MM", "YYYY" (year sharding, or a date known to the year only) or
/// "undated", from its date values (kDateFirstDaySlot, kDateLastDaySlot).
std::string shard_name(const Xapian::Document& document, DateSharding by);

/// True if `name` can name a shard: "YYYY", "YYYY-MM" or "undated".
bool is_shard_name(std::string_view name);

/// What an Indexer writes to: an ordinary index (one shard), or a directory of date shards
/// listed in a Xapian stub file (DIR/XAPIANDB), each a complete pressclip index with its own
/// metadata. database() shows every shard as one, with Xapian's interleaved document ids
/// (shard = (docid - 1) % size()), for lookups and for replacing or deleting by docid.
///
/// A batch is one transaction in each shard. Shards commit one after the other, so, for a
/// kill between two of them: a shard that articles moved out of commits before the shards
/// they moved to (an article may go missing until the next run, never exist twice); and when a
/// batch touched several shards, the files it wrote are named in kUnfinishedFilesName until all
/// have committed, so that the next opening marks them to be read again.
///
/// Thread-safety: none; used by the writing thread only.
class IndexShards {
 public:
  /// Opens the index at `directory` for writing, creating it if needed: a stub directory if
  /// `requested` is not kNone (or it is one already), else one database. Takes the write
  /// lock. `language` is the stemmer asked for ("" for the recorded one, or english).
  /// Throws pressclip::Error kBadArgument for a sharding or stemmer other than the index's,
  /// kIndexCorrupt for a stub that is not a pressclip one; Xapian::Error as Xapian opens.
  IndexShards(const std::string& directory, DateSharding requested, const std::string& language);
  /// An unsharded database already open (a parallel build's merged index).
  explicit IndexShards(const Xapian::WritableDatabase& database);
  ~IndexShards();
  IndexShards(const IndexShards&) = delete;
  IndexShards& operator=(const IndexShards&) = delete;

  DateSharding sharding() const { return sharding_; }
  /// The stemmer language of the index (of every shard).
  const std::string& language() const { return language_; }
  /// Every shard as one database. Its docids change when a shard is added (shard_for).
  Xapian::WritableDatabase& database() { return combined_; }
  std::size_t shard_of(Xapian::docid docid) const { return (docid - 1) % shards_.size(); }
  /// True if the shard for `document` exists (always, unsharded).
  bool has_shard_for(const Xapian::Document& document) const;
  /// The shard for `document`, created (committed empty, with the index's settings) if it is
  /// new; that renumbers the documents of database().
  std::size_t shard_for(const Xapian::Document& document);

  /// Adds `document` to shard `shard`; returns its docid.
  Xapian::docid add(std::size_t shard, const Xapian::Document& document);
  void replace(Xapian::docid docid, const Xapian::Document& document);
  void remove(Xapian::docid docid);
  /// Called before an article or a file leaves shard `from` for shard `to`: this batch
  /// commits `from` before `to`. If other moves of the batch need `to` committed before
  /// `from`, commits the batch so far first.
  void moving(std::size_t from, std::size_t to);
  /// Names a file whose articles this batch writes (for kUnfinishedFilesName).
  void note_file(const std::string& path);

  /// The running passage total of `shard` (pressclip.passages), stored at commit.
  void add_passages(std::size_t shard, std::size_t passages);
  void remove_passages(std::size_t shard, std::size_t passages);

  /// Starts a batch: a transaction in every shard (and in those added during it).
  void begin();
  /// Commits the batch (see the class comment), then rewrites the stub if shards were added.
  void commit();
  /// Cancels the batch; the shards stay at their last commit.
  void cancel();

  /// The files a killed run left unfinished (kUnfinishedFilesName); the caller marks them to
  /// be read again in a batch of its own. Returns them once.
  std::vector<std::string> take_unfinished_files();

  /// The user's source alias text stored in the index ("" if none).
  const std::string& source_aliases() const { return source_aliases_; }
  /// Stores `text` as the source alias text of every shard (and of shards added later),
  /// committing each that changes. Requires: no batch open.
  void store_source_aliases(const std::string& text);

 private:
  struct Shard {
    std::string name;  // "" for an unsharded index.
    Xapian::WritableDatabase database;
    std::size_t passages = 0;
  };

  void open_sharded(DateSharding requested);
  void lock();
  // Opens (creating if needed) the database of shard `name`, or of the index if "".
  Xapian::WritableDatabase open_database(const std::string& name);
  // Records the settings in the blank shards, or checks them against the index's.
  void settle_settings(const std::string& requested_language);
  void initialise(Shard& shard);
  void combine();
  std::string stub_text() const;
  void write_unfinished(const std::set<std::string>& files) const;
  // Whether moves of this batch lead from shard `from` to shard `to`, directly or not.
  bool reaches(std::size_t from, std::size_t to) const;
  // Stores the passage totals and commits every shard, each before those articles moved to.
  void commit_shards();

  std::string directory_;       // As given, for messages.
  std::filesystem::path root_;  // Absolute, without a trailing separator.
  DateSharding sharding_ = DateSharding::kNone;
  std::string language_;
  std::string source_aliases_;  // Given to new shards.
  std::vector<Shard> shards_;   // In the order opened or created, not by name.
  Xapian::WritableDatabase combined_;
  int lock_fd_ = -1;
  bool in_batch_ = false;
  bool stub_stale_ = false;        // Shards were added since the stub was written.
  std::set<std::size_t> touched_;  // Shards this batch changed.
  std::set<std::pair<std::size_t, std::size_t>> moves_;  // (from, to) shards of this batch.
  bool flushed_ = false;           // This batch committed part of itself already.
  std::set<std::string> files_;    // Files this batch writes.
  std::set<std::string> carried_;  // Unfinished files of a batch cancelled after a flush.
};

}  // namespace pressclip::indexer
