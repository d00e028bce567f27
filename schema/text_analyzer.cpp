// ICU-based word segmentation and normalisation, and Snowball stemming through Xapian.
#include "schema/text_analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <array>

#include "pressclip/error.h"

namespace pressclip::schema {
namespace {

constexpr std::array<std::string_view, 6> kOperatorWords = {"AND", "OR",   "NOT",
                                                            "XOR", "NEAR", "ADJ"};

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// "u.s" or "u.s." (one letter between dots) -> "us".
void drop_acronym_dots(std::string& term) {
  if (term.size() < 3) return;
  for (std::size_t i = 0; i < term.size(); ++i) {
    bool letter_expected = i % 2 == 0;
    char c = term[i];
    if (letter_expected ? !(c >= 'a' && c <= 'z') : c != '.') return;
  }
  std::erase(term, '.');
}

void strip_apostrophes(std::string& term) {
  if (term.ends_with("'s") && term.size() > 2) term.resize(term.size() - 2);
  while (!term.empty() && term.back() == '\'') term.pop_back();
  std::size_t leading = term.find_first_not_of('\'');
  term.erase(0, leading == std::string::npos ? term.size() : leading);
}

// RAII for a UText over UTF-8 attached to an iterator.
class AttachedText {
 public:
  AttachedText(icu::BreakIterator& iterator, std::string_view text) : iterator_(iterator) {
    UErrorCode status = U_ZERO_ERROR;
    utext_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    iterator_.setText(utext_, status);
    if (U_FAILURE(status)) {
      utext_close(utext_);
      throw Error(ErrorKind::kInternal, std::string("ICU word iterator: ") + u_errorName(status));
    }
  }
  ~AttachedText() {
    iterator_.setText(icu::UnicodeString());
    utext_close(utext_);
  }
  AttachedText(const AttachedText&) = delete;
  AttachedText& operator=(const AttachedText&) = delete;

 private:
  icu::BreakIterator& iterator_;
  UText* utext_ = nullptr;
};

bool is_word_status(int32_t status) { return status >= UBRK_WORD_NONE_LIMIT; }

}  // namespace

class TextAnalyzer::Impl {
 public:
  explicit Impl(const std::string& language) : language_(language) {
    try {
      stemmer_ = Xapian::Stem(language);
    } catch (const Xapian::Error&) {
      throw Error(ErrorKind::kBadArgument, "unknown stemmer language '" + language +
                                               "' (try english, french, german, spanish...)");
    }
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    decompose_ = icu::Normalizer2::getNFDInstance(status);
    compose_ = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal,
                  std::string("cannot initialise ICU: ") + u_errorName(status));
    }
  }

  std::string normalise_word(std::string_view word) const {
    std::string term;
    if (is_ascii(word)) {
      term.assign(word);
      for (char& c : term) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    } else {
      term = fold_unicode(word);
      replace_all(term, "\u2019", "'");
      replace_all(term, "\u2018", "'");
      replace_all(term, "\u02BC", "'");
    }
    strip_apostrophes(term);
    drop_acronym_dots(term);
    return term;
  }

  // Calls visit(start, end) for each word of `text`.
  template <typename Visitor>
  void for_each_word(std::string_view text, Visitor&& visit) {
    if (text.empty()) return;
    AttachedText attached(*words_, text);
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
      visit(static_cast<std::size_t>(start), static_cast<std::size_t>(end),
            is_word_status(words_->getRuleStatus()));
    }
  }

  std::string stem(const std::string& term) const { return stemmer_(term); }

  const std::string language_;
  SentenceSplitter sentence_splitter_;

 private:
  std::string fold_unicode(std::string_view word) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    icu::UnicodeString folded = casefold_->normalize(source, status);
    icu::UnicodeString decomposed = decompose_->normalize(folded, status);
    icu::UnicodeString unmarked;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) unmarked.append(c);
      i += U16_LENGTH(c);
    }
    icu::UnicodeString composed = compose_->normalize(unmarked, status);
    std::string out;
    if (U_FAILURE(status)) return out;
    composed.toUTF8String(out);
    return out;
  }

  Xapian::Stem stemmer_;
  std::unique_ptr<icu::BreakIterator> words_;
  const icu::Normalizer2* casefold_ = nullptr;
  const icu::Normalizer2* decompose_ = nullptr;
  const icu::Normalizer2* compose_ = nullptr;
};

TextAnalyzer::TextAnalyzer(const std::string& stemmer_language)
    : impl_(std::make_unique<Impl>(stemmer_language)) {}

TextAnalyzer::~TextAnalyzer() = default;

AnalysedText TextAnalyzer::analyse(std::string_view text) {
  AnalysedText analysed;
  analysed.sentences = impl_->sentence_splitter_.split(text);
  std::uint32_t position = 0;
  // Words are found inside each sentence, so that a word never straddles two sentences:
  // in "nations.Demonstrators" ICU's word rules alone would see one word.
  for (std::uint32_t sentence = 0; sentence < analysed.sentences.size(); ++sentence) {
    const TextSpan span = analysed.sentences[sentence];
    const std::string_view sentence_text = text.substr(span.start, span.end - span.start);
    if (sentence > 0) position += kSentencePositionGap;
    impl_->for_each_word(sentence_text, [&](std::size_t start, std::size_t end, bool is_word) {
      if (!is_word) return;
      std::string term = impl_->normalise_word(sentence_text.substr(start, end - start));
      if (term.empty() || term.size() > kMaxTermBytes) return;
      analysed.tokens.push_back(
          {std::move(term), span.start + start, span.start + end, ++position, sentence});
    });
  }
  return analysed;
}

std::vector<Token> TextAnalyzer::words(std::string_view text) {
  std::vector<Token> tokens;
  std::uint32_t position = 0;
  impl_->for_each_word(text, [&](std::size_t start, std::size_t end, bool is_word) {
    if (!is_word) return;
    std::string term = impl_->normalise_word(text.substr(start, end - start));
    if (term.empty() || term.size() > kMaxTermBytes) return;
    tokens.push_back({std::move(term), start, end, ++position, 0});
  });
  return tokens;
}

std::string TextAnalyzer::normalise_word(std::string_view word) const {
  return impl_->normalise_word(word);
}

std::string TextAnalyzer::normalise_phrase(std::string_view text) {
  std::string joined;
  for (const Token& token : words(text)) {
    if (!joined.empty()) joined += ' ';
    joined += token.term;
  }
  return joined;
}

std::string TextAnalyzer::normalise_query(std::string_view query) {
  std::string quoted(query);
  for (std::string_view quote : {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"}) {
    replace_all(quoted, quote, "\"");
  }
  std::string out;
  out.reserve(quoted.size());
  std::string_view text = quoted;
  impl_->for_each_word(text, [&](std::size_t start, std::size_t end, bool is_word) {
    std::string_view piece = text.substr(start, end - start);
    bool is_operator = false;
    for (std::string_view op : kOperatorWords) is_operator = is_operator || piece == op;
    out += (is_word && !is_operator) ? impl_->normalise_word(piece) : std::string(piece);
  });
  return out;
}

std::string TextAnalyzer::stem(const std::string& term) const { return impl_->stem(term); }

const std::string& TextAnalyzer::stemmer_language() const { return impl_->language_; }

}  // namespace pressclip::schema
