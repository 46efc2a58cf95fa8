#include "layout/lay_out_footnotes.hpp"

namespace rapport {
namespace {

// The note's words, one slab per line, hanging in the indent. Each line's tags are whole: a
// long note goes on at the next page's foot, after that page's text, and its lines resume the
// same Note and P there (the tags' ids say which).
std::vector<Slab> note_lines(const LayoutContext& ctx, const FootnoteNote& note) {
  const TextStyle& style = ctx.style.footnote;
  const Footnote& footnote = ctx.report.footnotes.at(note.footnote);
  double x = ctx.left() + ctx.style.footnote_indent;
  ShapedText text = shape_rich_text(ctx.pango, ctx.prepared(footnote.text), ctx.hyphenating(style, ctx.left() + ctx.text_width() - x));
  ctx.check_glyphs(text, footnote.pos);
  std::vector<Slab> lines;
  append_lines(ctx, text, style, x, lines);
  TagItem note_tag = begin_tag("Note");
  note_tag.id = note.anchor;
  TagItem text_tag = begin_tag("P");
  text_tag.id = note.anchor + ".text";
  for (auto& line : lines) {
    line.keep_with_next = false;  // a long note may go on at the next page's foot
    enclose(line.items, text_tag);
    enclose(line.items, note_tag);
  }
  return lines;
}

// The note's number, right-aligned in the indent and a link back to its first mark: plain,
// not underlined, as a printed note's number is.
std::vector<Item> number_label(const LayoutContext& ctx, const FootnoteNote& note) {
  const TextStyle& style = ctx.style.footnote;
  std::string number = std::to_string(note.number);
  ShapedText label = shape_plain_text(ctx.pango, number, ctx.request(style, ctx.style.footnote_indent - style.size * 0.4, Align::right));
  label.links.push_back({0, static_cast<int>(number.size()), "#" + note.mark_anchor, false, {}});
  std::vector<Item> items;
  place_text(ctx, label, style, ctx.left(), 0, items);
  enclose(items, begin_tag("Lbl"));
  return items;
}

std::vector<Slab> lay_out_note(const LayoutContext& ctx, const FootnoteNote& note) {
  std::vector<Slab> lines = note_lines(ctx, note);
  if (lines.empty()) return lines;
  std::vector<Item> label = number_label(ctx, note);
  auto& head = lines.front().items;  // inside the Note, before its P
  head.insert(head.begin() + 1, label.begin(), label.end());
  head.insert(head.begin() + 1, AnchorItem{note.anchor, ctx.left(), 0});
  lines.front().space_before = ctx.style.footnote.space_after;  // between one note and the next
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
