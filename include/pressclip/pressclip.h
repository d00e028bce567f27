/* pressclip's C API (C99): index and search news archives from C and from any language with
 * a C foreign function interface (Python ctypes, Go cgo, Rust, ...).
 *
 * Conventions, for every function below:
 * - Handles are opaque pointers, created by a *_open or *_new function and released by the
 *   matching *_close or *_free function, which accept NULL.
 * - Functions that can fail return a pressclip_status: PRESSCLIP_OK (0) on success, else the
 *   kind of failure. The message of the last failure on the calling thread is then returned
 *   by pressclip_last_error_message(). No C++ exception ever crosses this boundary.
 * - Strings passed in are NUL-terminated UTF-8 and are copied; the caller keeps them.
 * - Strings returned by an accessor belong to the handle they were read from and stay valid
 *   until that handle is freed; the caller must not free them. A string returned through a
 *   `char **` out parameter belongs to the caller, who releases it with pressclip_free().
 * - Accessors take an index from 0 to the matching *_count() - 1; out of range, or given a
 *   NULL handle, they return NULL (strings) or 0 (numbers); setters given NULL do nothing.
 * - Byte offsets are offsets into UTF-8 text, as size_t.
 *
 * Thread-safety: every handle must be used by one thread at a time. Distinct handles may be
 * used by distinct threads at once, including several searchers on one index while one
 * indexer writes it: open one searcher per thread. pressclip_last_error_message() is
 * per thread.
 *
 * The result model (hits, passages, highlights, facets) has a version,
 * pressclip_result_format_version(), shared with the JSON output of the command line
 * (docs/output-format.md): added accessors keep it, removed or changed ones bump it. */
#ifndef PRESSCLIP_PRESSCLIP_H
#define PRESSCLIP_PRESSCLIP_H

#include <stddef.h>

#include "pressclip/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status, errors, versions ------------------------------------------------------- */

/** The outcome of a call. The values match pressclip::ErrorKind in the C++ API, plus 1. */
typedef enum pressclip_status {
  PRESSCLIP_OK = 0,
  PRESSCLIP_BAD_QUERY = 1,          /**< The query cannot be parsed or has nothing to search for. */
  PRESSCLIP_BAD_ARGUMENT = 2,       /**< An argument is NULL, out of range or malformed. */
  PRESSCLIP_INDEX_MISSING = 3,      /**< No index exists at the path given. */
  PRESSCLIP_INDEX_LOCKED = 4,       /**< Another writer holds the index. */
  PRESSCLIP_INDEX_CORRUPT = 5,      /**< The index is damaged or is not a pressclip index. */
  PRESSCLIP_INDEX_VERSION = 6,      /**< The index was written by an incompatible version. */
  PRESSCLIP_IO = 7,                 /**< Reading or writing a file or the index failed. */
  PRESSCLIP_NOT_FOUND = 8,          /**< The file or article asked for does not exist. */
  PRESSCLIP_INTERNAL = 9,           /**< A bug, or memory exhausted. */
  PRESSCLIP_TIMEOUT = 10,           /**< A search ran past its timeout and stopped. */
  PRESSCLIP_SHARD_UNAVAILABLE = 11, /**< A shard of the index cannot be reached. */
} pressclip_status;

/** A short lowercase name for `status` ("ok", "bad query", ...). Never NULL. Thread-safe. */
PRESSCLIP_EXPORT const char* pressclip_status_name(pressclip_status status);

/** The one-line message of the last call on this thread that failed, or "" if none has.
 * Valid until the next failing call on this thread. */
PRESSCLIP_EXPORT const char* pressclip_last_error_message(void);

/** The version of the library loaded, "MAJOR.MINOR.PATCH". Thread-safe. */
PRESSCLIP_EXPORT const char* pressclip_version(void);

/** The version of the result model of the library loaded (1 for this header). */
PRESSCLIP_EXPORT int pressclip_result_format_version(void);

/** The result model version this header describes. */
#define PRESSCLIP_RESULT_FORMAT_VERSION 1

/** Releases a string returned to the caller through a `char **` parameter. NULL is allowed. */
PRESSCLIP_EXPORT void pressclip_free(char* string);

/* ---- Writing an index ---------------------------------------------------------------- */

/** An index opened for writing: at most one per index at a time, across processes. */
typedef struct pressclip_indexer pressclip_indexer;

