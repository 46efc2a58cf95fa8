#pragma once
// Internal to table layout: each cell's content shaped once on one line, shared by the
// column-width fitting and the row building.
#include <optional>

#include "layout/lay_out_table.hpp"
#include "layout/layout_context.hpp"

namespace rapport {

struct TableContext {
  const LayoutContext& layout;
  const Table& table;
  double pad;
  double pad_x;  // left and right: the layout's padding, or half of it in a table that needs it
  TextStyle body, header, strong, italic, note;
};

// Most cells (all figures) fit their column as shaped here and are placed from this shaping;
// only cells that must wrap are shaped again at their column's width.
struct ShapedCell {
  RichText content;
  std::string text;  // the content's characters, for quick checks
  const TextStyle* style = nullptr;
  ShapedText unwrapped;
  double natural = 0;  // unwrapped width, indent included
  double indent = 0;
  const StatusStyle* icon = nullptr;  // drawn before the text (status columns) or alone (trends)
  // A right-aligned figure's note or mark ("†", "¹", " (2018)"), the last part of `natural`:
  // it hangs past the edge the column's figures share.
  double hang = 0;
};

// The size of a status icon in a table cell, and the gap after it.
double table_icon_size(const TableContext& t);

struct ShapedRow {
  TableRow::Kind kind = TableRow::Kind::data;
  std::vector<ShapedCell> cells;  // one per column; one spanning cell for group and note rows
};

TableContext make_table_context(const LayoutContext& ctx, const Table& table);
ShapedCell shape_cell(const TableContext& t, RichText content, const TextStyle& style, double indent);
ShapedRow shape_row(const TableContext& t, const TableRow& row);
const TextStyle& row_text_style(const TableContext& t, TableRow::Kind kind);
ShapeRequest cell_request(const TableContext& t, const TextStyle& style, double width, Align align);

// The widest stretch of a cell between two line-break opportunities, hyphenation points
// included; widest_whole_word ignores those (the widest word as written).
double widest_word(const ShapedCell& cell);
double widest_whole_word(const ShapedCell& cell);

// Label text with a true minus sign (U+2212) where a hyphen-minus stands for a sign in
// parentheses, "KOSTNADER (-)" or "(+/-)"; hyphenated words stay as written.
std::string with_true_minus(std::string text);
RichText with_true_minus(RichText text);

// Widths for the table's columns: fixed ones as given, fitted ones from the cells' natural
// and minimum widths within the text width. A table that cannot fit is an error saying by
// how much it is too wide. `rows` may hold the rows of several tables that share the grid.
ColumnGrid fit_column_widths(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows);
// The same grid without the error: none when the rows do not fit the text width.
std::optional<ColumnGrid> fit_shared_grid(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows);

}  // namespace rapport
