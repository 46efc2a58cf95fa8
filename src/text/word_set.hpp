#pragma once
// A read-only set of words over one buffer: open addressing on (offset, length) pairs, so a
// list of 150 000 words loads without an allocation per word (an unordered_set of them took
// 75 ms; this takes a few).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class WordSet {
 public:
  // `text` holds the words; `words` are views into it.
  void build(std::string text, const std::vector<std::string_view>& words);
  bool contains(std::string_view word) const;

 private:
  size_t slot_of(std::string_view word) const;
  std::string text_;
  std::vector<uint64_t> slots_;  // offset << 16 | length, 0 for empty (offset counted from 1)
  size_t mask_ = 0;
};

}  // namespace rapport
