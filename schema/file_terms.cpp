// Id, path and record terms, with long values hashed to fit Xapian's term limit.
#include "schema/file_terms.h"

#include <xxhash.h>

#include "schema/field_table.h"

namespace pressclip::schema {
namespace {

// `prefix` + `value`, or `prefix` + '#' + the value's hash if that is too long for a term.
std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxXapianTermBytes) return term.append(value);
  const XXH128_hash_t hash = XXH3_128bits(value.data(), value.size());
  static constexpr char kHexDigits[] = "0123456789abcdef";
  term += '#';
  for (std::uint64_t half : {hash.high64, hash.low64}) {
    for (int shift = 60; shift >= 0; shift -= 4) term += kHexDigits[(half >> shift) & 0xf];
  }
  return term;
}

}  // namespace

std::string id_term(std::string_view id) { return bounded_term(prefix_of(FieldId::kId), id); }

std::string path_term(std::string_view path) {
  return bounded_term(prefix_of(FieldId::kPath), path);
}

std::string record_term(std::string_view path, std::string_view record) {
  std::string value(path);
  value += '\0';
  value += record;
  return bounded_term(prefix_of(FieldId::kPath), value);
}

std::string file_locator(std::string_view path, std::string_view record) {
  std::string locator(path);
  if (!record.empty()) locator.append(1, '#').append(record);
  return locator;
}

}  // namespace pressclip::schema
