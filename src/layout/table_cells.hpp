#pragma once
// Internal to table layout: each cell's content shaped once on one line, shared by the
// column-width fitting and the row building.
#include "layout/layout_context.hpp"

namespace rapport {

struct TableContext {
  const LayoutContext& layout;
  const Table& table;
  double pad;
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
};

// The size of a status icon in a table cell, and the gap after it.
double table_icon_size(const TableContext& t);

struct ShapedRow {
  std::vector<ShapedCell> cells;  // one per column; one spanning cell for group and note rows
};

TableContext make_table_context(const LayoutContext& ctx, const Table& table);
ShapedCell shape_cell(const TableContext& t, RichText content, const TextStyle& style, double indent);
ShapedRow shape_row(const TableContext& t, const TableRow& row);
const TextStyle& row_text_style(const TableContext& t, TableRow::Kind kind);
ShapeRequest cell_request(const TableContext& t, const TextStyle& style, double width, Align align);

// The widest stretch of a cell between two line-break opportunities.
double widest_word(const ShapedCell& cell);
// The same where its words may hyphenate.
double widest_piece(const ShapedCell& cell);

// Widths for the table's columns: fixed ones as given, fitted ones from the cells' natural
// and minimum widths within the text width. A table that cannot fit is an error saying by
// how much it is too wide.
std::vector<double> fit_column_widths(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows);

}  // namespace rapport
