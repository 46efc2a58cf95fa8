#include "layout/lay_out_footnotes.hpp"

namespace rapport {
namespace {

// Between the number's indent and the note's words.
constexpr double number_gap = 0;

std::vector<Slab> lay_out_note(const LayoutContext& ctx, const FootnoteNote& note) {
  const TextStyle& style = ctx.style.footnote;
  const Footnote& footnote = ctx.report.footnotes.at(note.footnote);
  double indent = ctx.style.footnote_indent;
  double x = ctx.left() + indent + number_gap;
  ShapeRequest request = ctx.request(style, ctx.left() + ctx.text_width() - x);
  ShapedText text = shape_rich_text(ctx.pango, ctx.prepared(footnote.text), request);
  ctx.check_glyphs(text, footnote.pos);
  std::vector<Slab> lines;
  append_lines(ctx, text, style, x, lines);
  if (lines.empty()) return lines;
  for (auto& line : lines) line.keep_with_next = false;  // a long note may go on at the next page's foot
  // Each line's tags are whole: a long note goes on at the next page's foot, after that
  // page's text, and its lines resume the same Note and P there (the tags' ids say which).
  TagItem note_tag = begin_tag("Note");
  note_tag.id = note.anchor;
  TagItem text_tag = begin_tag("P");
  text_tag.id = note.anchor + ".text";
  for (auto& line : lines) {
    enclose(line.items, text_tag);
    enclose(line.items, note_tag);
  }

  // The number, a link back to the note's first mark, right-aligned in the indent: plain,
  // not underlined, as a printed note's number is.
  std::string number = std::to_string(note.number);
  ShapedText label = shape_plain_text(ctx.pango, number, ctx.request(style, indent - style.size * 0.4, Align::right));
  label.links.push_back({0, static_cast<int>(number.size()), "#" + note.mark_anchor, false, {}});
  std::vector<Item> items;
  place_text(ctx, label, style, ctx.left(), 0, items);
  enclose(items, begin_tag("Lbl"));

  auto& head = lines.front().items;  // inside the Note, before its P
  head.insert(head.begin() + 1, items.begin(), items.end());
  head.insert(head.begin() + 1, AnchorItem{note.anchor, ctx.left(), 0});
  lines.front().space_before = style.space_after;
  return lines;
}

}  // namespace

std::vector<std::vector<Slab>> lay_out_footnotes(const LayoutContext& ctx) {
  std::vector<std::vector<Slab>> notes;
  for (const auto& note : ctx.report.notes) notes.push_back(lay_out_note(ctx, note));
  return notes;
}

std::vector<size_t> notes_marked(const LayoutContext& ctx, const ShapedText& shaped, int from, int to) {
  std::vector<size_t> marked;
  for (const auto& link : shaped.links) {
    if (!link.footnote || link.start < from || link.start >= to) continue;
    for (size_t i = 0; i < ctx.report.notes.size(); ++i)
      if ("#" + ctx.report.notes[i].anchor == link.target) marked.push_back(i);
  }
  return marked;
}

}  // namespace rapport
