// Embedding pressclip from C++: bring an index up to date with a directory of articles, add
// one article from memory, then print the best passages for a query with the matches marked.
//
// Usage: search_news INDEX_DIR ARTICLES_DIR QUERY
#include <pressclip/error.h>
#include <pressclip/indexer.h>
#include <pressclip/searcher.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: search_news INDEX_DIR ARTICLES_DIR QUERY\n";
    return 2;
  }
  try {
    {
      pressclip::IndexerOptions options;
      options.database_path = argv[1];
      pressclip::Indexer indexer(options);  // Holds the write lock until destroyed.
      const pressclip::IndexReport report = indexer.index_paths({argv[2]});
      std::cout << report.articles_added << " added, " << report.files_unchanged << " unchanged, "
                << report.files_skipped << " skipped\n";

      pressclip::ArticleFields wire;  // An article that exists only in memory.
      wire.id = "example-wire-1";
      wire.source = "Reuters";
      wire.date = "2023-08-10";
      wire.text = "ECOWAS leaders ordered the activation of a standby force for Niger.";
      indexer.add_article(wire);
      indexer.commit();  // Durable and visible to searchers from here on.
    }

    pressclip::Searcher searcher(argv[1]);
    pressclip::SearchOptions search;
    search.query = argv[3];
    search.limit = 5;
    const pressclip::SearchResults results = searcher.search(search);
    std::cout << results.matching_articles << " matching articles\n";
    for (const pressclip::SearchHit& hit : results.hits) {
      std::cout << '\n'
                << hit.rank << ". " << hit.article.title << " (" << hit.article.source << ", "
                << hit.article.date << ")\n   ";
      // Highlights are byte ranges of passage_text: mark them [like this].
      std::size_t shown = 0;
      for (const pressclip::Highlight& highlight : hit.highlights) {
        std::cout << hit.passage_text.substr(shown, highlight.start - shown) << '['
                  << hit.passage_text.substr(highlight.start, highlight.end - highlight.start)
                  << ']';
        shown = highlight.end;
      }
      std::cout << hit.passage_text.substr(shown) << '\n';
    }
    return results.hits.empty() ? 1 : 0;
  } catch (const pressclip::Error& error) {
    std::cerr << "search_news: " << pressclip::to_string(error.kind()) << ": " << error.what()
              << '\n';
    return 2;
  }
}
