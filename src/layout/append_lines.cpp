#include <string>

#include "layout/layout_context.hpp"

namespace rapport {
namespace {

constexpr size_t min_lines_at_break = 2;

std::string code_point_name(uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", cp);
  return buffer;
}

// What a link says, without the soft hyphens hyphenation put in.
std::string link_text(const ShapedText& shaped, const LinkRange& link) {
  std::string text(pango_layout_get_text(shaped.layout.get()) + link.start, static_cast<size_t>(link.end - link.start));
  const std::string soft_hyphen = "\u00ad";
  for (size_t at; (at = text.find(soft_hyphen)) != std::string::npos;) text.erase(at, soft_hyphen.size());
  return text;
}

void add_line_items(const ShapedText& shaped, const PlacedLine& placed, const TextStyle& text, double x, double y,
                    std::vector<Item>& out) {
  out.push_back(TextLineItem{shaped.layout, placed.line, x + placed.x, y + placed.baseline, text.color});
  for (const auto& link : shaped.links)
    for (auto [rx, rw] : line_ranges(placed.line, link.start, link.end))
      out.push_back(LinkItem{x + rx, y + placed.top, rw, placed.height, link.target, link_text(shaped, link)});
}

}  // namespace

void LayoutContext::check_glyphs(const ShapedText& shaped, const SourcePos& pos) const {
  auto missing = missing_glyphs(shaped.layout.get());
  if (missing.empty()) return;
  std::string list;
  for (uint32_t cp : missing) list += (list.empty() ? "" : ", ") + code_point_name(cp);
  diags.error(pos, "the pinned fonts have no glyph for " + list,
              "add a font with these characters to fonts/fonts.yaml, or replace the characters");
}

size_t append_lines(const LayoutContext& ctx, const ShapedText& shaped, const TextStyle& text, double x,
                    std::vector<Slab>& out) {
  size_t first = out.size();
  auto lines = place_lines(shaped.layout.get(), ctx.pitch(text));
  for (size_t i = 0; i < lines.size(); ++i) {
    Slab slab;
    slab.height = lines[i].height;
    PlacedLine at_top = lines[i];
    at_top.baseline -= at_top.top;
    at_top.top = 0;
    add_line_items(shaped, at_top, text, x, 0, slab.items);
    size_t before = i + 1, after = lines.size() - before;
    slab.keep_with_next = after > 0 && (before < min_lines_at_break || after < min_lines_at_break);
    out.push_back(std::move(slab));
  }
  return first;
}

double place_text(const LayoutContext& ctx, const ShapedText& shaped, const TextStyle& text, double x, double y,
                  std::vector<Item>& out, std::vector<LineExtent>* line_boxes) {
  auto lines = place_lines(shaped.layout.get(), ctx.pitch(text));
  for (const auto& placed : lines) {
    add_line_items(shaped, placed, text, x, y, out);
    if (line_boxes) line_boxes->push_back({y + placed.top, y + placed.top + placed.height});
  }
  return lines.empty() ? 0 : lines.back().top + lines.back().height;
}

}  // namespace rapport
