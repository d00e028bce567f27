// Full dates written in article text, and the publication date they suggest for an undated one.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "schema/partial_date.h"

namespace pressclip::indexer {

/// A full date (day, month and year) found in article text.
struct DateMention {
  schema::PartialDate date;  ///< Always at day precision.
  std::size_t start = 0;     ///< Byte offset of the mention in the text.
  std::size_t end = 0;       ///< Byte offset just past the mention.
};

/// Every full date written in `text`, in text order: "July 27, 2023", "July 27 2023",
/// "Thursday July 27 2023", "27 July 2023", "Jul. 27, 2023", "Sept. 10, 2023", "July 27th,
/// 2023" and ISO "2023-07-27". English month names, full or abbreviated, capitalised or in
/// capitals ("JULY"; lower-case "may" is a verb); spaces may be no-break spaces. A weekday in
/// front is part of the mention only if it is the right one. Dates missing a year ("26 July",
/// "Thursday") and impossible dates (February 30) are not returned. Word boundaries are
/// respected ("2023-07-27" inside "x2023-07-271" is not a date).
std::vector<DateMention> find_full_dates(std::string_view text);

/// The publication date inferred for an undated article, and where it was found.
struct InferredDate {
  schema::PartialDate date;    ///< At day precision.
  bool from_dateline = false;  ///< True if read from a dateline, false if the latest date.
  std::size_t start = 0;       ///< Byte offset of the mention it came from.
};

/// The date an undated article was most likely published, inferred from its text: a
/// dateline first (a full date in the first non-blank line if that line is at most 200
/// bytes long, or a full date starting in the first 200 bytes that is followed on its line,
/// within a few words, by a dash or an "(AFP)"-style credit, e.g. "NIAMEY, July 27, 2023
/// (Reuters) - ..."), else the latest full date mentioned anywhere (its first mention).
/// std::nullopt if the text has no full date.
std::optional<InferredDate> infer_publication_date(std::string_view text);

}  // namespace pressclip::indexer
