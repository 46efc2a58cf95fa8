#include "text/hyphenate.hpp"

#include <glib.h>
#include <hyphen.h>

#include <fstream>
#include <sstream>

#include "diag/diagnostic.hpp"

namespace rapport {
namespace {

constexpr size_t shortest_stem = 3;    // "hus|hållning": shorter words are too often false parts
constexpr size_t longest_ending = 4;   // "styrelse|n", "rapport|en", "region|erna"
constexpr size_t strong_stem = 6;      // a second part this long stands for a compound alone

std::string lower_case(std::string_view word) {
  gchar* lower = g_utf8_strdown(word.data(), static_cast<gssize>(word.size()));
  std::string out(lower);
  g_free(lower);
  return out;
}

[[noreturn]] void unreadable(const std::string& path, const std::string& what, const std::string& package) {
  Diagnostics diags;
  diags.error({path, 0, 0}, "cannot read the " + what,
              "run .ci/install-deps (package " + package + "), or turn hyphenation off in the layout");
  throw InputError(diags);
}

// The bytes of `word` where each letter starts, and one past the end.
std::vector<size_t> letter_starts(std::string_view word) {
  std::vector<size_t> starts;
  for (const char* p = word.data(); p < word.data() + word.size(); p = g_utf8_next_char(p))
    starts.push_back(static_cast<size_t>(p - word.data()));
  starts.push_back(word.size());
  return starts;
}

}  // namespace

Hyphenator::Hyphenator(HyphenationRules rules) : rules_(std::move(rules)) {
  dictionary_ = hnj_hyphen_load(rules_.dictionary.c_str());
  if (!dictionary_) unreadable(rules_.dictionary, "hyphenation dictionary", "hyphen-sv");
  if (!rules_.words.empty() && !std::ifstream(rules_.words)) unreadable(rules_.words, "word list for compounds", "hunspell-sv");
  for (const auto& written : rules_.exceptions) {
    std::string word;
    std::vector<size_t> points;
    for (char c : written) {
      if (c == '-') points.push_back(word.size());
      else word += c;
    }
    exceptions_[lower_case(word)] = std::move(points);
  }
}

Hyphenator::~Hyphenator() {
  if (dictionary_) hnj_hyphen_free(dictionary_);
}

void Hyphenator::load_words() const {
  std::ifstream in(rules_.words, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  word_text_ = all.str();
  words_.reserve(word_text_.size() / 16);
  bool first = true;  // the count of entries
  for (size_t at = 0; at < word_text_.size();) {
    size_t end = word_text_.find('\n', at);
    if (end == std::string::npos) end = word_text_.size();
    size_t stem_end = std::min(end, word_text_.find('/', at));
    if (!first && stem_end - at >= shortest_stem) {
      std::string_view stem(word_text_.data() + at, stem_end - at);
      std::string lower = lower_case(stem);
      if (lower.size() == stem.size()) {  // Swedish capitals lower to letters of the same length
        lower.copy(word_text_.data() + at, lower.size());
        words_.insert(stem);
      }
    }
    first = false;
    at = end + 1;
  }
}

bool Hyphenator::is_word(std::string_view lower) const {
  if (rules_.words.empty()) return false;
  std::call_once(words_loaded_, [this] { load_words(); });
  return words_.count(lower) > 0;
}

bool Hyphenator::is_compound_boundary(const std::string& lower, size_t byte) const {
  std::string_view before(lower.data(), byte), after(lower.data() + byte, lower.size() - byte);
  bool first_part = is_word(before) || (before.size() > shortest_stem + 1 && before.back() == 's' &&
                                        is_word(before.substr(0, before.size() - 1)));
  if (!first_part) return false;
  for (size_t ending = 0; ending <= longest_ending && ending + shortest_stem <= after.size(); ++ending)
    if (is_word(after.substr(0, after.size() - ending))) return true;
  return false;
}

std::vector<HyphenPoint> Hyphenator::points(std::string_view word) const {
  std::vector<HyphenPoint> out;
  std::vector<size_t> starts = letter_starts(word);
  const int letters = static_cast<int>(starts.size()) - 1;
  if (letters < rules_.min_word) return out;
  std::string lower = lower_case(word);
  if (lower.size() != word.size()) return out;
  if (auto it = exceptions_.find(lower); it != exceptions_.end()) {
    for (size_t byte : it->second) out.push_back({byte, true});
    return out;
  }
  // The Swedish dictionary is ISO-8859-1 and wants lower case.
  std::string latin1;
  for (const char* p = lower.data(); p < lower.data() + lower.size(); p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c > 0xFF) return out;
    latin1 += static_cast<char>(c);
  }
  std::vector<char> hyphens(latin1.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int failed = hnj_hyphen_hyphenate3(dictionary_, latin1.data(), static_cast<int>(latin1.size()), hyphens.data(), nullptr,
                                     &rep, &pos, &cut, rules_.left, rules_.right, rules_.left, rules_.right);
  if (rep) {
    for (size_t i = 0; i < latin1.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  if (failed) return out;
  // Letter i + 1 starts after a break at i; every place far enough from both ends is a
  // candidate for a compound boundary, the dictionary's syllable points for the rest.
  for (int i = rules_.left; i <= letters - rules_.right; ++i) {
    size_t byte = starts[static_cast<size_t>(i)];
    bool syllable = (hyphens[static_cast<size_t>(i - 1)] & 1) != 0;
    bool compound = is_compound_boundary(lower, byte);
    if (!compound && syllable && i >= 4) {
      // A long second part alone marks a compound whose first part the list lacks
      // ("fyramånaders|rapporten").
      std::string_view after(lower.data() + byte, lower.size() - byte);
      for (size_t ending = 0; !compound && ending <= longest_ending && ending + strong_stem <= after.size(); ++ending)
        compound = is_word(after.substr(0, after.size() - ending));
    }
    if (compound || syllable) out.push_back({byte, compound});
  }
  return out;
}

}  // namespace rapport
