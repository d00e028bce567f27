// The search deadline, the posting source that checks it inside Xapian's matcher, and the
// conversion of a timeout in seconds.
#include "searcher/search_deadline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pressclip/searcher.h"

namespace pressclip {

std::chrono::milliseconds timeout_from_seconds(double seconds) noexcept {
  constexpr double kYear = 365.0 * 24 * 3600;
  if (std::isnan(seconds) || seconds < 0) return std::chrono::milliseconds(-1);
  return std::chrono::milliseconds(
      static_cast<std::int64_t>(std::ceil(std::min(seconds, kYear) * 1000.0)));
}

namespace searcher {
namespace {

// Matches every article of the database, in docid order, ticking the deadline at each step
// (Xapian checks each candidate of an AND against it with skip_to or check).
class DeadlineSource : public Xapian::PostingSource {
 public:
  explicit DeadlineSource(SearchDeadline& deadline) : deadline_(deadline) {}

  void init(const Xapian::Database& database) override {
    articles_ = database.get_doccount();
    position_ = database.postlist_begin(std::string());
    end_ = database.postlist_end(std::string());
    started_ = false;
  }
  Xapian::doccount get_termfreq_min() const override { return articles_; }
  Xapian::doccount get_termfreq_est() const override { return articles_; }
  Xapian::doccount get_termfreq_max() const override { return articles_; }

  void next(double) override {
    deadline_.tick();
    if (started_) ++position_;
    started_ = true;
  }
  void skip_to(Xapian::docid document, double) override {
    deadline_.tick();
    started_ = true;
    position_.skip_to(document);
  }
  bool at_end() const override { return started_ && position_ == end_; }
  Xapian::docid get_docid() const override { return *position_; }

  // Xapian runs a copy of each posting source of a query; copies share the deadline.
  DeadlineSource* clone() const override { return new DeadlineSource(deadline_); }
  std::string get_description() const override { return "DeadlineSource()"; }

 private:
  SearchDeadline& deadline_;
  Xapian::doccount articles_ = 0;
  Xapian::PostingIterator position_;
  Xapian::PostingIterator end_;
  bool started_ = false;
};

}  // namespace

SearchDeadline::SearchDeadline(std::chrono::milliseconds timeout) {
  const auto now = std::chrono::steady_clock::now();
  if (timeout.count() <= 0 || timeout >= std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::steady_clock::time_point::max() - now)) {
    return;
  }
  bounded_ = true;
  end_ = now + timeout;
}

void SearchDeadline::check() const {
  if (bounded_ && std::chrono::steady_clock::now() >= end_) throw DeadlineExpired();
}

Xapian::Query with_deadline(const Xapian::Query& query, SearchDeadline& deadline) {
  if (!deadline.bounded()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query((new DeadlineSource(deadline))->release()));
}

std::string timeout_message(std::chrono::milliseconds timeout) {
  // Seconds with up to three decimals, trailing zeros dropped: "10", "2.5", "0.001".
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", static_cast<double>(timeout.count()) / 1000.0);
  std::string text = seconds;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return "search timed out after " + text + " s; narrow the query or raise --timeout";
}

}  // namespace searcher
}  // namespace pressclip
