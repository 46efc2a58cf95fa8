#pragma once
// Inline Markdown in a table's text cells: *emphasis*, **strong**, [links](https://…) and
// [cross-references](#id), as in `text:` blocks.
#include "model/build_context.hpp"

namespace rapport {

// Fills `cell.rich` when a text cell holds inline Markdown, and records its cross-references
// for checking. A cell that Markdown would read as a list or a heading ("1. kvartalet",
// "# 3") stays the text it is: a table cell is one line of prose, never a block.
void read_cell_markdown(BuildContext& ctx, Cell& cell, const TextOrigin& origin);

}  // namespace rapport
