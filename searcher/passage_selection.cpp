// Choosing an article's competing passages.
#include "searcher/passage_selection.h"

#include <algorithm>

namespace pressclip::searcher {

std::vector<PassageScore> select_passages(std::vector<PassageScore> scores,
                                          std::size_t per_article) {
  std::erase_if(scores, [](const PassageScore& passage) { return !passage.eligible; });
  std::stable_sort(scores.begin(), scores.end(),
                   [](const PassageScore& a, const PassageScore& b) { return a.score > b.score; });
  const bool any_match = std::any_of(scores.begin(), scores.end(),
                                     [](const PassageScore& passage) { return passage.matched; });
  if (any_match) {
    std::erase_if(scores, [](const PassageScore& passage) { return !passage.matched; });
  }
  const std::size_t keep = any_match ? per_article : 1;
  if (scores.size() > keep) scores.resize(keep);
  return scores;
}

}  // namespace pressclip::searcher
