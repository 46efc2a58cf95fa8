#include "layout/lay_out_table.hpp"

#include <algorithm>
#include <numeric>

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;
constexpr double hairline = 0.4;
constexpr double strong_rule = 0.9;
constexpr double varav_indent = 3 * points_per_mm;

struct TableContext {
  const LayoutContext& layout;
  const Table& table;
  double pad;
  TextStyle body, header, strong, italic;
};

std::string cell_text(const TableContext& t, const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::number: return format_number(cell.number, cell.decimals, t.layout.style.numbers);
    case Cell::Kind::missing: return t.layout.style.missing_mark;
    case Cell::Kind::text: return cell.text;
    case Cell::Kind::blank: break;
  }
  return {};
}

const TextStyle& row_text_style(const TableContext& t, TableRow::Kind kind) {
  if (kind == TableRow::Kind::total || kind == TableRow::Kind::group) return t.strong;
  if (kind == TableRow::Kind::varav || kind == TableRow::Kind::note) return t.italic;
  return t.body;
}

// A cell shaped once on one line. Most cells (all figures) fit their column as they are and
// are placed from this shaping; only cells that must wrap are shaped again at their width.
struct ShapedCell {
  std::string text;
  const TextStyle* style = nullptr;
  ShapedText unwrapped;
  double natural = 0;  // unwrapped width, indent included
  double indent = 0;
};

struct ShapedRow {
  std::vector<ShapedCell> cells;  // one per column; one spanning cell for group and note rows
};

ShapedCell shape_cell(const TableContext& t, std::string text, const TextStyle& style, double indent) {
  ShapedCell cell{std::move(text), &style, {}, indent, indent};
  if (cell.text.empty()) return cell;
  cell.unwrapped = shape_plain_text(t.layout.pango, cell.text, t.layout.request(style, -1));
  cell.natural += logical_width(cell.unwrapped.layout.get());
  return cell;
}

ShapedRow shape_row(const TableContext& t, const TableRow& row) {
  ShapedRow shaped;
  const TextStyle& style = row_text_style(t, row.kind);
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) {
    shaped.cells.push_back(shape_cell(t, row.text, style, 0));
    return shaped;
  }
  for (size_t c = 0; c < row.cells.size(); ++c)
    shaped.cells.push_back(shape_cell(t, cell_text(t, row.cells[c]), style, c == 0 && row.kind == TableRow::Kind::varav ? varav_indent : 0));
  return shaped;
}

// The widest stretch between two line-break opportunities, read from the one-line shaping
// (character widths and Pango's break attributes) instead of shaping the text again.
double widest_word(const ShapedCell& cell) {
  if (!cell.unwrapped.layout) return cell.indent;
  PangoLayout* layout = cell.unwrapped.layout.get();
  const char* text = pango_layout_get_text(layout);
  int attr_count = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &attr_count);
  std::vector<int> widths(static_cast<size_t>(std::max(attr_count, 1)), 0);
  for (GSList* line = pango_layout_get_lines_readonly(layout); line; line = line->next)
    for (GSList* l = static_cast<PangoLayoutLine*>(line->data)->runs; l; l = l->next) {
      auto* run = static_cast<PangoGlyphItem*>(l->data);
      long first = g_utf8_pointer_to_offset(text, text + run->item->offset);
      std::vector<int> run_widths(static_cast<size_t>(run->item->num_chars));
      pango_glyph_item_get_logical_widths(run, text, run_widths.data());
      for (size_t i = 0; i < run_widths.size() && first + static_cast<long>(i) < attr_count; ++i)
        widths[static_cast<size_t>(first) + i] = run_widths[i];
    }
  int widest = 0, current = 0;
  for (int i = 0; i + 1 < attr_count; ++i) {
    if (attrs[i].is_line_break) current = 0;  // a line may start before character i
    if (!attrs[i].is_white) current += widths[static_cast<size_t>(i)];
    widest = std::max(widest, current);
  }
  return cell.indent + static_cast<double>(widest) / PANGO_SCALE;
}

