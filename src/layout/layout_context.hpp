#pragma once
// Shared state of the layout stage and the unit it works in: the slab, a horizontal strip of
// positioned items that pagination places whole.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "frames/frame.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/hyphenate.hpp"
#include "layout/shape_rich_text.hpp"
#include "text/shape_text.hpp"

namespace rapport {

// What a page reference ("[se sidan {page}](#driftbudget)") can print of its target.
struct ReferenceTarget {
  std::string number;  // "2.3", a goal's "1.3"; empty when the layout does not number it
  std::string title;   // the heading or caption as the author wrote it
};
struct References {
  std::map<std::string, ReferenceTarget> targets;  // by id
  std::map<std::string, int> pages;                // printed page number by anchor, from the last round
};

struct LayoutContext {
  const Report& report;
  const Style& style;
  PangoContext* pango;
  Diagnostics& diags;
  const Hyphenator* hyphenator = nullptr;  // null when the layout turns hyphenation off
  const References* references = nullptr;  // null: page references print their fields unfilled
  // The geometry of the page being laid out: the layout's own, or turned to landscape for a
  // section or table that asks for it.
  PageStyle page = style.page;
  bool landscape = false;

  // The same context on the layout's page turned to landscape.
  LayoutContext turned() const {
    LayoutContext out = *this;
    out.page = style.page.turned();
    out.landscape = true;
    return out;
  }

  // Text as it is set: page references filled in ({page}, {number}, {title} in the words of
  // a link to #id).
  RichText prepared(RichText text) const;

  double left() const { return page.left; }
  double text_width() const { return page.content_width(); }
  double pitch(const TextStyle& text) const { return text.size * text.line_height; }
  ShapeRequest request(const TextStyle& text, double width, Align align = Align::left) const {
    return {text, width, align, style.accent};
  }
  // The same for running text, which may break at Swedish hyphenation points; headings,
  // the TOC and table headers never do.
  ShapeRequest hyphenating(const TextStyle& text, double width, Align align = Align::left) const {
    ShapeRequest r = request(text, width, align);
    r.hyphenator = hyphenator;
    return r;
  }
  // Reports code points the pinned fonts cannot draw.
  void check_glyphs(const ShapedText& shaped, const SourcePos& pos) const;
};

struct Slab {
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  std::vector<Item> items;  // x on the page, y from the slab's top
  bool keep_with_next = false;
  bool page_break_before = false;
  int table = -1;             // index into Flow::table_headers when part of a table body
  bool landscape = false;     // set on an A4 landscape page: a section or table asked for one
  std::vector<size_t> notes;  // footnotes (indices into Flow::notes) whose marks this slab holds
  int block = -1;             // index into Flow::blocks: a table with its caption, moved whole when it can be
  int heading_level = 0;      // the first slab of a heading: its level
  // Its place in the document's slabs (the flow's with the TOC's and the list of figures'), set
  // before pagination, which may move it (a floating figure) and still says where it came from.
  size_t origin = 0;
};

// A run of slabs that pagination keeps on one page when it fits (a table with its caption and
// notes): `automatic` moves it whole unless the page it leaves would be less than two-thirds
// full; `together` always does.
struct KeepBlock {
  enum class Keep { automatic, together } keep = Keep::automatic;
  // A figure with its caption: when it does not fit where it stands, the text after it fills
  // the page and it goes to the top of the next (paginate moves its slabs).
  bool floating = false;
};

// A figure in the list of figures: its numbered caption and the anchor it links to.
struct FigureEntry {
  std::string anchor;
  std::string caption;
};

struct HeadingEntry {
  std::string id;
  std::string title;
  int level = 1;
  bool in_toc = true;
};

struct Flow {
  std::vector<Slab> slabs;
  std::vector<HeadingEntry> headings;
  std::optional<size_t> toc_at;  // where the table of contents goes in `slabs`
  TocBlock toc;
  std::vector<std::vector<Slab>> table_headers;  // repeated on each continuation page
  // Each footnote's text as one slab per line (x on the page, y from the slab's top), in
  // number order; paginate sets a note at the foot of the page where its mark falls.
  std::vector<std::vector<Slab>> notes;
  std::vector<KeepBlock> blocks;
  std::vector<FigureEntry> figures;  // every figure, in number order
  std::optional<size_t> figures_at;  // where the list of figures goes in `slabs`
  FiguresBlock figures_block;
};

// Appends one slab per line of `shaped` at x, keeping at least two lines together at a
// page's foot and head. Returns the index of the first line's slab.
size_t append_lines(const LayoutContext& ctx, const ShapedText& shaped, const TextStyle& text, double x,
                    std::vector<Slab>& out);

// The items of `shaped`'s lines (links included), placed in a box at (x, y); returns the box
// height. `line_boxes`, when given, receives each line's top and bottom.
struct LineExtent {
  double top = 0, bottom = 0;
};
double place_text(const LayoutContext& ctx, const ShapedText& shaped, const TextStyle& text, double x, double y,
                  std::vector<Item>& out, std::vector<LineExtent>* line_boxes = nullptr);

}  // namespace rapport
