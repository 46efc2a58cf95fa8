#include "text/font_cache.hpp"

namespace rapport {
namespace {

constexpr double to_points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

GQuark cache_quark() { return g_quark_from_static_string("rapport-font-cache"); }

FontInfo measure(PangoFont* font) {
  FontInfo info;
  info.font = share_font(font);
  PangoFontMetrics* metrics = pango_font_get_metrics(font, nullptr);
  info.ascent = to_points(pango_font_metrics_get_ascent(metrics));
  info.descent = to_points(pango_font_metrics_get_descent(metrics));
  info.underline_position = -to_points(pango_font_metrics_get_underline_position(metrics));
  info.underline_thickness = to_points(pango_font_metrics_get_underline_thickness(metrics));
  pango_font_metrics_unref(metrics);
  return info;
}

// The hyphen-minus as the font shapes it: every pinned font has one, and it is the glyph
// readers expect at a broken line's end.
void shape_hyphen(FontInfo& info, const PangoAnalysis& analysis) {
  PangoGlyphString* glyphs = pango_glyph_string_new();
  static const char hyphen[] = "-";
  pango_shape_with_flags(hyphen, 1, hyphen, 1, &analysis, glyphs, PANGO_SHAPE_NONE);
  if (glyphs->num_glyphs == 1 && !(glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
    info.has_hyphen = true;
    info.hyphen_glyph = glyphs->glyphs[0].glyph;
    info.hyphen_width = to_points(glyphs->glyphs[0].geometry.width);
  }
  pango_glyph_string_free(glyphs);
}

}  // namespace

FontCache& FontCache::of(PangoContext* context) {
  auto* cache = static_cast<FontCache*>(g_object_get_qdata(G_OBJECT(context), cache_quark()));
  if (!cache) {
    cache = new FontCache;
    g_object_set_qdata_full(G_OBJECT(context), cache_quark(), cache, [](gpointer p) { delete static_cast<FontCache*>(p); });
  }
  return *cache;
}

FontInfo& FontCache::entry(PangoFont* font) {
  auto it = fonts_.find(font);
  if (it == fonts_.end()) it = fonts_.emplace(font, measure(font)).first;
  return it->second;
}

const FontInfo& FontCache::info(PangoFont* font) { return entry(font); }

const FontInfo& FontCache::info(PangoFont* font, const PangoAnalysis& analysis) {
  FontInfo& info = entry(font);
  if (!info.hyphen_shaped) shape_hyphen(info, analysis);
  info.hyphen_shaped = true;
  return info;
}

}  // namespace rapport
