// Drawing a timeline as lines of label, count and a bar of eighth-block characters.
#include "timeline_printer.h"

#include <algorithm>

namespace pressclip::cli {
namespace {

constexpr const char* kBarColour = "\x1b[36m";
constexpr const char* kNoteColour = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kFullBlock = "█";
// A block of 1 to 7 eighths of a column, at index eighths - 1.
constexpr const char* kPartialBlocks[] = {"▏", "▎", "▍", "▌", "▋", "▊", "▉"};

// `count` out of `largest` as eighths of `columns` columns, rounded to the nearest eighth,
// at least one eighth when count > 0.
std::size_t bar_eighths(std::size_t count, std::size_t largest, std::size_t columns) {
  if (count == 0 || largest == 0) return 0;
  const unsigned long long scaled =
      (static_cast<unsigned long long>(count) * columns * 8 + largest / 2) / largest;
  return std::max<std::size_t>(static_cast<std::size_t>(scaled), 1);
}

std::string blocks(std::size_t eighths) {
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) bar += kFullBlock;
  if (eighths % 8 != 0) bar += kPartialBlocks[eighths % 8 - 1];
  return bar;
}

std::string pad_left(const std::string& text, std::size_t width) {
  return std::string(width - std::min(width, text.size()), ' ') + text;
}

std::string pad_right(const std::string& text, std::size_t width) {
  return text + std::string(width - std::min(width, text.size()), ' ');
}

}  // namespace

std::string render_timeline(const Timeline& timeline, std::size_t width, bool colour) {
  std::string out;
  if (timeline.bars.empty()) return out;
  std::size_t label_width = 0;
  std::size_t largest = 0;
  for (const TimelineBar& bar : timeline.bars) {
    label_width = std::max(label_width, bar.label.size());
    largest = std::max(largest, bar.articles);
  }
  const std::size_t count_width = std::to_string(largest).size();
  // label, space, count, space, bar.
  const std::size_t used = label_width + 1 + count_width + 1;
  const std::size_t columns = width > used ? width - used : 1;
  for (const TimelineBar& bar : timeline.bars) {
    out += pad_right(bar.label, label_width) + ' ' +
           pad_left(std::to_string(bar.articles), count_width);
    const std::size_t eighths = bar_eighths(bar.articles, largest, columns);
    if (eighths > 0) {
      out += ' ';
      if (colour) out += kBarColour;
      out += blocks(eighths);
      if (colour) out += kReset;
    }
    out += '\n';
  }
  if (timeline.imprecise > 0) {
    if (colour) out += kNoteColour;
    out += std::to_string(timeline.imprecise) +
           (timeline.imprecise == 1 ? " article" : " articles") + " dated less precisely than a " +
           to_string(timeline.bucket) + (timeline.imprecise == 1 ? " is" : " are") + " not shown";
    if (colour) out += kReset;
    out += '\n';
  }
  return out;
}

}  // namespace pressclip::cli
