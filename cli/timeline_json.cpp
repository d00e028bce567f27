// A timeline as a JSON object (docs/output-format.md).
#include "timeline_json.h"

namespace pressclip::cli {

nlohmann::ordered_json timeline_to_json(const Timeline& timeline) {
  nlohmann::ordered_json bars = nlohmann::ordered_json::array();
  for (const TimelineBar& bar : timeline.bars) {
    bars.push_back({{"label", bar.label},
                    {"first_day", bar.first_day},
                    {"last_day", bar.last_day},
                    {"articles", bar.articles}});
  }
  return {{"bucket", to_string(timeline.bucket)},
          {"bars", std::move(bars)},
          {"imprecise", timeline.imprecise}};
}

}  // namespace pressclip::cli
