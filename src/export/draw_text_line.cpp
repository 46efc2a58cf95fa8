#include "export/draw_text_line.hpp"

#include <pango/pangocairo.h>

#include <string>
#include <vector>

namespace rapport {
namespace {

constexpr double scale = PANGO_SCALE;
const std::string soft_hyphen = "\u00AD";

struct Cluster {
  std::string text;
  int glyphs = 0;
};

// The text of a cluster as it should be extracted.
std::string extracted(const std::string& bytes, bool breaks_line) {
  std::string out;
  for (size_t at = 0; at < bytes.size();) {
    if (bytes.compare(at, soft_hyphen.size(), soft_hyphen) == 0) {
      if (breaks_line && at + soft_hyphen.size() == bytes.size()) out += '-';
      at += soft_hyphen.size();
    } else {
      out += bytes[at++];
    }
  }
  return out;
}

void set_run_color(cairo_t* cr, const PangoGlyphItem* run, const Color& fallback) {
  for (GSList* l = run->item->analysis.extra_attrs; l; l = l->next) {
    auto* attribute = static_cast<PangoAttribute*>(l->data);
    if (attribute->klass->type == PANGO_ATTR_FOREGROUND) {
      const PangoColor& c = reinterpret_cast<PangoAttrColor*>(attribute)->color;
      cairo_set_source_rgb(cr, c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0);
      return;
    }
  }
  cairo_set_source_rgb(cr, fallback.r, fallback.g, fallback.b);
}

bool underlined(const PangoGlyphItem* run) {
  for (GSList* l = run->item->analysis.extra_attrs; l; l = l->next) {
    auto* attribute = static_cast<PangoAttribute*>(l->data);
    if (attribute->klass->type == PANGO_ATTR_UNDERLINE && reinterpret_cast<PangoAttrInt*>(attribute)->value != PANGO_UNDERLINE_NONE)
      return true;
  }
  return false;
}

void draw_underline(cairo_t* cr, PangoFont* font, double x, double width, double baseline) {
  PangoFontMetrics* metrics = pango_font_get_metrics(font, nullptr);
  double position = pango_font_metrics_get_underline_position(metrics) / scale;
  double thickness = pango_font_metrics_get_underline_thickness(metrics) / scale;
  pango_font_metrics_unref(metrics);
  cairo_rectangle(cr, x, baseline - position, width, thickness);
  cairo_fill(cr);
}

// One run: its glyphs at their positions, and clusters mapping them back to text.
double draw_run(cairo_t* cr, const PangoGlyphItem* run, const char* layout_text, double x, double baseline,
                bool last_run_of_broken_line, const Color& color) {
  const PangoGlyphString* glyphs = run->glyphs;
  const char* text = layout_text + run->item->offset;
  const int length = run->item->length;
  std::vector<cairo_glyph_t> drawn;
  std::vector<Cluster> clusters;
  double pen = x;
  for (int i = 0; i < glyphs->num_glyphs; ++i) {
    const PangoGlyphInfo& info = glyphs->glyphs[i];
    int start = glyphs->log_clusters[i];
    if (i == 0 || start != glyphs->log_clusters[i - 1]) {
      int end = length;
      for (int k = i + 1; k < glyphs->num_glyphs; ++k)
        if (glyphs->log_clusters[k] != start) {
          end = glyphs->log_clusters[k];
          break;
        }
      bool at_line_end = last_run_of_broken_line && end == length;
      clusters.push_back({extracted(std::string(text + start, static_cast<size_t>(end - start)), at_line_end), 0});
    }
    bool visible = info.glyph != PANGO_GLYPH_EMPTY && !(info.glyph & PANGO_GLYPH_UNKNOWN_FLAG);
    if (visible) {
      drawn.push_back({info.glyph, pen + info.geometry.x_offset / scale, baseline + info.geometry.y_offset / scale});
      ++clusters.back().glyphs;
    }
    pen += info.geometry.width / scale;
  }
  // Cairo wants every cluster to cover some text or some glyphs; fold empty ones into a neighbour.
  std::vector<Cluster> merged;
  for (auto& c : clusters) {
    if (c.text.empty() && c.glyphs == 0) continue;
    if ((c.text.empty() || c.glyphs == 0) && !merged.empty()) {
      merged.back().text += c.text;
      merged.back().glyphs += c.glyphs;
    } else {
      merged.push_back(std::move(c));
    }
  }
  std::string utf8;
  std::vector<cairo_text_cluster_t> mapping;
  for (const auto& c : merged) {
    utf8 += c.text;
    mapping.push_back({static_cast<int>(c.text.size()), c.glyphs});
  }
  set_run_color(cr, run, color);
  // Face, matrix and options rather than the scaled font itself: Cairo then builds the scaled
  // font for the current transform, which a rotated line (the watermark) changes.
  cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
  cairo_matrix_t font_matrix, current;
  cairo_scaled_font_get_font_matrix(font, &font_matrix);
  cairo_get_font_matrix(cr, &current);
  bool same = cairo_get_font_face(cr) == cairo_scaled_font_get_font_face(font) && current.xx == font_matrix.xx &&
              current.yy == font_matrix.yy && current.xy == font_matrix.xy && current.yx == font_matrix.yx;
  if (!same) {  // most runs continue in the font of the run before
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_scaled_font_get_font_options(font, options);
    cairo_set_font_face(cr, cairo_scaled_font_get_font_face(font));
    cairo_set_font_matrix(cr, &font_matrix);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
  }
  bool mapping_valid = !mapping.empty() && (mapping.front().num_bytes > 0 || mapping.front().num_glyphs > 0);
  if (mapping_valid)
    cairo_show_text_glyphs(cr, utf8.data(), static_cast<int>(utf8.size()), drawn.data(), static_cast<int>(drawn.size()),
                           mapping.data(), static_cast<int>(mapping.size()), static_cast<cairo_text_cluster_flags_t>(0));
  else if (!drawn.empty())
    cairo_show_glyphs(cr, drawn.data(), static_cast<int>(drawn.size()));
  if (underlined(run)) draw_underline(cr, run->item->analysis.font, x, pen - x, baseline);
  return pen;
}

}  // namespace

void draw_text_line(cairo_t* cr, const TextLineItem& item) {
  const char* text = pango_layout_get_text(item.layout.get());
  const PangoLayoutLine* line = item.line;
  int line_end = line->start_index + line->length;
  bool broke_at_soft_hyphen = line_end >= 2 && std::string(text + line_end - 2, 2) == soft_hyphen;
  double x = item.x;
  for (GSList* l = line->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    if (run->item->offset < item.from || run->item->offset >= item.to) {
      x += pango_glyph_string_get_width(run->glyphs) / scale;  // another piece of the line draws it
      continue;
    }
    // A raised run (a footnote's mark: Pango's rise) sits above the line's baseline.
    double baseline = item.baseline - run->y_offset / scale;
    x = draw_run(cr, run, text, x, baseline, broke_at_soft_hyphen && !l->next, item.color);
  }
}

}  // namespace rapport
