#pragma once
// Setting a paragraph: shaped once (Pango itemizes, HarfBuzz shapes), broken into lines by
// rapport's total-fit breaker (break_lines.hpp) with Swedish hyphenation only where it
// helps, and handed on as lines of positioned glyph runs. Takes styled runs of text, not the
// report's types.
#include <pango/pango.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frames/text_line.hpp"
#include "style/style.hpp"
#include "text/align.hpp"
#include "text/hyphenate.hpp"

namespace rapport {

// A stretch of a paragraph in one style.
struct TextRun {
  std::string text;
  bool strong = false, emphasis = false;
  bool underline = false;
  bool raised = false;          // a footnote's mark: smaller, above the baseline
  std::optional<Color> color;   // else the paragraph's
  bool hyphenate = true;        // false: never broken by the dictionary (code, links)
};

struct LinkRange {
  int start = 0, end = 0;  // byte offsets into the paragraph's text
  std::string target;
  bool footnote = false;    // a footnote's mark: a Reference to the note around the Link
  std::string anchor = {};  // a named place where the range starts (a note's first mark)
};

struct ShapeRequest {
  const TextStyle& style;
  double width = -1;  // points; negative: no wrapping
  Align align = Align::left;
  Color link_color;
  bool tabular_figures = false;  // OpenType tnum: figures of equal width, so columns line up
  bool justify = false;
  const Hyphenator* hyphenator = nullptr;  // null: no dictionary breaks (headings, the TOC)
  // Words break only where one is wider than the measure, and then at a compound's boundary
  // before anywhere else: a table header in a column too narrow for its longest word.
  bool last_resort = false;
};

struct ShapedText {
  std::string text;                 // the paragraph's characters, as the links count them
  std::vector<std::shared_ptr<const TextLine>> lines;
  std::vector<double> offsets;      // each line's alignment offset from the box's left
  std::vector<LinkRange> links;
  std::vector<uint32_t> missing;    // code points the pinned fonts could not draw
  double widest_word = 0;           // the widest stretch between two spaces or hard breaks
  // The same when dictionary hyphenation points count too (unwrapped text with a hyphenator
  // only): how narrow a table column may get before its words break against the rules.
  double widest_piece = 0;
  bool empty() const { return lines.empty(); }
};

ShapedText shape_runs(PangoContext* context, const std::vector<TextRun>& runs, const ShapeRequest& request);
ShapedText shape_plain_text(PangoContext* context, const std::string& text, const ShapeRequest& request);

// A line placed on a regular pitch: each line is max(pitch, its own height) tall, with the
// difference split above and below it. Positions are relative to the paragraph's top.
struct PlacedLine {
  std::shared_ptr<const TextLine> line;
  double x = 0;         // alignment offset
  double top = 0;       // top of the line's box
  double height = 0;    // the box's height
  double baseline = 0;  // from the paragraph's top
};
std::vector<PlacedLine> place_lines(const ShapedText& shaped, double pitch);

// The widest line's advance.
double logical_width(const ShapedText& shaped);

// The horizontal ranges (x, width) that bytes [start, end) occupy on `line`, in points.
std::vector<std::pair<double, double>> line_ranges(const TextLine& line, int start, int end);

}  // namespace rapport