/** Opens the index in directory `database_path` for writing, creating it (and its parents)
 * if needed. `stemmer_language` names the Snowball stemmer of a new index ("english",
 * "french", ...; NULL or "" for english); an existing index keeps its own, and naming
 * another is PRESSCLIP_BAD_ARGUMENT. On success stores the handle in `*indexer`; on failure
 * stores NULL. Fails with PRESSCLIP_INDEX_LOCKED if another writer holds the index. */
PRESSCLIP_EXPORT pressclip_status pressclip_indexer_open(const char* database_path,
                                                         const char* stemmer_language,
                                                         pressclip_indexer** indexer);

/** Commits pending changes (ignoring a failure: call pressclip_indexer_commit() to know),
 * releases the write lock and frees `indexer`. NULL is allowed. */
PRESSCLIP_EXPORT void pressclip_indexer_close(pressclip_indexer* indexer);

/** What one pressclip_indexer_index_paths() run did. */
typedef struct pressclip_index_report {
  size_t articles_added;   /**< New articles. */
  size_t articles_updated; /**< Articles whose text changed. */
  size_t articles_removed; /**< Articles whose every file is gone. */
  size_t files_moved;      /**< Known texts found under a new path. */
  size_t files_unchanged;  /**< Files not read again. */
  size_t files_skipped;    /**< Files that are not articles (each one a warning). */
} pressclip_index_report;

/** Brings the index up to date with the article files at `paths` (`path_count` files or
 * directories, walked recursively), committing in batches, exactly as `pressclip index`
 * does. Files that cannot be read as articles are skipped, not failures: they are counted in
 * `report->files_skipped`. `report` may be NULL. Fails with PRESSCLIP_NOT_FOUND, before
 * indexing anything, if a path does not exist. */
PRESSCLIP_EXPORT pressclip_status pressclip_indexer_index_paths(pressclip_indexer* indexer,
                                                                const char* const* paths,
                                                                size_t path_count,
                                                                pressclip_index_report* report);

/** An article given as fields in memory. Every member may be NULL (not given) except
 * `text`. Values are read as front matter values are (docs/sources-and-agencies.md). */
typedef struct pressclip_article_fields {
  const char* id; /**< 1-128 printable ASCII, no space, quote, parenthesis, backslash; NULL: derived
                     from the fields. */
  const char* title;  /**< NULL: the first sentence of the text. */
  const char* source; /**< The publisher, mapped through the alias table. */
  const char* date;   /**< "2023-08-03", "3 August 2023", "2023-08", ... */
  const char* url;
  const char* language; /**< A language code such as "en". */
  const char* agencies; /**< Wire agencies, separated by ';' ("AFP; Reuters"). */
  const char* text;     /**< The article text, taken as is. Required. */
} pressclip_article_fields;

/** Adds the article `fields`, or replaces the article with the same id. The change is
 * pending until pressclip_indexer_commit() (or a full batch, or close). If `id` is not NULL,
 * stores the article's id there, to be released with pressclip_free(). Fails with
 * PRESSCLIP_BAD_ARGUMENT if the text has no sentences, a value is not UTF-8, or the id is
 * malformed. */
PRESSCLIP_EXPORT pressclip_status pressclip_indexer_add_fields(
    pressclip_indexer* indexer, const pressclip_article_fields* fields, char** id);

/** Adds an article from `text`, the content of an article file (optional YAML front matter,
 * then the text), under `article_id` (NULL: derived from the text). Pending until commit.
 * If `id` is not NULL, stores the article's id there (release it with pressclip_free()). */
PRESSCLIP_EXPORT pressclip_status pressclip_indexer_add_text(pressclip_indexer* indexer,
                                                             const char* text,
                                                             const char* article_id, char** id);

/** Removes the article with id `id_or_path`, or else the one indexed from that file path.
 * Pending until commit. Fails with PRESSCLIP_NOT_FOUND if there is none. */
PRESSCLIP_EXPORT pressclip_status pressclip_indexer_remove(pressclip_indexer* indexer,
                                                           const char* id_or_path);

/** Makes the pending changes durable and visible to searchers (after
 * pressclip_searcher_reopen()), all at once. PRESSCLIP_OK if nothing was pending. */
PRESSCLIP_EXPORT pressclip_status pressclip_indexer_commit(pressclip_indexer* indexer);

/* ---- Searching ----------------------------------------------------------------------- */

/** An index opened for reading, as of when it was opened or last reopened. */
typedef struct pressclip_searcher pressclip_searcher;

