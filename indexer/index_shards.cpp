// Opening, creating and committing the databases an Indexer writes, sharded by date or not.
#include "indexer/index_shards.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

#include "indexer/index_creation.h"
#include "pressclip/error.h"
#include "schema/field_table.h"
#include "schema/index_settings.h"
#include "schema/text_analyzer.h"

namespace pressclip::indexer {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultStemmerLanguage = "english";
constexpr const char* kStubName = "XAPIANDB";
// Held (flock) by the writer of a sharded index: its shards' own locks cannot guard the
// directory before the first shard exists, nor the stub.
constexpr const char* kLockName = ".pressclip-lock";
constexpr std::string_view kStubHeading = "# pressclip shards by ";

std::string mode_name(DateSharding by) { return by == DateSharding::kYear ? "year" : "month"; }

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Replaces `path` with `text` in one step: a temporary file, synced, renamed over it.
void replace_file(const fs::path& path, const std::string& text) {
  const std::string temporary = path.string() + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw_errno("cannot write " + temporary);
  for (std::size_t written = 0; written < text.size();) {
    const ssize_t count = ::write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      const int error = errno;
      ::close(fd);
      errno = error;
      throw_errno("cannot write " + temporary);
    }
    written += static_cast<std::size_t>(count);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    throw_errno("cannot write " + temporary);
  }
  ::close(fd);
  fs::rename(temporary, path);
  sync_directory(path.parent_path());
}

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string shard_name(const Xapian::Document& document, DateSharding by) {
  const std::string first = document.get_value(schema::kDateFirstDaySlot);
  const std::string last = document.get_value(schema::kDateLastDaySlot);
  if (first.size() != 8 || last.size() != 8) return "undated";
  // A date is stored at its precision: a year spans months, a month or a day does not.
  if (by == DateSharding::kYear || first.compare(0, 6, last, 0, 6) != 0) return first.substr(0, 4);
  return first.substr(0, 4) + "-" + first.substr(4, 2);
}

bool is_shard_name(std::string_view name) {
  if (name == "undated") return true;
  if (name.size() == 4) return all_digits(name);
  return name.size() == 7 && name[4] == '-' && all_digits(name.substr(0, 4)) &&
         all_digits(name.substr(5));
}

IndexShards::IndexShards(const std::string& directory, DateSharding requested,
                         const std::string& language)
    : directory_(directory) {
  const fs::path normal = fs::absolute(directory).lexically_normal();
  root_ = normal.has_filename() ? normal : normal.parent_path();
  const bool stub = fs::is_regular_file(root_ / kStubName);
  if (!stub && requested != DateSharding::kNone && fs::exists(root_ / "iamglass")) {
    throw Error(ErrorKind::kBadArgument, "index '" + directory_ +
                                             "' is not sharded by date; index into a new "
                                             "directory to shard it");
  }
  if (stub || requested != DateSharding::kNone) {
    open_sharded(requested);
  } else {
    shards_.push_back({"", open_database(""), 0});
  }
  settle_settings(language);
  combine();
  if (stub_stale_) {
    replace_file(root_ / kStubName, stub_text());
    stub_stale_ = false;
  }
}

IndexShards::IndexShards(const Xapian::WritableDatabase& database) {
  shards_.push_back({"", database, 0});
  const std::string total = database.get_metadata(std::string(schema::kPassageTotalKey));
  shards_.back().passages = total.empty() ? 0 : std::stoull(total);
  combine();
}

IndexShards::~IndexShards() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void IndexShards::lock() {
  lock_fd_ = ::open((root_ / kLockName).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) throw_errno("cannot open " + (root_ / kLockName).string());
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    // Worded as Xapian words it, so that it maps to kIndexLocked like a shard's own lock.
    if (errno == EWOULDBLOCK) throw Xapian::DatabaseLockError("already locked");
    throw_errno("cannot lock " + (root_ / kLockName).string());
  }
}

void IndexShards::open_sharded(DateSharding requested) {
  fs::create_directories(root_);
  lock();
  remove_stale_staging(root_);
  const fs::path stub = root_ / kStubName;
  if (fs::exists(stub)) {
    std::string text = read_whole(stub);
    const std::string first_line = text.substr(0, text.find('\n'));
    if (first_line == std::string(kStubHeading) + "year") {
      sharding_ = DateSharding::kYear;
    } else if (first_line == std::string(kStubHeading) + "month") {
      sharding_ = DateSharding::kMonth;
    } else {
      throw Error(ErrorKind::kIndexCorrupt, "'" + directory_ +
                                                "' is a Xapian stub database but not a pressclip "
                                                "index sharded by date");
    }
    if (requested != DateSharding::kNone && requested != sharding_) {
      throw Error(ErrorKind::kBadArgument,
                  "index '" + directory_ + "' is sharded by " + mode_name(sharding_) + ", not by " +
                      mode_name(requested) + "; index into a new directory to change it");
    }
    carried_.clear();
    const std::string unfinished = read_whole(root_ / kUnfinishedFilesName);
    for (std::size_t start = 0; start < unfinished.size();) {
      const std::size_t end = std::min(unfinished.find('\0', start), unfinished.size());
      carried_.insert(unfinished.substr(start, end - start));
      start = end + 1;
    }
  } else {
    for (const fs::directory_entry& entry : fs::directory_iterator(root_)) {
      if (entry.path().filename() != kLockName) {
        throw Error(ErrorKind::kIndexCorrupt,
                    "'" + directory_ +
                        "' holds other files and no index; give --db the index directory, or a "
                        "new or empty one to create an index in");
      }
    }
    sharding_ = requested;
  }
  // The shards are the directories named like periods, whether the stub lists them yet or
  // not: a run killed after making a shard and before rewriting the stub loses nothing.
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(root_)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && is_shard_name(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) shards_.push_back({name, open_database(name), 0});
  stub_stale_ = !fs::exists(stub) || read_whole(stub) != stub_text();
}

