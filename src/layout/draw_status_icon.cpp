#include "layout/draw_status_icon.hpp"

#include <cmath>
#include <utility>

namespace rapport {
namespace {

using Point = std::pair<double, double>;

// An upward arrow in a unit circle; other directions are rotations of it.
const std::vector<Point> arrow_up = {{0, -0.66}, {0.52, -0.06}, {0.19, -0.06}, {0.19, 0.6},
                                     {-0.19, 0.6}, {-0.19, -0.06}, {-0.52, -0.06}};

Point rotate(Point p, int quarter_turns) {
  for (int i = 0; i < quarter_turns; ++i) p = {-p.second, p.first};
  return p;
}

PathItem polygon(const std::vector<Point>& points, int quarter_turns, double cx, double cy, double r) {
  PathItem path;
  for (size_t i = 0; i < points.size(); ++i) {
    auto [px, py] = rotate(points[i], quarter_turns);
    PathOp op;
    op.kind = i == 0 ? PathOp::Kind::move : PathOp::Kind::line;
    op.a[0] = cx + px * r;
    op.a[1] = cy + py * r;
    path.ops.push_back(op);
  }
  path.ops.push_back({PathOp::Kind::close, {}});
  path.has_fill = true;
  path.fill = {1, 1, 1};
  return path;
}

PathItem polyline(const std::vector<Point>& points, double cx, double cy, double r) {
  PathItem path = polygon(points, 0, cx, cy, r);
  path.ops.pop_back();  // open
  path.has_fill = false;
  path.has_stroke = true;
  path.stroke = {1, 1, 1};
  path.stroke_width = 0.26 * r;
  return path;
}

}  // namespace

std::vector<Item> draw_status_icon(const StatusStyle& status, double x, double y, double size) {
  double r = size / 2, cx = x + r, cy = y + r;
  PathItem disc;
  PathOp arc{PathOp::Kind::arc, {cx, cy, r, 0, 2 * M_PI, 0}};
  disc.ops = {arc, {PathOp::Kind::close, {}}};
  disc.has_fill = true;
  disc.fill = status.color;
  disc.alt = status.label;
  std::vector<Item> items{disc};
  const std::string& shape = status.shape;
  if (shape == "arrow-up") items.push_back(polygon(arrow_up, 0, cx, cy, r));
  else if (shape == "arrow-right") items.push_back(polygon(arrow_up, 1, cx, cy, r));
  else if (shape == "arrow-down") items.push_back(polygon(arrow_up, 2, cx, cy, r));
  else if (shape == "check") items.push_back(polyline({{-0.48, 0.02}, {-0.14, 0.36}, {0.5, -0.34}}, cx, cy, r));
  else if (shape == "cross") {
    items.push_back(polyline({{-0.4, -0.4}, {0.4, 0.4}}, cx, cy, r));
    items.push_back(polyline({{-0.4, 0.4}, {0.4, -0.4}}, cx, cy, r));
  }
  return items;
}

}  // namespace rapport
