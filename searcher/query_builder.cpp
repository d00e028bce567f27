// Query normalisation, syntax checks and QueryParser set-up from the schema table.
#include "searcher/query_builder.h"

#include <cctype>

#include "pressclip/error.h"
#include "pressclip/searcher.h"
#include "schema/field_table.h"
#include "schema/xapian_errors.h"
#include "searcher/field_processors.h"
#include "searcher/query_limits.h"

namespace pressclip::searcher {
namespace {

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_WILDCARD;

bool is_word_start(char c) {
  return c == '"' || c == '(' || static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9') ||
         (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Rejects what QueryParser would silently repair into something the user did not ask for.
void check_syntax(const std::string& query) {
  bool in_quotes = false;
  int depth = 0;
  for (char c : query) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) throw Error(ErrorKind::kBadQuery, "')' without a matching '('");
  }
  if (in_quotes) throw Error(ErrorKind::kBadQuery, "a phrase is opened with '\"' but never closed");
  if (depth > 0) throw Error(ErrorKind::kBadQuery, "'(' without a matching ')'");
  for (std::string_view op : {"NEAR/", "ADJ/"}) {
    for (std::size_t at = query.find(op); at != std::string::npos; at = query.find(op, at + 1)) {
      std::size_t end = at + op.size();
      unsigned long distance = 0;
      while (end < query.size() && query[end] >= '0' && query[end] <= '9') {
        distance =
            std::min(distance * 10 + static_cast<unsigned long>(query[end++] - '0'), 100000ul);
      }
      if (distance == 0) {
        throw Error(ErrorKind::kBadQuery, std::string(op) +
                                              " must be followed by a number of words (1 or "
                                              "more), as in " +
                                              std::string(op) + "5");
      }
    }
  }
}

// "-word" at the start of a term becomes "NOT word", outside phrases.
std::string rewrite_minus_as_not(const std::string& query) {
  std::string out;
  bool in_quotes = false;
  for (std::size_t i = 0; i < query.size(); ++i) {
    char c = query[i];
    if (c == '"') in_quotes = !in_quotes;
    bool at_term_start =
        i == 0 || query[i - 1] == ' ' || query[i - 1] == '\t' || query[i - 1] == '(';
    if (!in_quotes && c == '-' && at_term_start && i + 1 < query.size() &&
        is_word_start(query[i + 1])) {
      out += "NOT ";
      continue;
    }
    out += c;
  }
  return out;
}

bool is_proximity_operator(const std::string& token) {
  for (const char* op : {"NEAR", "ADJ"}) {
    const std::string name(op);
    if (token == name || (token.starts_with(name + "/") && token.size() > name.size() + 1)) {
      return true;
    }
  }
  return false;
}

bool is_operator(const std::string& token) {
  return token == "AND" || token == "OR" || token == "NOT" || token == "XOR" ||
         is_proximity_operator(token);
}

// The query cut at spaces and tabs outside phrases.
std::vector<std::string> split_outside_quotes(const std::string& query) {
  std::vector<std::string> tokens;
  bool in_quotes = false;
  std::string current;
  for (char c : query) {
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && (c == ' ' || c == '\t')) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// `token` without the punctuation that Xapian's parser skips between words ("!ADJ/2" is
// read as ADJ/2); brackets and quotes stay.
std::string without_skipped_punctuation(const std::string& token) {
  auto skipped = [](char c) {
    return c > ' ' && c < 0x7F && !std::isalnum(static_cast<unsigned char>(c)) && c != '(' &&
           c != ')' && c != '"';
  };
  std::size_t begin = 0;
  std::size_t end = token.size();
  while (begin < end && skipped(token[begin])) ++begin;
  while (end > begin && skipped(token[end - 1])) --end;
  return token.substr(begin, end - begin);
}

// `query` with the width of each NEAR/n and ADJ/n outside quotes taken away.
std::string proximity_widths_removed(const std::string& query) {
  std::string out;
  bool in_quotes = false;
  for (std::size_t at = 0; at < query.size(); ++at) {
    const char c = query[at];
    if (c == '"') in_quotes = !in_quotes;
    out += c;
    if (in_quotes || c != '/' || at == 0) continue;
    const bool after_operator = (out.ends_with("NEAR/") || out.ends_with("ADJ/"));
    if (!after_operator || at + 1 >= query.size() ||
        !std::isdigit(static_cast<unsigned char>(query[at + 1]))) {
      continue;
    }
    out.pop_back();
    while (at + 1 < query.size() && std::isdigit(static_cast<unsigned char>(query[at + 1]))) ++at;
  }
  return out;
}

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A boolean operator (AND, OR, NOT, XOR) right before a NEAR/n or ADJ/n, however Xapian's
// lexer splits the words around them ("w*AND NEAR/3", "NOT !ADJ/2"); the operator, or
// empty if there is none. Text in quotes does not count.
std::string operator_before_proximity(const std::string& query) {
  // "OR (NEAR/3 a)" too: the NEAR has no word on its left either.
  std::string unquoted = query;
  bool in_quotes = false;
  for (char& c : unquoted) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes || c == '"') c = ' ';
  }
  for (const std::string name : {"NEAR/", "ADJ/"}) {
    for (std::size_t at = unquoted.find(name); at != std::string::npos;
         at = unquoted.find(name, at + 1)) {
      if (at > 0 && is_word_byte(unquoted[at - 1])) continue;
      std::size_t end = at;  // The end of the word before it, past skipped punctuation.
      while (end > 0 && !is_word_byte(unquoted[end - 1]) && unquoted[end - 1] != ')') --end;
      std::size_t begin = end;
      while (begin > 0 && is_word_byte(unquoted[begin - 1])) --begin;
      const std::string word = unquoted.substr(begin, end - begin);
      if (word == "AND" || word == "OR" || word == "NOT" || word == "XOR") return word;
    }
  }
  return {};
}

// "niger NEAR/3" or "NEAR/3 niger": Xapian would read a NEAR/ADJ without a word on each
// side as the word "near", and the user would be told about phrases and brackets. And an
// operator right before a NEAR/3 or ADJ/3 ("a OR NEAR/3 b") makes Xapian 1.4.22's parser
// leak the NEAR token (96 bytes a query, found by fuzz/fuzz_search), so it never gets there.
void check_proximity_operands(const std::string& prepared) {
  if (const std::string word = operator_before_proximity(prepared); !word.empty()) {
    throw Error(ErrorKind::kBadQuery, word +
                                          " needs a query on its right, and NEAR and ADJ "
                                          "need a word on each side, as in wagner NEAR/3 "
                                          "mercenary");
  }
  std::vector<std::string> tokens = split_outside_quotes(prepared);
  for (std::string& token : tokens) token = without_skipped_punctuation(token);
  std::erase(tokens, std::string());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_proximity_operator(tokens[i])) continue;
    const bool before = i > 0 && !is_operator(tokens[i - 1]) && !tokens[i - 1].ends_with('(');
    const bool after =
        i + 1 < tokens.size() && !is_operator(tokens[i + 1]) && !tokens[i + 1].starts_with(')');
    if (!before || !after) {
      throw Error(ErrorKind::kBadQuery, tokens[i] + " needs a word on each side, as in wagner " +
                                            tokens[i] + " mercenary");
    }
  }
}

