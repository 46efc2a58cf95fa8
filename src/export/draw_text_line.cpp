#include "export/draw_text_line.hpp"

#include <pango/pangocairo.h>

#include <vector>

namespace rapport {
namespace {

// Face, matrix and options rather than the scaled font itself: Cairo then builds the scaled
// font for the current transform. Most runs continue in the font of the run before.
void use_font(cairo_t* cr, PangoFont* pango_font) {
  cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pango_font));
  cairo_matrix_t font_matrix, current;
  cairo_scaled_font_get_font_matrix(font, &font_matrix);
  cairo_get_font_matrix(cr, &current);
  bool same = cairo_get_font_face(cr) == cairo_scaled_font_get_font_face(font) && current.xx == font_matrix.xx &&
              current.yy == font_matrix.yy && current.xy == font_matrix.xy && current.yx == font_matrix.yx;
  if (same) return;
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_scaled_font_get_font_options(font, options);
  cairo_set_font_face(cr, cairo_scaled_font_get_font_face(font));
  cairo_set_font_matrix(cr, &font_matrix);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
}

void draw_run(cairo_t* cr, const GlyphRun& run, double x, double baseline, const Color& fallback) {
  const Color& c = run.color ? *run.color : fallback;
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  use_font(cr, run.font.get());
  double y = baseline - run.rise;
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  for (const auto& g : run.glyphs) glyphs.push_back({g.id, x + g.x, y + g.y});
  std::vector<cairo_text_cluster_t> clusters;
  clusters.reserve(run.clusters.size());
  for (const auto& cl : run.clusters) clusters.push_back({cl.bytes, cl.glyphs});
  if (!clusters.empty())
    cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(), static_cast<int>(glyphs.size()),
                           clusters.data(), static_cast<int>(clusters.size()), static_cast<cairo_text_cluster_flags_t>(0));
  else if (!glyphs.empty())
    cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
  if (run.underline) {
    cairo_rectangle(cr, x + run.x, y + run.underline_position, run.width, run.underline_thickness);
    cairo_fill(cr);
  }
}

}  // namespace

void draw_text_line(cairo_t* cr, const TextLineItem& item) {
  for (const auto& run : item.line->runs)
    if (run.start >= item.from && run.start < item.to) draw_run(cr, run, item.x, item.baseline, item.color);
}

}  // namespace rapport
