// Fuzz target: a query through the whole search path (normalisation, parsing, filters,
// matching, passage ranking, highlighting) on a small real index of news articles. The
// first input byte picks options (scope, sort, passages per article, context, facets); the
// rest is the query. Any query must give results or an Error of a query-level kind, and the
// results must be consistent: passages are the article's text, highlights lie inside them.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_checks.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/searcher.h"

namespace {

const char* const kArticles[] = {
    "---\ntitle: Junta closes airspace\nsource: BBC\ndate: 2023-08-06\n---\nThe junta in "
    "Niamey closed Niger's airspace on Sunday. ECOWAS had threatened a military intervention. "
    "Wagner mercenaries are active in neighbouring Mali.\n",
    "---\ntitle: Bazoum held\nsource: RFI\ndate: 2023-07-28\n---\nPresident Mohamed Bazoum is "
    "held by the presidential guard. General Tiani named himself head of state (with AFP).\n",
    "Coup leaders met a delegation from Nigeria. The talks, which lasted hours, ended without "
    "an agreement on the release of the president. Sanctions were tightened - REUTERS\n",
};

pressclip::Searcher* open_searcher() {
  char pattern[] = "/tmp/pressclip-fuzz-search-XXXXXX";
  const std::string directory = mkdtemp(pattern);
  pressclip::IndexerOptions options;
  options.database_path = directory + "/index";
  {
    pressclip::Indexer indexer(options);
    for (const char* article : kArticles) indexer.add_article(article);
    indexer.commit();
  }
  return new pressclip::Searcher(options.database_path);  // Lives as long as the process.
}

void check_results(pressclip::Searcher& searcher, const pressclip::SearchResults& results) {
  for (const pressclip::SearchHit& hit : results.hits) {
    const auto article = searcher.find_article(hit.article.id);
    fuzz_require(article.has_value(), "a hit's article exists");
    fuzz_require(hit.passage.start <= hit.passage.end && hit.passage.end <= article->text.size(),
                 "a passage lies inside its article");
    fuzz_require(article->text.compare(hit.passage.start, hit.passage.end - hit.passage.start,
                                       hit.passage_text) == 0,
                 "a passage's text is its byte range of the article");
    std::size_t previous_end = 0;
    for (const pressclip::Highlight& highlight : hit.highlights) {
      fuzz_require(highlight.start < highlight.end, "a highlight is not empty");
      fuzz_require(highlight.start >= previous_end, "highlights are sorted and disjoint");
      fuzz_require(highlight.end <= hit.passage_text.size(), "a highlight lies in its passage");
      previous_end = highlight.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pressclip::Searcher* searcher = open_searcher();
  if (size == 0) return 0;
  pressclip::SearchOptions options;
  const std::uint8_t choice = data[0];
  options.scope =
      (choice & 1) ? pressclip::SearchScope::kPassage : pressclip::SearchScope::kArticle;
  options.sort =
      (choice & 2) ? pressclip::SortOrder::kDateDescending : pressclip::SortOrder::kRelevance;
  options.per_article = 1 + ((choice >> 2) & 3);
  options.context_sentences = (choice >> 4) & 1;
  options.facets = (choice >> 5) & 1;
  options.explain = (choice >> 6) & 1;
  options.today = "2023-08-13";
  options.query.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    check_results(*searcher, searcher->search(options));
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadQuery, "only kBadQuery is thrown");
  }
  return 0;
}