Xapian::WritableDatabase IndexShards::open_database(const std::string& name) {
  const fs::path path = name.empty() ? root_ : root_ / name;
  ensure_index_directory(path);
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE_OR_OPEN);
  remove_stale_staging(path);
  return database;
}

void IndexShards::settle_settings(const std::string& requested_language) {
  std::string recorded;
  bool aliases_read = false;
  for (Shard& shard : shards_) {
    if (schema::is_blank(shard.database)) continue;
    const std::string path = shard.name.empty() ? directory_ : (root_ / shard.name).string();
    const std::string language =
        schema::read_compatible_settings(shard.database, path).stemmer_language;
    if (recorded.empty()) recorded = language;
    const std::string total = shard.database.get_metadata(std::string(schema::kPassageTotalKey));
    shard.passages = total.empty() ? 0 : std::stoull(total);
    if (!aliases_read) {
      source_aliases_ = shard.database.get_metadata(std::string(schema::kSourceAliasesKey));
      aliases_read = true;
    }
  }
  if (!recorded.empty() && !requested_language.empty() && requested_language != recorded) {
    throw Error(ErrorKind::kBadArgument, "index '" + directory_ + "' uses the " + recorded +
                                             " stemmer, not " + requested_language +
                                             "; index into a new directory to change it");
  }
  language_ = !recorded.empty()             ? recorded
              : !requested_language.empty() ? requested_language
                                            : kDefaultStemmerLanguage;
  for (Shard& shard : shards_) {
    if (schema::is_blank(shard.database)) initialise(shard);
  }
}

void IndexShards::initialise(Shard& shard) {
  schema::write_settings(
      shard.database, {schema::kFormatVersion, language_, std::string(schema::kAnalysisVersion)});
  if (!source_aliases_.empty()) {
    shard.database.set_metadata(std::string(schema::kSourceAliasesKey), source_aliases_);
  }
  shard.database.commit();
}

void IndexShards::combine() {
  combined_ = Xapian::WritableDatabase();
  for (const Shard& shard : shards_) combined_.add_database(shard.database);
}

std::string IndexShards::stub_text() const {
  std::vector<std::string> names;
  for (const Shard& shard : shards_) names.push_back(shard.name);
  std::sort(names.begin(), names.end());
  std::string text = std::string(kStubHeading) + mode_name(sharding_) + "\n";
  for (const std::string& name : names) text += "auto " + name + "\n";
  return text;
}

bool IndexShards::has_shard_for(const Xapian::Document& document) const {
  if (sharding_ == DateSharding::kNone) return true;
  const std::string name = shard_name(document, sharding_);
  return std::any_of(shards_.begin(), shards_.end(),
                     [&](const Shard& shard) { return shard.name == name; });
}

std::size_t IndexShards::shard_for(const Xapian::Document& document) {
  if (sharding_ == DateSharding::kNone) return 0;
  const std::string name = shard_name(document, sharding_);
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    if (shards_[i].name == name) return i;
  }
  Shard shard{name, open_database(name), 0};
  if (schema::is_blank(shard.database)) initialise(shard);
  if (in_batch_) shard.database.begin_transaction(true);
  shards_.push_back(std::move(shard));
  combine();
  stub_stale_ = true;
  return shards_.size() - 1;
}

Xapian::docid IndexShards::add(std::size_t shard, const Xapian::Document& document) {
  Xapian::WritableDatabase& database = shards_[shard].database;
  const Xapian::docid local = database.get_lastdocid() + 1;
  database.replace_document(local, document);
  touched_.insert(shard);
  return static_cast<Xapian::docid>((local - 1) * shards_.size() + shard + 1);
}

void IndexShards::replace(Xapian::docid docid, const Xapian::Document& document) {
  combined_.replace_document(docid, document);
  touched_.insert(shard_of(docid));
}

void IndexShards::remove(Xapian::docid docid) {
  combined_.delete_document(docid);
  touched_.insert(shard_of(docid));
}

