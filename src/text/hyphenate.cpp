#include "text/hyphenate.hpp"

#include <glib.h>
#include <hyphen.h>

#include <vector>

#include "diag/diagnostic.hpp"

namespace rapport {
namespace {

constexpr char soft_hyphen[] = "\u00AD";

bool is_letter(gunichar c) { return g_unichar_isalpha(c); }

}  // namespace

Hyphenator::Hyphenator(HyphenationRules rules) : rules_(std::move(rules)) {
  dictionary_ = hnj_hyphen_load(rules_.dictionary.c_str());
  if (!dictionary_) {
    Diagnostics diags;
    diags.error({rules_.dictionary, 0, 0}, "cannot read the hyphenation dictionary",
                "run .ci/install-deps (package hyphen-sv), or turn hyphenation off in the layout");
    throw InputError(diags);
  }
}

Hyphenator::~Hyphenator() {
  if (dictionary_) hnj_hyphen_free(dictionary_);
}

std::string Hyphenator::hyphenate_word(std::string_view word) const {
  // The Swedish dictionary is ISO-8859-1 and wants lower case; positions then count letters.
  std::vector<gunichar> letters;
  std::string latin1;
  for (const char* p = word.data(); p < word.data() + word.size(); p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    gunichar lower = g_unichar_tolower(c);
    if (lower > 0xFF) return std::string(word);
    letters.push_back(c);
    latin1 += static_cast<char>(lower);
  }
  if (static_cast<int>(letters.size()) < rules_.min_word) return std::string(word);
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
  if (failed) return std::string(word);
  std::string out;
  const char* p = word.data();
  for (size_t i = 0; i < letters.size(); ++i) {
    const char* next = g_utf8_next_char(p);
    out.append(p, static_cast<size_t>(next - p));
    p = next;
    if ((hyphens[i] & 1) && i + 1 < letters.size()) out += soft_hyphen;
  }
  return out;
}

std::string Hyphenator::hyphenate(std::string_view text) const {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p < end;) {
    const char* word_end = p;
    while (word_end < end && is_letter(g_utf8_get_char(word_end))) word_end = g_utf8_next_char(word_end);
    if (word_end == p) {  // not a letter: copy the character
      const char* next = g_utf8_next_char(p);
      out.append(p, static_cast<size_t>(next - p));
      p = next;
      continue;
    }
    std::string_view word(p, static_cast<size_t>(word_end - p));
    // A word the author already broke with a soft hyphen is theirs ("kommun\u00ADledningen"):
    // the soft hyphen is not a letter, so the parts arrive here separately; leave both alone.
    bool author_marked = (word_end < end && std::string_view(word_end, std::min<size_t>(2, static_cast<size_t>(end - word_end))) == soft_hyphen) ||
                         (p > text.data() + 1 && std::string_view(p - 2, 2) == soft_hyphen);
    out += author_marked ? std::string(word) : hyphenate_word(word);
    p = word_end;
  }
  return out;
}

}  // namespace rapport
