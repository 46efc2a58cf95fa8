#include "layout/table_cells.hpp"

namespace rapport {
namespace {

constexpr double varav_indent = 3 * 72.0 / 25.4;

// Superscript digits as characters, not raised ordinary digits: extracted text and screen
// readers then give "708¹", never "7081".
std::string superscript_number(int n) {
  static const char* const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : std::to_string(n)) out += digits[c - '0'];
  return out;
}

std::string unit_suffix(const std::string& unit) { return unit.empty() ? std::string() : "\u00A0" + unit; }

// What a cell shows: the figure the Swedish way with its unit and note, and a raised mark
// when the stated figure differs from the computed one (explained in the table's notes).
// Text cells with inline Markdown keep their spans (emphasis, links); figures are never
// Markdown.
RichText cell_content(const TableContext& t, const Cell& cell, const Column& column) {
  RichText content;
  std::string text;
  switch (cell.kind) {
    case Cell::Kind::number:
      text = format_number(cell.number, column.decimals >= 0 ? column.decimals : cell.decimals, t.layout.style.numbers) +
             unit_suffix(cell.unit.empty() ? column.unit : cell.unit);
      break;
    case Cell::Kind::missing: text = t.layout.style.missing_mark; break;
    case Cell::Kind::text:
      if (cell.rich.empty()) text = cell.text;
      else content = t.layout.prepared(cell.rich);
      break;
    case Cell::Kind::blank: break;
  }
  if (!text.empty() || content.empty()) content.insert(content.begin(), {text, false, false, cell.link});
  std::string suffix;
  if (!cell.note.empty() && !(text.empty() && cell.rich.empty())) suffix += " (" + cell.note + ")";
  if (cell.check == Cell::Check::rounding) suffix += "†";
  if (cell.check == Cell::Check::accepted) suffix += superscript_number(cell.note_number);
  if (!suffix.empty()) content.push_back({suffix, false, false, {}});
  return content;
}

}  // namespace

TableContext make_table_context(const LayoutContext& ctx, const Table& table) {
  const Style& s = ctx.style;
  TableContext t{ctx, table, s.cell_padding, s.table, s.table_header, s.table, s.table, s.table};
  t.strong.weight = 700;
  t.italic.italic = true;
  t.note.italic = true;
  t.note.size = s.table.size * 0.9;
  return t;
}

const TextStyle& row_text_style(const TableContext& t, TableRow::Kind kind) {
  if (kind == TableRow::Kind::total || kind == TableRow::Kind::group) return t.strong;
  if (kind == TableRow::Kind::varav || kind == TableRow::Kind::note) return t.italic;
  return t.body;
}

ShapeRequest cell_request(const TableContext& t, const TextStyle& style, double width, Align align) {
  // Header cells break inside a word only when their column is narrower than their longest
  // word (fit_column_widths avoids that while it can); other cells hyphenate where a column
  // is narrow.
  ShapeRequest request = t.layout.hyphenating(style, width, align);
  request.last_resort = &style == &t.header;
  request.tabular_figures = true;
  return request;
}

ShapedCell shape_cell(const TableContext& t, RichText content, const TextStyle& style, double indent) {
  ShapedCell cell{std::move(content), {}, &style, {}, indent, indent};
  for (const auto& span : cell.content) cell.text += span.text;
  if (cell.text.empty()) return cell;
  cell.unwrapped = shape_rich_text(t.layout.pango, cell.content, cell_request(t, style, -1, Align::left));
  cell.natural += logical_width(cell.unwrapped);
  return cell;
}

double table_icon_size(const TableContext& t) { return t.body.size * 1.3; }

ShapedRow shape_row(const TableContext& t, const TableRow& row) {
  ShapedRow shaped;
  const TextStyle& style = row_text_style(t, row.kind);
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) {
    shaped.cells.push_back(shape_cell(t, {{row.text, false, false, {}}}, style, 0));
    return shaped;
  }
  for (size_t c = 0; c < row.cells.size() && c < t.table.columns.size(); ++c) {
    const Cell& cell = row.cells[c];
    double indent = c == 0 && row.kind == TableRow::Kind::varav ? varav_indent : 0;
    const StatusStyle* status = cell.status.empty() ? nullptr : t.layout.style.status(cell.status);
    if (!status) {
      shaped.cells.push_back(shape_cell(t, cell_content(t, cell, t.table.columns[c]), style, indent));
      continue;
    }
    // A status column shows the icon and the label; a trend column the icon alone.
    bool with_label = t.table.columns[c].kind == Column::Kind::status;
    const std::string& label = cell.label.empty() ? status->label : cell.label;  // the author's, as an assessment's
    ShapedCell shaped_cell = shape_cell(t, {{with_label ? label : std::string(), false, false, {}}}, style, indent);
    shaped_cell.icon = status;
    shaped_cell.natural += table_icon_size(t) * (with_label ? 1.4 : 1.0);
    if (!with_label) shaped_cell.text = " ";  // not empty: the cell has content to place
    shaped.cells.push_back(std::move(shaped_cell));
  }
  return shaped;
}

double widest_word(const ShapedCell& cell) {
  return cell.unwrapped.empty() ? cell.indent : cell.indent + cell.unwrapped.widest_word;
}

double widest_piece(const ShapedCell& cell) {
  return cell.unwrapped.empty() ? cell.indent : cell.indent + cell.unwrapped.widest_piece;
}

}  // namespace rapport
