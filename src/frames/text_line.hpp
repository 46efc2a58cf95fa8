#pragma once
// A line of text as layout leaves it: runs of glyphs already positioned, each in one font,
// with the text they stand for. Backends draw these as they are; nothing here breaks lines
// or shapes text again.
#include <pango/pango.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "style/style.hpp"

namespace rapport {

// A font the glyph ids belong to. Pango's handle, kept alive by the lines that use it; the
// backend asks it for the face to draw with.
using FontRef = std::shared_ptr<PangoFont>;
FontRef share_font(PangoFont* font);  // takes a new reference

// A report holds a few hundred thousand of these, so they are packed: 16 bytes, not 24. The
// vertical offset is a whole number of Pango units (1/1024 pt), exact in a float.
struct PlacedGlyph {
  unsigned id = 0;
  float y = 0;   // from the baseline
  double x = 0;  // from the line's start
};

// Glyphs and the characters they stand for, in the order cairo_show_text_glyphs wants:
// `bytes` of GlyphRun::text map to `glyphs` glyphs.
struct GlyphCluster {
  int bytes = 0, glyphs = 0;
  int source = 0;         // where the cluster's characters start in the paragraph's text
  double x = 0, width = 0;  // its advance on the line
};

struct GlyphRun {
  FontRef font;
  std::vector<PlacedGlyph> glyphs;
  std::vector<GlyphCluster> clusters;
  // What the glyphs say in the text layer. Soft hyphens the line did not break at are left
  // out; a hyphen added where it broke is U+00AD (ISO 32000-1 14.8.2.2.3), so copying and
  // searching meet whole words.
  std::string text;
  int start = 0, end = 0;  // the run's bytes in the paragraph's text
  double x = 0, width = 0;  // from the line's start
  double rise = 0;          // raised above the baseline (a footnote's mark)
  std::optional<Color> color;  // else the line's
  bool underline = false;
  double underline_position = 0, underline_thickness = 0;  // below the baseline, points
};

struct TextLine {
  std::vector<GlyphRun> runs;
  double width = 0;               // advance of the whole line, as set (justified: the measure)
  double ascent = 0, descent = 0;  // of its tallest run, the baseline between
  int start = 0, end = 0;          // bytes of the paragraph's text the line sets
  // The paragraph the line belongs to (its lines share it) and the line's place in it.
  std::shared_ptr<const std::string> paragraph;
  int index = 0, count = 1;
  bool hyphenated = false;         // ends with a hyphen the line breaker added
  // The widest word space on the line over the font's natural space (1: natural; justified
  // text stretches it).
  double space_ratio = 1;
  std::string text() const;  // the runs' text, joined
};

}  // namespace rapport
