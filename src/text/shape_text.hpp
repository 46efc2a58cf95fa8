#pragma once
// Turning text into shaped Pango layouts, and reading their lines back out.
#include <cstdint>
#include <string>
#include <vector>

#include "frames/frame.hpp"
#include "model/report.hpp"
#include "style/style.hpp"

namespace rapport {

struct LinkRange {
  int start = 0, end = 0;  // byte offsets into the layout's text
  std::string target;
  bool footnote = false;    // a footnote's mark: a Reference to the note around the Link
  std::string anchor = {};  // a named place where the range starts (a note's first mark)
};

struct ShapedText {
  LayoutRef layout;
  std::vector<LinkRange> links;
};

struct ShapeRequest {
  const TextStyle& style;
  double width = -1;  // points; negative: no wrapping
  Align align = Align::left;
  Color link_color;
  bool tabular_figures = false;  // OpenType tnum: figures of equal width, so columns line up
  bool justify = false;
};

ShapedText shape_rich_text(PangoContext* context, const RichText& text, const ShapeRequest& request);
ShapedText shape_plain_text(PangoContext* context, const std::string& text, const ShapeRequest& request);

// Code points the pinned fonts could not draw (shown as boxes if we let them through).
std::vector<uint32_t> missing_glyphs(PangoLayout* layout);

// A line of a layout placed on a regular pitch: each line is max(pitch, its own height) tall,
// with the difference split above and below it. Positions are relative to the layout's top.
struct PlacedLine {
  PangoLayoutLine* line = nullptr;
  double x = 0;         // alignment offset
  double top = 0;       // top of the line's box
  double height = 0;    // the box's height
  double baseline = 0;  // from the layout's top
};
std::vector<PlacedLine> place_lines(PangoLayout* layout, double pitch);

double logical_width(PangoLayout* layout);

// The horizontal ranges (x, width) that bytes [start, end) occupy on `line`, in points.
std::vector<std::pair<double, double>> line_ranges(PangoLayoutLine* line, int start, int end);

}  // namespace rapport
