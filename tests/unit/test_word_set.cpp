// The hyphenator's word list: the set must answer exactly for the words it was given.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/word_set.hpp"

using namespace rapport;

TEST_CASE("word set: holds exactly the words it was built from") {
  std::string long_word(300, 'a');
  std::vector<std::string_view> words = {"kommun", "styrelse", "kommun", "å", "nämnd", long_word};
  WordSet set;
  set.build(words);
  CHECK(set.contains("kommun"));
  CHECK(set.contains("styrelse"));
  CHECK(set.contains("nämnd"));
  CHECK(set.contains("å"));
  CHECK_FALSE(set.contains("kommu"));
  CHECK_FALSE(set.contains("kommuns"));
  CHECK_FALSE(set.contains(""));
  CHECK_FALSE(set.contains(long_word));  // longer than any dictionary word: left out
}

TEST_CASE("word set: many words, every one found and none invented") {
  std::vector<std::string> owned;
  for (int i = 0; i < 20000; ++i) owned.push_back("ord" + std::to_string(i * 7));
  std::vector<std::string_view> words(owned.begin(), owned.end());
  WordSet set;
  set.build(words);
  for (const auto& w : owned) REQUIRE(set.contains(w));
  for (int i = 0; i < 20000; ++i)
    if (i % 7 != 0) REQUIRE_FALSE(set.contains("ord" + std::to_string(i)));
}

TEST_CASE("word set: empty until built") {
  WordSet set;
  CHECK_FALSE(set.contains("kommun"));
}
