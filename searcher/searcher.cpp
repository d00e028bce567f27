// The Searcher: matches articles with Xapian, then ranks their passages across articles.
#include "pressclip/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <type_traits>
#include <unordered_set>

#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/date_terms.h"
#include "schema/field_table.h"
#include "schema/file_state.h"
#include "schema/file_terms.h"
#include "schema/index_settings.h"
#include "schema/name_aliases.h"
#include "schema/partial_date.h"
#include "schema/passage_layout.h"
#include "schema/stored_article.h"
#include "schema/text_analyzer.h"
#include "schema/xapian_errors.h"
#include "searcher/date_filter.h"
#include "searcher/facet_counter.h"
#include "searcher/index_statistics.h"
#include "searcher/passage_bm25.h"
#include "searcher/passage_ranker.h"
#include "searcher/passage_selection.h"
#include "searcher/passage_window.h"
#include "searcher/position_scorer.h"
#include "searcher/query_builder.h"
#include "searcher/query_explanation.h"
#include "searcher/query_limits.h"
#include "searcher/query_units.h"
#include "searcher/recency.h"
#include "searcher/search_deadline.h"
#include "searcher/shard_set.h"
#include "searcher/spelling_suggester.h"

namespace pressclip {
namespace {

// How much an article's own BM25 weight adds to each of its passages' scores: enough to
// order equal passages by how well their articles match, too little to lift a passage
// that does not match over one that does.
constexpr double kArticleWeightShare = 0.25;

// Searches run again at most this many times in all when a writer discards the revision
// being read (each retry reopens the index first).
constexpr int kMostSearchAttempts = 50;

// Matching counts are exact up to this many articles, estimated beyond.
constexpr Xapian::doccount kExactCountUpTo = 10000;

// In passage scope, articles are read this many at a time after the first window, and no
// more than kMostArticlesInPassageScope in all.
constexpr Xapian::doccount kPassageScopeWindow = 200;
constexpr Xapian::doccount kMostArticlesInPassageScope = 5000;

// "a, b, c" of the databases searched, for statistics and messages.
std::string joined(const std::vector<std::string>& databases) {
  std::string text;
  for (const std::string& database : databases) text += (text.empty() ? "" : ", ") + database;
  return text;
}

// Recency settings of a search: off when half_life_days is 0.
struct Recency {
  int today = 0;  // Days since 1970-01-01.
  double half_life_days = 0.0;
};

// An article whose passages compete; its stored record is read only if needed.
struct CandidateArticle {
  Xapian::Document document;
  std::optional<ArticleRecord> record;
};

// A passage competing for a place in the results.
struct Candidate {
  double score = 0.0;
  std::size_t article = 0;  // Index into the articles read for this search (in match order).
  std::size_t passage = 0;
  std::optional<std::vector<Highlight>> highlights;  // Known when scored from the text.
  std::optional<ScoreExplanation> explanation;       // Kept when explaining.
};

std::size_t parts_covered(const searcher::PassageScore& passage) {
  return static_cast<std::size_t>(
      std::count(passage.units_found.begin(), passage.units_found.end(), true));
}

// Passages holding more of the query's parts come first: known-item tests showed a passage
// with one rare word twice outranking the one with every word once. Among passages holding
// as many parts, the higher BM25 (passage plus article share) wins; it is squashed into
// [0, 1) so that it never outweighs a part.
double final_score(std::size_t covered, double bm25) {
  return static_cast<double>(covered) + bm25 / (1.0 + bm25);
}

ArticleSummary summarise(const ArticleRecord& record) {
  const ArticleMetadata& metadata = record.metadata;
  ArticleSummary summary{record.id,
                         record.path,
                         metadata.title.value,
                         metadata.source.value,
                         metadata.date.value,
                         metadata.date.origin == FieldOrigin::kInferred,
                         {},
                         record.record};
  for (const MetadataField& agency : metadata.agencies) summary.agencies.push_back(agency.value);
  return summary;
}

}  // namespace

class Searcher::Impl {
 public:
  explicit Impl(const SearcherOptions& options) : path_(joined(options.databases)) {
    try {
      shards_ = std::make_unique<searcher::ShardSet>(options);
      database_ = shards_->database();
      settings_ = shards_->settings();
      analyzer_ = std::make_unique<schema::TextAnalyzer>(settings_.stemmer_language);
      source_aliases_ = schema::builtin_source_aliases();
      for (const std::string& text : shards_->source_alias_texts()) {
        source_aliases_.add_from_text(text, "the index's source aliases");
      }
      agency_aliases_ = schema::builtin_agency_aliases();
      query_builder_ = std::make_unique<searcher::QueryBuilder>(*analyzer_, database_,
                                                                source_aliases_, agency_aliases_);
    } catch (...) {
      schema::rethrow_as_error("cannot open index '" + path_ + "'");
    }
  }

