#include "layout/lay_out_figure.hpp"

#include "style/fill_template.hpp"

namespace rapport {
namespace {

// Between the drawing and its caption, and between caption and source.
constexpr double caption_gap = 4;
constexpr double source_gap = 1;

// Lines set from `x` to the text's right edge: a caption starts where its picture does.
std::vector<Slab> text_lines(const LayoutContext& ctx, const std::string& text, const TextStyle& style, double x, const char* role) {
  std::vector<Slab> lines;
  if (text.empty()) return lines;
  ShapedText shaped = shape_plain_text(ctx.pango, text, ctx.hyphenating(style, ctx.left() + ctx.text_width() - x));
  append_lines(ctx, shaped, style, x, lines);
  lines.front().items.insert(lines.front().items.begin(), begin_tag(role));
  lines.back().items.push_back(end_tag(role));
  return lines;
}

}  // namespace

std::string numbered_caption(const Style& style, int number, const std::string& caption) {
  std::string out =
      fill_template(style.figure_caption, {{"{label}", style.figure_label}, {"{number}", std::to_string(number)}, {"{caption}", caption}});
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string figure_anchor(int number) { return "figure." + std::to_string(number); }

std::vector<Slab> lay_out_figure(const LayoutContext& ctx, std::vector<Item> drawn, double width, double height,
                                 const FigureFrame& frame) {
  remove_tags(drawn);
  // Centred; a caption narrower than a third of the text would wrap word by word, so a
  // narrow figure's caption starts at the text's left edge instead.
  double x = ctx.left() + std::max(0.0, (ctx.text_width() - width) / 2);
  double caption_x = width >= ctx.text_width() / 3 ? x : ctx.left();
  for (auto& item : drawn) translate(item, x, 0);
  enclose(drawn, begin_tag("Figure", frame.alt));
  Slab picture;
  picture.height = height;
  if (!frame.anchor.empty()) picture.items.push_back(AnchorItem{frame.anchor, ctx.left(), 0});
  picture.items.insert(picture.items.end(), drawn.begin(), drawn.end());

  std::vector<Slab> slabs;
  slabs.push_back(std::move(picture));
  // The source belongs to the caption: one Caption element, read after the figure.
  std::vector<Slab> caption = text_lines(ctx, numbered_caption(ctx.style, frame.number, frame.caption), ctx.style.caption, caption_x, "P");
  std::vector<Slab> source = text_lines(ctx, frame.source, ctx.style.figure_source, caption_x, "P");
  if (!caption.empty()) caption.front().space_before = caption_gap;
  if (!source.empty()) source.front().space_before = caption.empty() ? caption_gap : source_gap;
  caption.insert(caption.end(), std::make_move_iterator(source.begin()), std::make_move_iterator(source.end()));
  if (!caption.empty()) {
    caption.front().items.insert(caption.front().items.begin(), begin_tag("Caption"));
    caption.back().items.push_back(end_tag("Caption"));
  }
  slabs.insert(slabs.end(), std::make_move_iterator(caption.begin()), std::make_move_iterator(caption.end()));
  for (size_t i = 0; i + 1 < slabs.size(); ++i) slabs[i].keep_with_next = true;
  return slabs;
}

}  // namespace rapport
