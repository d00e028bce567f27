/* A foreign client of pressclip's C API, written in plain C99: it uses only
 * include/pressclip/pressclip.h and links against the shared library, as a C program outside
 * the project would. It indexes the sample corpus, searches it and checks what the header
 * promises, including the error paths.
 *
 * Usage: c_client CORPUS_DIR WORK_DIR
 *   CORPUS_DIR  the sample corpus (corpus/: five articles and the manifest seeds.tsv)
 *   WORK_DIR    a scratch directory; the index is created in WORK_DIR/index
 *
 * Prints one TAP-like line per check ("ok N - ..." or "not ok N - ...") and a plan "1..N" at
 * the end. Exits with 1 if any check failed, else 0. Everything allocated is released, so the
 * program can run under AddressSanitizer and LeakSanitizer. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressclip/pressclip.h"

/* ---- Checks ------------------------------------------------------------------------- */

static int checks_run = 0;
static int checks_failed = 0;

/* Records one check: prints "ok N - what" or "not ok N - what". Returns `passed`. */
static int check(int passed, const char* format, ...) {
  va_list arguments;
  ++checks_run;
  if (!passed) ++checks_failed;
  printf("%s %d - ", passed ? "ok" : "not ok", checks_run);
  va_start(arguments, format);
  vprintf(format, arguments);
  va_end(arguments);
  printf("\n");
  fflush(stdout);
  return passed;
}

/* A TAP diagnostic line. */
static void note(const char* format, ...) {
  va_list arguments;
  printf("# ");
  va_start(arguments, format);
  vprintf(format, arguments);
  va_end(arguments);
  printf("\n");
  fflush(stdout);
}

/* Checks that a call returned `expected`, printing both statuses' names and, on failure, the
 * library's message. */
static int check_status(pressclip_status actual, pressclip_status expected, const char* what) {
  int passed = actual == expected;
  check(passed, "%s: %s (expected %s)", what, pressclip_status_name(actual),
        pressclip_status_name(expected));
  if (!passed && actual != PRESSCLIP_OK) note("message: %s", pressclip_last_error_message());
  return passed;
}

/* Checks that a call failed with `expected` and left a non-empty message. */
static int check_failure(pressclip_status actual, pressclip_status expected, const char* what) {
  const char* message = pressclip_last_error_message();
  int passed = check_status(actual, expected, what);
  if (passed) {
    passed = check(message != NULL && message[0] != '\0', "%s: message \"%s\"", what,
                   message != NULL ? message : "(NULL)");
  }
  return passed;
}

static int same_string(const char* actual, const char* expected) {
  return actual != NULL && strcmp(actual, expected) == 0;
}

/* Checks a string's value; values with line breaks are not printed, to keep one line per
 * check. */
static int check_string(const char* actual, const char* expected, const char* what) {
  if (strchr(expected, '\n') != NULL || (actual != NULL && strchr(actual, '\n') != NULL)) {
    return check(same_string(actual, expected), "%s is the expected %lu bytes (%lu)", what,
                 (unsigned long)strlen(expected),
                 (unsigned long)(actual != NULL ? strlen(actual) : 0));
  }
  return check(same_string(actual, expected), "%s is \"%s\" (expected \"%s\")", what,
               actual != NULL ? actual : "(NULL)", expected);
}

/* ---- Small helpers -------------------------------------------------------------------- */

/* A malloc'ed copy of `a` + `b` (strdup and asprintf are not C99). */
static char* concatenate(const char* a, const char* b) {
  size_t a_length = strlen(a);
  size_t b_length = strlen(b);
  char* result = malloc(a_length + b_length + 1);
  if (result == NULL) {
    fprintf(stderr, "c_client: out of memory\n");
    exit(2);
  }
  memcpy(result, a, a_length);
  memcpy(result + a_length, b, b_length + 1);
  return result;
}

/* Whether bytes [start, end) of `text` contain `needle` (ASCII, lowercase), ignoring ASCII
 * case. */
static int range_contains(const char* text, size_t start, size_t end, const char* needle) {
  size_t needle_length = strlen(needle);
  size_t i;
  size_t j;
  if (end < start || end - start < needle_length) return 0;
  for (i = start; i + needle_length <= end; ++i) {
    for (j = 0; j < needle_length; ++j) {
      if (tolower((unsigned char)text[i + j]) != needle[j]) break;
    }
    if (j == needle_length) return 1;
  }
  return 0;
}

/* Whether `text` is "YYYY-MM". */
static int is_year_month(const char* text) {
  return text != NULL && strlen(text) == 7 && isdigit((unsigned char)text[0]) &&
         isdigit((unsigned char)text[1]) && isdigit((unsigned char)text[2]) &&
         isdigit((unsigned char)text[3]) && text[4] == '-' && isdigit((unsigned char)text[5]) &&
         isdigit((unsigned char)text[6]);
}

