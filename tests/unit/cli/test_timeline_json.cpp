// Unit tests of a timeline's JSON form.
#include "cli/timeline_json.h"

#include <doctest/doctest.h>

using pressclip::Timeline;
using pressclip::TimelineBucket;

TEST_CASE(
    "a timeline's JSON holds the bucket, every bar and the imprecise "
    "count, in order") {
  Timeline timeline;
  timeline.bucket = TimelineBucket::kWeek;
  timeline.bars = {{"2023-W31", "2023-07-31", "2023-08-06", 2},
                   {"2023-W32", "2023-08-07", "2023-08-13", 0}};
  timeline.imprecise = 5;
  const nlohmann::ordered_json json = pressclip::cli::timeline_to_json(timeline);
  CHECK(json.dump() ==
        R"({"bucket":"week","bars":[{"label":"2023-W31","first_day":"2023-07-31",)"
        R"("last_day":"2023-08-06","articles":2},{"label":"2023-W32","first_day":"2023-08-07",)"
        R"("last_day":"2023-08-13","articles":0}],"imprecise":5})");
  CHECK(pressclip::cli::timeline_to_json(Timeline{}).dump() ==
        R"({"bucket":"day","bars":[],"imprecise":0})");
}