/** Opens the index in `database_path` for reading. Fails with PRESSCLIP_INDEX_MISSING,
 * PRESSCLIP_INDEX_VERSION or PRESSCLIP_INDEX_CORRUPT. */
PRESSCLIP_EXPORT pressclip_status pressclip_searcher_open(const char* database_path,
                                                          pressclip_searcher** searcher);

/** Frees `searcher`. NULL is allowed. Results read from it stay valid. */
PRESSCLIP_EXPORT void pressclip_searcher_close(pressclip_searcher* searcher);

/** Makes commits made since the searcher was opened visible. */
PRESSCLIP_EXPORT pressclip_status pressclip_searcher_reopen(pressclip_searcher* searcher);

/** The options of a search, each set by a function below. */
typedef struct pressclip_search_options pressclip_search_options;

/** Result orders. */
typedef enum pressclip_sort {
  PRESSCLIP_SORT_RELEVANCE = 0,       /**< Best passage first (the default). */
  PRESSCLIP_SORT_DATE_ASCENDING = 1,  /**< Oldest article first. */
  PRESSCLIP_SORT_DATE_DESCENDING = 2, /**< Newest article first; undated ones last. */
} pressclip_sort;

/** Where the conditions of a query must hold. */
typedef enum pressclip_scope {
  PRESSCLIP_SCOPE_ARTICLE = 0, /**< Anywhere in the article (the default). */
  PRESSCLIP_SCOPE_PASSAGE = 1, /**< Inside one passage. */
} pressclip_scope;

/** New options for `query` (pressclip's query language, docs/query-language.md) with the
 * defaults of the C++ API: ten passages, one per article, by relevance. NULL if `query` is
 * NULL or memory is exhausted. Free with pressclip_search_options_free(). */
PRESSCLIP_EXPORT pressclip_search_options* pressclip_search_options_new(const char* query);
PRESSCLIP_EXPORT void pressclip_search_options_free(pressclip_search_options* options);

/* Setters. Values are checked when the search runs (PRESSCLIP_BAD_ARGUMENT or
 * PRESSCLIP_BAD_QUERY then). A NULL string resets a string option to its default. */
/** Passages to return at most (default 10, >= 1). */
PRESSCLIP_EXPORT void pressclip_search_options_set_limit(pressclip_search_options* options,
                                                         size_t limit);
/** Ranked passages to skip first, for paging (default 0). */
PRESSCLIP_EXPORT void pressclip_search_options_set_offset(pressclip_search_options* options,
                                                          size_t offset);
/** Passages per article at most (default 1, >= 1). */
PRESSCLIP_EXPORT void pressclip_search_options_set_per_article(pressclip_search_options* options,
                                                               size_t per_article);
PRESSCLIP_EXPORT void pressclip_search_options_set_sort(pressclip_search_options* options,
                                                        pressclip_sort sort);
PRESSCLIP_EXPORT void pressclip_search_options_set_scope(pressclip_search_options* options,
                                                         pressclip_scope scope);
/** Whole sentences of context shown around each passage (default 0). */
PRESSCLIP_EXPORT void pressclip_search_options_set_context_sentences(
    pressclip_search_options* options, size_t sentences);
/** Only articles dated on or after `since` / on or before `until`: any form of a `date:`
 * bound ("2023-07", "-7d", "yesterday"). Default: no bound. */
PRESSCLIP_EXPORT void pressclip_search_options_set_since(pressclip_search_options* options,
                                                         const char* since);
PRESSCLIP_EXPORT void pressclip_search_options_set_until(pressclip_search_options* options,
                                                         const char* until);
/** "Today" as YYYY-MM-DD for relative dates and recency. Default: the system's local date. */
PRESSCLIP_EXPORT void pressclip_search_options_set_today(pressclip_search_options* options,
                                                         const char* today);
/** Whether date filters match dates inferred from the text (default 1: yes). */
PRESSCLIP_EXPORT void pressclip_search_options_set_include_inferred_dates(
    pressclip_search_options* options, int include);
/** Blends recency into relevance with this half-life in days (default 0: off). */
PRESSCLIP_EXPORT void pressclip_search_options_set_recency_half_life(
    pressclip_search_options* options, double days);
/** Also count the whole match set by source, agency and month (default 0: no). */
PRESSCLIP_EXPORT void pressclip_search_options_set_facets(pressclip_search_options* options,
                                                          int facets);
