// Formats and draws the progress line of an indexing run.
#include "progress_bar.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <vector>

namespace pressclip::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
// Rates measured over less than this are mostly noise (opening the index, walking).
constexpr double kFirstEstimateSeconds = 1.0;
constexpr double kLongestEtaSeconds = 100.0 * 3600.0 - 1.0;

// "27729" -> "27,729", whatever the locale, so that the line never changes with it.
std::string with_thousands(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string result;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) result += ',';
    result += digits[i];
  }
  return result;
}

std::string format_rate(double bytes_per_second) {
  char buffer[32];
  if (bytes_per_second < 1024.0) {
    std::snprintf(buffer, sizeof buffer, "%.0f B/s", bytes_per_second);
  } else if (bytes_per_second < 1024.0 * 1024.0) {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB/s", bytes_per_second / 1024.0);
  } else if (bytes_per_second < 1024.0 * 1024.0 * 1024.0) {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB/s", bytes_per_second / (1024.0 * 1024.0));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f GiB/s",
                  bytes_per_second / (1024.0 * 1024.0 * 1024.0));
  }
  return buffer;
}

// "0:41", "12:05", "1:02:03", rounded up so that only a finished run shows 0:00 (less a
// hair: a quotient that should be a whole number often comes out just above it).
std::string format_eta(double seconds) {
  const auto total = static_cast<unsigned long>(std::max(0.0, std::ceil(seconds - 1e-6)));
  char buffer[32];
  if (total < 3600) {
    std::snprintf(buffer, sizeof buffer, "ETA %lu:%02lu", total / 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "ETA %lu:%02lu:%02lu", total / 3600, total / 60 % 60,
                  total % 60);
  }
  return buffer;
}

// Rounded down: 100% only once everything is done.
std::optional<unsigned> percent_done(const IndexProgress& progress) {
  std::uint64_t done = progress.bytes_done;
  std::uint64_t total = progress.bytes_total;
  if (total == 0) {
    done = progress.files_done;
    total = progress.files_total;
  }
  if (total == 0) return std::nullopt;
  if (done >= total) return 100;
  return static_cast<unsigned>(static_cast<double>(done) * 100.0 / static_cast<double>(total));
}

std::string join(const std::vector<std::string>& parts) {
  std::string line;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!line.empty()) line += "  ";
    line += part;
  }
  return line;
}

}  // namespace

std::string format_progress(const IndexProgress& progress, double elapsed_seconds,
                            std::size_t columns, std::string_view label) {
  const std::string counts =
      with_thousands(progress.files_done) + "/" + with_thousands(progress.files_total);
  const std::optional<unsigned> percent = percent_done(progress);
  const std::string percent_text = percent ? std::to_string(*percent) + "%" : "";

  std::string rate_text;
  std::string eta_text;
  if (elapsed_seconds >= kFirstEstimateSeconds && progress.bytes_done > 0) {
    const double rate = static_cast<double>(progress.bytes_done) / elapsed_seconds;
    rate_text = format_rate(rate);
    if (progress.bytes_total > 0) {
      const double left = progress.bytes_done >= progress.bytes_total
                              ? 0.0
                              : static_cast<double>(progress.bytes_total - progress.bytes_done);
      const double eta = left / rate;
      if (eta <= kLongestEtaSeconds) eta_text = format_eta(eta);
    }
  }

  const std::string name(label);
  // From the most to the least informative; the first that fits is drawn.
  const std::vector<std::string> layouts = {
      join({name, counts + " files", percent_text, rate_text, eta_text}),
      join({name, counts + " files", percent_text, eta_text}),
      join({name, counts, percent_text, eta_text}),
      join({counts, percent_text, eta_text}),
      join({counts, percent_text}),
      percent ? percent_text : counts,
  };
  for (const std::string& layout : layouts) {
    if (layout.size() <= columns) return layout;
  }
  return layouts.back().substr(0, columns);
}

ProgressBar::ProgressBar() : ProgressBar(std::cerr, ::isatty(STDERR_FILENO) == 1, 0) {}

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::size_t columns,
                         std::function<Clock::time_point()> now)
    : out_(out), enabled_(enabled), columns_(columns), now_(std::move(now)), started_(now_()) {}

ProgressBar::~ProgressBar() {
  try {
    finish();
  } catch (...) {
    // A stream set to throw must not end the program from a destructor.
  }
}

void ProgressBar::set_label(std::string label) { label_ = std::move(label); }

void ProgressBar::update(const IndexProgress& progress) {
  if (!enabled_ || finished_) return;
  const Clock::time_point now = now_();
  const bool complete = progress.files_total > 0 && progress.files_done >= progress.files_total;
  if (last_drawn_ && now - *last_drawn_ < kRedrawInterval && !complete) return;
  last_drawn_ = now;

  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const std::size_t columns = width();
  const std::string line = format_progress(progress, elapsed, columns, label_);
  // Blank what the previous, longer line leaves, but never past the terminal's edge.
  const std::size_t blank = std::min(drawn_width_, columns);
  std::string text = "\r" + line;
  if (blank > line.size()) text.append(blank - line.size(), ' ');
  out_ << text << std::flush;
  drawn_width_ = line.size();
}

void ProgressBar::clear() {
  if (!enabled_) return;
  if (drawn_width_ > 0) {
    out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
    drawn_width_ = 0;
  }
  last_drawn_.reset();
}

void ProgressBar::finish() {
  clear();
  finished_ = true;
}

std::size_t ProgressBar::width() const {
  std::size_t columns = columns_;
  if (columns == 0) {
    winsize size{};
    columns = ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
  }
  // Writing the last column makes some terminals wrap at once, and '\r' would then go back
  // to the start of the next line.
  return columns > 1 ? columns - 1 : 0;
}

}  // namespace pressclip::cli
