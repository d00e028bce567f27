// Building Xapian documents from analysed articles.
#include "indexer/document_builder.h"

#include "schema/date_terms.h"
#include "schema/field_table.h"
#include "schema/file_terms.h"
#include "schema/partial_date.h"
#include "schema/passage_layout.h"
#include "schema/stored_article.h"

namespace pressclip::indexer {
namespace {

// Stems are cached per builder; the cache is dropped when it grows past this, which keeps
// memory bounded on huge vocabularies while the common words stay cheap.
constexpr std::size_t kMaxCachedStems = 200000;

std::string prefixed(schema::FieldId field, std::string_view value) {
  return std::string(schema::prefix_of(field)).append(value);
}

// Adds the filter term `term` unless it is too long for Xapian (a source or agency name of
// more than 240 bytes): the value is still stored and shown, but cannot be filtered on.
void add_filter_term(Xapian::Document& document, const std::string& term) {
  if (term.size() <= schema::kMaxXapianTermBytes) document.add_boolean_term(term);
}

// The first word position and word count of each passage.
std::vector<schema::PassagePositions> passage_positions(const ArticleRecord& record,
                                                        const schema::AnalysedText& analysed) {
  std::vector<schema::PassagePositions> layout(record.passages.size());
  std::size_t token = 0;
  for (const PassageSpan& passage : record.passages) {
    while (token < analysed.tokens.size() && analysed.tokens[token].start < passage.start) ++token;
    schema::PassagePositions& positions = layout[passage.index];
    while (token < analysed.tokens.size() && analysed.tokens[token].end <= passage.end) {
      if (positions.words++ == 0) positions.first_position = analysed.tokens[token].position;
      ++token;
    }
  }
  return layout;
}

}  // namespace

const std::string& DocumentBuilder::stem(const std::string& term) {
  auto found = stem_cache_.find(term);
  if (found != stem_cache_.end()) return found->second;
  if (stem_cache_.size() >= kMaxCachedStems) stem_cache_.clear();
  return stem_cache_.emplace(term, analyzer_.stem(term)).first->second;
}

void DocumentBuilder::add_title_terms(Xapian::Document& document, const MetadataField& title) {
  const std::string title_prefix(schema::prefix_of(schema::FieldId::kTitle));
  const std::string stemmed_title_prefix = std::string(schema::kStemPrefix) + title_prefix;
  // A title stated in metadata may hold words the body lacks: make bare words find it too.
  // A default title is the first sentence, already indexed as body text.
  const bool title_is_extra_text = title.origin != FieldOrigin::kDefault;
  for (const schema::Token& token : analyzer_.words(title.value)) {
    const std::string& stemmed = stem(token.term);
    document.add_posting(title_prefix + token.term, token.position);
    document.add_term(stemmed_title_prefix + stemmed);
    if (title_is_extra_text) {
      document.add_term(token.term);
      document.add_term(std::string(schema::kStemPrefix) + stemmed);
    }
  }
}

Xapian::Document DocumentBuilder::build(const ArticleRecord& record,
                                        const schema::AnalysedText& analysed) {
  Xapian::Document document;
  const std::string stem_prefix(schema::kStemPrefix);
  for (const schema::Token& token : analysed.tokens) {
    document.add_posting(token.term, token.position);
    document.add_term(stem_prefix + stem(token.term));
  }
  add_title_terms(document, record.metadata.title);

  document.add_boolean_term(schema::id_term(record.id));
  document.add_value(schema::kArticleOrderSlot, record.id);
  const MetadataField& source = record.metadata.source;
  if (!source.value.empty()) {
    add_filter_term(document,
                    prefixed(schema::FieldId::kSource, analyzer_.normalise_phrase(source.value)));
    document.add_value(schema::kSourceSlot, source.value);
  }
  const MetadataField& language = record.metadata.language;
  if (!language.value.empty()) {
    add_filter_term(
        document, prefixed(schema::FieldId::kLanguage, analyzer_.normalise_phrase(language.value)));
  }
  std::string agencies;
  for (const MetadataField& agency : record.metadata.agencies) {
    add_filter_term(document,
                    prefixed(schema::FieldId::kAgency, analyzer_.normalise_phrase(agency.value)));
    if (!agencies.empty()) agencies += schema::kAgencySeparator;
    agencies += agency.value;
  }
  if (!agencies.empty()) document.add_value(schema::kAgencySlot, agencies);
  const std::optional<schema::PartialDate> date =
      schema::parse_iso_date(record.metadata.date.value);
  document.add_value(schema::kDateOrderSlot,
                     date ? date->first_day_key() : std::string(schema::kUndatedOrder));
  if (date) {
    // Values give exact bounds for sorting; terms make day, month and year filters fast.
    document.add_value(schema::kDateFirstDaySlot, date->first_day_key());
    document.add_value(schema::kDateLastDaySlot, date->last_day_key());
    document.add_value(schema::kDatePeriodSlot, date->first_day_key() + date->last_day_key());
    for (const std::string& term : schema::date_terms(*date)) document.add_boolean_term(term);
    if (record.metadata.date.origin == FieldOrigin::kInferred) {
      document.add_boolean_term(std::string(schema::prefix_of(schema::FieldId::kInferredDate)));
      document.add_value(schema::kInferredDateSlot, "1");
    }
  }
  document.add_value(schema::kPassageCountSlot,
                     Xapian::sortable_serialise(static_cast<double>(record.passages.size())));
  document.add_value(schema::kPassageLayoutSlot,
                     schema::encode_passage_layout(passage_positions(record, analysed)));
  document.set_data(schema::encode_article(record));
  return document;
}

}  // namespace pressclip::indexer
