// The shards a Searcher reads: its databases, with Xapian stub files expanded into the shards
// they list, each with what is needed to open it and the dates it can hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pressclip::searcher {

/// A range of days, as "YYYYMMDD" keys, both ends included.
struct DayRange {
  std::string first_day;
  std::string last_day;
};

/// One shard: a local database, or a remote one served by xapian-tcpsrv or xapian-progsrv.
struct ShardSpec {
  enum class Kind { kLocal, kTcp, kProgram };
  Kind kind = Kind::kLocal;
  /// How messages name it: the path, "remote HOST:PORT" or "remote :PROGRAM ARGS".
  std::string label;
  std::string path;     ///< kLocal: the database directory (or single-file database).
  std::string host;     ///< kTcp.
  unsigned port = 0;    ///< kTcp.
  std::string program;  ///< kProgram.
  std::string args;     ///< kProgram: its arguments, one string as Xapian takes them.
  /// For a shard of a date-sharded index (`pressclip index --shard-by`): the days its
  /// articles are dated in. Empty `first_day` for its `undated` shard. std::nullopt: any.
  std::optional<DayRange> period;
};

/// The shards of `databases`, in order: each a database directory or single-file database,
/// or a stub file (or a directory holding one named XAPIANDB) listing shards in Xapian's
/// stub format: `auto PATH` or `glass PATH` (relative to the stub's directory; a PATH that
/// is itself a stub is expanded), `remote HOST:PORT` ([IPV6]:PORT), `remote :PROGRAM ARGS`,
/// `#` comments. A stub whose first line is `# pressclip shards by month` (or `year`) gives
/// its shards named YYYY, YYYY-MM or `undated` the period of their name. Paths need not
/// exist (opening them says what is wrong). Throws Error kBadArgument for a malformed line
/// ("FILE:3: ..."), a stub listing no shard (but for a date-sharded one: it may be empty), stubs
/// nested deeper than 8, or no database.
std::vector<ShardSpec> expand_shards(const std::vector<std::string>& databases);

/// Whether `path` is a Xapian stub: a regular file that is not a single-file database, or
/// a directory holding XAPIANDB and no database of its own.
bool is_stub(const std::string& path);

}  // namespace pressclip::searcher
