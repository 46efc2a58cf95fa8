#include <algorithm>
#include <string>

#include "layout/lay_out_footnotes.hpp"
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
  std::string text = shaped.text.substr(static_cast<size_t>(link.start), static_cast<size_t>(link.end - link.start));
  const std::string soft_hyphen = "\u00ad";
  for (size_t at; (at = text.find(soft_hyphen)) != std::string::npos;) text.erase(at, soft_hyphen.size());
  return text;
}

// Which link, if any, the run that starts at byte `offset` belongs to (-1: none).
int link_of(const ShapedText& shaped, int offset) {
  for (size_t k = 0; k < shaped.links.size(); ++k)
    if (offset >= shaped.links[k].start && offset < shaped.links[k].end) return static_cast<int>(k);
  return -1;
}

// A line with links is drawn in pieces, runs grouped by the link they belong to, and each
// link's piece is a Link element holding its words and its clickable area.
void add_line_items(const ShapedText& shaped, const PlacedLine& placed, const TextStyle& text, double x, double y,
                    std::vector<Item>& out) {
  const TextLine& line = *placed.line;
  TextLineItem whole{placed.line, x + placed.x, y + placed.baseline, text.color};
  bool has_links = std::any_of(shaped.links.begin(), shaped.links.end(),
                               [&](const LinkRange& link) { return link.start < line.end && link.end > line.start; });
  if (!has_links) {
    out.push_back(std::move(whole));
    return;
  }
  for (auto run = line.runs.begin(); run != line.runs.end();) {
    int link = link_of(shaped, run->start);
    TextLineItem piece = whole;
    piece.from = run->start;
    for (; run != line.runs.end() && link_of(shaped, run->start) == link; ++run) piece.to = run->end;
    if (link < 0) {
      out.push_back(std::move(piece));
      continue;
    }
    const LinkRange& range = shaped.links[static_cast<size_t>(link)];
    auto areas = line_ranges(line, range.start, range.end);
    for (auto& area : areas) area.first += placed.x;
    // A note's first mark is where the note's number links back to.
    if (!range.anchor.empty() && !areas.empty()) out.push_back(AnchorItem{range.anchor, x + areas.front().first, y + placed.top});
    if (range.footnote) out.push_back(begin_tag("Reference"));
    out.push_back(begin_tag("Link"));
    out.push_back(std::move(piece));
    for (auto [rx, rw] : areas)
      out.push_back(LinkItem{x + rx, y + placed.top, rw, placed.height, range.target,
                             range.footnote ? "Fotnot " + link_text(shaped, range) : link_text(shaped, range)});
    out.push_back(end_tag("Link"));
    if (range.footnote) out.push_back(end_tag("Reference"));
  }
}

}  // namespace

void LayoutContext::check_glyphs(const ShapedText& shaped, const SourcePos& pos) const {
  const auto& missing = shaped.missing;
  if (missing.empty()) return;
  std::string list;
  for (uint32_t cp : missing) list += (list.empty() ? "" : ", ") + code_point_name(cp);
  diags.error(pos, "the pinned fonts have no glyph for " + list,
              "add a font with these characters to fonts/fonts.yaml, or replace the characters");
}

size_t append_lines(const LayoutContext& ctx, const ShapedText& shaped, const TextStyle& text, double x,
                    std::vector<Slab>& out) {
  size_t first = out.size();
  auto lines = place_lines(shaped, ctx.pitch(text));
  for (size_t i = 0; i < lines.size(); ++i) {
    Slab slab;
    slab.height = lines[i].height;
    PlacedLine at_top = lines[i];
    at_top.baseline -= at_top.top;
    at_top.top = 0;
    add_line_items(shaped, at_top, text, x, 0, slab.items);
    slab.notes = notes_marked(ctx, shaped, lines[i].line->start, lines[i].line->end);
    size_t before = i + 1, after = lines.size() - before;
    slab.keep_with_next = after > 0 && (before < min_lines_at_break || after < min_lines_at_break);
    out.push_back(std::move(slab));
  }
  return first;
}

double place_text(const LayoutContext& ctx, const ShapedText& shaped, const TextStyle& text, double x, double y,
                  std::vector<Item>& out, std::vector<LineExtent>* line_boxes) {
  auto lines = place_lines(shaped, ctx.pitch(text));
  for (const auto& placed : lines) {
    add_line_items(shaped, placed, text, x, y, out);
    if (line_boxes) line_boxes->push_back({y + placed.top, y + placed.top + placed.height});
  }
  return lines.empty() ? 0 : lines.back().top + lines.back().height;
}

}  // namespace rapport
