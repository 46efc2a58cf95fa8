#pragma once
// What line setting asks of a font again and again (its metrics, its hyphen), worked out once
// per font and kept with the Pango context, so each thread's context has its own.
#include <pango/pango.h>

#include <map>

#include "frames/text_line.hpp"

namespace rapport {

struct FontInfo {
  FontRef font;
  double ascent = 0, descent = 0;
  double underline_position = 0, underline_thickness = 0;  // below the baseline
  bool hyphen_shaped = false, has_hyphen = false;
  unsigned hyphen_glyph = 0;
  double hyphen_width = 0;
};

class FontCache {
 public:
  // The cache that lives with `context` (made on first use).
  static FontCache& of(PangoContext* context);
  // `analysis` shapes the hyphen the way the text around it was shaped (features included).
  const FontInfo& info(PangoFont* font, const PangoAnalysis& analysis);
  const FontInfo& info(PangoFont* font);

 private:
  FontInfo& entry(PangoFont* font);
  std::map<PangoFont*, FontInfo> fonts_;
};

}  // namespace rapport
