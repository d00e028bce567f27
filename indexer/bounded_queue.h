// A bounded, closable queue handing work from one thread to another.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace pressclip::indexer {

/// A first-in first-out queue of at most `capacity` items between a producer and a
/// consumer. push() waits while it is full; pop() waits while it is empty and returns
/// std::nullopt once it is closed and empty. close() may be called by either side, also to
/// make a waiting push() give up (it then returns false).
///
/// Thread-safety: push, pop and close may be called from different threads.
template <typename Item>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  /// Adds `item`, waiting for room; returns false (dropping it) if the queue was closed.
  bool push(Item item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [this] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// The oldest item, waiting for one; std::nullopt once closed and drained.
  std::optional<Item> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [this] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  /// No more pushes: waiting calls return.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<Item> items_;
  bool closed_ = false;
};

}  // namespace pressclip::indexer
