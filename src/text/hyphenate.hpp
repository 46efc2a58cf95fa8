#pragma once
// Swedish hyphenation with libhyphen: soft hyphens (U+00AD) inserted at the break points of
// long words; Pango then breaks there and draws the hyphen.
#include <string>
#include <string_view>

struct _HyphenDict;

namespace rapport {

struct HyphenationRules {
  std::string dictionary;  // a libhyphen .dic file (hyphen-sv: /usr/share/hyphen/hyph_sv_SE.dic)
  int min_word = 6;        // shorter words stay whole
  int left = 3, right = 3; // at least this many letters before and after a break
};

class Hyphenator {
 public:
  // Throws InputError when the dictionary cannot be read.
  explicit Hyphenator(HyphenationRules rules);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // `text` with soft hyphens at the break points of its long words. Words that already hold a
  // soft hyphen (the author's own) and words with letters outside the dictionary's Latin-1 are
  // left as they are.
  std::string hyphenate(std::string_view text) const;

 private:
  std::string hyphenate_word(std::string_view word) const;

  HyphenationRules rules_;
  _HyphenDict* dictionary_ = nullptr;
};

}  // namespace rapport
