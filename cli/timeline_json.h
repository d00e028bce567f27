// A timeline as JSON, for `search --timeline --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "pressclip/timeline.h"

namespace pressclip::cli {

/// `timeline` as {"bucket": "week", "bars": [{"label", "first_day", "last_day", "articles"}],
/// "imprecise": N}, keys in that order, every bar included (empty ones too). An ordered_json,
/// as the JSON printer builds its objects; the caller adds "format_version" when the object
/// is printed on its own. Thread-safe: a pure function.
nlohmann::ordered_json timeline_to_json(const Timeline& timeline);

}  // namespace pressclip::cli
