#pragma once
// The marks that tell a chart's series apart without colour: each series has a fill pattern
// (columns and bars) and a marker shape (lines) of its own, so greyscale print and readers
// who do not see the palette's hues can still follow a series.
#include <vector>

#include "frames/frame.hpp"

namespace rapport {

// A box filled in `color` with series `index`'s pattern: none, then hatching "/", "—", "\",
// crossed, drawn as white strokes clipped to the box by computation (frames have no clip).
std::vector<Item> patterned_box(double x, double y, double width, double height, size_t index, const Color& color);

// Series `index`'s marker, centred on (cx, cy): a disc, square, triangle, diamond, ….
PathItem chart_marker(double cx, double cy, double size, size_t index, const Color& color);

// A polyline through `points` in `color`.
PathItem chart_line(const std::vector<std::pair<double, double>>& points, const Color& color, double width);

}  // namespace rapport
