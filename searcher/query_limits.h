// Limits on what a query may ask: its size and encoding, and the terms it parses into.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace pressclip::searcher {

/// Throws pressclip::Error kBadQuery if `query` is longer than kMaxQueryBytes, or is not
/// valid UTF-8 (naming the byte offset of the first bad sequence; the bytes themselves are
/// not echoed). Overlong forms, surrogates and code points past U+10FFFF are not valid.
void check_query_text(std::string_view query);

/// `query` with every ASCII control character (tab, line break, escape, DEL) made a space:
/// they separate words as spaces do, and so a quoted value can never carry a line break or
/// a terminal escape into a one-line error message that repeats it.
std::string controls_as_spaces(std::string_view query);

/// Throws pressclip::Error kBadQuery if the parsed `query` has more than kMaxQueryTerms
/// terms, a phrase or NEAR/ADJ group of more than kMaxPhraseWords words, or more than
/// kMaxWildcards wildcards (pressclip/searcher.h says what counts as a term).
void check_query_size(const Xapian::Query& query);

}  // namespace pressclip::searcher