bool breakable(const ShapedCell& cell) {
  return cell.text.find_first_of(" -/") != std::string::npos;
}

struct ColumnNeeds {
  double natural = 0;  // widest cell unwrapped
  double minimum = 0;  // widest unbreakable word
};

// Header titles wrap rather than widen their column ("Budget / period"), as in print; the
// widest words of body cells are only needed when the table does not fit unwrapped.
std::vector<ColumnNeeds> measure_columns(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows,
                                         bool with_minimum) {
  std::vector<ColumnNeeds> needs(t.table.columns.size());
  for (size_t c = 0; c < needs.size() && c < header.cells.size(); ++c) {
    double word = widest_word(header.cells[c]);
    needs[c] = {word, word};
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (t.table.rows[r].kind == TableRow::Kind::group || t.table.rows[r].kind == TableRow::Kind::note) continue;
    for (size_t c = 0; c < rows[r].cells.size() && c < needs.size(); ++c) {
      const ShapedCell& cell = rows[r].cells[c];
      needs[c].natural = std::max(needs[c].natural, cell.natural);
      if (with_minimum) needs[c].minimum = std::max(needs[c].minimum, breakable(cell) ? widest_word(cell) : cell.natural);
    }
  }
  for (auto& n : needs) {
    n.natural += 2 * t.pad;
    n.minimum += 2 * t.pad;
  }
  return needs;
}

std::vector<double> column_widths(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows) {
  const double available = t.layout.text_width();
  const auto& columns = t.table.columns;
  std::vector<double> widths(columns.size(), 0);
  std::vector<size_t> fitted;
  double fixed = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    const ColumnWidth& w = columns[c].width;
    if (w.kind == ColumnWidth::Kind::millimetres) widths[c] = w.value * points_per_mm;
    else if (w.kind == ColumnWidth::Kind::percent) widths[c] = available * w.value / 100;
    else fitted.push_back(c);
    fixed += widths[c];
  }
  if (fitted.empty()) return widths;
  double room = std::max(0.0, available - fixed), natural = 0, minimum = 0;
  auto needs = measure_columns(t, header, rows, false);
  for (size_t c : fitted) natural += needs[c].natural;
  if (natural > room) {
    needs = measure_columns(t, header, rows, true);
    for (size_t c : fitted) minimum += needs[c].minimum;
  }
  if (natural <= room) {
    for (size_t c : fitted) widths[c] = needs[c].natural + (room - natural) * needs[c].natural / natural;  // fill the width
  } else {
    // Too narrow for every cell on one line: start from each column's widest word, then let
    // the narrowest columns (figures, short labels) have their full width first, so the
    // wrapping happens in the long-text columns where it reads best.
    double left = std::max(0.0, room - minimum);
    for (size_t c : fitted) widths[c] = needs[c].minimum;
    std::vector<size_t> order = fitted;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return needs[a].natural < needs[b].natural; });
    for (size_t c : order) {
      double grant = std::min(needs[c].natural - needs[c].minimum, left);
      widths[c] += grant;
      left -= grant;
    }
  }
  double total = std::accumulate(widths.begin(), widths.end(), 0.0);
  if (total > available + 0.5)
    t.layout.diags.warning(t.table.pos, "the table is " + std::to_string(static_cast<int>((total - available) / points_per_mm + 0.5)) +
                                            " mm wider than the text width",
                           "shorten the longest words, or give the columns narrower widths");
  return widths;
}

struct RowBuilder {
  const TableContext& t;
  const std::vector<double>& widths;

