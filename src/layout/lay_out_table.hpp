#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

struct TableSlabs {
  std::vector<Slab> header;  // caption excluded; repeated on continuation pages
  std::vector<Slab> body;
};

// Column widths fitted to the content within the text width, every cell shaped and wrapped,
// one slab per row. Group headers keep with the next row and total rows with the one before.
TableSlabs lay_out_table(const LayoutContext& ctx, const Table& table);

}  // namespace rapport
