// ICU sentence segmentation with a repair for sentences glued together without a space.
#include "schema/sentence_splitter.h"

#include <algorithm>
#include <iterator>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "pressclip/error.h"

namespace pressclip::schema {
namespace {

// Decodes the code point starting at `at`; sets `next` to the byte after it.
UChar32 code_point_at(std::string_view text, std::size_t at, std::size_t& next) {
  int32_t offset = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, static_cast<int32_t>(text.size()),
          c);
  next = static_cast<std::size_t>(offset);
  return c;
}

// The code point ending just before `at`, or -1 at the start.
UChar32 code_point_before(std::string_view text, std::size_t at) {
  if (at == 0) return -1;
  int32_t offset = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, offset, c);
  return c;
}

bool is_closing_mark(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB;
}

bool is_opening_quote(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x00AB;
}

bool is_white(UChar32 c) { return u_isUWhiteSpace(c); }

// Where, inside [start, end), glued sentences begin; appended to `cuts`.
void find_glued_sentences(std::string_view text, TextSpan span, std::vector<std::size_t>& cuts) {
  for (std::size_t at = span.start; at < span.end; ++at) {
    char mark = text[at];
    if (mark != '.' && mark != '!' && mark != '?') continue;
    UChar32 before = code_point_before(text, at);
    if (before < 0) continue;
    bool ends_sentence = u_islower(before) || u_isdigit(before) || is_closing_mark(before);
    if (!ends_sentence) continue;
    std::size_t next = at + 1;
    std::size_t after_closing = next;
    UChar32 c = next < span.end ? code_point_at(text, next, after_closing) : -1;
    // Closing quotes that belong to the ending sentence: "...help us”.”We just" keeps the
    // first quote; a quote followed by an uppercase letter opens the next sentence.
    while (c >= 0 && is_closing_mark(c) && after_closing < span.end) {
      std::size_t peek_end = after_closing;
      UChar32 peek = code_point_at(text, after_closing, peek_end);
      if (u_isupper(peek) && is_opening_quote(c)) break;
      next = after_closing;
      c = code_point_at(text, next, after_closing);
    }
    if (c < 0 || is_white(c)) continue;
    std::size_t letter_end = after_closing;
    UChar32 letter = c;
    if (is_opening_quote(c) && after_closing < span.end) {
      letter = code_point_at(text, after_closing, letter_end);
    }
    if (u_isupper(letter)) cuts.push_back(next);
  }
}

// Appends [start, end) trimmed of white space, if anything remains.
void push_trimmed(std::string_view text, std::size_t start, std::size_t end,
                  std::vector<TextSpan>& out) {
  while (start < end) {
    std::size_t next = start;
    UChar32 c = code_point_at(text, start, next);
    if (!is_white(c)) break;
    start = next;
  }
  while (end > start) {
    UChar32 c = code_point_before(text, end);
    if (!is_white(c)) break;
    end -= static_cast<std::size_t>(U8_LENGTH(c));
  }
  if (start < end) out.push_back({start, end});
}

// Titles that are abbreviated before a name and so never end a sentence there ("Lt. Gov.
// Garland Byrd", "St. Louis"). ICU's root rules break after them; its locale lists differ
// between ICU builds, so the list is pressclip's own (part of the analysis version).
constexpr std::string_view kTitleAbbreviations[] = {
    "Adm", "Atty", "Brig",   "Capt", "Cmdr", "Col", "Cpl", "Dr", "Ft",   "Gen", "Gov",  "Hon",
    "Lt",  "Maj",  "Messrs", "Mlle", "Mme",  "Mr",  "Mrs", "Ms", "Msgr", "Mt",  "Pres", "Prof",
    "Pvt", "Rep",  "Rev",    "Rt",   "Sen",  "Sgt", "Sr",  "St", "Supt", "Jr"};

// True if the break at `end`, before an uppercase letter on the same line, follows an
// initial ("F." in "John F. Kennedy": one uppercase letter after a space) or a title from
// kTitleAbbreviations: a name goes on, the sentence does not end.
bool ends_with_abbreviation(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t last = end;
  while (last > start && (text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
  if (last == end || end >= text.size()) return false;  // No space after, or the end.
  if (last < start + 2 || text[last - 1] != '.') return false;
  std::size_t next = end;
  if (!u_isupper(code_point_at(text, end, next))) return false;
  std::size_t word_start = last - 1;
  while (word_start > start && !is_white(code_point_before(text, word_start))) {
    word_start -= static_cast<std::size_t>(U8_LENGTH(code_point_before(text, word_start)));
  }
  const std::string_view word = text.substr(word_start, last - 1 - word_start);
  std::size_t after_letter = word_start;
  if (!word.empty() && after_letter + 0 < text.size()) {
    const UChar32 letter = code_point_at(text, word_start, after_letter);
    if (after_letter == last - 1 && u_isupper(letter)) return true;  // An initial.
  }
  return std::find(std::begin(kTitleAbbreviations), std::end(kTitleAbbreviations), word) !=
         std::end(kTitleAbbreviations);
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal,
                std::string("cannot create ICU sentence iterator: ") + u_errorName(status));
  }
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<TextSpan> SentenceSplitter::split(std::string_view text) {
  std::vector<TextSpan> sentences;
  if (text.empty()) return sentences;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator_->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    throw Error(ErrorKind::kInternal, std::string("ICU sentence iterator: ") + u_errorName(status));
  }
  std::vector<std::size_t> cuts;
  int32_t start = iterator_->first();
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
    if (ends_with_abbreviation(text, static_cast<std::size_t>(start),
                               static_cast<std::size_t>(end))) {
      continue;  // "John F. Kennedy", "Mr. Kennedy": the sentence goes on.
    }
    TextSpan span{static_cast<std::size_t>(start), static_cast<std::size_t>(end)};
    start = end;
    cuts.clear();
    find_glued_sentences(text, span, cuts);
    std::size_t piece_start = span.start;
    for (std::size_t cut : cuts) {
      push_trimmed(text, piece_start, cut, sentences);
      piece_start = cut;
    }
    push_trimmed(text, piece_start, span.end, sentences);
  }
  // The iterator keeps a pointer to the UText; detach it before closing.
  iterator_->setText(icu::UnicodeString());
  utext_close(utext);
  return sentences;
}

}  // namespace pressclip::schema