  SearchResults search(const SearchOptions& options) {
    if (options.limit == 0) throw Error(ErrorKind::kBadArgument, "the limit must be at least 1");
    if (options.per_article == 0) {
      throw Error(ErrorKind::kBadArgument, "passages per article must be at least 1");
    }
    if (options.timeout.count() < 0) {
      throw Error(ErrorKind::kBadArgument, "the timeout must be 0 (no limit) or more");
    }
    // One deadline for the whole search, retries and the spelling suggestion included.
    searcher::SearchDeadline deadline(options.timeout);
    try {
      // A writer that commits several times while we read discards the revision we read:
      // catch up and search again, a few times if the writer is busy.
      for (int attempt = 1;; ++attempt) {
        try {
          SearchResults results = run_search(options, deadline);
          results.missing_shards = shards_->missing();
          if (results.matching_articles < kFewMatchingArticles) {
            // Control characters as spaces, as the query was searched: the suggestion
            // repeats the query, and must stay one line.
            results.suggested_query = suggest(searcher::controls_as_spaces(options.query),
                                              results.matching_articles, deadline);
          }
          return results;
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt == kMostSearchAttempts) throw;
          catch_up();
        } catch (const Xapian::NetworkError& error) {
          drop_failed_remote_shards(error);
        }
      }
    } catch (const searcher::DeadlineExpired&) {
      throw Error(ErrorKind::kTimeout, searcher::timeout_message(options.timeout));
    } catch (...) {
      schema::rethrow_as_error("search failed");
    }
  }

  std::optional<ArticleRecord> find_article(const std::string& id_or_path) {
    try {
      select_all_shards();
      return with_retries([&] {
        if (auto record = find_by_term(schema::id_term(id_or_path))) return record;
        if (auto record = find_by_term(schema::path_term(schema::canonical_path(id_or_path)))) {
          return record;
        }
        // PATH#RECORD: one record of a file of several articles.
        const std::size_t hash = id_or_path.rfind('#');
        if (hash == std::string::npos || hash == 0) return std::optional<ArticleRecord>();
        return find_by_term(schema::record_term(schema::canonical_path(id_or_path.substr(0, hash)),
                                                id_or_path.substr(hash + 1)));
      });
    } catch (...) {
      schema::rethrow_as_error("cannot read article '" + id_or_path + "'");
    }
  }

  std::vector<std::string> article_ids_of_file(const std::string& path) {
    try {
      select_all_shards();
      return with_retries([&] {
        const std::string term = schema::path_term(schema::canonical_path(path));
        std::vector<std::string> ids;
        for (auto posting = database_.postlist_begin(term); posting != database_.postlist_end(term);
             ++posting) {
          const Xapian::Document document = database_.get_document(*posting);
          if (auto state = schema::decode_file_state(document.get_value(schema::kFileStateSlot))) {
            ids.push_back(state->article_id);
          }
        }
        return ids;
      });
    } catch (...) {
      schema::rethrow_as_error("cannot read the articles of '" + path + "'");
    }
  }

  IndexStats stats() {
    try {
      select_all_shards();
      IndexStats stats = with_retries([&] {
        return searcher::compute_index_stats(database_, path_, settings_, shards_->passage_total());
      });
      stats.shards = shards_->size();
      stats.missing_shards = shards_->missing();
      return stats;
    } catch (...) {
      schema::rethrow_as_error("cannot read statistics of '" + path_ + "'");
    }
  }

