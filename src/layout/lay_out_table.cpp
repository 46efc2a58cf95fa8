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

struct ColumnNeeds {
  double natural = 0;  // widest cell unwrapped
  double minimum = 0;  // widest unbreakable word
};

double widest_word(const LayoutContext& ctx, const std::string& text, const TextStyle& style) {
  ShapedText shaped = shape_plain_text(ctx.pango, text, ctx.request(style, 0));
  pango_layout_set_wrap(shaped.layout.get(), PANGO_WRAP_WORD);
  return logical_width(shaped.layout.get());
}

std::vector<ColumnNeeds> measure_columns(const TableContext& t) {
  std::vector<ColumnNeeds> needs(t.table.columns.size());
  auto measure = [&](size_t col, const std::string& text, const TextStyle& style, double extra, bool wraps) {
    if (text.empty()) return;
    ShapedText shaped = shape_plain_text(t.layout.pango, text, t.layout.request(style, -1));
    double natural = logical_width(shaped.layout.get()) + extra;
    bool breakable = text.find(' ') != std::string::npos || text.find('-') != std::string::npos;
    double minimum = breakable ? widest_word(t.layout, text, style) + extra : natural;
    needs[col].natural = std::max(needs[col].natural, wraps ? minimum : natural);
    needs[col].minimum = std::max(needs[col].minimum, minimum);
  };
  // Header titles wrap rather than widen their column ("Budget / period"), as in print.
  for (size_t c = 0; c < t.table.columns.size(); ++c) measure(c, t.table.columns[c].title, t.header, 0, true);
  for (const auto& row : t.table.rows)
    for (size_t c = 0; c < row.cells.size() && c < needs.size(); ++c)
      measure(c, cell_text(t, row.cells[c]), row_text_style(t, row.kind),
              c == 0 && row.kind == TableRow::Kind::varav ? varav_indent : 0, false);
  for (auto& n : needs) {
    n.natural += 2 * t.pad;
    n.minimum += 2 * t.pad;
  }
  return needs;
}

std::vector<double> column_widths(const TableContext& t) {
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
  auto needs = measure_columns(t);
  double room = std::max(0.0, available - fixed), natural = 0, minimum = 0;
  for (size_t c : fitted) natural += needs[c].natural, minimum += needs[c].minimum;
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

  double cell(const std::string& text, const TextStyle& style, Align align, double x, double width, Slab& slab,
              const SourcePos& pos) const {
    double inner = std::max(1.0, width - 2 * t.pad);
    ShapedText shaped = shape_plain_text(t.layout.pango, text, t.layout.request(style, inner, align));
    t.layout.check_glyphs(shaped, pos);
    return place_text(t.layout, shaped, style, x + t.pad, t.pad, slab.items) + 2 * t.pad;
  }

  Slab cells(const std::vector<std::string>& texts, const TextStyle& style, TableRow::Kind kind,
             const SourcePos& pos) const {
    Slab slab;
    double x = t.layout.left();
    for (size_t c = 0; c < widths.size(); ++c) {
      double indent = c == 0 && kind == TableRow::Kind::varav ? varav_indent : 0;
      const std::string& text = c < texts.size() ? texts[c] : std::string();
      slab.height = std::max(slab.height, cell(text, style, t.table.columns[c].align, x + indent, widths[c] - indent, slab, pos));
      x += widths[c];
    }
    return slab;
  }

  Slab spanning(const std::string& text, const TextStyle& style, const SourcePos& pos) const {
    Slab slab;
    double width = std::accumulate(widths.begin(), widths.end(), 0.0);
    slab.height = cell(text, style, Align::left, t.layout.left(), width, slab, pos);
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

Slab header_row(const RowBuilder& rows, const TableContext& t) {
  std::vector<std::string> titles;
  for (const auto& c : t.table.columns) titles.push_back(c.title);
  Slab slab = rows.cells(titles, t.header, TableRow::Kind::data, t.table.pos);
  rows.fill(slab, t.layout.style.table_header_fill);
  rows.rule(slab, slab.height, strong_rule, t.layout.style.accent);
  slab.keep_with_next = true;
  return slab;
}

Slab body_row(const RowBuilder& rows, const TableContext& t, const TableRow& row) {
  const Style& style = t.layout.style;
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) {
    Slab slab = rows.spanning(row.text, row_text_style(t, row.kind), row.pos);
    if (row.kind == TableRow::Kind::group) {
      rows.fill(slab, style.table_group_fill);
      slab.keep_with_next = true;
    }
    rows.rule(slab, slab.height, hairline, style.rule);
    return slab;
  }
  std::vector<std::string> texts;
  for (const auto& cell : row.cells) texts.push_back(cell_text(t, cell));
  Slab slab = rows.cells(texts, row_text_style(t, row.kind), row.kind, row.pos);
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
  std::vector<double> widths = column_widths(t);
  RowBuilder rows{t, widths};
  out.header.push_back(header_row(rows, t));
  for (const auto& row : table.rows) {
    if (row.kind == TableRow::Kind::total && !out.body.empty()) out.body.back().keep_with_next = true;
    out.body.push_back(body_row(rows, t, row));
  }
  return out;
}

}  // namespace rapport
