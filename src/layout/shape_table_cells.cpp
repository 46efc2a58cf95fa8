#include "layout/table_cells.hpp"

#include <string_view>

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

// What a cell shows: the figure the Swedish way with its unit, and apart from it the note and
// the raised mark when the stated figure differs from the computed one (explained in the
// table's notes), which a right-aligned column hangs past its figures' edge. Text cells with
// inline Markdown keep their spans (emphasis, links); figures are never Markdown.
struct CellContent {
  RichText content;
  std::string suffix;
};

CellContent cell_content(const TableContext& t, const Cell& cell, const Column& column) {
  CellContent out;
  RichText& content = out.content;
  std::string text;
  switch (cell.kind) {
    case Cell::Kind::number:
      text = format_number(cell.number, column.decimals >= 0 ? column.decimals : cell.decimals, t.layout.style.numbers) +
             unit_suffix(cell.unit.empty() ? column.unit : cell.unit);
      break;
    case Cell::Kind::missing: text = t.layout.style.missing_mark; break;
    case Cell::Kind::text:
      if (cell.rich.empty()) text = with_true_minus(cell.text);
      else content = t.layout.prepared(with_true_minus(cell.rich));
      break;
    case Cell::Kind::blank: break;
  }
  if (!text.empty() || content.empty()) content.insert(content.begin(), {text, false, false, cell.link});
  std::string& suffix = out.suffix;
  if (!cell.note.empty() && !(text.empty() && cell.rich.empty())) suffix += " (" + cell.note + ")";
  if (cell.check == Cell::Check::rounding) suffix += "†";
  if (cell.check == Cell::Check::accepted) suffix += superscript_number(cell.note_number);
  return out;
}

// Whether `inside` (what stands between a pair of parentheses) is a sign convention such as
// "-", "+/-" or "- / +": only signs, slashes and spaces, with at least one hyphen-minus.
bool is_sign_convention(std::string_view inside) {
  return inside.find('-') != std::string_view::npos && inside.find_first_not_of("-+/ ") == std::string_view::npos;
}

}  // namespace

std::string with_true_minus(std::string text) {
  static constexpr std::string_view minus = "\u2212";
  for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
    size_t close = text.find(')', open);
    if (close == std::string::npos) break;
    if (!is_sign_convention(std::string_view(text).substr(open + 1, close - open - 1))) continue;
    for (size_t at = text.find('-', open); at != std::string::npos && at < close; at = text.find('-', at + minus.size())) {
      text.replace(at, 1, minus);
      close += minus.size() - 1;
    }
  }
  return text;
}

RichText with_true_minus(RichText text) {
  for (auto& span : text)
    if (!span.keep_whole) span.text = with_true_minus(std::move(span.text));
  return text;
}

TableContext make_table_context(const LayoutContext& ctx, const Table& table) {
  const Style& s = ctx.style;
  TableContext t{ctx, table, s.cell_padding, s.cell_padding, s.table, s.table_header, s.table, s.table, s.table};
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

namespace {

// A cell whose note or mark hangs past the right edge its column's figures share: shaped with
// the suffix, so it reads "708¹" as one word, and knowing how wide the suffix is.
ShapedCell shape_figure_cell(const TableContext& t, CellContent content, Align align, const TextStyle& style, double indent) {
  if (content.suffix.empty()) return shape_cell(t, std::move(content.content), style, indent);
  RichText suffix = {{content.suffix, false, false, {}}};
  content.content.push_back(suffix.front());
  ShapedCell cell = shape_cell(t, std::move(content.content), style, indent);
  if (align == Align::right) cell.hang = logical_width(shape_rich_text(t.layout.pango, suffix, cell_request(t, style, -1, Align::left)));
  return cell;
}

}  // namespace

ShapedRow shape_row(const TableContext& t, const TableRow& row) {
  ShapedRow shaped;
  shaped.kind = row.kind;
  const TextStyle& style = row_text_style(t, row.kind);
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) {
    shaped.cells.push_back(shape_cell(t, {{with_true_minus(row.text), false, false, {}}}, style, 0));
    return shaped;
  }
  for (size_t c = 0; c < row.cells.size() && c < t.table.columns.size(); ++c) {
    const Cell& cell = row.cells[c];
    double indent = c == 0 && row.kind == TableRow::Kind::varav ? varav_indent : 0;
    const StatusStyle* status = cell.status.empty() ? nullptr : t.layout.style.status(cell.status);
    if (!status) {
      shaped.cells.push_back(shape_figure_cell(t, cell_content(t, cell, t.table.columns[c]), t.table.columns[c].align, style, indent));
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
  return cell.unwrapped.empty() ? cell.indent : cell.indent + cell.unwrapped.widest_piece;
}
double widest_whole_word(const ShapedCell& cell) {
  return cell.unwrapped.empty() ? cell.indent : cell.indent + cell.unwrapped.widest_word;
}

}  // namespace rapport