  void reopen() {
    try {
      catch_up();
    } catch (...) {
      schema::rethrow_as_error("cannot reopen index '" + path_ + "'");
    }
  }

 private:
  // Runs `read` again after reopening the index when a writer discarded the revision it
  // was reading, up to kMostSearchAttempts times in all, and without a remote shard that
  // stopped answering if partial answers are allowed.
  template <typename Read>
  std::invoke_result_t<Read> with_retries(Read read) {
    for (int attempt = 1;; ++attempt) {
      try {
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMostSearchAttempts) throw;
        catch_up();
      } catch (const Xapian::NetworkError& error) {
        drop_failed_remote_shards(error);
      }
    }
  }

  // Called while handling `error` from a remote shard: leaves out the shards that no longer
  // answer (or throws Error kShardUnavailable naming them, without allow_partial);
  // rethrows `error` if every shard still answers.
  void drop_failed_remote_shards(const Xapian::NetworkError& error) {
    if (!shards_->drop_failed_remote_shards(error.get_msg())) throw;
    use_selected_shards();
  }

  // `query` with the search's deadline checked inside Xapian's matcher, where every shard
  // is local (a remote server cannot run our posting source: the remote timeout and the
  // checks between Xapian's calls bound the search then).
  Xapian::Query bounded(const Xapian::Query& query, searcher::SearchDeadline& deadline) {
    return shards_->all_local() ? searcher::with_deadline(query, deadline) : query;
  }

  void select_all_shards() {
    shards_->select_all();
    use_selected_shards();
  }

  void use_selected_shards() {
    database_ = shards_->database();
    query_builder_->set_database(database_);
  }

  // Reopens the shards at their latest revision. Reopening reads the new revision's tables,
  // which a writer committing twice meanwhile discards too: then it tries again.
  void catch_up() {
    for (int attempt = 1;; ++attempt) {
      try {
        shards_->reopen();
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMostSearchAttempts) throw;
      }
    }
  }

  // Every loop below, and Xapian's matcher through with_deadline(), ticks `deadline`.
  SearchResults run_search(const SearchOptions& options, searcher::SearchDeadline& deadline) {
    const schema::PartialDate today =
        options.today.empty() ? searcher::clock_today() : searcher::parse_today(options.today);
    searcher::DateFilterContext& dates = query_builder_->date_context();
    dates.today = today;
    dates.include_inferred_dates = options.include_inferred_dates;
    if (shards_->date_sharded()) {
      // Bounds from the shards' periods, so that no shard is opened to parse the query.
      dates.earliest_day = shards_->earliest_day();
      dates.latest_day = shards_->latest_day();
    } else {
      dates.earliest_day = database_.get_value_lower_bound(schema::kDateFirstDaySlot);
      dates.latest_day = database_.get_value_upper_bound(schema::kDateLastDaySlot);
    }
    const Xapian::Query query = with_date_bounds(query_builder_->parse(options.query), options);
    // A date-sharded index reads only the shards of the dates the query requires.
    shards_->select(searcher::required_date_range(query));
    use_selected_shards();
    deadline.check();
    const bool by_date = options.sort != SortOrder::kRelevance;
    Xapian::Enquire enquire(database_);
    enquire.set_query(bounded(query, deadline));
    Recency recency;
    if (options.recency_half_life_days > 0) {
      if (by_date) {
        throw Error(ErrorKind::kBadArgument,
                    "recency blends into relevance order only, not "
                    "into an order by date");
      }
      recency = {schema::days_from_civil(today.year, today.month, today.day),
                 options.recency_half_life_days};
    }
    searcher::FacetCounter facet_counter;
    if (options.facets) facet_counter.watch(enquire);
    if (by_date) {
      // Undated articles last either way: oldest first by first day ("~" when undated),
      // newest first by last day (empty when undated). By value, which remote shards know.
      const bool descending = options.sort == SortOrder::kDateDescending;
      enquire.set_sort_by_value_then_relevance(
          descending ? schema::kDateLastDaySlot : schema::kDateOrderSlot, descending);
    } else {
      // Equal scores in id order, not in document number order, which depends on how the
      // articles are split into shards.
      enquire.set_sort_by_relevance_then_value(schema::kArticleOrderSlot, false);
    }
    searcher::QueryStructure structure = searcher::analyse_query(query);
    set_idf(structure.units);
    const double average_length = average_passage_length();
    searcher::PositionScorer scorer(database_, structure.units, *analyzer_, average_length,
                                    &deadline);
    searcher::PassageRanker ranker(*analyzer_, structure.units, average_length, &deadline);
    const bool passage_scope = options.scope == SearchScope::kPassage;
    const std::size_t needed = options.offset + options.limit;
    SearchResults results;
    results.format_version = kResultFormatVersion;
    if (options.explain) {
      results.explanation =
          searcher::explain_query(database_, query_builder_->prepare(options.query), query,
                                  structure.units, scorer, &deadline);
    }

    // Passages compete across the best `candidate_articles` articles. In passage scope an
    // article may have no passage that satisfies the query, so more articles are read, a
    // window at a time, until there are enough passages or no more articles.
    std::vector<CandidateArticle> articles;
    std::vector<Candidate> candidates;
    std::size_t articles_with_passages = 0;
    std::unordered_set<Xapian::docid> read;
    auto compete = [&](const Xapian::MSet& matches) {
      for (auto match = matches.begin(); match != matches.end(); ++match) {
        deadline.tick();
        if (!read.insert(*match).second) continue;
        const std::size_t before = candidates.size();
        add_passages(match, options, structure.condition, scorer, ranker, structure.units.size(),
                     recency, articles, candidates);
        if (candidates.size() > before) ++articles_with_passages;
      }
    };
    Xapian::doccount window =
        static_cast<Xapian::doccount>(std::max(options.candidate_articles, needed));
    for (Xapian::doccount first = 0;;) {
      // Facets count the whole match set: the first window checks every article.
      const Xapian::doccount check_at_least =
          options.facets && first == 0 ? std::max(kExactCountUpTo, database_.get_doccount())
                                       : kExactCountUpTo;
      const Xapian::MSet matches = match(enquire, first, window, check_at_least);
      if (first == 0) results.matching_articles = matches.get_matches_estimated();
      if (first == 0 && options.facets) {
        results.facets = facet_counter.facets();
        enquire.clear_matchspies();
      }
      compete(matches);
      if (first == 0 && recency.half_life_days > 0) {
        // With recency, the newest matching articles compete too: Xapian picks them from
        // the whole match set, so a recent article that matches less well than the best
        // ones can still win once every score is decayed by age.
        Xapian::Enquire newest(database_);
        newest.set_query(bounded(query, deadline));
        newest.set_sort_by_value_then_relevance(schema::kDateLastDaySlot, true);
        compete(match(newest, 0, window, kExactCountUpTo));
      }
      first += matches.size();
      if (!passage_scope || candidates.size() >= needed || matches.size() < window ||
          first >= kMostArticlesInPassageScope) {
        if (passage_scope) results.matching_articles = articles_with_passages;
        break;
      }
      window = kPassageScopeWindow;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [by_date](const Candidate& a, const Candidate& b) {
                       if (by_date && a.article != b.article) return a.article < b.article;
                       if (a.score != b.score) return a.score > b.score;
                       if (a.article != b.article) return a.article < b.article;
                       return a.passage < b.passage;
                     });

    // Only the passages shown are read from the stored text.
    for (std::size_t i = options.offset;
         i < candidates.size() && results.hits.size() < options.limit; ++i) {
      deadline.tick();
      Candidate& candidate = candidates[i];
      CandidateArticle& article = articles[candidate.article];
      if (!article.record) article.record = schema::decode_article(article.document.get_data());
      const ArticleRecord& record = *article.record;
      SearchHit hit;
      hit.rank = i + 1;
      hit.score = candidate.score;
      hit.article = summarise(record);
      hit.passage = record.passages.at(candidate.passage);
      hit.highlights = candidate.highlights ? std::move(*candidate.highlights)
                                            : ranker.highlights(record, candidate.passage);
      shape_passage(record, options, ranker, hit);
      hit.explanation = std::move(candidate.explanation);
      results.hits.push_back(std::move(hit));
    }
    return results;
  }

  // Sets the text `hit` shows: its passage trimmed if very long (around its first match),
  // else widened by the asked context sentences; with the highlights to match.
  void shape_passage(const ArticleRecord& record, const SearchOptions& options,
                     searcher::PassageRanker& ranker, SearchHit& hit) {
    PassageSpan& passage = hit.passage;
    const std::size_t first_match =
        passage.start + (hit.highlights.empty() ? 0 : hit.highlights.front().start);
    const searcher::TrimmedSpan trimmed =
        searcher::trim_long_span(record.text, {passage.start, passage.end}, first_match);
    schema::TextSpan shown = trimmed.span;
    if (!trimmed.cut_before && !trimmed.cut_after && options.context_sentences > 0) {
      shown = searcher::widen_by_sentences(sentence_splitter_.split(record.text), shown,
                                           options.context_sentences);
    }
    if (shown.start != passage.start || shown.end != passage.end) {
      hit.highlights = ranker.highlights_in(record, shown.start, shown.end);
    }
    passage.start = shown.start;
    passage.end = shown.end;
    hit.cut_before = trimmed.cut_before;
    hit.cut_after = trimmed.cut_after;
    hit.passage_text = record.text.substr(shown.start, shown.end - shown.start);
  }

  // A corrected query that matches more than `matching` articles, or "".
  std::string suggest(const std::string& query, std::size_t matching,
                      searcher::SearchDeadline& deadline) {
    const std::optional<std::string> suggestion =
        searcher::SpellingSuggester(database_, *analyzer_, &deadline).suggest(query);
    if (!suggestion) return {};
    try {
      Xapian::Enquire enquire(database_);
      enquire.set_query(bounded(query_builder_->parse(*suggestion), deadline));
      const Xapian::MSet matches = enquire.get_mset(0, 0, kFewMatchingArticles);
      if (matches.get_matches_lower_bound() > matching) return *suggestion;
    } catch (const Error&) {
      // A correction that does not parse is no suggestion.
    } catch (const Xapian::NetworkError&) {
      throw;  // A shard is down: the search handles it.
    } catch (const Xapian::Error&) {
    }
    return {};
  }

  // The query with the since/until bounds of `options` as filters.
  Xapian::Query with_date_bounds(Xapian::Query query, const SearchOptions& options) {
    const searcher::DateFilterContext& dates = query_builder_->date_context();
    if (!options.since.empty()) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            searcher::date_filter_for(options.since, "--since", dates));
    }
    if (!options.until.empty()) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            searcher::date_filter_for(options.until, "--until", dates));
    }
    return query;
  }

  Xapian::MSet match(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount count,
                     Xapian::doccount check_at_least) {
    try {
      return enquire.get_mset(first, count, check_at_least);
    } catch (const Xapian::WildcardError& error) {
      // Xapian expands wildcards as the match starts, so a too broad one shows up here.
      throw Error(ErrorKind::kBadQuery, "too broad a wildcard: " + error.get_msg() +
                                            " (the limit); give it a longer start");
    }
  }

  // Scores the passages of the article at `match` and adds those that may be shown.
  void add_passages(const Xapian::MSetIterator& match, const SearchOptions& options,
                    const searcher::UnitCondition& condition, searcher::PositionScorer& scorer,
                    searcher::PassageRanker& ranker, std::size_t unit_count, const Recency& recency,
                    std::vector<CandidateArticle>& articles, std::vector<Candidate>& candidates) {
    articles.push_back({match.get_document(), std::nullopt});
    CandidateArticle& article = articles.back();
    const double article_bonus = kArticleWeightShare * match.get_weight();
    // Passages are scored from positions; from the text only where positions cannot tell.
    std::vector<std::vector<Highlight>> text_highlights;
    auto layout =
        schema::decode_passage_layout(article.document.get_value(schema::kPassageLayoutSlot));
    auto scores = layout ? scorer.score(*match, *layout) : std::nullopt;
    if (!scores) {
      article.record = schema::decode_article(article.document.get_data());
      scores.emplace();
      for (searcher::ScoredPassage& passage : ranker.score(*article.record)) {
        scores->push_back({passage.index, passage.score, !passage.highlights.empty(),
                           passage.eligible, std::move(passage.units_found),
                           std::move(passage.unit_scores)});
        text_highlights.push_back(std::move(passage.highlights));
      }
    }
    if (options.scope == SearchScope::kPassage) {
      for (searcher::PassageScore& passage : *scores) {
        passage.eligible = condition.holds(passage.units_found);
      }
    }
    const double recency_factor =
        recency.half_life_days > 0
            ? searcher::recency_factor(article.document.get_value(schema::kDateLastDaySlot),
                                       recency.today, recency.half_life_days)
            : 1.0;
    // Recency decays the BM25 part, so a passage one half-life old needs twice the BM25 of
    // a new one, while holding more of the query's parts still comes first.
    for (searcher::PassageScore& passage : *scores) {
      passage.score =
          final_score(parts_covered(passage), recency_factor * (passage.score + article_bonus));
    }
    for (const searcher::PassageScore& passage :
         searcher::select_passages(std::move(*scores), options.per_article)) {
      Candidate candidate{passage.score, articles.size() - 1, passage.index, {}, std::nullopt};
      if (!text_highlights.empty()) candidate.highlights = text_highlights[passage.index];
      if (options.explain) {
        candidate.explanation =
            ScoreExplanation{passage.unit_scores, match.get_weight(), kArticleWeightShare,
                             parts_covered(passage), recency_factor};
        candidate.explanation->part_scores.resize(unit_count);
      }
      candidates.push_back(std::move(candidate));
    }
  }

  void set_idf(std::vector<searcher::QueryUnit>& units) {
    const double documents = std::max<double>(1.0, database_.get_doccount());
    for (searcher::QueryUnit& unit : units) {
      if (unit.kind == searcher::UnitKind::kWildcard) {
        unit.idf = 1.0;  // The expansion's terms are unknown here; weigh it like a common word.
        continue;
      }
      for (const std::string& term : unit.terms) {
        unit.idf += searcher::bm25_idf(documents, database_.get_termfreq(term));
      }
    }
  }

  // Average passage length in words, from index-wide totals: each body word adds one
  // unstemmed and one stemmed term to an article's length.
  double average_passage_length() {
    const double passages = static_cast<double>(shards_->passage_total());
    if (passages <= 0) return 1.0;
    return std::max(1.0, static_cast<double>(database_.get_total_length()) / 2.0 / passages);
  }

  // The article holding `term` (an id or a path term), with all its files.
  std::optional<ArticleRecord> find_by_term(const std::string& term) {
    Xapian::PostingIterator posting = database_.postlist_begin(term);
    if (posting == database_.postlist_end(term)) return std::nullopt;
    const Xapian::Document document = database_.get_document(*posting);
    ArticleRecord record = schema::decode_article(document.get_data());
    if (auto state = schema::decode_file_state(document.get_value(schema::kFileStateSlot))) {
      for (std::size_t i = 1; i < state->files.size(); ++i) {
        record.other_paths.push_back(
            schema::file_locator(state->files[i].path, state->files[i].record));
      }
    }
    return record;
  }

  std::string path_;
  std::unique_ptr<searcher::ShardSet> shards_;
  Xapian::Database database_;  // The shards selected for the current search, as one.
  schema::IndexSettings settings_;
  std::unique_ptr<schema::TextAnalyzer> analyzer_;
  schema::NameAliases source_aliases_;
  schema::NameAliases agency_aliases_;
  std::unique_ptr<searcher::QueryBuilder> query_builder_;
  schema::SentenceSplitter sentence_splitter_;
};

Searcher::Searcher(const std::string& database_path) : Searcher(SearcherOptions{{database_path}}) {}
Searcher::Searcher(const SearcherOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchOptions& options) { return impl_->search(options); }

std::optional<ArticleRecord> Searcher::find_article(const std::string& id_or_path) {
  return impl_->find_article(id_or_path);
}

std::vector<std::string> Searcher::article_ids_of_file(const std::string& path) {
  return impl_->article_ids_of_file(path);
}

IndexStats Searcher::stats() { return impl_->stats(); }

void Searcher::reopen() { impl_->reopen(); }

}  // namespace pressclip
