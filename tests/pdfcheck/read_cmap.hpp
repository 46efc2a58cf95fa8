#pragma once
// A ToUnicode CMap's bfchar and bfrange mappings: character code (its bytes as a number) to
// the UTF-16BE bytes it stands for.
#include <cstdint>
#include <map>
#include <string>

namespace rapport::pdfcheck {

struct ToUnicodeMap {
  std::map<uint32_t, std::string> codes;
  bool truncated = false;  // a range so large it was cut short (a hostile CMap)
};

ToUnicodeMap read_to_unicode(const std::string& cmap);

// Whether UTF-16BE `text` is a real character: not empty, no U+0000, U+FEFF, U+FFFE or U+FFFD
// (PDF/A-2 6.2.11.7.2 and the replacement character, which says "unknown").
bool is_real_unicode(const std::string& utf16);

}  // namespace rapport::pdfcheck
