// Unit tests of the indexing progress line: its text, and when it is drawn.
#include "cli/progress_bar.h"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>

using pressclip::IndexProgress;
using pressclip::cli::format_progress;
using pressclip::cli::ProgressBar;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

// 1,234 of 27,729 files, 12.5 MiB of 100 MiB, after 3 seconds: 4.2 MiB/s, 87.5 MiB left.
IndexProgress midway() { return {1234, 27729, 12 * kMiB + kMiB / 2, 100 * kMiB}; }

}  // namespace

TEST_CASE("the full line has counts with thousands separators, percent, rate and ETA") {
  CHECK(format_progress(midway(), 3.0, 200) ==
        "indexing  1,234/27,729 files  12%  4.2 MiB/s  ETA 0:21");
}

TEST_CASE("counts are grouped by thousands at every size") {
  CHECK(format_progress({0, 999, 0, 0}, 0.0, 200) == "indexing  0/999 files  0%");
  CHECK(format_progress({1000, 1000000, 0, 0}, 0.0, 200) == "indexing  1,000/1,000,000 files  0%");
  CHECK(format_progress({5, 12345678901, 0, 0}, 0.0, 200) ==
        "indexing  5/12,345,678,901 files  0%");
}

TEST_CASE("the percentage is of bytes, rounded down, and 100% only when done") {
  CHECK(format_progress({1, 2, 999, 1000}, 0.5, 200) == "indexing  1/2 files  99%");
  CHECK(format_progress({2, 2, 1000, 1000}, 0.5, 200) == "indexing  2/2 files  100%");
  // Without a byte total, files are counted instead; with neither, no percentage.
  CHECK(format_progress({1, 4, 0, 0}, 0.5, 200) == "indexing  1/4 files  25%");
  CHECK(format_progress({0, 0, 0, 0}, 0.5, 200) == "indexing  0/0 files");
}

TEST_CASE("rate and ETA are hidden in the first second and while nothing is done") {
  CHECK(format_progress(midway(), 0.99, 200) == "indexing  1,234/27,729 files  12%");
  CHECK(format_progress({0, 10, 0, 100 * kMiB}, 5.0, 200) == "indexing  0/10 files  0%");
  CHECK(format_progress(midway(), 1.0, 200) ==
        "indexing  1,234/27,729 files  12%  12.5 MiB/s  ETA 0:07");
}

TEST_CASE("the rate is scaled to B, KiB, MiB or GiB per second") {
  CHECK(format_progress({1, 2, 500, 1000}, 1.0, 200) ==
        "indexing  1/2 files  50%  500 B/s  ETA 0:01");
  CHECK(format_progress({1, 2, 3 * 1024, 6 * 1024}, 2.0, 200) ==
        "indexing  1/2 files  50%  1.5 KiB/s  ETA 0:02");
  CHECK(format_progress({1, 2, 3 * 1024 * kMiB, 6 * 1024 * kMiB}, 2.0, 200) ==
        "indexing  1/2 files  50%  1.5 GiB/s  ETA 0:02");
}

TEST_CASE("the ETA is rounded up, shows hours past one hour, and is hidden past 99 hours") {
  // 1 MiB/s with 3,723.75 MiB left.
  CHECK(format_progress({1, 2, 10 * kMiB, 10 * kMiB + 3723 * kMiB + 3 * kMiB / 4}, 10.0, 200) ==
        "indexing  1/2 files  0%  1.0 MiB/s  ETA 1:02:04");
  CHECK(format_progress({1, 2, kMiB, 400000 * kMiB}, 1.0, 200) ==
        "indexing  1/2 files  0%  1.0 MiB/s");
  CHECK(format_progress({1, 2, kMiB, 59 * kMiB + kMiB / 10}, 1.0, 200) ==
        "indexing  1/2 files  1%  1.0 MiB/s  ETA 0:59");
  CHECK(format_progress({1, 2, 10 * kMiB, 11 * kMiB}, 10.0, 200) ==
        "indexing  1/2 files  90%  1.0 MiB/s  ETA 0:01");
  CHECK(format_progress({2, 2, kMiB, kMiB}, 1.0, 200) ==
        "indexing  2/2 files  100%  1.0 MiB/s  ETA 0:00");
}