/** A hard deadline: a search still running `seconds` after pressclip_search() was called
 * stops and fails with PRESSCLIP_TIMEOUT (default 10; 0: no deadline; rounded up to whole
 * milliseconds). Negative or NaN is PRESSCLIP_BAD_ARGUMENT when the search runs. */
PRESSCLIP_EXPORT void pressclip_search_options_set_timeout(pressclip_search_options* options,
                                                           double seconds);

/** The outcome of a search: hits (ranked passages) and, if asked, facets. */
typedef struct pressclip_results pressclip_results;

/** Runs a search. On success stores the results in `*results` (free them with
 * pressclip_results_free()); on failure stores NULL. Fails with PRESSCLIP_BAD_QUERY, with a
 * one-line message saying what is wrong, for a malformed or empty query or one past a limit
 * of docs/query-language.md (16 KiB, 1024 terms, 64 words in a phrase, 16 wildcards of at
 * most 1000 words each), and with PRESSCLIP_TIMEOUT if it runs past its timeout. */
PRESSCLIP_EXPORT pressclip_status pressclip_search(pressclip_searcher* searcher,
                                                   const pressclip_search_options* options,
                                                   pressclip_results** results);
PRESSCLIP_EXPORT void pressclip_results_free(pressclip_results* results);

/** The result model version of these results (PRESSCLIP_RESULT_FORMAT_VERSION). */
PRESSCLIP_EXPORT int pressclip_results_format_version(const pressclip_results* results);
/** Articles matching the query: exact up to 10,000, estimated above. */
PRESSCLIP_EXPORT size_t pressclip_results_matching_articles(const pressclip_results* results);
/** A "did you mean" query when few articles match, else "". */
PRESSCLIP_EXPORT const char* pressclip_results_suggested_query(const pressclip_results* results);
/** The number of hits (ranked passages), best first. */
PRESSCLIP_EXPORT size_t pressclip_results_count(const pressclip_results* results);

