// A search's hard deadline: a clock checked cheaply in every loop a search runs, and a
// posting source that makes Xapian's matcher check it too.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <exception>
#include <string>

namespace pressclip::searcher {

/// Thrown by SearchDeadline once its deadline has passed. Private to the searcher: the
/// Searcher turns it into pressclip::Error kTimeout. It is not a Xapian::Error nor a
/// pressclip::Error, so that no handler on the way mistakes it for a failure of its own.
class DeadlineExpired : public std::exception {
 public:
  const char* what() const noexcept override { return "the search deadline has passed"; }
};

/// The moment by which a search must be done. Checking reads the steady clock; tick(),
/// meant for loops, reads it only every kTicksPerClockRead calls.
///
/// Thread-safety: not thread-safe; one per search.
class SearchDeadline {
 public:
  /// A clock read costs some 20 ns; one per 16 iterations of even the cheapest loop (a
  /// candidate article in Xapian's matcher) adds under 2 ns each, while iterations that
  /// take milliseconds (scoring a long article) are still seen every few of them.
  static constexpr std::uint32_t kTicksPerClockRead = 16;

  /// No deadline: check() and tick() never throw.
  SearchDeadline() = default;

  /// A deadline `timeout` from now; none if `timeout` is 0 or less, or too far away for the
  /// clock to represent.
  explicit SearchDeadline(std::chrono::milliseconds timeout);

  /// Throws DeadlineExpired if the deadline has passed.
  void check() const;

  /// As check(), but reads the clock only every kTicksPerClockRead calls.
  void tick() {
    if (bounded_ && ++ticks_ % kTicksPerClockRead == 0) check();
  }

  /// Whether there is a deadline at all.
  bool bounded() const { return bounded_; }

 private:
  bool bounded_ = false;
  std::chrono::steady_clock::time_point end_{};
  std::uint32_t ticks_ = 0;
};

/// `query` filtered (OP_FILTER) by a posting source that matches every article and ticks
/// `deadline` each time Xapian checks an article against it: every candidate of the query,
/// including the candidates that a phrase or NEAR check then rejects inside Xapian. (A
/// phrase under an OR checks its own candidates unseen, up to its next match, each check
/// kept short by kMaxPhraseWords.) A Xapian::MatchDecider would not do: Xapian calls it
/// only for articles that passed every check, so a long phrase that matches nothing never
/// reaches it (measured: 0 calls in 1.5 s of phrase checking, where this source was called
/// for each of the 106 candidates).
/// Filtering adds no weight and changes no match, order, count or estimate. `deadline`
/// must outlive every search run with the returned query. With no deadline: `query`.
Xapian::Query with_deadline(const Xapian::Query& query, SearchDeadline& deadline);

/// The one-line message of a search stopped by its deadline: "search timed out after 2.5
/// s; narrow the query or raise --timeout".
std::string timeout_message(std::chrono::milliseconds timeout);

}  // namespace pressclip::searcher