/* Runs `query` with the given options; returns the results (NULL on failure, reported). */
static pressclip_results* run_search(pressclip_searcher* searcher, const char* query, size_t limit,
                                     int facets) {
  pressclip_results* results = NULL;
  pressclip_search_options* options = pressclip_search_options_new(query);
  pressclip_status status;
  char what[256];
  if (!check(options != NULL, "search options for '%s' created", query)) return NULL;
  pressclip_search_options_set_limit(options, limit);
  pressclip_search_options_set_facets(options, facets);
  sprintf(what, "search '%.200s'", query);
  status = pressclip_search(searcher, options, &results);
  check_status(status, PRESSCLIP_OK, what);
  pressclip_search_options_free(options);
  if (status != PRESSCLIP_OK) {
    pressclip_results_free(results);
    return NULL;
  }
  check(results != NULL, "search '%s' returned results", query);
  return results;
}

/* Checks the invariants every hit must satisfy: ranks 1..n, the passage text is the byte
 * range [start, end) of the article text, highlights are sorted, disjoint ranges of the
 * passage text, and at least one highlight contains one of `words` (a NULL-terminated list of
 * lowercase ASCII words) or, if `all_words` is set, every one of them. */
static void check_hits(pressclip_searcher* searcher, const pressclip_results* results,
                       const char* query, const char* const* words, int all_words) {
  size_t count = pressclip_results_count(results);
  size_t i;
  for (i = 0; i < count; ++i) {
    const char* text = pressclip_hit_passage_text(results, i);
    const char* id = pressclip_hit_article_id(results, i);
    size_t start = pressclip_hit_passage_start(results, i);
    size_t end = pressclip_hit_passage_end(results, i);
    size_t highlights = pressclip_hit_highlight_count(results, i);
    size_t previous_end = 0;
    size_t h;
    int ordered = 1;
    int inside = 1;
    int matched = 0;
    pressclip_article* article = NULL;

    note("'%s' hit %lu: rank %lu, score %.4f, id %s, source \"%s\", date \"%s\", title \"%s\"",
         query, (unsigned long)i, (unsigned long)pressclip_hit_rank(results, i),
         pressclip_hit_score(results, i), id != NULL ? id : "(NULL)",
         pressclip_hit_source(results, i) != NULL ? pressclip_hit_source(results, i) : "(NULL)",
         pressclip_hit_date(results, i) != NULL ? pressclip_hit_date(results, i) : "(NULL)",
         pressclip_hit_title(results, i) != NULL ? pressclip_hit_title(results, i) : "(NULL)");

    check(pressclip_hit_rank(results, i) == i + 1, "'%s' hit %lu has rank %lu", query,
          (unsigned long)i, (unsigned long)(i + 1));
    check(id != NULL && id[0] != '\0', "'%s' hit %lu has an article id", query, (unsigned long)i);
    check(pressclip_hit_title(results, i) != NULL && pressclip_hit_source(results, i) != NULL &&
              pressclip_hit_date(results, i) != NULL && pressclip_hit_path(results, i) != NULL &&
              pressclip_hit_record(results, i) != NULL &&
              pressclip_hit_record(results, i)[0] == '\0',
          "'%s' hit %lu: title, source, date and path are not NULL, record is \"\"", query,
          (unsigned long)i);
    if (!check(text != NULL, "'%s' hit %lu has a passage text", query, (unsigned long)i)) continue;
    if (!check(start < end && strlen(text) == end - start,
               "'%s' hit %lu: passage text length %lu == end %lu - start %lu", query,
               (unsigned long)i, (unsigned long)strlen(text), (unsigned long)end,
               (unsigned long)start)) {
      continue;
    }

    /* The passage is the range [start, end) of the article text. */
    if (id != NULL && pressclip_searcher_find_article(searcher, id, &article) == PRESSCLIP_OK) {
      const char* article_text = pressclip_article_text(article);
      check(article_text != NULL && end <= strlen(article_text) &&
                memcmp(article_text + start, text, end - start) == 0,
            "'%s' hit %lu: passage text is bytes [%lu, %lu) of the article text", query,
            (unsigned long)i, (unsigned long)start, (unsigned long)end);
    } else {
      check(0, "'%s' hit %lu: article %s found (%s)", query, (unsigned long)i,
            id != NULL ? id : "(NULL)", pressclip_last_error_message());
    }
    pressclip_article_free(article);

    for (h = 0; h < highlights; ++h) {
      size_t highlight_start = pressclip_hit_highlight_start(results, i, h);
      size_t highlight_end = pressclip_hit_highlight_end(results, i, h);
      int found = all_words;
      size_t w;
      if (!(highlight_start < highlight_end && highlight_end <= end - start)) {
        inside = 0;
        continue;
      }
      if (h > 0 && highlight_start < previous_end) ordered = 0;
      previous_end = highlight_end;
      note("  highlight [%lu, %lu): \"%.*s\"", (unsigned long)highlight_start,
           (unsigned long)highlight_end, (int)(highlight_end - highlight_start),
           text + highlight_start);
      for (w = 0; words[w] != NULL; ++w) {
        int contains = range_contains(text, highlight_start, highlight_end, words[w]);
        found = all_words ? found && contains : found || contains;
      }
      if (found) matched = 1;
    }
    check(highlights > 0, "'%s' hit %lu has highlights (%lu)", query, (unsigned long)i,
          (unsigned long)highlights);
    check(inside, "'%s' hit %lu: every highlight is a non-empty range inside the passage text",
          query, (unsigned long)i);
    check(ordered, "'%s' hit %lu: highlights are sorted and disjoint", query, (unsigned long)i);
    check(matched, "'%s' hit %lu: a highlight shows the query's words", query, (unsigned long)i);
    check(pressclip_hit_highlight_start(results, i, highlights) == 0 &&
              pressclip_hit_highlight_end(results, i, highlights) == 0,
          "'%s' hit %lu: highlight %lu (out of range) reads as 0", query, (unsigned long)i,
          (unsigned long)highlights);
  }
  /* Out of range hit accessors: NULL or 0. */
  check(pressclip_hit_title(results, count) == NULL &&
            pressclip_hit_passage_text(results, count) == NULL &&
            pressclip_hit_article_id(results, count) == NULL &&
            pressclip_hit_rank(results, count) == 0 &&
            pressclip_hit_highlight_count(results, count) == 0,
        "'%s': hit %lu (out of range) reads as NULL and 0", query, (unsigned long)count);
}

