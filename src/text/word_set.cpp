#include "text/word_set.hpp"

#include <bit>
#include <limits>
#include <stdexcept>

namespace rapport {
namespace {

// FNV-1a: short keys, no allocation, good enough spread for open addressing.
uint64_t hash(std::string_view word) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return h;
}

constexpr size_t longest = 255;

}  // namespace

std::string_view WordSet::word_at(uint32_t slot) const {
  size_t at = slot - 1;
  return {text_.data() + at + 1, static_cast<unsigned char>(text_[at])};
}

void WordSet::build(const std::vector<std::string_view>& words) {
  size_t bytes = 0;
  for (std::string_view word : words) bytes += word.size() <= longest ? word.size() + 1 : 0;
  if (bytes >= std::numeric_limits<uint32_t>::max()) throw std::runtime_error("the word list is larger than 4 GB");
  text_.clear();
  text_.reserve(bytes);
  size_t capacity = std::bit_ceil(words.size() * 2 + 2);
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (std::string_view word : words) {
    if (word.size() > longest) continue;
    size_t at = hash(word) & mask_;
    while (slots_[at] != 0 && word_at(slots_[at]) != word) at = (at + 1) & mask_;
    if (slots_[at] != 0) continue;  // listed twice
    slots_[at] = static_cast<uint32_t>(text_.size() + 1);
    text_ += static_cast<char>(word.size());
    text_ += word;
  }
}

bool WordSet::contains(std::string_view word) const {
  if (slots_.empty() || word.size() > longest) return false;
  for (size_t at = hash(word) & mask_; slots_[at] != 0; at = (at + 1) & mask_)
    if (word_at(slots_[at]) == word) return true;
  return false;
}

}  // namespace rapport
