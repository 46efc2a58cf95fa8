#pragma once
#include <optional>

#include "layout/layout_context.hpp"

namespace rapport {

struct TableSlabs {
  std::vector<Slab> header;  // caption excluded; repeated on continuation pages
  std::vector<Slab> body;
  std::vector<Slab> notes;  // under the table, outside it: paragraphs, not cells
};

// The columns' widths, and how far each column's figures stand in from its right edge so that
// their notes and marks ("708¹", "17 % (2018)") hang past the figures' common edge.
struct ColumnGrid {
  std::vector<double> widths;
  std::vector<double> hangs;
  double pad_x = 0;  // the cells' left and right padding the widths were fitted with
};

// One grid for tables that follow one another with the same columns (a budget in kronor, then
// in per cent), fitted to all their rows; none when those rows together do not fit.
std::optional<ColumnGrid> shared_column_grid(const LayoutContext& ctx, const std::vector<const Table*>& tables);

// Column widths fitted to the content within the text width, every cell shaped and wrapped,
// one slab per row. Group headers keep with the next row and total rows with the one before;
// the notes keep with the last row.
// `grid`, when given, is the one shared_column_grid fitted for this table and its neighbours.
TableSlabs lay_out_table(const LayoutContext& ctx, const Table& table, const ColumnGrid* grid = nullptr);

}  // namespace rapport
