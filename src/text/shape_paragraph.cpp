#include <pango/pangocairo.h>

#include <algorithm>
#include <set>

#include "text/paragraph.hpp"

namespace rapport {
namespace {

constexpr double mark_size = 0.64, mark_rise = 0.36;  // a footnote mark, of the text's size

int to_pango(double points) { return static_cast<int>(points * PANGO_SCALE + 0.5); }
constexpr double to_points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

PangoFontDescription* font_description(const TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

void add_attribute(PangoAttrList* list, PangoAttribute* attribute, size_t start, size_t end) {
  attribute->start_index = static_cast<guint>(start);
  attribute->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attribute);
}

// Only what chooses the font or its features: colour, underline and rise are the runs' own.
PangoAttrList* font_attributes(const Paragraph& p, const ShapeRequest& request, PangoFontDescription* base) {
  PangoAttrList* list = pango_attr_list_new();
  pango_attr_list_insert(list, pango_attr_font_desc_new(base));
  if (request.tabular_figures) pango_attr_list_insert(list, pango_attr_font_features_new("tnum 1"));
  for (size_t r = 0; r < p.runs.size(); ++r) {
    const TextRun& run = p.runs[r];
    size_t start = static_cast<size_t>(p.run_starts[r]), end = start + run.text.size();
    if (run.strong) add_attribute(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (run.emphasis) add_attribute(list, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (run.raised) add_attribute(list, pango_attr_size_new_absolute(to_pango(request.style.size * mark_size)), start, end);
  }
  return list;
}

// Pango splits items where the font changes; a run's colour or underline may change where the
// font does not, so items are split at every run's start too.
std::vector<PangoItem*> split_at_runs(const Paragraph& p, GList* items) {
  std::vector<PangoItem*> out;
  for (GList* l = items; l; l = l->next) {
    auto* item = static_cast<PangoItem*>(l->data);
    for (int boundary : p.run_starts) {
      if (boundary <= item->offset || boundary >= item->offset + item->length) continue;
      int chars = static_cast<int>(g_utf8_strlen(p.text.data() + item->offset, boundary - item->offset));
      out.push_back(pango_item_split(item, boundary - item->offset, chars));
    }
    out.push_back(item);
  }
  g_list_free(items);
  return out;
}

}  // namespace

// Glyph groups of one cluster each; a group ends where the next cluster in the text starts
// (glyphs run right to left in a right-to-left item, so the order of groups is not the text's).
std::vector<ClusterSpan> clusters_of(const PangoGlyphString* glyphs, int offset, int length) {
  std::vector<ClusterSpan> spans;
  std::set<int> starts;
  for (int i = 0; i < glyphs->num_glyphs; ++i) {
    int start = offset + glyphs->log_clusters[i];
    if (spans.empty() || spans.back().start != start) {
      spans.push_back({start, 0, i, 0, 0});
      starts.insert(start);
    }
    ++spans.back().glyph_count;
    spans.back().width += to_points(glyphs->glyphs[i].geometry.width);
  }
  for (auto& span : spans) {
    auto next = starts.upper_bound(span.start);
    span.end = next == starts.end() ? offset + length : *next;
  }
  return spans;
}

namespace {

void measure_characters(Paragraph& p) {
  const int chars = static_cast<int>(p.char_bytes.size()) - 1;
  p.char_widths.assign(static_cast<size_t>(std::max(chars, 0)), 0);
  std::vector<int> char_of_byte(p.text.size() + 1, 0);
  for (int c = 0; c <= chars; ++c) char_of_byte[static_cast<size_t>(p.char_bytes[static_cast<size_t>(c)])] = c;
  for (const auto& item : p.items)
    for (const auto& span : item.clusters) {
      int first = char_of_byte[static_cast<size_t>(span.start)], last = char_of_byte[static_cast<size_t>(span.end)];
      if (last <= first) continue;
      for (int c = first; c < last; ++c) p.char_widths[static_cast<size_t>(c)] = span.width / (last - first);
    }
}

}  // namespace

Paragraph::~Paragraph() {
  for (auto& item : items) {
    pango_glyph_string_free(item.glyphs);
    pango_item_free(item.item);
  }
  if (base_font) g_object_unref(base_font);
}

size_t Paragraph::run_at(int byte) const {
  auto it = std::upper_bound(run_starts.begin(), run_starts.end(), byte);
  return it == run_starts.begin() ? 0 : static_cast<size_t>(it - run_starts.begin() - 1);
}

const ShapedItem* Paragraph::item_at(int byte) const {
  for (const auto& item : items)
    if (byte >= item.start && byte < item.end) return &item;
  return nullptr;
}

void shape_paragraph(Paragraph& p, PangoContext* context, const std::vector<TextRun>& runs, const ShapeRequest& request) {
  p.context = context;
  p.fonts = &FontCache::of(context);
  for (const auto& run : runs) {
    if (run.text.empty()) continue;
    p.run_starts.push_back(static_cast<int>(p.text.size()));
    p.text += run.text;
    p.runs.push_back(run);
  }
  p.raise = request.style.size * mark_rise;
  PangoFontDescription* base = font_description(request.style);
  p.base_font = pango_context_load_font(context, base);

  const int length = static_cast<int>(p.text.size());
  for (const char* c = p.text.data(); c < p.text.data() + length; c = g_utf8_next_char(c))
    p.char_bytes.push_back(static_cast<int>(c - p.text.data()));
  p.char_bytes.push_back(length);
  p.attrs.resize(p.char_bytes.size());
  pango_get_log_attrs(p.text.data(), length, -1, pango_context_get_language(context), p.attrs.data(),
                      static_cast<int>(p.attrs.size()));

  if (length > 0) {
    PangoAttrList* attributes = font_attributes(p, request, base);
    std::vector<PangoItem*> items = split_at_runs(p, pango_itemize(context, p.text.data(), 0, length, attributes, nullptr));
    pango_attr_list_unref(attributes);
    for (PangoItem* item : items) {
      ShapedItem shaped{item, pango_glyph_string_new(), item->offset, item->offset + item->length, p.run_at(item->offset), {}};
      pango_shape_with_flags(p.text.data() + item->offset, item->length, p.text.data(), length, &item->analysis, shaped.glyphs,
                             PANGO_SHAPE_NONE);
      shaped.clusters = clusters_of(shaped.glyphs, item->offset, item->length);
      p.items.push_back(std::move(shaped));
    }
  }
  pango_font_description_free(base);
  measure_characters(p);
}

}  // namespace rapport
