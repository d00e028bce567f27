// Tables of name spellings (publishers, wire agencies) mapped to one canonical display name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pressclip::schema {

/// The lookup key of a name: "Agence France-Presse", "agence  france presse" and
/// "AGENCE FRANCE PRESSE" share one key. The rules: NFKC case folding; combining marks
/// stripped (é -> e); '.' and apostrophes dropped ("A.P." -> "ap", "bbc.co.uk" -> "bbccouk");
/// every other run of punctuation (hyphens, dashes, '/', ',', ':'...) or white space becomes
/// one space, none at either end; '&' and symbols ('+', '©'...) are kept. Returns "" for a
/// name with no letter, digit or symbol. Requires valid UTF-8 (invalid bytes compare as
/// U+FFFD). Throws Error kInternal if ICU cannot be initialised. Thread-safe.
std::string name_key(std::string_view name);

/// A table mapping spellings of a name to its canonical display name, compared by name_key
/// (case- and punctuation-insensitively).
///
/// Thread-safety: const members may be called concurrently; add* need exclusive access.
class NameAliases {
 public:
  /// One canonical name and the spellings that map to it.
  struct Entry {
    std::string canonical;             ///< Display name ("AFP").
    std::vector<std::string> aliases;  ///< Spellings, in order added; one per key.
  };

  /// Adds a canonical name and its aliases; the canonical name is an alias of itself.
  /// Names are stored with white space collapsed. A canonical name with the key of an
  /// existing one extends that entry and its display spelling becomes `canonical`. An
  /// alias already mapped (to any canonical) is re-mapped here: a later definition
  /// replaces an earlier one, so user files loaded after the built-ins override them.
  /// Blank aliases are ignored. Throws Error kBadArgument if `canonical` is blank, starts
  /// with '#', or if it or an alias is not valid UTF-8 or has an empty name_key ("...");
  /// the table is then unchanged.
  void add(std::string canonical, const std::vector<std::string>& aliases);

  /// Parses a user alias file and adds its lines in order (see add). The format: UTF-8
  /// text, one name per line: the canonical name, then TAB-separated aliases. Blank lines
  /// and lines whose first non-blank character is '#' are ignored; a UTF-8 byte-order
  /// mark, "\r\n" line ends and empty alias fields (a trailing TAB) are tolerated.
  /// Throws Error kBadArgument "<origin>:<line>: ..." on the first malformed line (empty
  /// canonical name, a field with no letters or digits, invalid UTF-8); lines before it
  /// have been added. `origin` names the file in messages.
  void add_from_text(std::string_view text, std::string_view origin);

  /// The canonical name for `name` if it is a known alias, else `name` with its white
  /// space collapsed (runs become one space, none at either end), otherwise unchanged.
  std::string canonical(std::string_view name) const;

  /// True if `name` is a known alias (a canonical name is an alias of itself).
  bool knows(std::string_view name) const;

  /// The table as alias-file text, one line per entry in order of last definition, for
  /// storing in the index: add_from_text(to_text()) on an empty table rebuilds a table
  /// that maps every key to the same canonical name.
  std::string to_text() const;

  /// Every canonical name with the spellings that map to it (including the canonical name
  /// itself unless a later definition took it over), in order of last definition. A
  /// canonical name whose every spelling was taken over is left out.
  std::vector<Entry> entries() const;

  /// True if no alias is known.
  bool empty() const { return aliases_.empty(); }

 private:
  struct Alias {
    std::string spelling;       // As last given.
    std::string canonical_key;  // Key of the canonical name it maps to.
    std::uint64_t order = 0;    // When it was (last) mapped.
  };
  struct Canonical {
    std::string display;
    std::uint64_t order = 0;  // When it was last defined.
  };
  void map_alias(const std::string& spelling, const std::string& canonical_key);

  std::map<std::string, Alias> aliases_;         // By name_key of the spelling.
  std::map<std::string, Canonical> canonicals_;  // By name_key of the display name.
  std::uint64_t clock_ = 0;
};

/// Built-in publishers, for the `source` field: "BBC", "RFI", "The Telegraph",
/// "The Guardian", "Al Jazeera", "France 24", "Le Monde", "The New York Times",
/// "The Washington Post", "CNN", "Deutsche Welle", each with common spellings and web
/// domains, followed by every wire agency of builtin_agency_aliases() (an agency can be a
/// publisher). Thread-safe.
NameAliases builtin_source_aliases();

/// Built-in wire agencies, for the `agency` field: "AFP", "Reuters", "AP", "dpa", "EFE",
/// "ANSA", "Xinhua", "Kyodo", "PA", "UPI", "Bloomberg", "TASS", "Anadolu", with their full
/// names. Photo libraries (Getty Images, Shutterstock, Alamy, EPA, picture alliance) are not
/// wire agencies and are deliberately absent: "AFP/Getty Images" credits AFP only.
/// Thread-safe.
NameAliases builtin_agency_aliases();

}  // namespace pressclip::schema
