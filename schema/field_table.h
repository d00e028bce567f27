// The one table of fields: term prefixes and value slots used by indexer and query parser.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pressclip::schema {

/// Every field pressclip stores. The enumerator is the index into kFields.
enum class FieldId : std::uint8_t {
  kBody,           ///< The article text: unprefixed words, with positions.
  kTitle,          ///< Title words, for `title:` searches.
  kId,             ///< The unique article id (Omega's Q prefix).
  kSource,         ///< Normalised source name, for `source:` filters.
  kLanguage,       ///< Language code, for `language:` filters.
  kDate,           ///< Publication date as first and last day of its period, for `date:`.
  kPassageCount,   ///< Number of passages of the article (kept for index statistics).
  kPassageLayout,  ///< Where passages lie in term positions (schema/passage_layout.h).
  kAgency,         ///< Wire agencies credited, for `agency:` filters and facets.
  kDateYear,       ///< Year of the date ("Y2023"), for fast `date:` filters (Omega's Y).
  kDateMonth,      ///< Month of the date ("M202307") when known (Omega's M).
  kDateDay,        ///< Day of the date ("D20230726") when known (Omega's D).
  kInferredDate,   ///< Present (the bare prefix as a term) when the date was inferred from text.
  kPath,           ///< Each file the article was read from, for change detection and `show`.
  kContentHash,    ///< Hash of the file's bytes: the same text under another path is one article.
  kFileState,      ///< Id, hash and file stamps (schema/file_state.h).
  kDatePeriod,     ///< The date's period as one value, for facets counted by Xapian.
  kArticleOrder,   ///< The article id as a value: the order of articles of equal score.
  kDateOrder,      ///< The first day of the date, or "~" if undated: oldest first, undated last.
};

/// What a field supports. Flags combine with |.
enum FieldFlags : unsigned {
  kFreeText = 1u << 0,       ///< Words are analysed, stemmed, weighted (`title:coup`).
  kBooleanFilter = 1u << 1,  ///< Exact values that filter without weighting (`source:BBC`).
  kRangeFilter = 1u << 2,    ///< Filtered by value ranges (`date:A..B`).
  kSortable = 1u << 3,       ///< Has a value slot that results can be sorted by.
  kPositions = 1u << 4,      ///< Word positions are stored (phrases, NEAR).
};

/// No value slot.
inline constexpr unsigned kNoSlot = 0xffffffffu;

/// One row of the schema table.
struct Field {
  FieldId id;
  std::string_view query_name;  ///< Name used in queries (`source:`), empty if none.
  std::string_view prefix;      ///< Xapian term prefix; empty for the body's bare words.
  unsigned slot = kNoSlot;      ///< Value slot, or kNoSlot.
  unsigned second_slot = kNoSlot;
  unsigned flags = 0;
};

/// Prefix put before a stemmed term (Xapian's QueryParser convention, Omega's "Z").
inline constexpr std::string_view kStemPrefix = "Z";

// Value slots. Date keys are "YYYYMMDD" strings: the first and the last day of the period
// the stored date stands for, so that a partial date ("2023-08") filters and sorts sensibly.
inline constexpr unsigned kDateFirstDaySlot = 0;
inline constexpr unsigned kDateLastDaySlot = 1;
inline constexpr unsigned kSourceSlot = 2;
inline constexpr unsigned kPassageCountSlot = 3;
inline constexpr unsigned kPassageLayoutSlot = 4;
/// The canonical names of the agencies credited, joined by kAgencySeparator (for facets).
inline constexpr unsigned kAgencySlot = 5;
inline constexpr char kAgencySeparator = '\n';
/// "1" when the date was inferred from the text (read by facets without the term list).
inline constexpr unsigned kInferredDateSlot = 6;
/// The article's FileState (schema/file_state.h): what change detection reads.
inline constexpr unsigned kFileStateSlot = 7;
/// The first and last day keys of the date's period joined ("2023070120230731"), so that
/// Xapian's own ValueCountMatchSpy counts articles by period: it runs on remote shards too,
/// where a match spy of ours cannot (xapian-tcpsrv knows only Xapian's classes).
inline constexpr unsigned kDatePeriodSlot = 8;
/// The article id, so that articles of equal score come in the same order however the
/// index is split into shards (Xapian would order them by document number).
inline constexpr unsigned kArticleOrderSlot = 9;
/// The first day key of the date, or "~" (after every digit) for an undated article, so that
/// sorting oldest first by value puts undated articles last, as newest first does with an
/// empty value. Remote shards sort by value only (Xapian 1.4 sends no key maker to them).
inline constexpr unsigned kDateOrderSlot = 10;
/// kDateOrderSlot's value for an undated article.
inline constexpr std::string_view kUndatedOrder = "~";

inline constexpr std::array<Field, 19> kFields = {{
    {FieldId::kBody, "", "", kNoSlot, kNoSlot, kFreeText | kPositions},
    {FieldId::kTitle, "title", "S", kNoSlot, kNoSlot, kFreeText | kPositions},
    {FieldId::kId, "id", "Q", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kSource, "source", "XSOURCE", kSourceSlot, kNoSlot, kBooleanFilter | kSortable},
    {FieldId::kLanguage, "language", "L", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kDate, "date", "", kDateFirstDaySlot, kDateLastDaySlot, kRangeFilter | kSortable},
    {FieldId::kPassageCount, "", "", kPassageCountSlot, kNoSlot, 0},
    {FieldId::kPassageLayout, "", "", kPassageLayoutSlot, kNoSlot, 0},
    {FieldId::kAgency, "agency", "XAGENCY", kAgencySlot, kNoSlot, kBooleanFilter},
    {FieldId::kDateYear, "", "Y", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kDateMonth, "", "M", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kDateDay, "", "D", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kInferredDate, "", "XINFERREDDATE", kInferredDateSlot, kNoSlot, kBooleanFilter},
    {FieldId::kPath, "", "XPATH", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kContentHash, "", "XHASH", kNoSlot, kNoSlot, kBooleanFilter},
    {FieldId::kFileState, "", "", kFileStateSlot, kNoSlot, 0},
    {FieldId::kDatePeriod, "", "", kDatePeriodSlot, kNoSlot, 0},
    {FieldId::kArticleOrder, "", "", kArticleOrderSlot, kNoSlot, kSortable},
    {FieldId::kDateOrder, "", "", kDateOrderSlot, kNoSlot, kSortable},
}};

/// The row for `id`.
constexpr const Field& field(FieldId id) { return kFields[static_cast<std::size_t>(id)]; }

/// The prefix of `id`'s terms, as a std::string_view (never a literal elsewhere).
constexpr std::string_view prefix_of(FieldId id) { return field(id).prefix; }

/// Checks at startup that the table is consistent (each row at its enum index, no prefix
/// that is a prefix of another's, no slot used twice). Returns false if it is not.
bool field_table_is_consistent();

}  // namespace pressclip::schema
