#pragma once
// Internal to text/: a paragraph shaped once, and the steps that set it as lines.
#include <pango/pango.h>

#include <memory>
#include <vector>

#include "text/break_lines.hpp"
#include "text/font_cache.hpp"
#include "text/shape_text.hpp"

namespace rapport {

// How far a justified line's word spaces may stretch and shrink, as shares of the space: at
// badness 100 a space is 1.5 times its width; the breaker never goes past twice (badness 800).
constexpr double space_stretch = 0.5, space_shrink = 1.0 / 3;

// Consecutive glyphs that stand for the same characters [start, end) of the paragraph.
struct ClusterSpan {
  int start = 0, end = 0;
  int first_glyph = 0, glyph_count = 0;
  double width = 0;
};

// One Pango item (a stretch in one font and one of the paragraph's runs) and its glyphs.
struct ShapedItem {
  PangoItem* item = nullptr;
  PangoGlyphString* glyphs = nullptr;
  int start = 0, end = 0;
  size_t run = 0;  // index into the paragraph's runs
  std::vector<ClusterSpan> clusters;
};

struct Paragraph {
  Paragraph() = default;
  Paragraph(const Paragraph&) = delete;
  Paragraph& operator=(const Paragraph&) = delete;
  ~Paragraph();

  PangoContext* context = nullptr;
  FontCache* fonts = nullptr;
  std::string text;
  std::vector<TextRun> runs;
  std::vector<int> run_starts;  // byte where each run starts
  std::vector<ShapedItem> items;
  std::vector<PangoLogAttr> attrs;  // one per character, and one for the end
  std::vector<int> char_bytes;      // where each character starts, and the end
  std::vector<double> char_widths;  // each character's share of its cluster's advance
  double raise = 0;                 // how far a raised run sits above the baseline
  PangoFont* base_font = nullptr;   // the paragraph's own font, for an empty paragraph's height

  size_t run_at(int byte) const;
  const ShapedItem* item_at(int byte) const;
};

// The clusters of `glyphs`, shaped from the text's bytes [offset, offset + length).
std::vector<ClusterSpan> clusters_of(const PangoGlyphString* glyphs, int offset, int length);

void shape_paragraph(Paragraph& p, PangoContext* context, const std::vector<TextRun>& runs, const ShapeRequest& request);

// The same, or the paragraph as shaped by a recent call with the same runs in the same font
// (reuse_shaping.cpp): shaping does not depend on the measure.
std::shared_ptr<const Paragraph> shaped_paragraph(PangoContext* context, const std::vector<TextRun>& runs,
                                                  const ShapeRequest& request);

// What the breaker sees, and where each item sits in the text.
struct BreakInput {
  std::vector<BreakItem> items;
  std::vector<int> bytes;  // the item's first byte; for a break, where the line ends
  double widest_word = 0;   // between spaces and hard breaks
  double widest_piece = 0;  // between any two breaks, hyphenation points included
};

struct Hyphenation {
  const Hyphenator* hyphenator = nullptr;  // null: only the author's soft hyphens and hard hyphens
  double syllable_penalty = 0, compound_penalty = 0, hard_hyphen_penalty = 0, emergency_penalty = 0;
  double inside_compound_penalty = 0;  // a syllable point of a word that also has compound boundaries
  bool last_word = false;  // the paragraph's last word too (only when it cannot be set otherwise)
};
BreakInput break_input(const Paragraph& p, const ShapeRequest& request, const Hyphenation& hyphenation);

// The lines the breaks make, as glyph runs.
std::vector<std::shared_ptr<const TextLine>> set_lines(const Paragraph& p, const BreakInput& input,
                                                       const std::vector<LineBreak>& breaks, const ShapeRequest& request);

}  // namespace rapport
