#pragma once
// Footnotes as slabs for the page's foot: each note its number, right-aligned in a small
// indent and linking back to the mark, then its text with a hanging indent across the text
// width, tagged as a Note (with a unique /ID) holding a Lbl and a P.
#include "layout/layout_context.hpp"

namespace rapport {

// One entry per Report::notes, in number order: the note's lines as slabs.
std::vector<std::vector<Slab>> lay_out_footnotes(const LayoutContext& ctx);

// The notes (indices into Report::notes and Flow::notes) whose marks start in bytes
// [from, to) of `shaped`'s text, in the order they stand.
std::vector<size_t> notes_marked(const LayoutContext& ctx, const ShapedText& shaped, int from, int to);

}  // namespace rapport
