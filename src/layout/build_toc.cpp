#include "layout/build_toc.hpp"

#include <cmath>

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;
constexpr double number_box = 12 * points_per_mm;
constexpr double level_indent = 5 * points_per_mm;
constexpr double leader_spacing = 4.2;
constexpr double leader_radius = 0.6;

// Evenly spaced dots between `from` and `to`, aligned to a grid so leaders line up.
PathItem leader_dots(double from, double to, double y, const Color& color) {
  PathItem dots;
  dots.has_fill = true;
  dots.fill = color;
  for (double x = std::ceil(from / leader_spacing) * leader_spacing; x + leader_radius < to; x += leader_spacing) {
    dots.ops.push_back({PathOp::Kind::move, {x + leader_radius, y}});
    dots.ops.push_back({PathOp::Kind::arc, {x, y, leader_radius, 0, 2 * M_PI}});
    dots.ops.push_back({PathOp::Kind::close, {}});
  }
  return dots;
}

}  // namespace

Slab contents_entry(const LayoutContext& ctx, const HeadingEntry& heading, int page_number) {
  TextStyle style = ctx.style.toc_entry;
  if (heading.level == 1) style.weight = 700;
  double indent = (heading.level - 1) * level_indent;
  double x = ctx.left() + indent;
  double right = ctx.left() + ctx.text_width();
  ShapedText title = shape_plain_text(ctx.pango, heading.title, ctx.request(style, right - x - number_box));
  Slab slab;
  slab.space_before = heading.level == 1 ? style.space_after * 2 : style.space_after;
  auto lines = place_lines(title, ctx.pitch(style));
  for (const auto& line : lines) slab.items.push_back(TextLineItem{line.line, x + line.x, line.baseline, style.color});
  const PlacedLine& last = lines.back();
  double text_end = x + last.x + last.line->width;

  ShapedText number = shape_plain_text(ctx.pango, std::to_string(page_number), ctx.request(style, number_box, Align::right));
  auto number_line = place_lines(number, ctx.pitch(style)).front();
  double number_x = right - number_box + number_line.x;
  slab.items.push_back(TextLineItem{number_line.line, number_x, last.baseline, style.color});
  std::vector<Item> leader = {leader_dots(text_end + 3, number_x - 3, last.baseline - leader_radius, style.color)};
  enclose(leader, begin_tag("Artifact"));
  slab.items.insert(slab.items.end(), leader.begin(), leader.end());
  slab.height = last.top + last.height;
  slab.items.push_back(LinkItem{x, 0, right - x, slab.height, "#" + heading.id, heading.title + ", sidan " + std::to_string(page_number)});
  // ISO 32000-1 table 333: a TOCI holds a Reference, and the Link inside it holds the words.
  enclose(slab.items, begin_tag("Link"));
  enclose(slab.items, begin_tag("Reference"));
  enclose(slab.items, begin_tag("TOCI"));
  return slab;
}

std::vector<Slab> build_toc(const LayoutContext& ctx, const Flow& flow, const std::map<std::string, int>& page_numbers) {
  std::vector<Slab> slabs;
  const TextStyle& title_style = ctx.style.toc_title;
  std::string title = flow.toc.title.empty() ? ctx.style.toc_default_title : flow.toc.title;
  int depth = flow.toc.depth > 0 ? flow.toc.depth : ctx.style.toc_depth;
  ShapedText shaped = shape_plain_text(ctx.pango, title, ctx.request(title_style, ctx.text_width()));
  append_lines(ctx, shaped, title_style, ctx.left(), slabs);
  slabs.front().items.insert(slabs.front().items.begin(), begin_tag("H1"));
  slabs.back().items.push_back(end_tag("H1"));
  for (auto& s : slabs) s.keep_with_next = true;
  slabs.front().heading_level = 1;  // the contents share a page with what follows when they are short
  size_t title_lines = slabs.size();
  bool first = true;
  for (const auto& heading : flow.headings) {
    if (!heading.in_toc || heading.level > depth) continue;
    auto it = page_numbers.find(heading.id);
    Slab entry = contents_entry(ctx, heading, it == page_numbers.end() ? 0 : it->second);
    if (first) entry.space_before = title_style.space_after;
    first = false;
    slabs.push_back(std::move(entry));
  }
  if (!first) {
    auto& head = slabs[title_lines].items;
    head.insert(head.begin(), begin_tag("TOC"));
    slabs.back().items.push_back(end_tag("TOC"));
  }
  return slabs;
}

}  // namespace rapport
