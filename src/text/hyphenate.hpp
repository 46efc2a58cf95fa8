#pragma once
// Swedish hyphenation: where a long word may break, and which of those places are the
// boundaries of a compound ("kommun|styrelsen"), which a Swedish reader takes in at a glance
// where a break between syllables ("kommunsty|relsen") makes them stumble.
//
// libhyphen's Swedish patterns give the syllable points; they carry no compound knowledge
// (their levels are all 1 in "kommunstyrelsen"). The compound boundaries come from a word
// list (hunspell-sv's stems): a point is a compound boundary when the letters before it are a
// word (or a word with the linking s, "sundsvall|s") and the letters after it are a word with
// at most an inflection ending ("styrelse|n"). Hunspell's own compound analysis would need its
// affix engine for every query; two lookups in a set of stems answer the same question here.
#include <future>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/word_set.hpp"

struct _HyphenDict;

namespace rapport {

struct HyphenationRules {
  std::string dictionary;  // a libhyphen .dic file (hyphen-sv: /usr/share/hyphen/hyph_sv_SE.dic)
  std::string words;       // a hunspell .dic word list for compound boundaries; empty: none
  int min_word = 8;        // shorter words stay whole
  int left = 3, right = 3; // at least this many letters before and after a break
  // Words whose breaks the layout fixes, written with their break points ("kom-mun") or
  // none ("densamma": never broken), as TeX's \hyphenation.
  std::vector<std::string> exceptions;
};

struct HyphenPoint {
  size_t byte = 0;        // in the word: the break goes before this byte
  bool compound = false;  // a boundary between the words of a compound
  bool syllable = false;  // one of the dictionary's syllable points
};

class Hyphenator {
 public:
  // Throws InputError when the dictionary cannot be read.
  explicit Hyphenator(HyphenationRules rules);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Where `word` (letters only, UTF-8) may break. Words shorter than min_word, with letters
  // outside the dictionary's Latin-1, or listed as exceptions without points have none. In a
  // compound the syllable points are a last resort (the line breaker's business):
  // "fyramånaders|rapporten" before "fyramåna-dersrapporten".
  std::vector<HyphenPoint> points(std::string_view word) const;

  const HyphenationRules& rules() const { return rules_; }

  // Starts reading the patterns and the word list on a thread of its own, so they are ready
  // by the time a paragraph first needs them (together they take longer than laying out a
  // short report's first pages). Call it in the process that renders: a process that forks
  // after it would leave the child a dictionary that never finishes loading.
  void prefetch() const;

 private:
  bool is_word(std::string_view lower) const;
  bool is_compound_boundary(const std::string& lower, size_t byte) const;
  bool is_first_part(std::string_view part) const;
  size_t last_part_stem(std::string_view part) const;
  bool is_made_of_words(std::string_view part, bool last, int parts) const;
  void load() const;
  void load_words() const;
  void wait_loaded() const;

  HyphenationRules rules_;
  std::unordered_map<std::string, std::vector<size_t>> exceptions_;  // lower case word: its break bytes
  // The patterns and the word list are read when a word first needs them, or prefetch() asks.
  mutable std::once_flag load_started_;
  mutable std::shared_future<void> loaded_;
  mutable _HyphenDict* dictionary_ = nullptr;
  mutable WordSet words_;
};

}  // namespace rapport