bool is_plain_word(const std::string& token) {
  return !token.empty() && token.find_first_of("()\"") == std::string::npos && !is_operator(token);
}

// Xapian's grammar only accepts a NEAR/ADJ group on its own or joined by an explicit
// operator: in "niger wagner NEAR/3 mercenary" it silently reads NEAR as a word. Brackets
// around each group of plain words ("niger (wagner NEAR/3 mercenary)") make it parse.
std::string bracket_proximity_groups(const std::string& query) {
  const std::vector<std::string> tokens = split_outside_quotes(query);
  std::string out;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t end = i + 1;
    while (end + 1 < tokens.size() && is_proximity_operator(tokens[end]) &&
           is_plain_word(tokens[end + 1])) {
      end += 2;
    }
    const bool group = end > i + 1 && is_plain_word(tokens[i]);
    if (!out.empty()) out += ' ';
    if (group) out += '(';
    for (std::size_t j = i; j < (group ? end : i + 1); ++j) out += (j > i ? " " : "") + tokens[j];
    if (group) out += ')';
    i = group ? end : i + 1;
  }
  return out;
}

bool has_word(const std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const bool ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

// True if Xapian fell back to reading a NEAR/ADJ operator as a word: the query then holds
// the term "near" or "adj" although the user wrote no such word (words are lowercase after
// normalisation; only operators stay in capitals).
bool proximity_operator_read_as_word(const std::string& prepared, const Xapian::Query& query) {
  for (std::string_view op : {"near", "adj"}) {
    std::string upper(op);
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    if (!has_word(prepared, upper) || has_word(prepared, op)) continue;
    const std::string stemmed = std::string(schema::kStemPrefix) + std::string(op);
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
      if (*term == op || *term == stemmed) return true;
    }
  }
  return false;
}

}  // namespace

