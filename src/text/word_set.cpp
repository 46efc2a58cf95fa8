#include "text/word_set.hpp"

#include <bit>
#include <cstring>

namespace rapport {
namespace {

// FNV-1a: short keys, no allocation, good enough spread for open addressing.
uint64_t hash(std::string_view word) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return h;
}

constexpr uint64_t max_length = 0xFFFF;

}  // namespace

void WordSet::build(std::string text, const std::vector<std::string_view>& words) {
  const char* old_base = text.data();
  text_ = std::move(text);  // a moved string keeps its buffer unless it is small; rebase either way
  size_t capacity = std::bit_ceil(words.size() * 2 + 2);
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (std::string_view word : words) {
    if (word.size() > max_length) continue;
    auto offset = static_cast<uint64_t>(word.data() - old_base);
    std::string_view stored(text_.data() + offset, word.size());
    size_t at = hash(stored) & mask_;
    bool present = false;
    while (slots_[at] != 0 && !present) {
      uint64_t existing = slots_[at];
      present = std::string_view(text_.data() + (existing >> 16) - 1, existing & max_length) == stored;
      at = (at + 1) & mask_;
    }
    if (!present) slots_[at] = (offset + 1) << 16 | word.size();
  }
}

bool WordSet::contains(std::string_view word) const {
  if (slots_.empty()) return false;
  for (size_t at = hash(word) & mask_; slots_[at] != 0; at = (at + 1) & mask_) {
    uint64_t entry = slots_[at];
    if ((entry & max_length) == word.size() && std::memcmp(text_.data() + (entry >> 16) - 1, word.data(), word.size()) == 0)
      return true;
  }
  return false;
}

}  // namespace rapport
