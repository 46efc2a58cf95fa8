#pragma once
// The frame every numbered figure shares (a `figure` block's picture, and any other drawing
// set as a figure, such as a chart): the drawing centred in the text width as a Figure
// element with its alternative text, the numbered caption under it as a Caption element, and
// the source line under that.
#include "layout/layout_context.hpp"

namespace rapport {

// What surrounds the drawing.
struct FigureFrame {
  int number = 0;        // through the document; the caption template's {number}
  std::string caption;   // as the author wrote it: the template's {caption}
  std::string source;    // "Källa: SCB", set under the caption in style.figure_source; "" for none
  std::string alt;       // the Figure element's /Alt
  std::string anchor;    // a named place at the figure's top, for links and the list of figures
};

// The printed caption: the layout's template (figures.caption) with {label}, {number} and
// {caption} filled; a caption left empty leaves no trailing separator ("Figur 3.").
std::string numbered_caption(const Style& style, int number, const std::string& caption);

// The anchor name of figure `number` when the author gave it no id; never an author's id
// (those are lowercase words without dots).
std::string figure_anchor(int number);

// Contract: `drawn` are items placed in a box of `width` × `height` points whose top-left is
// (0, 0), without structure tags of their own (any inside are dropped: the Figure's /Alt
// speaks for them). `width` must not exceed ctx.text_width(). Returns the slabs in drawing
// order: one slab for the drawing (centred, its top carrying the anchor), then the caption's
// lines, then the source's; every slab but the last keeps with the next. The caller pushes
// them and marks them one keep block (KeepBlock::Keep::together; floating unless the author
// pinned the figure with `placement: here`). Spacing above the first slab is the caller's.
std::vector<Slab> lay_out_figure(const LayoutContext& ctx, std::vector<Item> drawn, double width, double height,
                                 const FigureFrame& frame);

}  // namespace rapport