/* ---- The steps ------------------------------------------------------------------------ */

static void check_versions(void) {
  const char* version = pressclip_version();
  check(version != NULL && version[0] != '\0', "pressclip_version() is \"%s\"",
        version != NULL ? version : "(NULL)");
  check(pressclip_result_format_version() == PRESSCLIP_RESULT_FORMAT_VERSION,
        "pressclip_result_format_version() is %d (header: %d)", pressclip_result_format_version(),
        PRESSCLIP_RESULT_FORMAT_VERSION);
  check_string(pressclip_status_name(PRESSCLIP_OK), "ok", "status name of PRESSCLIP_OK");
  check_string(pressclip_status_name(PRESSCLIP_BAD_QUERY), "bad query",
               "status name of PRESSCLIP_BAD_QUERY");
  check(pressclip_status_name((pressclip_status)99) != NULL,
        "status name of an unknown status is not NULL");
}

static void check_null_handles_close(void) {
  pressclip_indexer_close(NULL);
  pressclip_searcher_close(NULL);
  pressclip_search_options_free(NULL);
  pressclip_results_free(NULL);
  pressclip_article_free(NULL);
  pressclip_free(NULL);
  check(1, "closing and freeing NULL handles and strings is allowed");
}

static void check_null_arguments(const char* index_path) {
  pressclip_indexer* indexer = (pressclip_indexer*)&indexer; /* not NULL: must be reset */
  pressclip_searcher* searcher = (pressclip_searcher*)&searcher;
  pressclip_results* results = (pressclip_results*)&results;
  pressclip_article* article = (pressclip_article*)&article;
  pressclip_search_options* options = pressclip_search_options_new("niger");
  pressclip_index_report report;
  pressclip_stats stats;
  pressclip_article_fields fields;
  const char* paths[1];

  check(pressclip_search_options_new(NULL) == NULL, "pressclip_search_options_new(NULL) is NULL");

  check_failure(pressclip_indexer_open(NULL, NULL, &indexer), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_open(NULL path)");
  check(indexer == NULL, "pressclip_indexer_open(NULL path) stored NULL");
  check_failure(pressclip_indexer_open(index_path, NULL, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_open(NULL out parameter)");
  check_failure(pressclip_searcher_open(NULL, &searcher), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_searcher_open(NULL path)");
  check(searcher == NULL, "pressclip_searcher_open(NULL path) stored NULL");

  check_failure(pressclip_indexer_index_paths(NULL, NULL, 0, &report), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_index_paths(NULL indexer)");
  paths[0] = index_path;
  check_failure(pressclip_indexer_index_paths(NULL, paths, 1, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_index_paths(NULL indexer, a path)");
  memset(&fields, 0, sizeof fields);
  fields.text = "A sentence.";
  check_failure(pressclip_indexer_add_fields(NULL, &fields, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_add_fields(NULL indexer)");
  check_failure(pressclip_indexer_add_text(NULL, "A sentence.", NULL, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_add_text(NULL indexer)");
  check_failure(pressclip_indexer_remove(NULL, "x"), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_remove(NULL indexer)");
  check_failure(pressclip_indexer_commit(NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_commit(NULL indexer)");

  check_failure(pressclip_searcher_reopen(NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_searcher_reopen(NULL)");
  check_failure(pressclip_search(NULL, options, &results), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_search(NULL searcher)");
  check(results == NULL, "pressclip_search(NULL searcher) stored NULL");
  check_failure(pressclip_searcher_find_article(NULL, "x", &article), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_searcher_find_article(NULL searcher)");
  check(article == NULL, "pressclip_searcher_find_article(NULL searcher) stored NULL");
  check_failure(pressclip_searcher_stats(NULL, &stats), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_searcher_stats(NULL searcher)");
  pressclip_search_options_free(options);
}

/* Opens the index, checks the lock, indexes the corpus and adds one article. Returns the id
 * of the added article (release it with pressclip_free()), or NULL. */
static char* build_index(const char* corpus_dir, const char* index_path, const char* added_text) {
  pressclip_indexer* indexer = NULL;
  pressclip_indexer* second = (pressclip_indexer*)&second;
  pressclip_index_report report;
  pressclip_article_fields fields;
  const char* paths[1];
  char* missing_path = concatenate(corpus_dir, "/no-such-file.txt");
  char* id = NULL;
  char* bad_id = (char*)&bad_id;

  if (!check_status(pressclip_indexer_open(index_path, NULL, &indexer), PRESSCLIP_OK,
                    "pressclip_indexer_open(WORK_DIR/index) creates the index")) {
    free(missing_path);
    return NULL;
  }
  check(indexer != NULL, "pressclip_indexer_open stored a handle");

  check_failure(pressclip_indexer_open(index_path, NULL, &second), PRESSCLIP_INDEX_LOCKED,
                "a second pressclip_indexer_open on the same index while the first is open");
  check(second == NULL, "the failed second pressclip_indexer_open stored NULL");
  if (second != (pressclip_indexer*)&second) pressclip_indexer_close(second);

  /* A path that does not exist fails before anything is indexed. */
  paths[0] = missing_path;
  check_failure(pressclip_indexer_index_paths(indexer, paths, 1, NULL), PRESSCLIP_NOT_FOUND,
                "pressclip_indexer_index_paths(a missing path)");
  free(missing_path);

  /* Sentinel values, so that a report left unfilled shows. */
  memset(&report, 0xff, sizeof report);
  paths[0] = corpus_dir;
  check_status(pressclip_indexer_index_paths(indexer, paths, 1, &report), PRESSCLIP_OK,
               "pressclip_indexer_index_paths(CORPUS_DIR)");
  note("report: added %lu, updated %lu, removed %lu, moved %lu, unchanged %lu, skipped %lu",
       (unsigned long)report.articles_added, (unsigned long)report.articles_updated,
       (unsigned long)report.articles_removed, (unsigned long)report.files_moved,
       (unsigned long)report.files_unchanged, (unsigned long)report.files_skipped);
  check(report.articles_added == 5, "report: 5 articles added (%lu)",
        (unsigned long)report.articles_added);
  check(report.files_skipped == 0, "report: 0 files skipped (%lu)",
        (unsigned long)report.files_skipped);
  check(report.articles_updated == 0 && report.articles_removed == 0 && report.files_moved == 0 &&
            report.files_unchanged == 0,
        "report: nothing updated, removed, moved or unchanged in a new index");

  /* Bad articles given as fields. */
  memset(&fields, 0, sizeof fields);
  check_failure(pressclip_indexer_add_fields(indexer, &fields, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_add_fields(NULL text)");
  check_failure(pressclip_indexer_add_fields(indexer, NULL, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_add_fields(NULL fields)");
  fields.text = "   \n  ";
  check_failure(pressclip_indexer_add_fields(indexer, &fields, &bad_id), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_add_fields(a text without sentences)");
  check(bad_id == NULL, "the failed pressclip_indexer_add_fields stored a NULL id");
  fields.text = added_text;
  fields.id = "not a valid id!";
  check_failure(pressclip_indexer_add_fields(indexer, &fields, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_add_fields(a malformed id)");

  /* The article. */
  memset(&fields, 0, sizeof fields);
  fields.title = "Envoys meet the junta in Niamey";
  fields.source = "BBC News";
  fields.date = "3 August 2023";
  fields.url = "https://example.org/pressclip/c-client";
  fields.language = "en";
  fields.agencies = "Reuters";
  fields.text = added_text;
  if (check_status(pressclip_indexer_add_fields(indexer, &fields, &id), PRESSCLIP_OK,
                   "pressclip_indexer_add_fields(an article)")) {
    check(id != NULL && id[0] != '\0', "pressclip_indexer_add_fields returned the id \"%s\"",
          id != NULL ? id : "(NULL)");
  }
  check_status(pressclip_indexer_commit(indexer), PRESSCLIP_OK, "pressclip_indexer_commit");
  check_status(pressclip_indexer_commit(indexer), PRESSCLIP_OK,
               "pressclip_indexer_commit with nothing pending");
  pressclip_indexer_close(indexer);

  /* The lock is released on close; an existing index keeps its stemmer. */
  second = (pressclip_indexer*)&second;
  check_failure(pressclip_indexer_open(index_path, "french", &second), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_indexer_open(an english index, \"french\")");
  check(second == NULL, "the failed pressclip_indexer_open stored NULL");
  if (check_status(pressclip_indexer_open(index_path, "english", &second), PRESSCLIP_OK,
                   "pressclip_indexer_open again after close (the lock was released)")) {
    pressclip_indexer_close(second);
  }
  return id;
}

static void check_wagner_niger(pressclip_searcher* searcher) {
  static const char* const words[] = {"wagner", "niger", NULL};
  const char* query = "Wagner AND Niger";
  pressclip_results* results = run_search(searcher, query, 10, 0);
  size_t count;
  if (results == NULL) return;
  count = pressclip_results_count(results);
  check(pressclip_results_format_version(results) == PRESSCLIP_RESULT_FORMAT_VERSION,
        "'%s': results format version %d", query, pressclip_results_format_version(results));
  check(count > 0, "'%s' has hits (%lu)", query, (unsigned long)count);
  check(pressclip_results_matching_articles(results) == 3,
        "'%s' matches 3 articles (%lu; docs/query-language.md: 001 000 004)", query,
        (unsigned long)pressclip_results_matching_articles(results));
  check(count <= pressclip_results_matching_articles(results),
        "'%s': one hit per article at most (%lu hits)", query, (unsigned long)count);
  check(pressclip_results_suggested_query(results) != NULL, "'%s': the suggested query is not NULL",
        query);
  check(pressclip_results_facet_count(results, PRESSCLIP_FACET_SOURCE) == 0 &&
            pressclip_results_facet_count(results, PRESSCLIP_FACET_MONTH) == 0,
        "'%s': no facets when none were asked for", query);
  check_hits(searcher, results, query, words, 0);
  pressclip_results_free(results);
}

static void check_facets(pressclip_searcher* searcher) {
  static const char* const words[] = {"military", "intervention", NULL};
  static const pressclip_facet facets[] = {PRESSCLIP_FACET_SOURCE, PRESSCLIP_FACET_AGENCY,
                                           PRESSCLIP_FACET_MONTH};
  static const char* const facet_names[] = {"source", "agency", "month"};
  const char* query = "\"military intervention\"";
  pressclip_results* results = run_search(searcher, query, 10, 1);
  size_t matching;
  size_t f;
  if (results == NULL) return;
  matching = pressclip_results_matching_articles(results);
  check(pressclip_results_count(results) > 0, "'%s' has hits (%lu)", query,
        (unsigned long)pressclip_results_count(results));
  check(matching == 4, "'%s' matches 4 articles (%lu; docs/query-language.md: 004 002 000 001)",
        query, (unsigned long)matching);
  check_hits(searcher, results, query, words, 1);

  for (f = 0; f < 3; ++f) {
    size_t count = pressclip_results_facet_count(results, facets[f]);
    size_t sum = 0;
    size_t i;
    int valid = 1;
    int ordered = 1;
    for (i = 0; i < count; ++i) {
      const char* value = pressclip_results_facet_value(results, facets[f], i);
      size_t articles = pressclip_results_facet_articles(results, facets[f], i);
      note("%s facet: \"%s\" %lu", facet_names[f], value != NULL ? value : "(NULL)",
           (unsigned long)articles);
      if (value == NULL || value[0] == '\0' || articles == 0 || articles > matching) valid = 0;
      if (facets[f] == PRESSCLIP_FACET_MONTH && !is_year_month(value)) valid = 0;
      if (i > 0) {
        const char* previous = pressclip_results_facet_value(results, facets[f], i - 1);
        size_t previous_articles = pressclip_results_facet_articles(results, facets[f], i - 1);
        if (facets[f] == PRESSCLIP_FACET_MONTH) {
          if (previous == NULL || value == NULL || strcmp(previous, value) >= 0) ordered = 0;
        } else if (previous_articles < articles) {
          ordered = 0;
        }
      }
      sum += articles;
    }
    check(count > 0, "'%s': %s facet has values (%lu)", query, facet_names[f],
          (unsigned long)count);
    check(valid, "'%s': every %s facet value is named and counts 1..%lu articles", query,
          facet_names[f], (unsigned long)matching);
    check(ordered, "'%s': %s facet values are in order (%s)", query, facet_names[f],
          facets[f] == PRESSCLIP_FACET_MONTH ? "time order" : "most articles first");
    if (facets[f] != PRESSCLIP_FACET_AGENCY) {
      /* An article has one source and one month at most; it may have several agencies. */
      check(sum <= matching, "'%s': %s facet counts sum to %lu <= %lu matching articles", query,
            facet_names[f], (unsigned long)sum, (unsigned long)matching);
    }
    check(pressclip_results_facet_value(results, facets[f], count) == NULL &&
              pressclip_results_facet_articles(results, facets[f], count) == 0,
          "'%s': %s facet value %lu (out of range) reads as NULL and 0", query, facet_names[f],
          (unsigned long)count);
  }
  /* Sample corpus: every article has a source and a month. */
  {
    size_t sum = 0;
    size_t i;
    for (i = 0; i < pressclip_results_facet_count(results, PRESSCLIP_FACET_SOURCE); ++i) {
      sum += pressclip_results_facet_articles(results, PRESSCLIP_FACET_SOURCE, i);
    }
    check(sum == matching, "'%s': every matching article of the corpus has a source (%lu/%lu)",
          query, (unsigned long)sum, (unsigned long)matching);
  }
  pressclip_results_free(results);
}

static void check_paging(pressclip_searcher* searcher) {
  pressclip_search_options* options = pressclip_search_options_new("niger");
  pressclip_results* results = NULL;
  size_t i;
  if (!check(options != NULL, "search options for 'niger' created")) return;
  pressclip_search_options_set_limit(options, 2);
  pressclip_search_options_set_offset(options, 2);
  if (check_status(pressclip_search(searcher, options, &results), PRESSCLIP_OK,
                   "search 'niger', limit 2, offset 2")) {
    size_t count = pressclip_results_count(results);
    int ranks = 1;
    for (i = 0; i < count; ++i) {
      if (pressclip_hit_rank(results, i) != i + 3) ranks = 0;
    }
    check(count == 2, "'niger', limit 2, offset 2: 2 hits (%lu)", (unsigned long)count);
    check(ranks, "'niger', offset 2: ranks count from the first page (3, 4)");
  }
  pressclip_results_free(results);
  pressclip_search_options_free(options);
}

static void check_bad_searches(pressclip_searcher* searcher) {
  pressclip_search_options* options = pressclip_search_options_new("Niger AND (");
  pressclip_results* results = (pressclip_results*)&results;
  if (!check(options != NULL, "search options for 'Niger AND (' created")) return;
  check_failure(pressclip_search(searcher, options, &results), PRESSCLIP_BAD_QUERY,
                "search 'Niger AND ('");
  check(results == NULL, "search 'Niger AND (' stored NULL results");
  pressclip_search_options_free(options);

  options = pressclip_search_options_new("");
  results = (pressclip_results*)&results;
  check_failure(pressclip_search(searcher, options, &results), PRESSCLIP_BAD_QUERY,
                "search '' (empty query)");
  check(results == NULL, "search '' stored NULL results");
  pressclip_search_options_free(options);

  options = pressclip_search_options_new("niger");
  pressclip_search_options_set_limit(options, 0);
  results = (pressclip_results*)&results;
  check_failure(pressclip_search(searcher, options, &results), PRESSCLIP_BAD_ARGUMENT,
                "search 'niger' with limit 0");
  check(results == NULL, "search with limit 0 stored NULL results");
  pressclip_search_options_free(options);

  options = pressclip_search_options_new("niger");
  check_failure(pressclip_search(searcher, options, NULL), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_search(NULL out parameter)");
  check_failure(pressclip_search(searcher, NULL, &results), PRESSCLIP_BAD_ARGUMENT,
                "pressclip_search(NULL options)");
  pressclip_search_options_free(options);
}

static void check_added_article(pressclip_searcher* searcher, const char* id,
                                const char* added_text) {
  pressclip_article* article = NULL;
  size_t passages;
  size_t i;
  int covered = 1;
  size_t previous_end = 0;
  if (!check_status(pressclip_searcher_find_article(searcher, id, &article), PRESSCLIP_OK,
                    "pressclip_searcher_find_article(the added article's id)")) {
    return;
  }
  check_string(pressclip_article_id(article), id, "added article: id");
  check_string(pressclip_article_path(article), "", "added article: path");
  check_string(pressclip_article_record(article), "", "added article: record");
  check_string(pressclip_article_field(article, PRESSCLIP_FIELD_TITLE),
               "Envoys meet the junta in Niamey", "added article: title");
  check_string(pressclip_article_field(article, PRESSCLIP_FIELD_SOURCE), "BBC",
               "added article: source (\"BBC News\" through the alias table)");
  check_string(pressclip_article_field(article, PRESSCLIP_FIELD_DATE), "2023-08-03",
               "added article: date (\"3 August 2023\")");
  check_string(pressclip_article_field(article, PRESSCLIP_FIELD_URL),
               "https://example.org/pressclip/c-client", "added article: url");
  check_string(pressclip_article_field(article, PRESSCLIP_FIELD_LANGUAGE), "en",
               "added article: language");
  check_string(pressclip_article_field_origin(article, PRESSCLIP_FIELD_TITLE), "given",
               "added article: title origin");
  check_string(pressclip_article_charset(article), "UTF-8", "added article: charset");
  check_string(pressclip_article_field_origin(article, PRESSCLIP_FIELD_SOURCE), "given",
               "added article: source origin");
  check_string(pressclip_article_field_origin(article, PRESSCLIP_FIELD_DATE), "given",
               "added article: date origin");
  check_string(pressclip_article_field_origin(article, PRESSCLIP_FIELD_URL), "given",
               "added article: url origin");
  check_string(pressclip_article_field_origin(article, PRESSCLIP_FIELD_LANGUAGE), "given",
               "added article: language origin");
  check(pressclip_article_agency_count(article) == 1, "added article: 1 agency (%lu)",
        (unsigned long)pressclip_article_agency_count(article));
  check_string(pressclip_article_agency(article, 0), "Reuters", "added article: agency 0");
  check(pressclip_article_agency(article, 1) == NULL,
        "added article: agency 1 (out of range) is NULL");
  check_string(pressclip_article_text(article), added_text, "added article: text");
  passages = pressclip_article_passage_count(article);
  check(passages > 0, "added article: has passages (%lu)", (unsigned long)passages);
  for (i = 0; i < passages; ++i) {
    size_t start = pressclip_article_passage_start(article, i);
    size_t end = pressclip_article_passage_end(article, i);
    if (start >= end || start < previous_end || end > strlen(added_text)) covered = 0;
    previous_end = end;
  }
  check(covered, "added article: passages are ordered, disjoint ranges of the text");
  check(pressclip_article_passage_start(article, passages) == 0 &&
            pressclip_article_passage_end(article, passages) == 0,
        "added article: passage %lu (out of range) reads as 0", (unsigned long)passages);
  pressclip_article_free(article);
}

static void check_corpus_article(pressclip_searcher* searcher, const char* corpus_dir) {
  char* path = concatenate(corpus_dir, "/seeds/000_adbdeac2c8311933.txt");
  pressclip_article* article = NULL;
  if (check_status(pressclip_searcher_find_article(searcher, path, &article), PRESSCLIP_OK,
                   "pressclip_searcher_find_article(CORPUS_DIR/seeds/000_...txt, by path)")) {
    check_string(pressclip_article_field(article, PRESSCLIP_FIELD_SOURCE), "BBC",
                 "seed 000: source");
    check_string(pressclip_article_field_origin(article, PRESSCLIP_FIELD_SOURCE), "manifest",
                 "seed 000: source origin");
    check_string(pressclip_article_field(article, PRESSCLIP_FIELD_DATE), "2023-08-12",
                 "seed 000: date");
    check(strstr(pressclip_article_path(article), "000_adbdeac2c8311933.txt") != NULL,
          "seed 000: path \"%s\"", pressclip_article_path(article));
  }
  pressclip_article_free(article);
  free(path);
}

static void check_stats(pressclip_searcher* searcher, size_t expected_articles) {
  pressclip_stats stats;
  memset(&stats, 0xff, sizeof stats);
  if (!check_status(pressclip_searcher_stats(searcher, &stats), PRESSCLIP_OK,
                    "pressclip_searcher_stats")) {
    return;
  }
  note("stats: %lu articles, %lu passages, %lu undated, %.10s to %.10s, index format %d",
       (unsigned long)stats.articles, (unsigned long)stats.passages,
       (unsigned long)stats.undated_articles, stats.earliest_date, stats.latest_date,
       stats.index_format_version);
  check(stats.articles == expected_articles, "stats: %lu articles (%lu)",
        (unsigned long)expected_articles, (unsigned long)stats.articles);
  check(stats.passages >= stats.articles && stats.passages != (size_t)-1,
        "stats: %lu passages, at least one per article", (unsigned long)stats.passages);
  check(stats.undated_articles == 0, "stats: 0 undated articles (%lu)",
        (unsigned long)stats.undated_articles);
  check(memchr(stats.earliest_date, '\0', sizeof stats.earliest_date) != NULL &&
            strcmp(stats.earliest_date, "2023-07-28") == 0,
        "stats: earliest date 2023-07-28");
  check(memchr(stats.latest_date, '\0', sizeof stats.latest_date) != NULL &&
            strcmp(stats.latest_date, "2023-09-11") == 0,
        "stats: latest date 2023-09-11");
  check(stats.index_format_version > 0, "stats: index format version %d",
        stats.index_format_version);
}

/* Searches for the added article's distinctive word; returns the number of hits. */
static size_t count_distinctive(pressclip_searcher* searcher, const char* id) {
  pressclip_results* results = run_search(searcher, "flumadiddle", 10, 0);
  size_t count = 0;
  if (results != NULL) {
    count = pressclip_results_count(results);
    if (count > 0) {
      check_string(pressclip_hit_article_id(results, 0), id,
                   "'flumadiddle': the hit is the added article");
      check_string(pressclip_hit_source(results, 0), "BBC", "'flumadiddle': hit source");
      check_string(pressclip_hit_date(results, 0), "2023-08-03", "'flumadiddle': hit date");
      check(pressclip_hit_agency_count(results, 0) == 1 &&
                same_string(pressclip_hit_agency(results, 0, 0), "Reuters"),
            "'flumadiddle': hit agencies are [Reuters]");
    }
  }
  pressclip_results_free(results);
  return count;
}

static void check_remove(const char* index_path, pressclip_searcher* searcher, const char* id) {
  pressclip_indexer* indexer = NULL;
  pressclip_article* article = NULL;
  if (!check_status(pressclip_indexer_open(index_path, NULL, &indexer), PRESSCLIP_OK,
                    "pressclip_indexer_open while a searcher is open")) {
    return;
  }
  check_failure(pressclip_indexer_remove(indexer, "no-such-article"), PRESSCLIP_NOT_FOUND,
                "pressclip_indexer_remove(a missing id)");
  check_status(pressclip_indexer_remove(indexer, id), PRESSCLIP_OK,
               "pressclip_indexer_remove(the added article)");
  check_status(pressclip_indexer_commit(indexer), PRESSCLIP_OK,
               "pressclip_indexer_commit after remove");

  /* Before reopen, the searcher still reads the index as it was. */
  check_status(pressclip_searcher_find_article(searcher, id, &article), PRESSCLIP_OK,
               "before pressclip_searcher_reopen, the removed article is still found");
  pressclip_article_free(article);
  article = NULL;

  check_status(pressclip_searcher_reopen(searcher), PRESSCLIP_OK, "pressclip_searcher_reopen");
  check_failure(pressclip_searcher_find_article(searcher, id, &article), PRESSCLIP_NOT_FOUND,
                "after remove, commit and reopen, pressclip_searcher_find_article(its id)");
  check(article == NULL, "the failed pressclip_searcher_find_article stored NULL");
  pressclip_article_free(article);
  check(count_distinctive(searcher, id) == 0, "after remove, 'flumadiddle' finds nothing");
  check_stats(searcher, 5);
  pressclip_indexer_close(indexer);
}

int main(int argc, char** argv) {
  const char* added_text =
      "Envoys of the regional bloc met the junta in Niamey on Thursday.\n"
      "Observers called the talks a flumadiddle, a word no other article uses.\n"
      "The envoys will report to the bloc’s summit next week.";
  char* index_path;
  char* missing_path;
  char* id;
  pressclip_searcher* searcher = NULL;
  pressclip_article* article = (pressclip_article*)&article;

  if (argc != 3) {
    fprintf(stderr, "usage: %s CORPUS_DIR WORK_DIR\n", argc > 0 ? argv[0] : "c_client");
    return 2;
  }
  index_path = concatenate(argv[2], "/index");
  missing_path = concatenate(argv[2], "/no-such-index");

  /* The checks expect a new index: refuse to run on the index of an earlier run. */
  if (pressclip_searcher_open(index_path, &searcher) == PRESSCLIP_OK) {
    fprintf(stderr, "c_client: %s already holds an index; give a new WORK_DIR\n", index_path);
    pressclip_searcher_close(searcher);
    free(index_path);
    free(missing_path);
    return 2;
  }

  check_versions();
  check_null_handles_close();
  check_null_arguments(index_path);

  searcher = (pressclip_searcher*)&searcher; /* not NULL: must be reset */
  check_failure(pressclip_searcher_open(missing_path, &searcher), PRESSCLIP_INDEX_MISSING,
                "pressclip_searcher_open(a directory with no index)");
  check(searcher == NULL, "the failed pressclip_searcher_open stored NULL");
  free(missing_path);

  id = build_index(argv[1], index_path, added_text);

  searcher = NULL;
  if (check_status(pressclip_searcher_open(index_path, &searcher), PRESSCLIP_OK,
                   "pressclip_searcher_open(WORK_DIR/index)")) {
    check_wagner_niger(searcher);
    check_facets(searcher);
    check_paging(searcher);
    check_bad_searches(searcher);
    check_failure(pressclip_searcher_find_article(searcher, "no-such-article", &article),
                  PRESSCLIP_NOT_FOUND, "pressclip_searcher_find_article(a missing id)");
    check(article == NULL, "the failed pressclip_searcher_find_article stored NULL");
    check_failure(pressclip_searcher_find_article(searcher, NULL, &article), PRESSCLIP_BAD_ARGUMENT,
                  "pressclip_searcher_find_article(NULL id)");
    check_failure(pressclip_searcher_stats(searcher, NULL), PRESSCLIP_BAD_ARGUMENT,
                  "pressclip_searcher_stats(NULL stats)");
    check_failure(pressclip_searcher_open(index_path, NULL), PRESSCLIP_BAD_ARGUMENT,
                  "pressclip_searcher_open(an index, NULL out parameter)");
    check_corpus_article(searcher, argv[1]);
    if (id != NULL) {
      check_added_article(searcher, id, added_text);
      check(count_distinctive(searcher, id) == 1, "'flumadiddle' finds the added article only");
    }
    check_stats(searcher, 6);
    if (id != NULL) check_remove(index_path, searcher, id);
    pressclip_searcher_close(searcher);
  }

  pressclip_free(id);
  free(index_path);
  printf("1..%d\n", checks_run);
  if (checks_failed > 0) printf("# %d of %d checks failed\n", checks_failed, checks_run);
  return checks_failed > 0 ? 1 : 0;
}
