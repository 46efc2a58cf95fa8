#pragma once
// The neutral output of layout: pages of positioned items. Layout fills these; backends
// (export/) only draw them. Coordinates are PostScript points from the page's top-left.
#include <pango/pango.h>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "style/style.hpp"

namespace rapport {

struct Picture;
using LayoutRef = std::shared_ptr<PangoLayout>;
LayoutRef adopt_layout(PangoLayout* layout);

// One shaped line of text; `layout` keeps the line alive.
struct TextLineItem {
  LayoutRef layout;
  PangoLayoutLine* line = nullptr;
  double x = 0, baseline = 0;
  Color color;
  std::string text() const;  // the line's characters, for traces and tests
};

struct RuleItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Color color;
};

struct RectItem {
  double x = 0, y = 0, width = 0, height = 0;
  Color fill;
};

struct PathOp {
  enum class Kind { move, line, curve, arc, close } kind = Kind::move;
  double a[6] = {0, 0, 0, 0, 0, 0};  // points; for arc: centre x, y, radius, angle1, angle2
};

// A vector drawing such as a status icon; `alt` is what it means in words.
struct PathItem {
  std::vector<PathOp> ops;
  bool has_fill = false, has_stroke = false;
  Color fill, stroke;
  double stroke_width = 1;
  std::string alt;
};

// A clickable area; `target` is "#id" for a place in this document, else a URI.
struct LinkItem {
  double x = 0, y = 0, width = 0, height = 0;
  std::string target;
};

// A named place that links and the outline can point to.
struct AnchorItem {
  std::string name;
  double x = 0, y = 0;
};

// A picture (a logo): SVG, drawn as vectors, or PNG. `picture` is the file's decoded form, kept
// by whoever created it; backends only draw it into the box.
struct ImageItem {
  std::shared_ptr<const Picture> picture;
  double x = 0, y = 0, width = 0, height = 0;
  std::string alt;
};

using Item = std::variant<TextLineItem, RuleItem, RectItem, PathItem, LinkItem, AnchorItem, ImageItem>;

// Moves an item by (dx, dy).
void translate(Item& item, double dx, double dy);

struct Page {
  std::vector<Item> items;
};

struct OutlineEntry {
  std::string title;
  int level = 1;
  std::string anchor;
};

struct DocumentMetadata {
  std::string title, author, subject, keywords, creator;
  std::string date;  // ISO 8601, from the report (never the clock)
};

struct DocumentFrames {
  double width = 0, height = 0;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  DocumentMetadata metadata;
};

}  // namespace rapport
