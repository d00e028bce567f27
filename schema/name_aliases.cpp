// Name alias tables: keys, the alias-file format and the built-in publishers and agencies.
#include "schema/name_aliases.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <utility>

#include "pressclip/error.h"

namespace pressclip::schema {
namespace {

struct BuiltinName {
  const char* canonical;
  std::vector<std::string> aliases;
};

const std::vector<BuiltinName>& builtin_agencies() {
  static const std::vector<BuiltinName> agencies = {
      {"AFP", {"Agence France-Presse", "Agence France Presse", "AFP"}},
      {"Reuters", {"REUTERS", "Thomson Reuters"}},
      {"AP", {"Associated Press", "The Associated Press", "AP"}},
      {"dpa", {"Deutsche Presse-Agentur"}},
      {"EFE", {"Agencia EFE"}},
      {"ANSA", {"Agenzia Nazionale Stampa Associata"}},
      {"Xinhua", {"Xinhua News Agency"}},
      {"Kyodo", {"Kyodo News"}},
      {"PA", {"PA Media", "Press Association", "PA Wire"}},
      {"UPI", {"United Press International"}},
      {"Bloomberg", {"Bloomberg News"}},
      {"TASS", {"ITAR-TASS"}},
      {"Anadolu", {"Anadolu Agency", "Anadolu Ajansı", "AA"}},
  };
  return agencies;
}

const std::vector<BuiltinName>& builtin_publishers() {
  static const std::vector<BuiltinName> publishers = {
      {"BBC", {"BBC News", "bbc", "BBC World Service", "bbc.co.uk", "bbc.com"}},
      {"RFI", {"Radio France Internationale", "rfi.fr"}},
      {"The Telegraph", {"Telegraph", "Daily Telegraph", "The Daily Telegraph", "telegraph.co.uk"}},
      {"The Guardian", {"Guardian", "theguardian.com"}},
      {"Al Jazeera", {"Al Jazeera English", "aljazeera.com"}},
      {"France 24", {"France24", "france24.com"}},
      {"Le Monde", {"lemonde.fr"}},
      {"The New York Times", {"NYT", "New York Times", "nytimes.com"}},
      {"The Washington Post", {"Washington Post", "washingtonpost.com"}},
      {"CNN", {"cnn.com"}},
      {"Deutsche Welle", {"DW", "dw.com"}},
  };
  return publishers;
}

const icu::Normalizer2& normalizer(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = get(status);
  if (U_FAILURE(status) || instance == nullptr) {
    throw Error(ErrorKind::kInternal, std::string("cannot initialise ICU: ") + u_errorName(status));
  }
  return *instance;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x02BC; }

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  for (std::size_t at = 0; at < text.size();) {
    int32_t offset = 0;
    const auto length = static_cast<int32_t>(std::min<std::size_t>(4, text.size() - at));
    UChar32 c = 0;
    U8_NEXT(bytes + at, offset, length, c);
    if (c < 0) return false;
    at += static_cast<std::size_t>(offset);
  }
  return true;
}

// Runs of white space become one space; none at either end.
std::string collapse_white_space(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  for (std::size_t at = 0; at < text.size();) {
    int32_t offset = 0;
    const auto length = static_cast<int32_t>(std::min<std::size_t>(4, text.size() - at));
    UChar32 c = 0;
    U8_NEXT(bytes + at, offset, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !collapsed.empty();
    } else {
      if (pending_space) collapsed += ' ';
      pending_space = false;
      collapsed.append(text.substr(at, static_cast<std::size_t>(offset)));
    }
    at += static_cast<std::size_t>(offset);
  }
  return collapsed;
}

// One field of an alias file, checked; `what` names it in the message.
std::string checked_field(std::string_view field, std::string_view what, std::string_view where) {
  if (!is_valid_utf8(field)) {
    throw Error(ErrorKind::kBadArgument,
                std::string(where) + ": " + std::string(what) + " is not valid UTF-8");
  }
  std::string name = collapse_white_space(field);
  if (!name.empty() && name_key(name).empty()) {
    throw Error(ErrorKind::kBadArgument, std::string(where) + ": " + std::string(what) + " '" +
                                             name + "' has no letters or digits");
  }
  return name;
}

}  // namespace

std::string name_key(std::string_view name) {
  static const icu::Normalizer2& casefold = normalizer(&icu::Normalizer2::getNFKCCasefoldInstance);
  static const icu::Normalizer2& decompose = normalizer(&icu::Normalizer2::getNFDInstance);
  static const icu::Normalizer2& compose = normalizer(&icu::Normalizer2::getNFCInstance);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const icu::UnicodeString folded = decompose.normalize(casefold.normalize(input, status), status);
  icu::UnicodeString kept;
  bool pending_space = false;
  for (int32_t at = 0; at < folded.length(); at = folded.moveIndex32(at, 1)) {
    const UChar32 c = folded.char32At(at);
    if (c == '.' || is_apostrophe(c) || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c) || (u_ispunct(c) && c != '&')) {
      pending_space = !kept.isEmpty();
      continue;
    }
    if (pending_space) kept.append(static_cast<UChar32>(' '));
    pending_space = false;
    kept.append(c);
  }
  const icu::UnicodeString composed = compose.normalize(kept, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal, std::string("ICU normalisation: ") + u_errorName(status));
  }
  std::string key;
  composed.toUTF8String(key);
  return key;
}

