// Metadata that an article's text states plainly, on a line of its own ("Source: BBC").
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pressclip::indexer {

/// Finds lines of the form "Source: NAME" and "Date: YYYY-MM-DD" (key case-insensitive,
/// alone on its line, value at most 80 bytes). The first line for each key wins. Returns the
/// values by field name ("source", "date"). Running text such as "told AFP" is never read
/// as metadata: only a whole line that is a key and a value counts.
std::map<std::string, std::string> extract_text_metadata(std::string_view text);

}  // namespace pressclip::indexer
