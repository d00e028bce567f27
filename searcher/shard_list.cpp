// Expanding databases and Xapian stub files into shards.
#include "searcher/shard_list.h"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "pressclip/error.h"
#include "schema/partial_date.h"

namespace pressclip::searcher {
namespace {

namespace fs = std::filesystem;

// Stubs listing stubs: deeper than this is taken for a loop.
constexpr int kMostStubNesting = 8;

constexpr std::string_view kDateShardMarker = "# pressclip shards by ";

[[noreturn]] void bad_line(const std::string& file, int line, const std::string& why) {
  throw Error(ErrorKind::kBadArgument,
              "stub file " + file + ":" + std::to_string(line) + ": " + why +
                  " (lines are 'auto PATH', 'remote HOST:PORT' or 'remote :PROGRAM ARGS')");
}

// The days a shard named `name` of a date-sharded index holds, if its name is a period.
std::optional<DayRange> period_of(const std::string& name) {
  if (name == "undated") return DayRange{};
  const std::optional<schema::PartialDate> date = schema::parse_iso_date(name);
  if (!date || date->day != 0 || name.size() > 7) return std::nullopt;
  return DayRange{date->first_day_key(), date->last_day_key()};
}

void expand(const std::string& database, int depth, std::vector<ShardSpec>& shards);

// The remote shard of a `remote` line's argument.
ShardSpec remote_shard(const std::string& target, const std::string& file, int line) {
  ShardSpec shard;
  shard.label = "remote " + target;
  if (target.starts_with(':')) {
    shard.kind = ShardSpec::Kind::kProgram;
    const std::size_t space = target.find(' ');
    shard.program = target.substr(1, space == std::string::npos ? space : space - 1);
    if (space != std::string::npos) shard.args = target.substr(space + 1);
    if (shard.program.empty()) bad_line(file, line, "no program after 'remote :'");
    return shard;
  }
  shard.kind = ShardSpec::Kind::kTcp;
  const std::size_t colon = target.rfind(':');
  if (colon == std::string::npos || colon == 0) bad_line(file, line, "no HOST:PORT after 'remote'");
  std::string host = target.substr(0, colon);
  if (host.size() > 1 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [IPv6]:port
  }
  const std::string port = target.substr(colon + 1);
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), shard.port);
  if (error != std::errc() || end != port.data() + port.size() || shard.port == 0 ||
      shard.port > 65535) {
    bad_line(file, line, "'" + port + "' is not a port number");
  }
  shard.host = host;
  return shard;
}

void expand_stub(const std::string& file, int depth, std::vector<ShardSpec>& shards) {
  if (depth > kMostStubNesting) {
    throw Error(ErrorKind::kBadArgument, "stub file " + file + ": stubs nested more than " +
                                             std::to_string(kMostStubNesting) +
                                             " deep (a stub listing itself?)");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, "cannot read stub file " + file);
  const fs::path directory = fs::path(file).parent_path();
  const std::size_t first_shard = shards.size();
  bool date_sharded = false;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (line == 1 && text.starts_with(kDateShardMarker)) {
      const std::string unit = text.substr(kDateShardMarker.size());
      date_sharded = unit == "month" || unit == "year";
    }
    if (text.empty() || text.front() == '#') continue;
    const std::size_t space = text.find(' ');
    const std::string type = text.substr(0, space);
    const std::string argument = space == std::string::npos ? "" : text.substr(space + 1);
    if (argument.empty()) bad_line(file, line, "'" + type + "' needs an argument");
    if (type == "remote") {
      shards.push_back(remote_shard(argument, file, line));
    } else if (type == "auto" || type == "glass") {
      fs::path path(argument);
      if (path.is_relative()) path = directory / path;
      const std::size_t before = shards.size();
      expand(path.string(), depth + 1, shards);
      if (date_sharded && shards.size() == before + 1 &&
          shards.back().kind == ShardSpec::Kind::kLocal) {
        shards.back().period = period_of(path.filename().string());
      }
    } else {
      bad_line(file, line, "unknown database type '" + type + "'");
    }
  }
  if (in.bad()) throw Error(ErrorKind::kIo, "cannot read stub file " + file);
  // A date-sharded index whose runs have indexed nothing yet lists no shard.
  if (shards.size() == first_shard && !date_sharded) {
    throw Error(ErrorKind::kBadArgument, "stub file " + file + " lists no database");
  }
}

void expand(const std::string& database, int depth, std::vector<ShardSpec>& shards) {
  if (is_stub(database)) {
    const bool directory = fs::is_directory(database);
    expand_stub(directory ? (fs::path(database) / "XAPIANDB").string() : database, depth, shards);
    return;
  }
  ShardSpec shard;
  shard.label = database;
  shard.path = database;
  shards.push_back(std::move(shard));
}

}  // namespace

bool is_stub(const std::string& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (fs::is_directory(status)) {
    return fs::exists(fs::path(path) / "XAPIANDB", error) &&
           !fs::exists(fs::path(path) / "iamglass", error);
  }
  if (!fs::is_regular_file(status)) return false;
  // A single-file glass database starts with its magic string.
  std::ifstream in(path, std::ios::binary);
  char magic[14] = {};
  in.read(magic, sizeof magic);
  return std::string_view(magic, static_cast<std::size_t>(in.gcount())) != "\x0f\x0dXapian Glass";
}

std::vector<ShardSpec> expand_shards(const std::vector<std::string>& databases) {
  if (databases.empty()) throw Error(ErrorKind::kBadArgument, "no database to search");
  std::vector<ShardSpec> shards;
  for (const std::string& database : databases) expand(database, 0, shards);
  // A period applies only if every shard has one: a date-sharded index searched beside
  // other databases is searched whole.
  for (const ShardSpec& shard : shards) {
    if (!shard.period) {
      for (ShardSpec& other : shards) other.period.reset();
      break;
    }
  }
  return shards;
}

}  // namespace pressclip::searcher
