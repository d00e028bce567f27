// Reading and validating the settings a pressclip index records about itself.
#include "schema/index_settings.h"

#include <charconv>

#include "pressclip/error.h"
#include "schema/text_analyzer.h"

namespace pressclip::schema {

void write_settings(Xapian::WritableDatabase& database, const IndexSettings& settings) {
  database.set_metadata(std::string(kFormatVersionKey), std::to_string(settings.format_version));
  database.set_metadata(std::string(kStemmerKey), settings.stemmer_language);
  database.set_metadata(std::string(kAnalysisKey), settings.analysis);
}

bool is_blank(const Xapian::Database& database) {
  return database.get_doccount() == 0 &&
         database.get_metadata(std::string(kFormatVersionKey)).empty();
}

IndexSettings read_compatible_settings(const Xapian::Database& database, const std::string& path) {
  const std::string version_text = database.get_metadata(std::string(kFormatVersionKey));
  if (version_text.empty()) {
    throw Error(ErrorKind::kIndexCorrupt,
                "'" + path + "' is a Xapian database but not a pressclip index");
  }
  IndexSettings settings;
  auto [end, error] = std::from_chars(
      version_text.data(), version_text.data() + version_text.size(), settings.format_version);
  if (error != std::errc() || end != version_text.data() + version_text.size()) {
    throw Error(ErrorKind::kIndexCorrupt, "index '" + path + "' has an unreadable format version");
  }
  if (settings.format_version > kFormatVersion) {
    throw Error(ErrorKind::kIndexVersion, "index '" + path + "' has format " + version_text +
                                              ", newer than this pressclip (" +
                                              std::to_string(kFormatVersion) +
                                              "); upgrade pressclip to read it");
  }
  if (settings.format_version < kFormatVersion) {
    throw Error(ErrorKind::kIndexVersion, "index '" + path + "' has old format " + version_text +
                                              "; rebuild it by indexing into a new directory");
  }
  settings.stemmer_language = database.get_metadata(std::string(kStemmerKey));
  settings.analysis = database.get_metadata(std::string(kAnalysisKey));
  if (settings.analysis != kAnalysisVersion) {
    throw Error(ErrorKind::kIndexVersion,
                "index '" + path + "' was built with other text analysis rules (" +
                    settings.analysis + "); rebuild it by indexing into a new directory");
  }
  return settings;
}

}  // namespace pressclip::schema