void NameAliases::add(std::string canonical, const std::vector<std::string>& aliases) {
  canonical = checked_field(canonical, "canonical name", "alias table");
  if (canonical.empty()) {
    throw Error(ErrorKind::kBadArgument, "alias table: empty canonical name");
  }
  if (canonical.front() == '#') {
    throw Error(ErrorKind::kBadArgument,
                "alias table: canonical name '" + canonical + "' starts with '#'");
  }
  std::vector<std::string> spellings;  // Checked before any change: add is all or nothing.
  for (const std::string& alias : aliases) {
    std::string spelling = checked_field(alias, "alias", "alias table");
    if (!spelling.empty()) spellings.push_back(std::move(spelling));
  }
  const std::string canonical_key = name_key(canonical);
  Canonical& entry = canonicals_[canonical_key];
  entry.display = canonical;
  entry.order = ++clock_;
  map_alias(canonical, canonical_key);
  for (const std::string& spelling : spellings) map_alias(spelling, canonical_key);
}

void NameAliases::map_alias(const std::string& spelling, const std::string& canonical_key) {
  aliases_[name_key(spelling)] = Alias{spelling, canonical_key, ++clock_};
}

void NameAliases::add_from_text(std::string_view text, std::string_view origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::string where = std::string(origin) + ":" + std::to_string(line_number);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;

    std::vector<std::string> fields;
    for (std::size_t at = 0;;) {
      const std::size_t tab = line.find('\t', at);
      const std::string_view field =
          line.substr(at, tab == std::string_view::npos ? tab : tab - at);
      fields.push_back(checked_field(field, fields.empty() ? "canonical name" : "alias", where));
      if (tab == std::string_view::npos) break;
      at = tab + 1;
    }
    if (fields.front().empty()) {
      throw Error(ErrorKind::kBadArgument,
                  where +
                      ": empty canonical name (a line is: canonical name, then TAB-separated "
                      "aliases)");
    }
    const std::string canonical = std::move(fields.front());
    fields.erase(fields.begin());
    add(canonical, fields);
  }
}

std::string NameAliases::canonical(std::string_view name) const {
  const auto alias = aliases_.find(name_key(name));
  if (alias != aliases_.end()) {
    const auto entry = canonicals_.find(alias->second.canonical_key);
    if (entry != canonicals_.end()) return entry->second.display;
  }
  return collapse_white_space(name);
}

bool NameAliases::knows(std::string_view name) const { return aliases_.contains(name_key(name)); }

std::vector<NameAliases::Entry> NameAliases::entries() const {
  std::vector<std::pair<std::uint64_t, const std::string*>> order;
  for (const auto& [key, entry] : canonicals_) order.emplace_back(entry.order, &key);
  std::sort(order.begin(), order.end());
  std::vector<std::pair<std::uint64_t, const Alias*>> mapped;
  for (const auto& [key, alias] : aliases_) mapped.emplace_back(alias.order, &alias);
  std::sort(mapped.begin(), mapped.end());

  std::vector<Entry> result;
  for (const auto& [when, canonical_key] : order) {
    Entry entry{canonicals_.at(*canonical_key).display, {}};
    for (const auto& [added, alias] : mapped) {
      if (alias->canonical_key == *canonical_key) entry.aliases.push_back(alias->spelling);
    }
    if (!entry.aliases.empty()) result.push_back(std::move(entry));
  }
  return result;
}

std::string NameAliases::to_text() const {
  std::string text;
  for (const Entry& entry : entries()) {
    text += entry.canonical;
    const std::string canonical_key = name_key(entry.canonical);
    for (const std::string& alias : entry.aliases) {
      if (name_key(alias) != canonical_key) text += '\t' + alias;
    }
    text += '\n';
  }
  return text;
}

NameAliases builtin_source_aliases() {
  NameAliases aliases;
  for (const BuiltinName& name : builtin_publishers()) aliases.add(name.canonical, name.aliases);
  for (const BuiltinName& name : builtin_agencies()) aliases.add(name.canonical, name.aliases);
  return aliases;
}

NameAliases builtin_agency_aliases() {
  NameAliases aliases;
  for (const BuiltinName& name : builtin_agencies()) aliases.add(name.canonical, name.aliases);
  return aliases;
}

}  // namespace pressclip::schema