/* Hit `i` (0 <= i < count). Strings are "" when a value is unknown. */
/** 1 for the best passage, counting from the first page. */
PRESSCLIP_EXPORT size_t pressclip_hit_rank(const pressclip_results* results, size_t i);
/** Higher is better; comparable within one search only. */
PRESSCLIP_EXPORT double pressclip_hit_score(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT const char* pressclip_hit_article_id(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT const char* pressclip_hit_path(const pressclip_results* results, size_t i);
/** In a file of several articles (JSON Lines, mbox): the article's record key in its path;
 * "" otherwise. `show` and `rm` accept "PATH#RECORD". */
PRESSCLIP_EXPORT const char* pressclip_hit_record(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT const char* pressclip_hit_title(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT const char* pressclip_hit_source(const pressclip_results* results, size_t i);
/** ISO 8601 at its precision: "2023", "2023-08" or "2023-08-03". */
PRESSCLIP_EXPORT const char* pressclip_hit_date(const pressclip_results* results, size_t i);
/** 1 if the date was inferred from the text, else 0. */
PRESSCLIP_EXPORT int pressclip_hit_date_inferred(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT size_t pressclip_hit_agency_count(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT const char* pressclip_hit_agency(const pressclip_results* results, size_t i,
                                                  size_t agency);
/** The passage's position in its article, from 0. */
PRESSCLIP_EXPORT size_t pressclip_hit_passage_index(const pressclip_results* results, size_t i);
/** The byte range [start, end) of the shown text in the article text. */
PRESSCLIP_EXPORT size_t pressclip_hit_passage_start(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT size_t pressclip_hit_passage_end(const pressclip_results* results, size_t i);
/** The shown text (end - start bytes, NUL-terminated). */
PRESSCLIP_EXPORT const char* pressclip_hit_passage_text(const pressclip_results* results, size_t i);
/** 1 if the passage's sentence goes on before (after) the shown text. */
PRESSCLIP_EXPORT int pressclip_hit_cut_before(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT int pressclip_hit_cut_after(const pressclip_results* results, size_t i);
/** Highlights: byte ranges [start, end) of the passage text, sorted and disjoint. */
PRESSCLIP_EXPORT size_t pressclip_hit_highlight_count(const pressclip_results* results, size_t i);
PRESSCLIP_EXPORT size_t pressclip_hit_highlight_start(const pressclip_results* results, size_t i,
                                                      size_t highlight);
PRESSCLIP_EXPORT size_t pressclip_hit_highlight_end(const pressclip_results* results, size_t i,
                                                    size_t highlight);

/** The fields results can be counted by. */
typedef enum pressclip_facet {
  PRESSCLIP_FACET_SOURCE = 0, /**< By canonical source, most first. */
  PRESSCLIP_FACET_AGENCY = 1, /**< By credited agency, most first. */
  PRESSCLIP_FACET_MONTH = 2,  /**< By "YYYY-MM", in time order. */
} pressclip_facet;

/** The number of values of `facet` (0 unless facets were asked for). */
PRESSCLIP_EXPORT size_t pressclip_results_facet_count(const pressclip_results* results,
                                                      pressclip_facet facet);
PRESSCLIP_EXPORT const char* pressclip_results_facet_value(const pressclip_results* results,
                                                           pressclip_facet facet, size_t i);
PRESSCLIP_EXPORT size_t pressclip_results_facet_articles(const pressclip_results* results,
                                                         pressclip_facet facet, size_t i);

/* ---- One article, and statistics ---------------------------------------------------- */

/** An indexed article, whole. */
typedef struct pressclip_article pressclip_article;

/** Reads the article with id `id_or_path`, or else the one indexed from that file path.
 * Fails with PRESSCLIP_NOT_FOUND if there is none. Free it with pressclip_article_free(). */
PRESSCLIP_EXPORT pressclip_status pressclip_searcher_find_article(pressclip_searcher* searcher,
                                                                  const char* id_or_path,
                                                                  pressclip_article** article);
PRESSCLIP_EXPORT void pressclip_article_free(pressclip_article* article);

/** The metadata fields of an article. */
typedef enum pressclip_field {
  PRESSCLIP_FIELD_TITLE = 0,
  PRESSCLIP_FIELD_SOURCE = 1,
  PRESSCLIP_FIELD_DATE = 2,
  PRESSCLIP_FIELD_URL = 3,
  PRESSCLIP_FIELD_LANGUAGE = 4,
} pressclip_field;

PRESSCLIP_EXPORT const char* pressclip_article_id(const pressclip_article* article);
/** The file it was read from; "" if it was given in memory. */
PRESSCLIP_EXPORT const char* pressclip_article_path(const pressclip_article* article);
/** In a file of several articles (JSON Lines, mbox): the article's record key in its path
 * (its stated id, or its position: "line-7", "message-3"); "" otherwise. */
PRESSCLIP_EXPORT const char* pressclip_article_record(const pressclip_article* article);
/** A field's value, "" when unknown. */
PRESSCLIP_EXPORT const char* pressclip_article_field(const pressclip_article* article,
                                                     pressclip_field field);
/** Where the value came from: "given", "front matter", "document", "manifest", "text line",
 * "credit", "inferred from text" or "default". */
PRESSCLIP_EXPORT const char* pressclip_article_field_origin(const pressclip_article* article,
                                                            pressclip_field field);
/** The character encoding the article's file was converted to UTF-8 from ("UTF-8",
 * "windows-1252", ...). */
PRESSCLIP_EXPORT const char* pressclip_article_charset(const pressclip_article* article);
PRESSCLIP_EXPORT size_t pressclip_article_agency_count(const pressclip_article* article);
PRESSCLIP_EXPORT const char* pressclip_article_agency(const pressclip_article* article, size_t i);
/** The whole article text (UTF-8, NUL-terminated). */
PRESSCLIP_EXPORT const char* pressclip_article_text(const pressclip_article* article);
/** Passages: byte ranges [start, end) of the text, in order, covering every sentence. */
PRESSCLIP_EXPORT size_t pressclip_article_passage_count(const pressclip_article* article);
PRESSCLIP_EXPORT size_t pressclip_article_passage_start(const pressclip_article* article, size_t i);
PRESSCLIP_EXPORT size_t pressclip_article_passage_end(const pressclip_article* article, size_t i);

/** Counts describing an index. */
typedef struct pressclip_stats {
  size_t articles;
  size_t passages;
  size_t undated_articles;
  char earliest_date[11]; /**< "YYYY-MM-DD" of the earliest dated article, or "". */
  char latest_date[11];   /**< "YYYY-MM-DD" of the latest dated article, or "". */
  int index_format_version;
} pressclip_stats;

/** Fills `stats` with the index's counts. */
PRESSCLIP_EXPORT pressclip_status pressclip_searcher_stats(pressclip_searcher* searcher,
                                                           pressclip_stats* stats);

#ifdef __cplusplus
}
#endif

#endif /* PRESSCLIP_PRESSCLIP_H */
