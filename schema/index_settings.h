// Format version and analysis settings recorded in, and checked against, each index.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace pressclip::schema {

/// The index format this build writes and reads. Bump it when the schema table, the
/// document data or the analysis rules change incompatibly. (2: passage layout values;
/// 3: agencies, date terms, inferred dates, canonical source names; 4: file state for
/// change detection; 5: period and id values, so that shards facet and order as one index.)
inline constexpr int kFormatVersion = 5;

/// Metadata keys (Xapian user metadata) of a pressclip index.
inline constexpr std::string_view kFormatVersionKey = "pressclip.format_version";
inline constexpr std::string_view kStemmerKey = "pressclip.stemmer";
inline constexpr std::string_view kAnalysisKey = "pressclip.analysis";
inline constexpr std::string_view kPassageTotalKey = "pressclip.passages";
/// The user's source alias table in force (alias-file text, schema/name_aliases.h), so that
/// `source:` queries map names as the indexer did. Absent: the built-in table alone.
inline constexpr std::string_view kSourceAliasesKey = "pressclip.source_aliases";

/// What an index says about itself.
struct IndexSettings {
  int format_version = kFormatVersion;
  std::string stemmer_language;
  std::string analysis;
};

/// Records `settings` in `database` (takes effect at its next commit).
void write_settings(Xapian::WritableDatabase& database, const IndexSettings& settings);

/// Reads the settings of a pressclip index and checks that this build can use it. Throws
/// Error kIndexCorrupt if `database` is not a pressclip index, kIndexVersion if its format
/// or analysis rules differ from this build's. `path` is for messages only.
IndexSettings read_compatible_settings(const Xapian::Database& database, const std::string& path);

/// True if `database` holds nothing at all (no documents, no pressclip metadata).
bool is_blank(const Xapian::Database& database);

}  // namespace pressclip::schema
