#pragma once
// A `chart` block drawn into frames: columns (grouped or stacked), horizontal bars or lines
// with markers, a value axis with nice ticks in the layout's number format, category labels
// that wrap, a legend and optional value labels. Drawn from rules, rectangles, paths and
// shaped text rather than by a plotting library, so a chart has the pinned fonts, real text
// for its figures, a tagged Figure and the same bytes every time.
#include <vector>

#include "layout/layout_context.hpp"

namespace rapport {

struct ChartDrawing {
  std::vector<Item> items;  // x on the page, y from the drawing's top; one Figure element with /Alt
  double height = 0;
};

// What a chart's caller may set beyond the chart itself.
struct ChartLook {
  // One colour per category instead of one per series (the goal overview: the statuses'
  // own colours); empty: the layout's palette, by series.
  std::vector<Color> category_colors = {};
};

// `chart` (its figures filled in) at the context's left margin, across the text width.
ChartDrawing draw_chart(const LayoutContext& ctx, const Chart& chart, const ChartLook& look = {});

}  // namespace rapport