TEST_CASE("narrow widths drop the rate, 'files', the label, the ETA, then the counts") {
  const IndexProgress progress = midway();
  const std::string full = "indexing  1,234/27,729 files  12%  4.2 MiB/s  ETA 0:21";
  CHECK(format_progress(progress, 3.0, full.size()) == full);
  CHECK(format_progress(progress, 3.0, full.size() - 1) ==
        "indexing  1,234/27,729 files  12%  ETA 0:21");
  CHECK(format_progress(progress, 3.0, 40) == "indexing  1,234/27,729  12%  ETA 0:21");
  CHECK(format_progress(progress, 3.0, 30) == "1,234/27,729  12%  ETA 0:21");
  CHECK(format_progress(progress, 3.0, 20) == "1,234/27,729  12%");
  CHECK(format_progress(progress, 3.0, 10) == "12%");
  CHECK(format_progress(progress, 3.0, 2) == "12");
  CHECK(format_progress(progress, 3.0, 0).empty());
  for (std::size_t columns = 0; columns <= full.size(); ++columns) {
    CHECK(format_progress(progress, 3.0, columns).size() <= columns);
  }
}

TEST_CASE("the label can be replaced") {
  CHECK(format_progress({1, 2, 0, 0}, 0.0, 200, "stopping") == "stopping  1/2 files  50%");
}

TEST_CASE("a disabled bar writes nothing at all") {
  std::ostringstream out;
  {
    ProgressBar bar(out, false, 80);
    CHECK_FALSE(bar.enabled());
    bar.update(midway());
    bar.clear();
    bar.finish();
  }
  CHECK(out.str().empty());
}

TEST_CASE("the bar redraws in place at most every 100 ms and clears its line at the end") {
  using namespace std::chrono_literals;
  ProgressBar::Clock::time_point now{};
  std::ostringstream out;
  ProgressBar bar(out, true, 41, [&now] { return now; });  // 40 characters drawn
  bar.update({1, 10, 1, 100});
  CHECK(out.str() == "\rindexing  1/10 files  1%");
  out.str("");
  now += 99ms;
  bar.update({2, 10, 2, 100});
  CHECK(out.str().empty());
  now += 1ms;
  bar.update({3, 10, 3, 100});
  CHECK(out.str() == "\rindexing  3/10 files  3%");
  out.str("");
  // A shorter line blanks what is left of the longer one.
  bar.set_label("x");
  now += 100ms;
  bar.update({4, 10, 4, 100});
  CHECK(out.str() == "\rx  4/10 files  4%       ");
  out.str("");
  // The line showing every file done is drawn even within 100 ms.
  now += 1ms;
  bar.update({10, 10, 100, 100});
  CHECK(out.str() == "\rx  10/10 files  100%");
  out.str("");
  bar.finish();
  CHECK(out.str() == "\r" + std::string(20, ' ') + "\r");
  out.str("");
  now += 1s;
  bar.update({10, 10, 100, 100});
  bar.finish();
  CHECK(out.str().empty());
}

TEST_CASE("after clear() the next update draws at once") {
  using namespace std::chrono_literals;
  ProgressBar::Clock::time_point now{};
  std::ostringstream out;
  ProgressBar bar(out, true, 81, [&now] { return now; });
  bar.update({1, 10, 1, 100});
  bar.clear();
  CHECK(out.str() == "\rindexing  1/10 files  1%\r" + std::string(24, ' ') + "\r");
  out.str("");
  bar.clear();  // nothing drawn: nothing to blank
  CHECK(out.str().empty());
  now += 10ms;
  bar.update({2, 10, 2, 100});
  CHECK(out.str() == "\rindexing  2/10 files  2%");
}