  // Places `cell` in a column box at x; returns the height it needs, padding included.
  double place(const ShapedCell& cell, Align align, double x, double width, Slab& slab, const SourcePos& pos) const {
    if (cell.text.empty()) return 2 * t.pad;
    const TextStyle& style = *cell.style;
    double inner = std::max(1.0, width - cell.indent - 2 * t.pad);
    double left = x + cell.indent + t.pad;
    double one_line = cell.natural - cell.indent;
    if (one_line <= inner && cell.text.find('\n') == std::string::npos) {
      double offset = align == Align::right ? inner - one_line : align == Align::center ? (inner - one_line) / 2 : 0;
      t.layout.check_glyphs(cell.unwrapped, pos);
      return place_text(t.layout, cell.unwrapped, style, left + offset, t.pad, slab.items) + 2 * t.pad;
    }
    ShapedText shaped = shape_plain_text(t.layout.pango, cell.text, t.layout.request(style, inner, align));
    t.layout.check_glyphs(shaped, pos);
    return place_text(t.layout, shaped, style, left, t.pad, slab.items) + 2 * t.pad;
  }

  Slab cells(const ShapedRow& row, const SourcePos& pos) const {
    Slab slab;
    double x = t.layout.left();
    for (size_t c = 0; c < widths.size() && c < row.cells.size(); ++c) {
      slab.height = std::max(slab.height, place(row.cells[c], t.table.columns[c].align, x, widths[c], slab, pos));
      x += widths[c];
    }
    return slab;
  }

  Slab spanning(const ShapedRow& row, const SourcePos& pos) const {
    Slab slab;
    slab.height = place(row.cells.front(), Align::left, t.layout.left(), total_width(), slab, pos);
    return slab;
  }

  double total_width() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }

  void rule(Slab& slab, double y, double width, const Color& color) const {
    double x = t.layout.left();
    slab.items.push_back(RuleItem{x, y, x + total_width(), y, width, color});
  }
  void fill(Slab& slab, const Color& color) const {
    slab.items.insert(slab.items.begin(), RectItem{t.layout.left(), 0, total_width(), slab.height, color});
  }
};

Slab header_row(const RowBuilder& rows, const TableContext& t, const ShapedRow& header) {
  Slab slab = rows.cells(header, t.table.pos);
  rows.fill(slab, t.layout.style.table_header_fill);
  rows.rule(slab, slab.height, strong_rule, t.layout.style.accent);
  slab.keep_with_next = true;
  return slab;
}

Slab body_row(const RowBuilder& rows, const TableContext& t, const TableRow& row, const ShapedRow& shaped) {
  const Style& style = t.layout.style;
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) {
    Slab slab = rows.spanning(shaped, row.pos);
    if (row.kind == TableRow::Kind::group) {
      rows.fill(slab, style.table_group_fill);
      slab.keep_with_next = true;
    }
    rows.rule(slab, slab.height, hairline, style.rule);
    return slab;
  }
  Slab slab = rows.cells(shaped, row.pos);
  if (row.kind == TableRow::Kind::total) rows.rule(slab, 0, strong_rule, style.body.color);
  rows.rule(slab, slab.height, hairline, style.rule);
  return slab;
}

}  // namespace

TableSlabs lay_out_table(const LayoutContext& ctx, const Table& table) {
  TableSlabs out;
  if (table.columns.empty()) return out;
  TableContext t{ctx, table, ctx.style.cell_padding, ctx.style.table, ctx.style.table_header, ctx.style.table,
                 ctx.style.table};
  t.strong.weight = 700;
  t.italic.italic = true;
  ShapedRow header;
  for (const auto& column : table.columns) header.cells.push_back(shape_cell(t, column.title, t.header, 0));
  std::vector<ShapedRow> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) rows.push_back(shape_row(t, row));

  std::vector<double> widths = column_widths(t, header, rows);
  RowBuilder builder{t, widths};
  out.header.push_back(header_row(builder, t, header));
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].kind == TableRow::Kind::total && !out.body.empty()) out.body.back().keep_with_next = true;
    out.body.push_back(body_row(builder, t, table.rows[r], rows[r]));
  }
  return out;
}

}  // namespace rapport
