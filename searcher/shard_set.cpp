// Opening, checking and combining the shards of a search.
#include "searcher/shard_set.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <limits>

#include "pressclip/error.h"
#include "schema/field_table.h"
#include "schema/partial_date.h"
#include "schema/xapian_errors.h"

namespace pressclip::searcher {
namespace {

unsigned milliseconds(std::chrono::milliseconds duration) {
  return static_cast<unsigned>(std::clamp<std::chrono::milliseconds::rep>(
      duration.count(), 0, std::numeric_limits<unsigned>::max() / 1000));
}

// A Xapian error as a short reason: "Couldn't connect (Connection refused)".
std::string reason_of(const Xapian::Error& error) {
  std::string reason = error.get_msg();
  const char* detail = error.get_error_string();
  if (detail != nullptr && *detail != '\0') reason += std::string(" (") + detail + ")";
  return reason;
}

Xapian::Database open_remote(const ShardSpec& spec, const SearcherOptions& options) {
  if (spec.kind == ShardSpec::Kind::kTcp) {
    return Xapian::Remote::open(spec.host, spec.port, milliseconds(options.remote_timeout),
                                milliseconds(options.connect_timeout));
  }
  return Xapian::Remote::open(spec.program, spec.args, milliseconds(options.remote_timeout));
}

// The days covered by the date filter term `term` ("Y2023", "M202307", "D20230726").
std::optional<DayRange> range_of_date_term(const std::string& term) {
  using schema::FieldId;
  for (const FieldId id : {FieldId::kDateYear, FieldId::kDateMonth, FieldId::kDateDay}) {
    const std::string_view prefix = schema::prefix_of(id);
    if (!term.starts_with(prefix)) continue;
    const std::string digits = term.substr(prefix.size());
    const std::size_t expected = id == FieldId::kDateYear ? 4 : id == FieldId::kDateMonth ? 6 : 8;
    if (digits.size() != expected) {
      // The bare day prefix is the filter no article passes.
      if (digits.empty() && id == FieldId::kDateDay) return DayRange{"99999999", "00000000"};
      return std::nullopt;
    }
    std::string iso = digits.substr(0, 4);
    if (digits.size() >= 6) iso += "-" + digits.substr(4, 2);
    if (digits.size() == 8) iso += "-" + digits.substr(6, 2);
    const std::optional<schema::PartialDate> date = schema::parse_iso_date(iso);
    if (!date) return std::nullopt;
    return DayRange{date->first_day_key(), date->last_day_key()};
  }
  return std::nullopt;
}

std::optional<DayRange> range_of(const Xapian::Query& query) {
  const auto type = query.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    return range_of_date_term(*query.get_terms_begin());
  }
  const std::size_t count = query.get_num_subqueries();
  switch (type) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: {
      std::optional<DayRange> range;
      for (std::size_t i = 0; i < count; ++i) {
        const std::optional<DayRange> part = range_of(query.get_subquery(i));
        if (!part) continue;
        if (!range) {
          range = part;
        } else {
          range->first_day = std::max(range->first_day, part->first_day);
          range->last_day = std::min(range->last_day, part->last_day);
        }
      }
      return range;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return count > 0 ? range_of(query.get_subquery(0)) : std::nullopt;
    case Xapian::Query::OP_OR: {
      std::optional<DayRange> range;
      for (std::size_t i = 0; i < count; ++i) {
        const std::optional<DayRange> part = range_of(query.get_subquery(i));
        if (!part) return std::nullopt;  // This side may match any date.
        if (!range) {
          range = part;
        } else {
          range->first_day = std::min(range->first_day, part->first_day);
          range->last_day = std::max(range->last_day, part->last_day);
        }
      }
      return range;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<DayRange> required_date_range(const Xapian::Query& query) { return range_of(query); }

ShardSet::ShardSet(const SearcherOptions& options) : options_(options) {
  for (ShardSpec& spec : expand_shards(options.databases)) {
    shards_.push_back({std::move(spec), std::nullopt, {}});
  }
  if (shards_.empty()) {
    throw Error(ErrorKind::kIndexMissing,
                "the date-sharded index holds no shard yet; index some articles first");
  }
  date_sharded_ = shards_.front().spec.period.has_value();
  if (!date_sharded_) {
    select_all();
  } else {
    // The settings come from one shard; the newest is the likeliest to be searched. One
    // that fails here is tried again, and reported, when a search needs it.
    std::exception_ptr first_error;
    for (auto shard = shards_.rbegin(); shard != shards_.rend() && !have_settings_; ++shard) {
      try {
        open(*shard);
      } catch (...) {
        if (!first_error) first_error = std::current_exception();
        shard->failure.clear();
      }
    }
    if (!have_settings_ && first_error) std::rethrow_exception(first_error);
  }
  if (!have_settings_) unavailable(shards_.front());
}

bool ShardSet::open(Shard& shard) {
  if (shard.database) return true;
  if (!shard.failure.empty()) {
    if (!options_.allow_partial) unavailable(shard);
    return false;
  }
  const ShardSpec& spec = shard.spec;
  try {
    Xapian::Database database;
    if (spec.kind == ShardSpec::Kind::kLocal) {
      std::error_code missing;  // A symbolic link loop is an error, not an exception here.
      if (!std::filesystem::exists(spec.path, missing)) {
        shard.failure = "no index there";
        if (missing) shard.failure += " (" + missing.message() + ")";
        if (!options_.allow_partial) {
          throw Error(ErrorKind::kIndexMissing,
                      "no index at '" + spec.path + "'" +
                          (missing ? " (" + missing.message() + ")" : std::string()) +
                          "; index some articles first");
        }
        return false;
      }
      database = Xapian::Database(spec.path);
    } else {
      database = open_remote(spec, options_);
    }
    const schema::IndexSettings settings = schema::read_compatible_settings(database, spec.label);
    if (!have_settings_) {
      settings_ = settings;
      settings_source_ = spec.label;
      have_settings_ = true;
    } else if (settings.stemmer_language != settings_.stemmer_language) {
      throw Error(ErrorKind::kIndexVersion, "shards '" + settings_source_ + "' and '" + spec.label +
                                                "' were built with different stemmers (" +
                                                settings_.stemmer_language + ", " +
                                                settings.stemmer_language + "); search them apart");
    }
    shard.database = std::move(database);
    return true;
  } catch (const Xapian::NetworkError& error) {
    shard.failure = reason_of(error);
  } catch (const Xapian::DatabaseOpeningError& error) {
    if (spec.kind == ShardSpec::Kind::kLocal && !options_.allow_partial) {
      schema::rethrow_as_error("cannot open index '" + spec.label + "'");
    }
    shard.failure = reason_of(error);
  } catch (const Error&) {
    throw;
  } catch (...) {
    schema::rethrow_as_error("cannot open index '" + spec.label + "'");
  }
  if (!options_.allow_partial) unavailable(shard);
  return false;
}

void ShardSet::unavailable(const Shard& shard) const {
  throw Error(ErrorKind::kShardUnavailable,
              "shard '" + shard.spec.label + "' is unavailable: " +
                  (shard.failure.empty() ? std::string("not opened") : shard.failure) +
                  (options_.allow_partial ? std::string("; no shard could be read")
                                          : std::string("; --allow-partial searches the others")));
}

std::vector<std::string> ShardSet::source_alias_texts() const {
  std::vector<std::string> texts;
  for (const Shard& shard : shards_) {
    if (!shard.database) continue;
    std::string text = shard.database->get_metadata(std::string(schema::kSourceAliasesKey));
    if (!text.empty() && std::find(texts.begin(), texts.end(), text) == texts.end()) {
      texts.push_back(std::move(text));
    }
  }
  return texts;
}

std::string ShardSet::earliest_day() const {
  std::string earliest;
  for (const Shard& shard : shards_) {
    const std::string& day = shard.spec.period->first_day;
    if (!day.empty() && (earliest.empty() || day < earliest)) earliest = day;
  }
  return earliest;
}

std::string ShardSet::latest_day() const {
  std::string latest;
  for (const Shard& shard : shards_) {
    const std::string& day = shard.spec.period->last_day;
    if (!day.empty() && day > latest) latest = day;
  }
  return latest;
}

void ShardSet::select(const std::optional<DayRange>& range) {
  std::vector<std::size_t> selection;
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    const std::optional<DayRange>& period = shards_[i].spec.period;
    if (range && date_sharded_) {
      // The undated shard holds no article a date filter passes.
      if (period->first_day.empty()) continue;
      if (period->last_day < range->first_day || period->first_day > range->last_day) continue;
    }
    if (open(shards_[i])) selection.push_back(i);
  }
  if (selection != selection_ || !combined_) {
    selection_ = std::move(selection);
    combine();
  }
}

void ShardSet::combine() {
  database_ = Xapian::Database();
  combined_ = true;
  all_local_ = true;
  for (const std::size_t i : selection_) {
    database_.add_database(*shards_[i].database);
    if (shards_[i].spec.kind != ShardSpec::Kind::kLocal) all_local_ = false;
  }
}

std::size_t ShardSet::passage_total() const {
  std::size_t total = 0;
  for (const std::size_t i : selection_) {
    const std::string passages =
        shards_[i].database->get_metadata(std::string(schema::kPassageTotalKey));
    if (!passages.empty()) total += std::stoull(passages);
  }
  return total;
}

bool ShardSet::drop_failed_remote_shards(const std::string& error) {
  std::vector<std::size_t> failed;
  for (const std::size_t i : selection_) {
    Shard& shard = shards_[i];
    if (shard.spec.kind == ShardSpec::Kind::kLocal) continue;
    try {
      shard.database->keep_alive();
    } catch (const Xapian::Error& probe) {
      shard.failure = error + "; " + reason_of(probe);
      failed.push_back(i);
    }
  }
  if (failed.empty()) return false;
  if (!options_.allow_partial) unavailable(shards_[failed.front()]);
  for (const std::size_t i : failed) shards_[i].database.reset();
  selection_.erase(std::remove_if(selection_.begin(), selection_.end(),
                                  [&](std::size_t i) { return !shards_[i].database; }),
                   selection_.end());
  combine();
  return true;
}

std::vector<MissingShard> ShardSet::missing() const {
  std::vector<MissingShard> missing;
  for (const Shard& shard : shards_) {
    if (!shard.failure.empty()) missing.push_back({shard.spec.label, shard.failure});
  }
  return missing;
}

void ShardSet::reopen() {
  // Every open shard, selected or not: a later search may select one opened earlier.
  for (Shard& shard : shards_) {
    if (shard.database) shard.database->reopen();
  }
}

}  // namespace pressclip::searcher
