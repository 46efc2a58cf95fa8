#include "layout/build_toc.hpp"

namespace rapport {

std::vector<Slab> build_figure_list(const LayoutContext& ctx, const Flow& flow, const std::map<std::string, int>& page_numbers) {
  std::vector<Slab> slabs;
  if (flow.figures.empty()) return slabs;
  // A caption-sized title, not a heading: the list belongs to the chapter it stands in.
  const TextStyle& title_style = ctx.style.caption;
  std::string title = flow.figures_block.title.empty() ? ctx.style.figures_default_title : flow.figures_block.title;
  ShapedText shaped = shape_plain_text(ctx.pango, title, ctx.request(title_style, ctx.text_width()));
  append_lines(ctx, shaped, title_style, ctx.left(), slabs);
  slabs.front().space_before = ctx.style.body.space_after + title_style.space_before;
  slabs.front().items.insert(slabs.front().items.begin(), begin_tag("P"));
  slabs.back().items.push_back(end_tag("P"));
  for (auto& s : slabs) s.keep_with_next = true;
  size_t title_lines = slabs.size();
  for (const auto& figure : flow.figures) {
    auto it = page_numbers.find(figure.anchor);
    // Level 2: set like a TOC's second level, in the regular weight.
    Slab entry = contents_entry(ctx, {figure.anchor, figure.caption, 2, true}, it == page_numbers.end() ? 0 : it->second);
    if (slabs.size() == title_lines) entry.space_before = title_style.space_after;
    slabs.push_back(std::move(entry));
  }
  auto& head = slabs[title_lines].items;
  head.insert(head.begin(), begin_tag("TOC"));
  slabs.back().items.push_back(end_tag("TOC"));
  if (slabs.size() > title_lines + 1) slabs[slabs.size() - 2].keep_with_next = true;  // the last entry never alone
  return slabs;
}

}  // namespace rapport
