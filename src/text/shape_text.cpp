#include "text/shape_text.hpp"

#include <pango/pangocairo.h>

#include <algorithm>

namespace rapport {
namespace {

constexpr double to_points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int to_pango(double points) { return static_cast<int>(points * PANGO_SCALE + 0.5); }

guint16 channel(double c) { return static_cast<guint16>(std::clamp(c, 0.0, 1.0) * 65535.0 + 0.5); }

PangoFontDescription* font_description(const TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

PangoLayout* new_layout(PangoContext* context, const ShapeRequest& request) {
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* font = font_description(request.style);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  if (request.width >= 0) {
    pango_layout_set_width(layout, to_pango(request.width));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_justify(layout, request.justify);
  pango_layout_set_alignment(layout, request.align == Align::right    ? PANGO_ALIGN_RIGHT
                                     : request.align == Align::center ? PANGO_ALIGN_CENTER
                                                                      : PANGO_ALIGN_LEFT);
  return layout;
}

void add_attribute(PangoAttrList* list, PangoAttribute* attribute, size_t start, size_t end) {
  attribute->start_index = static_cast<guint>(start);
  attribute->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attribute);
}

// A footnote's mark: a superscript number, smaller and raised. Pango's rise and size rather
// than the fonts' `sups` feature, which the pinned fonts do not all have for every digit.
void add_mark_attributes(PangoAttrList* list, const ShapeRequest& request, size_t start, size_t end) {
  constexpr double mark_size = 0.64, mark_rise = 0.36;  // of the text's size
  double size = request.style.size;
  add_attribute(list, pango_attr_size_new_absolute(to_pango(size * mark_size)), start, end);
  add_attribute(list, pango_attr_rise_new(to_pango(size * mark_rise)), start, end);
  const Color& c = request.link_color;
  add_attribute(list, pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), start, end);
}

void add_whole_text_attributes(PangoAttrList* list, const ShapeRequest& request) {
  if (request.tabular_figures) pango_attr_list_insert(list, pango_attr_font_features_new("tnum 1"));
}

}  // namespace

ShapedText shape_rich_text(PangoContext* context, const RichText& text, const ShapeRequest& request) {
  ShapedText shaped{adopt_layout(new_layout(context, request)), {}};
  std::string all;
  PangoAttrList* attributes = pango_attr_list_new();
  add_whole_text_attributes(attributes, request);
  for (const auto& span : text) {
    size_t start = all.size();
    all += span.text;
    size_t end = all.size();
    if (span.strong) add_attribute(attributes, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (span.emphasis) add_attribute(attributes, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (!span.footnote.empty()) {
      add_mark_attributes(attributes, request, start, end);
      if (!span.link.empty()) shaped.links.push_back({static_cast<int>(start), static_cast<int>(end), span.link, true, span.anchor});
    } else if (!span.link.empty()) {
      const Color& c = request.link_color;
      add_attribute(attributes, pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), start, end);
      add_attribute(attributes, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
      shaped.links.push_back({static_cast<int>(start), static_cast<int>(end), span.link, false, {}});
    }
  }
  pango_layout_set_text(shaped.layout.get(), all.data(), static_cast<int>(all.size()));
  pango_layout_set_attributes(shaped.layout.get(), attributes);
  pango_attr_list_unref(attributes);
  return shaped;
}

ShapedText shape_plain_text(PangoContext* context, const std::string& text, const ShapeRequest& request) {
  ShapedText shaped{adopt_layout(new_layout(context, request)), {}};
  pango_layout_set_text(shaped.layout.get(), text.data(), static_cast<int>(text.size()));
  if (request.tabular_figures) {
    PangoAttrList* attributes = pango_attr_list_new();
    add_whole_text_attributes(attributes, request);
    pango_layout_set_attributes(shaped.layout.get(), attributes);
    pango_attr_list_unref(attributes);
  }
  return shaped;
}

std::vector<uint32_t> missing_glyphs(PangoLayout* layout) {
  std::vector<uint32_t> missing;
  if (pango_layout_get_unknown_glyphs_count(layout) == 0) return missing;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (!run) continue;
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
      if (glyph & PANGO_GLYPH_UNKNOWN_FLAG) missing.push_back(glyph & ~PANGO_GLYPH_UNKNOWN_FLAG);
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return missing;
}

std::vector<PlacedLine> place_lines(PangoLayout* layout, double pitch) {
  std::vector<PlacedLine> lines;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  double top = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    double own_height = to_points(logical.height);
    double box = std::max(pitch, own_height);
    double ascent = to_points(pango_layout_iter_get_baseline(iter) - logical.y);
    PlacedLine placed;
    placed.line = pango_layout_iter_get_line_readonly(iter);
    placed.x = to_points(logical.x);
    placed.top = top;
    placed.height = box;
    placed.baseline = top + (box - own_height) / 2 + ascent;
    lines.push_back(placed);
    top += box;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return lines;
}

double logical_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return to_points(logical.width);
}

std::vector<std::pair<double, double>> line_ranges(PangoLayoutLine* line, int start, int end) {
  std::vector<std::pair<double, double>> out;
  int first = std::max(start, line->start_index);
  int last = std::min(end, line->start_index + line->length);
  if (first >= last) return out;
  int* ranges = nullptr;
  int count = 0;
  pango_layout_line_get_x_ranges(line, first, last, &ranges, &count);
  for (int i = 0; i < count; ++i)
    out.emplace_back(to_points(ranges[2 * i]), to_points(ranges[2 * i + 1] - ranges[2 * i]));
  g_free(ranges);
  return out;
}

}  // namespace rapport
