// Searching an index: ranked passages for a query, one article, and index statistics.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pressclip/article.h"
#include "pressclip/export.h"

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

/// Why a passage scored as it did (docs/ranking.md): with bm25 = sum of part_scores +
/// article_share * article_weight, score = parts_covered + bm25 / (1 + bm25).
struct ScoreExplanation {
  std::vector<double> part_scores;  ///< BM25 of each query part in the passage, by part.
  double article_weight = 0.0;      ///< The article's own BM25 weight for the query.
  double article_share = 0.0;       ///< The share of it added to each of its passages.
  std::size_t parts_covered = 0;    ///< Query parts that occur in the passage.
};

/// The article a hit belongs to.
struct ArticleSummary {
  std::string id;
  std::string path;
  std::string title;
  std::string source;  ///< Empty when unknown.
  std::string date;    ///< ISO 8601 at its precision, empty when unknown.
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

/// Below this many matching articles, a search looks for a spelling correction.
inline constexpr std::size_t kFewMatchingArticles = 3;

/// The outcome of a search.
struct SearchResults {
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
};

/// Counts describing an index.
struct IndexStats {
  std::string database_path;
  std::size_t articles = 0;
  std::size_t passages = 0;
  std::vector<std::pair<std::string, std::size_t>>
      sources;  ///< Display name, articles; most first.
  std::size_t undated_articles = 0;
  std::string earliest_date;  ///< ISO day of the earliest dated article, or empty.
  std::string latest_date;    ///< ISO day of the latest dated article, or empty.
  int format_version = 0;
  std::string stemmer_language;
};

/// Reads a pressclip index. Sees the index as of when it was opened; call reopen() to see
/// later commits.
///
/// Thread-safety: a Searcher must be used by one thread at a time; open one Searcher per
/// thread to search in parallel (they share the operating system's page cache).
class PRESSCLIP_EXPORT Searcher {
 public:
  /// Opens the index at `database_path` for reading. Throws Error: kIndexMissing if there
  /// is no index there, kIndexVersion if it was written by an incompatible version,
  /// kIndexCorrupt if it is not a pressclip index or is damaged.
  explicit Searcher(const std::string& database_path);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Runs `options.query` and returns ranked, highlighted passages. Throws Error kBadQuery
  /// (with a one-line explanation) if the query is empty, malformed or has nothing to
  /// search for; kBadArgument if limit or per_article is 0.
  SearchResults search(const SearchOptions& options);

  /// The article with id `id_or_path`, or else the article indexed from that file path;
  /// std::nullopt if there is none.
  std::optional<ArticleRecord> find_article(const std::string& id_or_path);

  /// Counts of articles, passages, sources and dates.
  IndexStats stats();

  /// Makes later commits by a writer visible.
  void reopen();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressclip
