#pragma once
// A read-only set of words in one buffer: each word stored once behind its length byte, found
// by open addressing on 32-bit offsets, so a list of 150 000 words loads without an allocation
// per word (an unordered_set of them took 75 ms; this takes a few) and holds about 3.5 MB
// where the file and a table of 64-bit entries held 6.3.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class WordSet {
 public:
  // Words longer than 255 bytes are left out: no dictionary word is that long.
  void build(const std::vector<std::string_view>& words);
  bool contains(std::string_view word) const;

 private:
  std::string_view word_at(uint32_t slot) const;
  std::string text_;             // each word as its length byte, then its bytes
  std::vector<uint32_t> slots_;  // where a word's length byte is in text_, plus 1; 0: empty
  size_t mask_ = 0;
};

}  // namespace rapport
