#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

struct TableSlabs {
  std::vector<Slab> header;  // caption excluded; repeated on continuation pages
  std::vector<Slab> body;
  std::vector<Slab> notes;  // under the table, outside it: paragraphs, not cells
};

// Column widths fitted to the content within the text width, every cell shaped and wrapped,
// one slab per row. Group headers keep with the next row and total rows with the one before;
// the notes keep with the last row.
TableSlabs lay_out_table(const LayoutContext& ctx, const Table& table);

}  // namespace rapport
