// Unit tests of spelling corrections from an index's vocabulary.
#include "searcher/spelling_suggester.h"

#include <doctest/doctest.h>

using pressclip::searcher::edit_distance;
using pressclip::searcher::SpellingSuggester;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance(U"bazoum", U"bazoum", 2) == 0);
  CHECK(edit_distance(U"bazoumm", U"bazoum", 2) == 1);
  CHECK(edit_distance(U"presidnet", U"president", 2) == 1);  // A swap is one edit.
  CHECK(edit_distance(U"nigerien", U"nigérien", 2) == 1);    // Code points, not bytes.
  CHECK(edit_distance(U"colonna", U"colonial", 2) == 2);
  CHECK(edit_distance(U"kremlin", U"wagner", 2) == 3);  // Beyond the limit: limit + 1.
  CHECK(edit_distance(U"a", U"abcd", 2) == 3);
}

namespace {

Xapian::WritableDatabase vocabulary(const std::vector<std::pair<std::string, int>>& words) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [word, articles] : words) {
    for (int i = 0; i < articles; ++i) {
      Xapian::Document document;
      document.add_term(word);
      database.add_document(document);
    }
  }
  return database;
}

}  // namespace

TEST_CASE("a rare or unknown word is corrected to a close, more frequent word") {
  pressclip::schema::TextAnalyzer analyzer("english");
  const Xapian::WritableDatabase database = vocabulary({{"bazoum", 5},
                                                        {"bazoumm", 1},
                                                        {"president", 9},
                                                        {"colonial", 4},
                                                        {"colonna", 1},
                                                        {"or", 1},
                                                        {"of", 30},
                                                        {"niamey", 2},
                                                        {"niamei", 1}});
  SpellingSuggester suggester(database, analyzer);
  CHECK(suggester.correct("bazoumm") == "bazoum");
  CHECK(suggester.correct("presidnet") == "president");
  CHECK(suggester.correct("bazoum") == std::nullopt);   // Frequent enough to be right.
  CHECK(suggester.correct("colonna") == std::nullopt);  // Known, and two edits away.
  CHECK(suggester.correct("or") == std::nullopt);       // Too short to correct.
  CHECK(suggester.correct("niamei") == std::nullopt);   // "niamey" is not twice as frequent.
  CHECK(suggester.correct("niameu") == "niamey");       // But more than never.
  CHECK(suggester.suggest("Bazoumm AND \"presidnet said\" source:Bazoumm bazou*") ==
        "Bazoum AND \"president said\" source:Bazoumm bazou*");
  CHECK(suggester.suggest("Bazoum NOT president") == std::nullopt);
}
