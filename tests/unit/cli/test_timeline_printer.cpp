// Unit tests of drawing a timeline as lines of block characters.
#include "cli/timeline_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using pressclip::Timeline;
using pressclip::TimelineBucket;
using pressclip::cli::render_timeline;

namespace {

Timeline days(const std::vector<std::size_t>& counts) {
  Timeline timeline;
  timeline.bucket = TimelineBucket::kDay;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const std::string day = "2023-07-" + std::to_string(10 + i);
    timeline.bars.push_back({day, day, day, counts[i]});
  }
  return timeline;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

}  // namespace

TEST_CASE("bars are scaled to the largest count, which fills the columns left") {
  // label 10 + space + count 1 + space leaves 10 columns of a 23-column
  // terminal.
  const std::vector<std::string> drawn = lines(render_timeline(days({8, 4, 1, 0}), 23, false));
  REQUIRE(drawn.size() == 4);
  CHECK(drawn[0] == "2023-07-10 8 ██████████");
  CHECK(drawn[1] == "2023-07-11 4 █████");
  CHECK(drawn[2] == "2023-07-12 1 █▎");  // 10 eighths
  CHECK(drawn[3] == "2023-07-13 0");
}

TEST_CASE("bars are drawn to the eighth of a column") {
  const std::vector<std::string> drawn =
      lines(render_timeline(days({1, 2, 3, 4, 5, 6, 7, 8}), 13, false));
  REQUIRE(drawn.size() == 8);
  const std::vector<std::string> blocks = {"▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(drawn[i] ==
          "2023-07-" + std::to_string(10 + i) + ' ' + std::to_string(i + 1) + ' ' + blocks[i]);
  }
}

TEST_CASE("bar lengths are rounded to the nearest eighth") {
  // One column: 1 of 3 is 2.67 eighths, 2 of 3 is 5.33.
  const std::vector<std::string> drawn = lines(render_timeline(days({1, 2, 3}), 13, false));
  REQUIRE(drawn.size() == 3);
  CHECK(drawn[0] == "2023-07-10 1 ▍");
  CHECK(drawn[1] == "2023-07-11 2 ▋");
  CHECK(drawn[2] == "2023-07-12 3 █");
}

TEST_CASE("a non-zero count gets at least an eighth, a zero count none") {
  // 1 of 10000 over 63 columns is 0.05 of an eighth.
  const std::vector<std::string> drawn = lines(render_timeline(days({10000, 1, 0}), 80, false));
  REQUIRE(drawn.size() == 3);
  CHECK(drawn[1] == "2023-07-11     1 ▏");
  CHECK(drawn[2] == "2023-07-12     0");
}

TEST_CASE("counts are right-aligned and the bars start in one column") {
  const std::vector<std::string> drawn = lines(render_timeline(days({12, 3}), 24, false));
  REQUIRE(drawn.size() == 2);
  CHECK(drawn[0] == "2023-07-10 12 ██████████");
  CHECK(drawn[1] == "2023-07-11  3 ██▌");
}

TEST_CASE("a terminal too narrow still gets a one-column bar") {
  CHECK(render_timeline(days({5, 0}), 4, false) == "2023-07-10 5 █\n2023-07-11 0\n");
}

TEST_CASE("colour only when asked: the bar in cyan, the note dimmed") {
  Timeline timeline = days({2, 0});
  timeline.imprecise = 1;
  const std::string plain = render_timeline(timeline, 40, false);
  CHECK(plain.find('\x1b') == std::string::npos);
  const std::string coloured = render_timeline(timeline, 40, true);
  CHECK(coloured.find("\x1b[36m█") != std::string::npos);
  CHECK(coloured.find("\x1b[2m1 article") != std::string::npos);
  CHECK(lines(coloured)[1] == "2023-07-11 0");
}

TEST_CASE(
    "articles outside every bar are reported on a last line, singular or "
    "plural") {
  Timeline timeline = days({1});
  timeline.bucket = TimelineBucket::kWeek;
  timeline.imprecise = 1;
  CHECK(lines(render_timeline(timeline, 80, false)).back() ==
        "1 article dated less precisely than a week is not shown");
  timeline.imprecise = 3;
  CHECK(lines(render_timeline(timeline, 80, false)).back() ==
        "3 articles dated less precisely than a week are not shown");
  timeline.imprecise = 0;
  CHECK(lines(render_timeline(timeline, 80, false)).size() == 1);
}

TEST_CASE("a timeline without bars draws nothing") {
  CHECK(render_timeline(Timeline{}, 80, true).empty());
}
