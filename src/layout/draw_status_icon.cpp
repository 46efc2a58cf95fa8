#include "layout/draw_status_icon.hpp"

#include <cmath>
#include <utility>

namespace rapport {
namespace {

using Point = std::pair<double, double>;
const Color white{1, 1, 1};

// An upward arrow in a unit box centred on the origin; the other directions are rotations.
const std::vector<Point> arrow_up = {{0, -0.66}, {0.52, -0.06}, {0.19, -0.06}, {0.19, 0.6},
                                     {-0.19, 0.6}, {-0.19, -0.06}, {-0.52, -0.06}};
// The same arrow drawn as lines: a shaft and a head.
const std::vector<Point> thin_shaft = {{0, 0.6}, {0, -0.6}};
const std::vector<Point> thin_head = {{-0.42, -0.18}, {0, -0.62}, {0.42, -0.18}};

struct Frame {
  double cx, cy, r;
  int quarter_turns = 0;
  Point at(Point p) const {
    for (int i = 0; i < quarter_turns; ++i) p = {-p.second, p.first};
    return {cx + p.first * r, cy + p.second * r};
  }
};

PathItem polygon(const std::vector<Point>& points, const Frame& f, bool closed) {
  PathItem path;
  for (size_t i = 0; i < points.size(); ++i) {
    auto [x, y] = f.at(points[i]);
    path.ops.push_back({i == 0 ? PathOp::Kind::move : PathOp::Kind::line, {x, y}});
  }
  if (closed) path.ops.push_back({PathOp::Kind::close, {}});
  return path;
}

PathItem filled(PathItem path, const Color& color) {
  path.has_fill = true;
  path.fill = color;
  return path;
}

PathItem stroked(PathItem path, const Color& color, double width) {
  path.has_stroke = true;
  path.stroke = color;
  path.stroke_width = width;
  return path;
}

PathItem disc(const Frame& f, double radius) {
  PathItem path;
  path.ops = {{PathOp::Kind::move, {f.cx + radius, f.cy}}, {PathOp::Kind::arc, {f.cx, f.cy, radius, 0, 2 * M_PI}},
              {PathOp::Kind::close, {}}};
  return path;
}

int turns_for(const std::string& shape) {
  if (shape.find("right") != std::string::npos) return 1;
  if (shape.find("down") != std::string::npos) return 2;
  return 0;
}

// The symbol of the shape, drawn in `ink` inside frame `f`.
std::vector<PathItem> symbol(const std::string& shape, const Frame& f, const Color& ink) {
  if (shape.starts_with("circle-arrow-") || shape == "arrow-up" || shape == "arrow-right" || shape == "arrow-down")
    return {filled(polygon(arrow_up, f, true), ink)};
  if (shape.ends_with("-outline")) return {stroked(polygon(arrow_up, f, true), ink, 0.14 * f.r)};
  if (shape.ends_with("-thin"))
    return {stroked(polygon(thin_shaft, f, false), ink, 0.2 * f.r), stroked(polygon(thin_head, f, false), ink, 0.2 * f.r)};
  if (shape == "check" || shape == "square-check" || shape == "check-bare")
    return {stroked(polygon({{-0.48, 0.02}, {-0.14, 0.36}, {0.5, -0.34}}, f, false), ink, 0.26 * f.r)};
  if (shape == "cross" || shape == "square-cross")
    return {stroked(polygon({{-0.38, -0.38}, {0.38, 0.38}}, f, false), ink, 0.26 * f.r),
            stroked(polygon({{-0.38, 0.38}, {0.38, -0.38}}, f, false), ink, 0.26 * f.r)};
  if (shape == "dash" || shape == "square-dash") return {stroked(polygon({{-0.45, 0}, {0.45, 0}}, f, false), ink, 0.28 * f.r)};
  return {};
}

}  // namespace

std::vector<Item> draw_status_icon(const StatusStyle& status, double x, double y, double size) {
  Frame f{x + size / 2, y + size / 2, size / 2, turns_for(status.shape)};
  const std::string& shape = status.shape;
  std::vector<PathItem> paths;
  bool on_disc = shape.starts_with("circle-") || shape == "check" || shape == "cross" || shape == "dash";
  if (on_disc) {
    paths.push_back(filled(disc(f, f.r), status.color));
    for (auto& p : symbol(shape, f, white)) paths.push_back(std::move(p));
  } else if (shape == "circle") {
    paths.push_back(filled(disc(f, f.r * 0.9), status.color));
  } else if (shape == "ring") {
    paths.push_back(stroked(disc(f, f.r * 0.78), status.color, 0.22 * f.r));
  } else if (shape == "square" || shape.starts_with("square-")) {
    // The square-… shapes carry their symbol on the square as the circle-… ones do on a disc.
    paths.push_back(filled(polygon({{-0.78, -0.78}, {0.78, -0.78}, {0.78, 0.78}, {-0.78, 0.78}}, f, true), status.color));
    if (shape != "square")
      for (auto& p : symbol(shape, f, white)) paths.push_back(std::move(p));
  } else {
    // Bare arrows have no disc around them; drawn larger so they weigh the same on the page.
    Frame bare = f;
    bare.r *= 1.2;
    paths = symbol(shape, bare, status.color);
  }
  std::vector<Item> items;
  for (auto& p : paths) items.push_back(std::move(p));
  enclose(items, begin_tag("Figure", status.alt));
  return items;
}

}  // namespace rapport
