// Searching an index: ranked passages for a query, one article, and index statistics.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pressclip/article.h"
#include "pressclip/export.h"
#include "pressclip/timeline.h"
#include "pressclip/version.h"

namespace pressclip {

/// The order of search results.
enum class SortOrder {
  kRelevance,       ///< Best passage first.
  kDateAscending,   ///< Oldest article first (by the first day of its date), then relevance.
  kDateDescending,  ///< Newest article first, then relevance. Undated articles come last.
};

/// Where the conditions of a query must hold.
enum class SearchScope {
  kArticle,  ///< Anywhere in the article; each shown passage matches some of the query.
  kPassage,  ///< Inside one passage: every AND-ed word, phrase or NEAR group, and one side of
             ///< each OR. NOT, filters and other fields (title:, source:) apply per article.
};

/// Limits on what one query may ask, so that a hostile or mistaken query (a pasted article,
/// a generated list of words) is refused at once with ErrorKind::kBadQuery instead of
/// running for minutes: raw Xapian took 193 s for a 100 KB quoted phrase on 200,000
/// articles. docs/query-language.md ("Limits") gives the measurements behind them.
///
/// The query string, in bytes: 16 KiB is some 2,000 words, far more than a hand-written
/// query or a long boolean query of names and places, and it bounds the work done before
/// the terms are counted (normalisation, parsing).
inline constexpr std::size_t kMaxQueryBytes = 16 * 1024;
/// The terms of the parsed query: each bare word, each word of a phrase or NEAR group,
/// each wildcard, each filter value and each term a `date:` range stands for. Xapian opens
/// one posting list per term, and passages are scored per term, so the cost of a search
/// grows with it; 1024 OR-ed words took 0.2-0.3 s on 3,000 articles (ten passages).
inline constexpr std::size_t kMaxQueryTerms = 1024;
/// The words of one phrase or NEAR/ADJ group. A phrase never spans two sentences, so a
/// longer one cannot match text of ordinary sentences, while Xapian checks the positions of
/// every word of it in every article holding them all (the cost of the 193 s above).
inline constexpr std::size_t kMaxPhraseWords = 64;
/// Wildcards in one query. Each may open up to kMaxWildcardExpansion posting lists, which
/// Xapian opens before it matches (out of the deadline's reach): at most 16,000 in all.
inline constexpr std::size_t kMaxWildcards = 16;
/// The words of the index one wildcard may match. A broader wildcard is an error
/// (kBadQuery, "too broad a wildcard"), not silently cut to its most frequent words: a
/// truncated wildcard would drop matches without saying so.
inline constexpr std::size_t kMaxWildcardExpansion = 1000;

/// The default SearchOptions::timeout: far above what an ordinary search takes (milliseconds
/// to a second on large archives), short enough for an interactive user or a server thread.
inline constexpr std::chrono::milliseconds kDefaultSearchTimeout{10000};

/// One search. The defaults give the ten best passages, one per article.
struct SearchOptions {
  std::string query;            ///< In pressclip's query language (docs/query-language.md).
  std::size_t limit = 10;       ///< Passages to return at most.
  std::size_t offset = 0;       ///< Ranked passages to skip first (for paging).
  std::size_t per_article = 1;  ///< Passages shown per article at most (>= 1).
  /// Result order. Sorted by date, articles come in date order, each with its best passages.
  SortOrder sort = SortOrder::kRelevance;
  SearchScope scope = SearchScope::kArticle;
  /// Whole sentences shown before and after each passage, for context (highlighted too).
  std::size_t context_sentences = 0;
  /// Also return how the query was understood (SearchResults::explanation) and why each
  /// passage scored as it did (SearchHit::explanation).
  bool explain = false;
  /// Articles whose passages compete for the result list, at least. More finds the best
  /// passage of a lower-ranked article more often, at the cost of reading more articles.
  std::size_t candidate_articles = 100;
  /// "Today" as "YYYY-MM-DD", for relative dates (`date:-7d..`, since/until) and recency.
  /// Empty: the local date from the system clock. Set it for reproducible runs.
  std::string today{};
  /// Only articles dated on or after / on or before this date: any form a `date:` bound
  /// takes ("2023-07", "-7d", "yesterday"). Empty: no bound. Same as adding `date:A..B`.
  std::string since{};
  std::string until{};
  /// Whether date filters (`date:`, since, until) match articles whose date was inferred
  /// from their text (FieldOrigin::kInferred). Sorting and facets always use those dates.
  bool include_inferred_dates = true;
  /// When > 0, recency blends into relevance: the BM25 part of the score of an article
  /// `age` days old (from `today`) is multiplied by 0.5^(age / half_life); undated articles
  /// count as one half-life old. The newest matching articles are candidates beside the
  /// best-matching ones, chosen by Xapian from the whole match set (docs/ranking.md).
  /// Only for relevance order.
  double recency_half_life_days = 0.0;
  /// Also count the whole match set by source, agency and month (SearchResults::facets),
  /// which makes Xapian check every matching article.
  bool facets = false;
  /// A hard deadline: a search still running this long after search() was called stops and
  /// throws Error kTimeout. It covers the whole search (matching, passage scoring, facets,
  /// the spelling suggestion). 0: no deadline. Longer lets broad queries on big archives
  /// finish; shorter protects a server from queries that hold a thread. Negative is
  /// kBadArgument. See timeout_from_seconds() for a number of seconds.
  std::chrono::milliseconds timeout = kDefaultSearchTimeout;
};

/// `seconds` as a SearchOptions::timeout: rounded up to whole milliseconds, so that any
/// positive value stays a deadline (0.0001 is 1 ms); 0 is 0 (no deadline); more than a
/// year is a year. Negative or NaN give -1 ms, which search() rejects (kBadArgument).
/// Thread-safe.
PRESSCLIP_EXPORT std::chrono::milliseconds timeout_from_seconds(double seconds) noexcept;

/// How many articles have one value of a field.
struct FacetValue {
  std::string value;
  std::size_t articles = 0;
};

/// Counts of a set of articles by field (`--facets`, `stats`).
struct Facets {
  std::size_t articles = 0;          ///< The articles counted.
  std::vector<FacetValue> sources;   ///< By canonical source, most first, then by name.
  std::vector<FacetValue> agencies;  ///< By credited agency, most first, then by name.
  std::vector<FacetValue> months;    ///< "YYYY-MM" in time order; dated to a month or day.
  std::vector<DatedCount> dates;     ///< Every date's period with its count, for timelines.
  std::size_t without_source = 0;
  std::size_t without_agency = 0;
  std::size_t undated = 0;
  std::size_t inferred_dates = 0;  ///< Articles whose date was inferred from the text.
  std::size_t dated_to_year = 0;   ///< Dated to a year only (not in `months`).
};

/// A byte range [start, end) inside a passage's text.
struct Highlight {
  std::size_t start = 0;
  std::size_t end = 0;
};

/// One part of a query that passages are scored by: a word, a phrase, a NEAR group or a
/// wildcard, as the query parser understood it.
struct QueryPartExplanation {
  std::string kind;                ///< "word", "phrase", "near" or "wildcard".
  std::vector<std::string> terms;  ///< Index terms: a word as written, "Z" + a stem, a prefix.
  unsigned window = 0;             ///< For a phrase or NEAR group: the words' span at most.
  bool required = false;           ///< Every matching article has it (it is not under an OR).
  double idf = 0.0;                ///< Its weight per occurrence (BM25 inverse document frequency).
  /// The words of the index it matches: the forms of a stem, a wildcard's expansion (at
  /// most kExplainedFormsShown of them, most frequent first for a wildcard).
  std::vector<std::string> forms;
  std::size_t form_count = 0;  ///< How many forms there are in all.
};

/// How a query was understood.
struct QueryExplanation {
  std::string normalised;  ///< The query after normalisation and rewriting ("-x" as NOT x).
  std::string parsed;      ///< Xapian's description of the parsed query (filters included).
  std::vector<QueryPartExplanation> parts;  ///< The parts that passages are scored by.
};

/// At most this many forms are listed per query part in an explanation.
inline constexpr std::size_t kExplainedFormsShown = 20;

/// Why a passage scored as it did (docs/ranking.md): with bm25 = recency_factor * (sum of
/// part_scores + article_share * article_weight), score = parts_covered + bm25 / (1 + bm25).
struct ScoreExplanation {
  std::vector<double> part_scores;  ///< BM25 of each query part in the passage, by part.
  double article_weight = 0.0;      ///< The article's own BM25 weight for the query.
  double article_share = 0.0;       ///< The share of it added to each of its passages.
  std::size_t parts_covered = 0;    ///< Query parts that occur in the passage.
  double recency_factor = 1.0;      ///< 0.5^(age / half-life) with recency, else 1.
};

/// The article a hit belongs to.
struct ArticleSummary {
  std::string id;
  std::string path;
  std::string title;
  std::string source;                 ///< Empty when unknown.
  std::string date;                   ///< ISO 8601 at its precision, empty when unknown.
  bool date_inferred = false;         ///< The date was inferred from the text.
  std::vector<std::string> agencies;  ///< Credited wire agencies, canonical names.
  /// The article's record key in `path`, for a file of several articles (ArticleRecord).
  std::string record;
};

/// One ranked passage. `passage.start`/`end` are byte offsets in the article text of what is
/// shown: the passage, widened by context sentences, or cut down (at spaces, around its
/// first match) if it is one very long sentence. `highlights` are byte offsets into
/// `passage_text`, sorted and disjoint. A phrase is one highlight covering all its words.
struct SearchHit {
  std::size_t rank = 0;  ///< 1 for the best passage, counting from the first page.
  double score = 0.0;    ///< Higher is better; comparable within one search only.
  ArticleSummary article;
  PassageSpan passage;
  std::string passage_text;  ///< The article text from passage.start to passage.end.
  std::vector<Highlight> highlights;
  bool cut_before = false;  ///< The passage's sentence goes on before passage_text.
  bool cut_after = false;   ///< The passage's sentence goes on after passage_text.
  std::optional<ScoreExplanation> explanation;  ///< Set when SearchOptions::explain.
};

/// A shard left out of a search (SearcherOptions::allow_partial).
struct MissingShard {
  std::string shard;   ///< As listed: a path, "remote HOST:PORT" or "remote :PROGRAM ARGS".
  std::string reason;  ///< Why, in a few words ("connection refused", "timed out after 2 s").
};

/// Below this many matching articles, a search looks for a spelling correction.
inline constexpr std::size_t kFewMatchingArticles = 3;

/// The outcome of a search.
struct SearchResults {
  /// The result model's version, as produced by the library (kResultFormatVersion).
  int format_version = 0;
  std::vector<SearchHit> hits;  ///< Best first.
  /// Articles matching (exact up to 10,000, estimated above). In passage scope: the
  /// articles read that have a passage satisfying the query (a lower bound when the search
  /// stopped reading early).
  std::size_t matching_articles = 0;
  /// When fewer than kFewMatchingArticles articles match: the query with its rare words
  /// replaced by close, more frequent words of the index ("did you mean"), if that query
  /// matches more articles. Empty otherwise.
  std::string suggested_query;
  std::optional<QueryExplanation> explanation;  ///< Set when SearchOptions::explain.
  /// Set when SearchOptions::facets: the articles the query matches, all of them (in
  /// passage scope too, the articles matching the query as a whole).
  std::optional<Facets> facets;
  /// The shards this search could not read (only with SearcherOptions::allow_partial):
  /// their articles are missing from every count and list above.
  std::vector<MissingShard> missing_shards;
};

/// Counts describing an index.
struct IndexStats {
  std::string database_path;
  std::size_t articles = 0;
  std::size_t passages = 0;
  Facets facets;  ///< Every article counted by source, agency and month.
  std::size_t undated_articles = 0;
  std::string earliest_date;     ///< ISO day of the earliest dated article, or empty.
  std::string latest_date;       ///< ISO day of the latest dated article, or empty.
  int index_format_version = 0;  ///< The on-disk format (docs/index-format.md).
  std::string stemmer_language;
  std::size_t shards = 1;  ///< The databases searched as one (stub files expanded).
  /// Shards left out (SearcherOptions::allow_partial): the counts above lack them.
  std::vector<MissingShard> missing_shards;
};

/// How long a remote shard may keep a Searcher waiting, by default: well above a busy
/// server's answer (milliseconds), short enough that a stopped server fails a search soon.
inline constexpr std::chrono::milliseconds kDefaultRemoteTimeout{10000};

/// Where a Searcher finds its articles, and what to do when part of them is unreachable.
/// Several databases are searched as one index: results, passages, highlights, facets and
/// timelines are those of a single index holding all their articles (Xapian merges them
/// with global term statistics), except that a search confined to some dates of a
/// date-sharded index reads, and takes its statistics from, only the shards of those dates.
struct SearcherOptions {
  /// Each a pressclip index directory, or a Xapian stub file (or a directory holding one
  /// named XAPIANDB) listing shards one per line: `auto PATH` (relative to the stub file's
  /// directory), `glass PATH`, `remote HOST:PORT` (xapian-tcpsrv) or `remote :PROGRAM ARGS`
  /// (xapian-progsrv over a pipe, e.g. through ssh), `#` comments. docs/scaling.md.
  std::vector<std::string> databases;
  /// How long one exchange with a remote shard may take before it counts as down (a
  /// stopped or overloaded server). 0: wait forever. Longer than SearchOptions::timeout is
  /// pointless: the search deadline ends the search first.
  std::chrono::milliseconds remote_timeout = kDefaultRemoteTimeout;
  /// How long connecting to a remote shard over TCP may take.
  std::chrono::milliseconds connect_timeout = kDefaultRemoteTimeout;
  /// False: a shard that cannot be opened, or fails during a search, fails the search with
  /// Error kShardUnavailable naming it. True: it is left out, the others are searched, and
  /// the results name it (SearchResults::missing_shards, IndexStats::missing_shards).
  bool allow_partial = false;
};

/// Reads a pressclip index. Sees the index as of when it was opened or last reopened; call
/// reopen() to see later commits. Xapian keeps a revision readable only until the writer's
/// second commit after it: when a search, find_article or stats finds its revision
/// discarded, it reopens the index by itself and answers from the latest commit (so a
/// searcher never reads an older state than it has seen, but may move forward on its own).
///
/// Thread-safety: a Searcher must be used by one thread at a time; open one Searcher per
/// thread to search in parallel (they share the operating system's page cache), while a
/// writer in any process commits. Tested in tests/unit/searcher/test_concurrent_search.cpp.
class PRESSCLIP_EXPORT Searcher {
 public:
  /// Opens the index at `database_path` for reading. Throws Error: kIndexMissing if there
  /// is no index there, kIndexVersion if it was written by an incompatible version,
  /// kIndexCorrupt if it is not a pressclip index or is damaged.
  explicit Searcher(const std::string& database_path);
  /// Opens several databases, or shards listed in stub files, as one index (SearcherOptions).
  /// Throws as above, naming the database at fault; Error kBadArgument if `databases` is
  /// empty or a stub file is malformed; kIndexVersion if the shards were built with
  /// different stemmers; kShardUnavailable for an unreachable shard unless allow_partial.
  /// The shards of a date-sharded index are opened when a search first needs them.
  explicit Searcher(const SearcherOptions& options);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Runs `options.query` and returns ranked, highlighted passages. Throws Error kBadQuery
  /// (with a one-line explanation) if the query is empty, malformed or has nothing to
  /// search for, or since/until is not a date; kBadArgument if limit or per_article is 0,
  /// today is not a YYYY-MM-DD date, or recency is asked with a date order.
  SearchResults search(const SearchOptions& options);

  /// The article with id `id_or_path`, or else the article indexed from that file path
  /// (the first, for a file of several articles), or else from PATH#RECORD; std::nullopt
  /// if there is none.
  std::optional<ArticleRecord> find_article(const std::string& id_or_path);

  /// The ids of every article read from the file at `path` (one for most files, one per
  /// record of a JSON Lines or mbox file), in the order they were indexed; empty if none.
  std::vector<std::string> article_ids_of_file(const std::string& path);

  /// Counts of articles, passages, sources, agencies and dates.
  IndexStats stats();

  /// Makes later commits by a writer visible, in every shard. The shards are those listed
  /// when the Searcher was made: a shard added to a stub file later (a new month of a
  /// date-sharded index) is read by a new Searcher.
  void reopen();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressclip
