// The passage building rule.
#include "indexer/passage_builder.h"

namespace pressclip::indexer {

std::vector<PassageSpan> build_passages(const std::vector<schema::TextSpan>& sentences) {
  std::vector<PassageSpan> passages;
  for (std::size_t next = 0; next < sentences.size();) {
    PassageSpan passage{passages.size(), sentences[next].start, sentences[next].end};
    std::size_t taken = 1;
    ++next;
    while (next < sentences.size() && taken < kMaxSentencesPerPassage &&
           passage.end - passage.start < kPassageTargetBytes &&
           sentences[next].end - passage.start <= kPassageMaxBytes) {
      passage.end = sentences[next].end;
      ++taken;
      ++next;
    }
    passages.push_back(passage);
  }
  return passages;
}

}  // namespace pressclip::indexer