QueryBuilder::QueryBuilder(schema::TextAnalyzer& analyzer, const Xapian::Database& database,
                           const schema::NameAliases& sources, const schema::NameAliases& agencies)
    : analyzer_(analyzer) {
  parser_.set_database(database);
  parser_.set_stemmer(Xapian::Stem(analyzer.stemmer_language()));
  // STEM_SOME: bare words match their stem; words in phrases, NEAR groups and "quotes"
  // match as written. (STEM_SOME_FULL_POS stems inside phrases in Xapian 1.4.22.)
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  // A broader wildcard fails the match with Xapian::WildcardError (the Searcher reports a
  // bad query) rather than keeping its most frequent words and silently losing matches.
  parser_.set_max_expansion(static_cast<Xapian::termcount>(kMaxWildcardExpansion),
                            Xapian::Query::WILDCARD_LIMIT_ERROR,
                            Xapian::QueryParser::FLAG_WILDCARD);
  for (const schema::Field& field : schema::kFields) {
    if (field.query_name.empty()) continue;
    const std::string name(field.query_name);
    if (field.flags & schema::kFreeText) {
      parser_.add_prefix(name, std::string(field.prefix));
    } else if (field.flags & schema::kBooleanFilter) {
      const bool normalise = field.id != schema::FieldId::kId;
      const schema::NameAliases* aliases = field.id == schema::FieldId::kSource   ? &sources
                                           : field.id == schema::FieldId::kAgency ? &agencies
                                                                                  : nullptr;
      parser_.add_boolean_prefix(
          name, (new ExactValueFieldProcessor(analyzer_, std::string(field.prefix), name, normalise,
                                              aliases, field_problems_))
                    ->release());
    } else if (field.flags & schema::kRangeFilter) {
      parser_.add_boolean_prefix(
          name, (new DateFieldProcessor(date_context_, field_problems_))->release());
    }
  }
}

// "source:" with nothing after it would silently search for the word "source".
void check_field_values(const std::string& query) {
  for (const schema::Field& field : schema::kFields) {
    if (field.query_name.empty()) continue;
    const std::string name = std::string(field.query_name) + ":";
    for (std::size_t at = query.find(name); at != std::string::npos;
         at = query.find(name, at + 1)) {
      const bool starts_term = at == 0 || query[at - 1] == ' ' || query[at - 1] == '(';
      const std::size_t value = at + name.size();
      const bool empty = value == query.size() || query[value] == ' ' || query[value] == ')';
      if (starts_term && empty) {
        throw Error(ErrorKind::kBadQuery,
                    name + " needs a value right after the colon, as in " + name +
                        (field.id == schema::FieldId::kDate ? "2023-08" : "word"));
      }
    }
  }
}

std::string QueryBuilder::prepare(const std::string& query) {
  return bracket_proximity_groups(
      rewrite_minus_as_not(analyzer_.normalise_query(controls_as_spaces(query))));
}

Xapian::Query QueryBuilder::parse(const std::string& query) {
  check_query_text(query);
  if (controls_as_spaces(query).find_first_not_of(' ') == std::string::npos) {
    throw Error(ErrorKind::kBadQuery, "the query is empty");
  }
  const std::string prepared = prepare(query);
  check_syntax(prepared);
  check_proximity_operands(prepared);
  check_field_values(prepared);
  Xapian::Query parsed;
  field_problems_.clear();
  try {
    // Xapian 1.4.22's parser leaks the token of a NEAR/n or ADJ/n met after a syntax error
    // ("XOR a ADJ/2 b"). The query without the widths has the same syntax and leaks
    // nothing: parsed first, its syntax error is reported and the query never parsed.
    const std::string without_widths = proximity_widths_removed(prepared);
    if (without_widths != prepared) parser_.parse_query(without_widths, kParserFlags);
    parsed = parser_.parse_query(prepared, kParserFlags);
  } catch (const Xapian::QueryParserError& error) {
    throw Error(ErrorKind::kBadQuery, "syntax error: " + error.get_msg());
  } catch (...) {
    schema::rethrow_as_error("cannot parse the query");
  }
  field_problems_.throw_first();
  if (proximity_operator_read_as_word(prepared, parsed)) {
    throw Error(ErrorKind::kBadQuery,
                "NEAR and ADJ join single words (a NEAR/3 b NEAR/3 c), not phrases or brackets");
  }
  if (parsed.empty()) {
    throw Error(ErrorKind::kBadQuery, "the query has no words or filters to search for");
  }
  check_query_size(parsed);
  return parsed;
}

}  // namespace pressclip::searcher
