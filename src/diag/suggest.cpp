#include "diag/suggest.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace rapport {
namespace {

// Edit distance over bytes; the keys and ids compared here are short.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// å, ä, ö and é as the ASCII letters ids are spelt with, so "genomförd" is one letter from
// "genomfort" and "delarsrapport" none from "delårsrapport".
std::string folded(std::string_view word) {
  static const std::pair<std::string_view, char> letters[] = {{"å", 'a'}, {"ä", 'a'}, {"ö", 'o'}, {"é", 'e'},
                                                              {"Å", 'A'}, {"Ä", 'A'}, {"Ö", 'O'}, {"É", 'E'}};
  std::string out;
  for (size_t i = 0; i < word.size();) {
    bool replaced = false;
    for (const auto& [letter, ascii] : letters)
      if (word.substr(i).starts_with(letter)) {
        out += ascii;
        i += letter.size();
        replaced = true;
        break;
      }
    if (!replaced) out += word[i++];
  }
  return out;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '-' || text[i] == '_' || text[i] == ' ') {
      words.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  return words;
}

constexpr size_t no_match = SIZE_MAX;

// A typo is a slip within words, never a different word: "paborjat-enligt-plan" is not a
// misspelt "pagar-enligt-plan" but another status, and a hint towards it would change what
// the report says. So the candidate must have as many words, each at most one edit away (two
// when either spelling has five letters or more: "datum" for "date"), and two edits at most in all.
size_t typo_distance(std::string_view word, std::string_view candidate) {
  std::string a = folded(word), b = folded(candidate);
  auto these = words_of(a), those = words_of(b);
  if (these.size() != those.size()) return no_match;
  size_t total = 0;
  for (size_t i = 0; i < these.size(); ++i) {
    size_t d = edit_distance(these[i], those[i]);
    if (d > (std::max(these[i].size(), those[i].size()) >= 5 ? 2u : 1u)) return no_match;
    total += d;
  }
  return total <= 2 ? total : no_match;
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = no_match;
  for (const auto& candidate : candidates) {
    size_t d = typo_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string join_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

}  // namespace rapport
