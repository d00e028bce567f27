// The BM25 weighting of passages, shared by the position-based and text-based scorers.
#pragma once

#include <cmath>

namespace pressclip::searcher {

/// Term-frequency saturation and length normalisation for passages.
inline constexpr double kPassageK1 = 1.2;
inline constexpr double kPassageB = 0.75;

/// The BM25 inverse document frequency of a term in `documents_with_term` of `documents`.
inline double bm25_idf(double documents, double documents_with_term) {
  return std::log(1.0 + (documents - documents_with_term + 0.5) / (documents_with_term + 0.5));
}

/// One unit's contribution to a passage of `length` words in which it occurs `tf` times.
inline double passage_bm25(double idf, double tf, double length, double average_length) {
  if (tf <= 0) return 0.0;
  const double normaliser = kPassageK1 * (1.0 - kPassageB + kPassageB * length / average_length);
  return idf * tf * (kPassageK1 + 1.0) / (tf + normaliser);
}

}  // namespace pressclip::searcher
