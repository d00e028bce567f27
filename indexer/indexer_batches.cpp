// Indexer batches: each one Xapian transaction, committed whole, at a pace readers can follow.
#include "indexer/indexer_impl.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>

#include "indexer/article_writer.h"
#include "pressclip/indexer.h"
#include "schema/index_settings.h"

namespace pressclip {
namespace {

// Commits of a long run are at least this far apart (see batch_is_due), and hold at most
// this many batches.
constexpr std::chrono::milliseconds kLeastCommitInterval{250};
constexpr std::size_t kMostBatchesPerCommit = 8;

}  // namespace

void Indexer::Impl::begin_batch() {
  // A transaction keeps Xapian from flushing part of a batch on its own: each batch, and
  // the passage counter with it, is committed whole or not at all.
  shards_->begin();
  in_batch_ = true;
  batch_articles_ = 0;
  batch_bytes_ = 0;
}

// A batch is committed when it is full (articles or bytes), but not sooner than
// kLeastCommitInterval after the last commit unless it has grown to kMostBatchesPerCommit
// batches: Xapian keeps a reader's revision only until the writer's second commit after
// it, so very frequent commits would make long searches retry without end. Commits hold
// whole batches.
bool Indexer::Impl::batch_is_due(std::size_t articles) const {
  const std::size_t full = std::max<std::size_t>(options_.batch_articles, 1);
  const bool at_boundary = articles % full == 0 || batch_bytes_ >= options_.batch_bytes;
  if (!at_boundary) return false;
  const bool recent = std::chrono::steady_clock::now() - last_commit_ < kLeastCommitInterval;
  return !recent || articles >= kMostBatchesPerCommit * full ||
         batch_bytes_ >= kMostBatchesPerCommit * options_.batch_bytes;
}

void Indexer::Impl::commit_batch(IndexReport& report) {
  shards_->commit();
  in_batch_ = false;
  last_commit_ = std::chrono::steady_clock::now();
  ++report.batches_committed;
}

void Indexer::Impl::cancel_batch() {
  in_batch_ = false;
  shards_->cancel();  // Never throws: the original failure is what matters.
}

}  // namespace pressclip
