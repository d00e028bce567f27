/* Embedding pressclip from C: bring an index up to date with a directory of articles, then
 * print the best passages for a query with the matches marked.
 *
 * Usage: search_news INDEX_DIR ARTICLES_DIR QUERY */
#include <pressclip/pressclip.h>
#include <stdio.h>

/* Prints the failure of the last call and returns the exit status for an error. */
static int report_failure(const char *what, pressclip_status status) {
  fprintf(stderr, "search_news: %s: %s: %s\n", what, pressclip_status_name(status),
          pressclip_last_error_message());
  return 2;
}

int main(int argc, char **argv) {
  pressclip_indexer *indexer = NULL;
  pressclip_searcher *searcher = NULL;
  pressclip_search_options *options = NULL;
  pressclip_results *results = NULL;
  pressclip_index_report report;
  pressclip_status status;
  const char *paths[1];
  size_t i;
  size_t h;
  int exit_status;

  if (argc != 4) {
    fprintf(stderr, "usage: search_news INDEX_DIR ARTICLES_DIR QUERY\n");
    return 2;
  }
  status = pressclip_indexer_open(argv[1], NULL, &indexer);
  if (status != PRESSCLIP_OK) return report_failure("opening the index", status);
  paths[0] = argv[2];
  status = pressclip_indexer_index_paths(indexer, paths, 1, &report);
  pressclip_indexer_close(indexer); /* Releases the write lock. */
  if (status != PRESSCLIP_OK) return report_failure("indexing", status);
  printf("%lu added, %lu unchanged, %lu skipped\n", (unsigned long)report.articles_added,
         (unsigned long)report.files_unchanged, (unsigned long)report.files_skipped);

  status = pressclip_searcher_open(argv[1], &searcher);
  if (status != PRESSCLIP_OK) return report_failure("opening the index", status);
  options = pressclip_search_options_new(argv[3]);
  pressclip_search_options_set_limit(options, 5);
  status = pressclip_search(searcher, options, &results);
  pressclip_search_options_free(options);
  if (status != PRESSCLIP_OK) {
    pressclip_searcher_close(searcher);
    return report_failure("searching", status);
  }
  printf("%lu matching articles\n", (unsigned long)pressclip_results_matching_articles(results));
  for (i = 0; i < pressclip_results_count(results); ++i) {
    const char *text = pressclip_hit_passage_text(results, i);
    size_t shown = 0;
    printf("\n%lu. %s (%s, %s)\n   ", (unsigned long)pressclip_hit_rank(results, i),
           pressclip_hit_title(results, i), pressclip_hit_source(results, i),
           pressclip_hit_date(results, i));
    /* Highlights are byte ranges of the passage text: mark them [like this]. */
    for (h = 0; h < pressclip_hit_highlight_count(results, i); ++h) {
      size_t start = pressclip_hit_highlight_start(results, i, h);
      size_t end = pressclip_hit_highlight_end(results, i, h);
      printf("%.*s[%.*s]", (int)(start - shown), text + shown, (int)(end - start), text + start);
      shown = end;
    }
    printf("%s\n", text + shown);
  }
  exit_status = pressclip_results_count(results) > 0 ? 0 : 1;
  pressclip_results_free(results);
  pressclip_searcher_close(searcher);
  return exit_status;
}
