// A timeline drawn as a histogram of Unicode block characters, one line per bar.
#pragma once

#include <cstddef>
#include <string>

#include "pressclip/timeline.h"

namespace pressclip::cli {

/// Terminal columns assumed for a timeline when the terminal's width is unknown.
inline constexpr std::size_t kDefaultTimelineWidth = 80;

/// Draws `timeline` for a terminal `width` columns wide: one line per bar, in order, holding
/// the label, the article count right-aligned, and a bar of block characters (█ and the
/// eighths ▏▎▍▌▋▊▉) as long as the columns left allow for the largest count and scaled to
/// it, rounded to the nearest eighth; a non-zero count gets at least one eighth, a zero
/// count no block at all. Every empty period keeps its line, so that a gap in the news shows
/// as long as it lasted. When `timeline.imprecise` > 0, a last line says how many articles
/// are not shown ("3 articles dated less precisely than a week are not shown").
///
/// The bars get at least one column, so lines are wider than `width` when it is smaller than
/// label and count need. Blocks are counted one column each (they are East Asian
/// "ambiguous" width: a terminal set to draw those wide draws longer lines). ANSI escapes
/// (the bars in cyan, the note dimmed) only when `colour`; no other escapes ever.
/// Returns "" for a timeline without bars. Thread-safe: a pure function.
std::string render_timeline(const Timeline& timeline, std::size_t width, bool colour);

}  // namespace pressclip::cli
