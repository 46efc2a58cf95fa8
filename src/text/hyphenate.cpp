#include "text/hyphenate.hpp"

#include <glib.h>
#include <hyphen.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "diag/diagnostic.hpp"

namespace rapport {
namespace {

// Parts of three letters ("kom|munens", "rap|p|orten", "av|tal") are too often not parts at
// all; a compound of them stays whole rather than break wrongly.
constexpr size_t shortest_part = 4;  // letters
constexpr size_t strong_stem = 6;    // a last part this long stands for a compound alone
constexpr int max_parts = 4;         // "vatten|förvaltnings|förordningen"

// Inflection endings a compound's last part may carry ("styrelse|n", "rapport|en",
// "region|erna"): a closed list, so "exploatering|savtal" is not read as "sav" + "tal".
constexpr std::string_view endings[] = {"",    "s",    "n",    "t",    "a",    "e",    "en",   "et",  "na",
                                        "ns",  "ts",   "ar",   "er",   "or",   "ad",   "at",   "ens", "ets",
                                        "nas", "ars",  "ers",  "ors",  "arna", "erna", "orna", "ade", "ande",
                                        "ende", "arnas", "ernas", "ornas"};

// Derivational endings that start where a syllable break may fall but never a compound's part
// ("verksam|het", "befolk|ning").
constexpr std::string_view suffixes[] = {"het", "ning", "lig", "else", "skap"};

size_t letters(std::string_view s) { return static_cast<size_t>(g_utf8_strlen(s.data(), static_cast<gssize>(s.size()))); }

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

// Two breaks a letter or two apart cut a piece too short to be a part: a syllable point beside
// a compound boundary goes ("budge-t|avvikelse"), and of two boundaries ("sund|s|valls") the
// one the syllable points agree with stays, else the later, which keeps a linking s with
// the part before it.
std::vector<HyphenPoint> uncrowded(const std::vector<HyphenPoint>& points) {
  auto near = [](const HyphenPoint& a, const HyphenPoint& b) {
    return &a != &b && (a.compound || b.compound) && (a.byte > b.byte ? a.byte - b.byte : b.byte - a.byte) < 4;
  };
  auto beats = [](const HyphenPoint& other, const HyphenPoint& point) {
    if (other.compound != point.compound) return other.compound;
    if (other.syllable != point.syllable) return other.syllable;
    return other.byte > point.byte;
  };
  std::vector<HyphenPoint> kept;
  for (const auto& point : points)
    if (std::none_of(points.begin(), points.end(), [&](const HyphenPoint& other) { return near(other, point) && beats(other, point); }))
      kept.push_back(point);
  return kept;
}

// Lower case without an allocation per word (the list has 150 000): ASCII capitals, and the
// Latin-1 ones (Å, Ä, Ö, É: U+00C0–U+00DE but ×), which are all the list's capitals need.
void lower_in_place(char* text, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      text[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < size) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) text[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
}

}  // namespace

Hyphenator::Hyphenator(HyphenationRules rules) : rules_(std::move(rules)) {
  if (!std::ifstream(rules_.dictionary)) unreadable(rules_.dictionary, "hyphenation dictionary", "hyphen-sv");
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
  if (loaded_.valid()) loaded_.wait();
  if (dictionary_) hnj_hyphen_free(dictionary_);
}

void Hyphenator::load() const {
  dictionary_ = hnj_hyphen_load(rules_.dictionary.c_str());  // null: a file libhyphen cannot read gives no points
  if (!rules_.words.empty()) load_words();
}

void Hyphenator::load_words() const {
  std::ifstream in(rules_.words, std::ios::binary | std::ios::ate);
  std::string text(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  std::vector<std::string_view> stems;
  stems.reserve(text.size() / 16);
  bool first = true;  // the count of entries
  for (size_t at = 0; at < text.size();) {
    const char* line = text.data() + at;
    const auto* newline = static_cast<const char*>(std::memchr(line, '\n', text.size() - at));
    size_t end = newline ? static_cast<size_t>(newline - text.data()) : text.size();
    const auto* slash = static_cast<const char*>(std::memchr(line, '/', end - at));
    size_t stem_end = slash ? static_cast<size_t>(slash - text.data()) : end;
    if (!first && stem_end - at >= shortest_part - 1) {
      lower_in_place(text.data() + at, stem_end - at);
      stems.emplace_back(text.data() + at, stem_end - at);
    }
    first = false;
    at = end + 1;
  }
  words_.build(stems);  // copies the stems; the file's text goes when this returns
}

void Hyphenator::prefetch() const {
  std::call_once(load_started_, [this] { loaded_ = std::async(std::launch::async, [this] { load(); }).share(); });
}

void Hyphenator::wait_loaded() const {
  prefetch();
  loaded_.wait();
}

bool Hyphenator::is_word(std::string_view lower) const {
  if (rules_.words.empty()) return false;
  wait_loaded();
  return words_.contains(lower);
}

// A word as the first part of a compound: itself, or with the linking s ("sundsvall|s").
bool Hyphenator::is_first_part(std::string_view part) const {
  if (letters(part) < shortest_part) return false;
  return is_word(part) || (letters(part) > shortest_part && part.back() == 's' && is_word(part.substr(0, part.size() - 1)));
}

// A word as the last part of a compound, with at most an inflection ending; the length of
// its stem, or 0 when it is none.
size_t Hyphenator::last_part_stem(std::string_view part) const {
  for (std::string_view ending : endings)
    if (part.ends_with(ending)) {
      std::string_view stem = part.substr(0, part.size() - ending.size());
      if (letters(stem) >= shortest_part && is_word(stem)) return letters(stem);
    }
  return 0;
}

// `part` made of words: one first part after another, and at its end a last part (`last`) or
// another first part.
bool Hyphenator::is_made_of_words(std::string_view part, bool last, int parts) const {
  if (last ? last_part_stem(part) > 0 : is_first_part(part)) return true;
  if (parts <= 1) return false;
  for (size_t k = shortest_part; k + shortest_part <= part.size(); ++k)
    if (is_first_part(part.substr(0, k)) && is_made_of_words(part.substr(k), last, parts - 1)) return true;
  return false;
}

bool Hyphenator::is_compound_boundary(const std::string& lower, size_t byte) const {
  std::string_view before(lower.data(), byte), after(lower.data() + byte, lower.size() - byte);
  for (std::string_view suffix : suffixes)
    if (after.starts_with(suffix)) return false;
  // A three-letter word before a long one is a part after all ("mål|områden", not "kom|munens").
  if (letters(before) == shortest_part - 1 && is_word(before)) return last_part_stem(after) >= strong_stem;
  return is_made_of_words(before, false, max_parts) && is_made_of_words(after, true, max_parts);
}

std::vector<HyphenPoint> Hyphenator::points(std::string_view word) const {
  std::vector<HyphenPoint> out;
  std::vector<size_t> starts = letter_starts(word);
  const int letters = static_cast<int>(starts.size()) - 1;
  if (letters < rules_.min_word) return out;
  std::string lower = lower_case(word);
  if (lower.size() != word.size()) return out;
  if (auto it = exceptions_.find(lower); it != exceptions_.end()) {
    for (size_t byte : it->second) out.push_back({byte, true, true});
    return out;
  }
  // The Swedish dictionary is ISO-8859-1 and wants lower case.
  std::string latin1;
  for (const char* p = lower.data(); p < lower.data() + lower.size(); p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c > 0xFF) return out;
    latin1 += static_cast<char>(c);
  }
  wait_loaded();
  if (!dictionary_) return out;
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
  // `left` holds for syllable points; a compound boundary may come after three letters.
  for (int i = std::min(rules_.left, static_cast<int>(shortest_part) - 1); i <= letters - rules_.right; ++i) {
    size_t byte = starts[static_cast<size_t>(i)];
    bool syllable = i >= rules_.left && (hyphens[static_cast<size_t>(i - 1)] & 1) != 0;
    bool compound = is_compound_boundary(lower, byte);
    if (!compound && syllable && i >= static_cast<int>(shortest_part)) {
      // A long last part alone marks a compound whose first part the list lacks
      // ("fyramånaders|rapporten").
      compound = last_part_stem(std::string_view(lower).substr(byte)) >= strong_stem;
    }
    if (compound || syllable) out.push_back({byte, compound, syllable});
  }
  return uncrowded(out);
}

}  // namespace rapport
