// A one-line progress display for an indexing run, drawn on standard error on a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "pressclip/indexer.h"

namespace pressclip::cli {

/// The progress line for `progress`, `elapsed_seconds` into the run, in at most `columns`
/// characters (all ASCII), e.g. "indexing  1,234/27,729 files  12%  4.1 MiB/s  ETA 0:41".
/// The percentage is of bytes (of files if no byte total is known), rounded down, so 100%
/// means done. The rate is bytes decided per second over the whole run, and the ETA the bytes
/// left at that rate, rounded up to the second; both are left out in the first second, while
/// nothing is done, and the ETA past 99 hours. When `columns` is too narrow, parts are dropped in
/// this order: the rate, the word "files", the label, the ETA, the counts; what is left is cut to
/// `columns`. Thread-safe.
std::string format_progress(const IndexProgress& progress, double elapsed_seconds,
                            std::size_t columns, std::string_view label = "indexing");

/// Draws format_progress() lines in place (each starts with '\r' and blanks what is left of
/// the previous one), at most 10 a second, and clears the line at the end. It draws nothing
/// at all unless enabled (by default: when standard error is a terminal), so a log file or a
/// pipe never sees it. Construct it just before the run: the rate counts from construction.
///
/// Anything else written to the same stream while a line is drawn (a warning, say) must be
/// preceded by clear(). Thread-safety: use one ProgressBar from one thread at a time (the
/// indexer calls on_progress from the thread that runs it).
class ProgressBar {
 public:
  using Clock = std::chrono::steady_clock;

  /// Draws on standard error, fitting its terminal's width, if it is a terminal.
  ProgressBar();
  /// Draws on `out` if `enabled`, in `columns` - 1 characters (0: standard error's terminal
  /// width, or 80), reading the time from `now`. For tests, and for drawing elsewhere.
  ProgressBar(std::ostream& out, bool enabled, std::size_t columns,
              std::function<Clock::time_point()> now = Clock::now);
  /// Calls finish().
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Whether this bar draws anything.
  bool enabled() const noexcept { return enabled_; }

  /// Replaces the word at the start of the line ("indexing"), e.g. by "stopping" once an
  /// interrupt has been asked for; shown from the next update().
  void set_label(std::string label);

  /// Redraws the line for `progress`, unless the last line was drawn less than 100 ms ago
  /// (the line showing every file decided is always drawn). Does nothing after finish().
  void update(const IndexProgress& progress);

  /// Blanks the line and puts the cursor back at its start, so that something else can be
  /// written; the next update() draws again at once.
  void clear();

  /// Clears the line for good: later update()s draw nothing. Idempotent.
  void finish();

 private:
  std::size_t width() const;

  std::ostream& out_;
  bool enabled_;
  std::size_t columns_;
  std::function<Clock::time_point()> now_;
  Clock::time_point started_;
  std::optional<Clock::time_point> last_drawn_;
  std::size_t drawn_width_ = 0;
  std::string label_ = "indexing";
  bool finished_ = false;
};

}  // namespace pressclip::cli
