// Consistency check of the schema table.
#include "schema/field_table.h"

#include <set>

namespace pressclip::schema {

bool field_table_is_consistent() {
  std::set<unsigned> slots;
  for (std::size_t i = 0; i < kFields.size(); ++i) {
    const Field& row = kFields[i];
    if (static_cast<std::size_t>(row.id) != i) return false;
    for (unsigned slot : {row.slot, row.second_slot}) {
      if (slot != kNoSlot && !slots.insert(slot).second) return false;
    }
    if (row.prefix.empty()) continue;
    // Omega's convention: prefixes are capitals, and a longer prefix starts with 'X' so
    // that no prefix begins another (the stem prefix "Z" included).
    if (row.prefix.size() > 1 && row.prefix.front() != 'X') return false;
    if (row.prefix == kStemPrefix) return false;
    for (const Field& other : kFields) {
      if (&other == &row || other.prefix.empty()) continue;
      if (other.prefix.size() > row.prefix.size() && other.prefix.starts_with(row.prefix)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace pressclip::schema
