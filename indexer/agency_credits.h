// Finding the wire agencies (AFP, Reuters, AP...) that an article's text credits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/name_aliases.h"

namespace pressclip::indexer {

/// A wire agency credited in article text.
struct AgencyCredit {
  std::string agency;     ///< Canonical name ("AFP").
  std::size_t start = 0;  ///< Byte offset of the agency's name as written in the credit.
  std::size_t end = 0;    ///< Byte offset just past it.
};

/// Longest credit expression considered, in bytes: bounds the work on long lines.
inline constexpr std::size_t kMaxCreditBytes = 120;

/// Credits of wire agencies in `text` (UTF-8), in text order; each agency may be credited
/// several times, and "(with AFP and Reuters)" gives two credits. Only the shapes below are
/// credits; a mention in running text ("told AFP", "according to Reuters", "AFP reported",
/// "an AP reporter", "Agence France-Presse (AFP) said") never is.
///
/// Text is read line by line ('\n'; a trailing '\r' and white space ignored). A *credit
/// list* is names separated by '/', ',', '&', "and", "et" or "via"; each name must be a
/// known agency (`agencies`, e.g. builtin_agency_aliases()), optionally followed by
/// "Photo", "Photos", "Video" or "Pictures" ("AP Photo"); a photo library (Getty Images,
/// picture alliance, Shutterstock, Alamy, EPA, SIPA, Pool...); or, where *names* are
/// allowed, a person's name (one to five capitalised words, particles such as "de" or
/// "van" allowed, no digits). At least one name must be an agency. A *dash* is '-' or
/// "--" with white space on both sides, or an en, em or horizontal-bar dash. A *dateline*
/// is at most 60 bytes of capitalised words, digits and commas ("NIAMEY", "PARIS, July 28",
/// "NIAMEY, Niger"). A *sentence end* is '.', '!', '?' or '…', possibly followed by a
/// closing quote. The credits:
///  1. A line that is only a credit list, names allowed ("REUTERS/Mahamadou Hamidou",
///     "AFP"), or "with"/"avec" and a credit list ("With AFP").
///  2. Brackets "( )" or "[ ]" holding "with" or "avec" and a credit list, anywhere:
///     "(with AFP)", "(with AFP and Reuters)", "(avec AFP)"; in this form the other names
///     may be anything ("(with AFP and agencies)") or end with "by"/"from" an agency.
///  3. Brackets holding a photo label (as in rule 7, or "Photo by") and a credit list, or
///     an "<agency> Photo" credit list, anywhere: "(Photo: AFP)", "(AP Photo/Jerome
///     Delay)", "(Photo by Issouf Sanogo/AFP via Getty Images)".
///  4. Brackets holding a credit list of agencies only, at the start of the line or after
///     a dateline, and followed by a dash or the end of the line: "(Reuters) - ...",
///     "NIAMEY (Reuters) - ...", "PARIS, July 28 (AFP) — ...".
///  5. Brackets holding a credit list (names allowed) that end the line (a final '.'
///     allowed) after a sentence end: "... on Thursday. (AFP)".
///  6. A credit list of agencies only at the start of a line, or after a dateline and a
///     dash, followed by a dash: "AFP - ...", "AP - Sam Mednick", "PARIS — AFP — ...".
///  7. A credit list (names allowed) ending the line (a final '.' allowed) after a dash,
///     '|', a label ("Photo:", "Photograph:", "Picture:", "Image:", "Credit:", "Photo
///     credit:", plurals too, "Photo :" too) or a copyright sign ("©", "(c)",
///     "Copyright", with an optional year): "... in Niamey - REUTERS", "... - Sam Mednick/AP",
///     "Photo: AFP", "© AFP 2023", "... - AFP/Getty Images", "Credit: Reuters".
///  8. After a sentence end, a credit list (names allowed) ending the line, or followed
///     by a dash and person names ending the line: "... July 27 2023. AP - Sam Mednick",
///     "... on Thursday. Sam Mednick/AP".
/// A credit list longer than kMaxCreditBytes is not read. Thread-safe if `agencies` is
/// not modified meanwhile.
std::vector<AgencyCredit> find_agency_credits(std::string_view text,
                                              const schema::NameAliases& agencies);

/// The distinct canonical agencies of `credits`, in order of first credit. Thread-safe.
std::vector<std::string> credited_agencies(const std::vector<AgencyCredit>& credits);

}  // namespace pressclip::indexer