bool IndexShards::reaches(std::size_t from, std::size_t to) const {
  std::vector<std::size_t> next = {from};
  std::set<std::size_t> seen = {from};
  while (!next.empty()) {
    const std::size_t shard = next.back();
    next.pop_back();
    if (shard == to) return true;
    for (auto move = moves_.lower_bound({shard, 0}); move != moves_.end() && move->first == shard;
         ++move) {
      if (seen.insert(move->second).second) next.push_back(move->second);
    }
  }
  return false;
}

void IndexShards::moving(std::size_t from, std::size_t to) {
  if (from == to) return;
  if (reaches(to, from)) {
    // No order would commit each shard before those its articles moved to: commit the batch
    // so far, then go on in a new one. The files named so far, the current one perhaps half
    // written, stay named until the batch's own commit.
    const std::set<std::string> files = files_;
    std::set<std::string> unfinished = files;
    unfinished.insert(carried_.begin(), carried_.end());
    write_unfinished(unfinished);
    commit_shards();
    begin();
    files_ = files;
    flushed_ = true;
  }
  moves_.insert({from, to});
}

void IndexShards::note_file(const std::string& path) {
  if (sharding_ != DateSharding::kNone) files_.insert(path);
}

void IndexShards::add_passages(std::size_t shard, std::size_t passages) {
  shards_[shard].passages += passages;
}

void IndexShards::remove_passages(std::size_t shard, std::size_t passages) {
  shards_[shard].passages -= std::min(shards_[shard].passages, passages);
}

void IndexShards::begin() {
  for (Shard& shard : shards_) shard.database.begin_transaction(true);
  in_batch_ = true;
  touched_.clear();
  moves_.clear();
  flushed_ = false;
  files_.clear();
}

void IndexShards::commit_shards() {
  const std::string key(schema::kPassageTotalKey);
  for (std::size_t i : touched_) {
    const std::string total = std::to_string(shards_[i].passages);
    if (shards_[i].database.get_metadata(key) != total) {
      shards_[i].database.set_metadata(key, total);
    }
  }
  // Each shard after those its articles moved from: in order of the moves (no cycle).
  std::vector<std::size_t> sources(shards_.size(), 0);
  for (const auto& move : moves_) ++sources[move.second];
  std::vector<std::size_t> ready;
  for (std::size_t i = shards_.size(); i-- > 0;) {
    if (sources[i] == 0) ready.push_back(i);
  }
  while (!ready.empty()) {
    const std::size_t shard = ready.back();
    ready.pop_back();
    shards_[shard].database.commit_transaction();
    for (auto move = moves_.lower_bound({shard, 0}); move != moves_.end() && move->first == shard;
         ++move) {
      if (--sources[move->second] == 0) ready.push_back(move->second);
    }
  }
  in_batch_ = false;
  if (stub_stale_) {
    replace_file(root_ / kStubName, stub_text());
    stub_stale_ = false;
  }
}

void IndexShards::commit() {
  if (sharding_ == DateSharding::kNone) {
    commit_shards();
    return;
  }
  const bool unfinished = touched_.size() > 1 || flushed_ || !carried_.empty();
  if (unfinished) {
    std::set<std::string> files = files_;
    files.insert(carried_.begin(), carried_.end());
    write_unfinished(files);
  }
  commit_shards();
  if (!carried_.empty()) {
    write_unfinished(carried_);
  } else {
    std::error_code ignored;  // Most often there is none.
    fs::remove(root_ / kUnfinishedFilesName, ignored);
  }
  files_.clear();
}

void IndexShards::cancel() {
  for (Shard& shard : shards_) {
    try {
      shard.database.cancel_transaction();
      const std::string total = shard.database.get_metadata(std::string(schema::kPassageTotalKey));
      shard.passages = total.empty() ? 0 : std::stoull(total);
    } catch (const Xapian::Error&) {
      // The original failure is what matters; a failed cancel leaves the last commit intact.
    }
  }
  in_batch_ = false;
  // What a flush committed of this batch may be half a file: read it again next time.
  if (flushed_) carried_.insert(files_.begin(), files_.end());
  files_.clear();
}

std::vector<std::string> IndexShards::take_unfinished_files() {
  std::vector<std::string> files(carried_.begin(), carried_.end());
  carried_.clear();
  return files;
}

void IndexShards::write_unfinished(const std::set<std::string>& files) const {
  std::string text;
  for (const std::string& file : files) text.append(file).push_back('\0');
  replace_file(root_ / kUnfinishedFilesName, text);
}

void IndexShards::store_source_aliases(const std::string& text) {
  source_aliases_ = text;
  const std::string key(schema::kSourceAliasesKey);
  for (Shard& shard : shards_) {
    if (shard.database.get_metadata(key) == text) continue;
    shard.database.set_metadata(key, text);
    shard.database.commit();
  }
}

}  // namespace pressclip::indexer
