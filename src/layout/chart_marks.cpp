#include "layout/chart_marks.hpp"

#include <algorithm>
#include <cmath>

namespace rapport {
namespace {

const Color white{1, 1, 1};
constexpr double hatch_gap = 3.2;   // points between hatching lines: visible at 30 dpi and in print
constexpr double hatch_width = 0.9;

struct Box {
  double x0, y0, x1, y1;
};

// The part of the line through (px, py) in direction (dx, dy) that lies in `box`, as a
// path segment; none when the line misses it. Liang–Barsky clipping of a long segment.
void add_clipped(PathItem& path, const Box& box, double px, double py, double dx, double dy) {
  double t0 = -1e6, t1 = 1e6;
  auto clip = [&](double p, double q) {
    if (std::fabs(p) < 1e-12) return q >= 0;
    double t = q / p;
    if (p < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    return true;
  };
  if (!clip(-dx, px - box.x0) || !clip(dx, box.x1 - px) || !clip(-dy, py - box.y0) || !clip(dy, box.y1 - py)) return;
  if (t1 - t0 < 1e-6) return;
  path.ops.push_back({PathOp::Kind::move, {px + t0 * dx, py + t0 * dy}});
  path.ops.push_back({PathOp::Kind::line, {px + t1 * dx, py + t1 * dy}});
}

// Parallel lines at `gap` across the box in direction (dx, dy) (a unit vector).
void hatch(PathItem& path, const Box& box, double dx, double dy) {
  double nx = -dy, ny = dx;  // the lines' normal: they are spaced along it
  double cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  double reach = std::hypot(box.x1 - box.x0, box.y1 - box.y0) / 2;
  for (double s = -std::floor(reach / hatch_gap) * hatch_gap; s <= reach; s += hatch_gap)
    add_clipped(path, box, cx + s * nx, cy + s * ny, dx, dy);
}

PathItem polygon(const std::vector<std::pair<double, double>>& points) {
  PathItem path;
  for (size_t i = 0; i < points.size(); ++i)
    path.ops.push_back({i == 0 ? PathOp::Kind::move : PathOp::Kind::line, {points[i].first, points[i].second}});
  path.ops.push_back({PathOp::Kind::close, {}});
  return path;
}

}  // namespace

std::vector<Item> patterned_box(double x, double y, double width, double height, size_t index, const Color& color) {
  std::vector<Item> items;
  if (width <= 0 || height <= 0) return items;
  items.push_back(RectItem{x, y, width, height, color});
  PathItem lines;
  lines.has_stroke = true;
  lines.stroke = white;
  lines.stroke_width = hatch_width;
  Box box{x, y, x + width, y + height};
  const double d = std::sqrt(0.5);
  switch (index % 5) {
    case 0: break;  // solid
    case 1: hatch(lines, box, d, -d); break;
    case 2: hatch(lines, box, 1, 0); break;
    case 3: hatch(lines, box, d, d); break;
    case 4: hatch(lines, box, d, -d); hatch(lines, box, d, d); break;
  }
  if (!lines.ops.empty()) items.push_back(std::move(lines));
  return items;
}

PathItem chart_marker(double cx, double cy, double size, size_t index, const Color& color) {
  double r = size / 2;
  PathItem path;
  switch (index % 5) {
    case 0:
      path.ops = {{PathOp::Kind::move, {cx + r, cy}}, {PathOp::Kind::arc, {cx, cy, r, 0, 2 * M_PI}}, {PathOp::Kind::close, {}}};
      break;
    case 1: r *= 0.88; path = polygon({{cx - r, cy - r}, {cx + r, cy - r}, {cx + r, cy + r}, {cx - r, cy + r}}); break;
    case 2: path = polygon({{cx, cy - r * 1.15}, {cx + r * 1.1, cy + r * 0.8}, {cx - r * 1.1, cy + r * 0.8}}); break;
    case 3: r *= 1.2; path = polygon({{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}}); break;
    case 4: path = polygon({{cx, cy + r * 1.15}, {cx + r * 1.1, cy - r * 0.8}, {cx - r * 1.1, cy - r * 0.8}}); break;
  }
  path.has_fill = true;
  path.fill = color;
  path.has_stroke = true;  // a white rim keeps a marker apart from the line and grid under it
  path.stroke = white;
  path.stroke_width = 0.6;
  return path;
}

PathItem chart_line(const std::vector<std::pair<double, double>>& points, const Color& color, double width) {
  PathItem path;
  for (size_t i = 0; i < points.size(); ++i)
    path.ops.push_back({i == 0 ? PathOp::Kind::move : PathOp::Kind::line, {points[i].first, points[i].second}});
  path.has_stroke = true;
  path.stroke = color;
  path.stroke_width = width;
  return path;
}

}  // namespace rapport
