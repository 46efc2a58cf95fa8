#pragma once
// Just enough of a TrueType font program to judge a PDF font against it: the advance widths
// (head, hhea, hmtx), the glyph count (maxp) and the character maps (cmap formats 0, 4, 6).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rapport::pdfcheck {

struct TrueTypeFont {
  unsigned units_per_em = 0;
  unsigned glyph_count = 0;
  std::vector<uint16_t> advances;  // hmtx advance widths, numberOfHMetrics of them
  // (platform, encoding) → character code → glyph id
  std::map<std::pair<unsigned, unsigned>, std::map<uint32_t, unsigned>> cmaps;

  // A glyph's advance in 1000ths of the em, as PDF widths are given; glyphs past the last
  // long metric share its advance (the hmtx rule for monospaced runs).
  double width(unsigned gid) const;
};

// Reads `data`, a TrueType (or OpenType with glyf) font program; nothing, and why, if its
// tables are missing or run past the end.
std::optional<TrueTypeFont> read_truetype(const std::string& data, std::string& error);

}  // namespace rapport::pdfcheck
