// Query limits: byte length, UTF-8 validity, terms, phrase length and wildcards.
#include "searcher/query_limits.h"

#include <cstdint>

#include "pressclip/error.h"
#include "pressclip/searcher.h"

namespace pressclip::searcher {
namespace {

// The length of the UTF-8 sequence at `at`, or 0 if it is not a valid one (RFC 3629).
std::size_t sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint8_t low = 0x80, high = 0xBF;  // The range of the second byte.
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // Overlong below U+0800.
    if (lead == 0xED) high = 0x9F;  // Surrogates U+D800..U+DFFF.
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // Overlong below U+10000.
    if (lead == 0xF4) high = 0x8F;  // Past U+10FFFF.
  } else {
    return 0;  // A continuation byte, an overlong lead (C0, C1) or F5..FF.
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  }
  return length;
}

struct QuerySize {
  std::size_t terms = 0;
  std::size_t wildcards = 0;
};

void measure(const Xapian::Query& query, QuerySize& size) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      ++size.terms;
      return;
    case Xapian::Query::OP_WILDCARD:
      ++size.terms;
      ++size.wildcards;
      return;
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
      // Hyphenated words ("anti-french") are phrases too, quoted or not.
      if (query.get_num_subqueries() > kMaxPhraseWords) {
        throw Error(ErrorKind::kBadQuery,
                    "a phrase or NEAR/ADJ group has " + std::to_string(query.get_num_subqueries()) +
                        " words; the limit is " + std::to_string(kMaxPhraseWords) +
                        " (a phrase never spans sentences)");
      }
      break;
    default:
      break;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    measure(query.get_subquery(i), size);
  }
}

}  // namespace

void check_query_text(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    throw Error(ErrorKind::kBadQuery, "the query is " + std::to_string(query.size()) +
                                          " bytes long; the limit is " +
                                          std::to_string(kMaxQueryBytes) + " bytes");
  }
  for (std::size_t at = 0; at < query.size();) {
    const std::size_t length = sequence_length(query, at);
    if (length == 0) {
      throw Error(ErrorKind::kBadQuery, "the query is not valid UTF-8 (at byte " +
                                            std::to_string(at) +
                                            "); check the encoding of the terminal or input");
    }
    at += length;
  }
}

std::string controls_as_spaces(std::string_view query) {
  std::string out(query);
  for (char& c : out) {
    if (static_cast<std::uint8_t>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

void check_query_size(const Xapian::Query& query) {
  QuerySize size;
  measure(query, size);
  if (size.terms > kMaxQueryTerms) {
    throw Error(ErrorKind::kBadQuery,
                "the query has " + std::to_string(size.terms) +
                    " terms (words, words of phrases, wildcards, filter terms); the limit is " +
                    std::to_string(kMaxQueryTerms));
  }
  if (size.wildcards > kMaxWildcards) {
    throw Error(ErrorKind::kBadQuery, "the query has " + std::to_string(size.wildcards) +
                                          " wildcards; the limit is " +
                                          std::to_string(kMaxWildcards));
  }
}

}  // namespace pressclip::searcher
