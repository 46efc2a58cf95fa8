#include "layout/lay_out_table.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

#include "layout/draw_status_icon.hpp"
#include "layout/lay_out_footnotes.hpp"
#include "layout/table_cells.hpp"

namespace rapport {
namespace {

constexpr double hairline = 0.4;
constexpr double strong_rule = 0.9;
constexpr double total_rule = 0.5;
constexpr double double_rule_gap = 1.5;  // between the two lines of a grand total's double rule

// A row being built: its slab and the vertical extent of every text line in it, so a row
// taller than a page can be cut between lines. `cell_of` says which of `cells` (TH or TD)
// each item belongs to (-1: the row's fills and rules); the tags are added last, once a row
// cut across pages is cut, so each piece is a well-formed row.
struct RowSlab {
  Slab slab;
  std::vector<LineExtent> lines;
  std::vector<int> cell_of;
  std::vector<TagItem> cells;

  void own_new_items(const TagItem& cell) {
    cells.push_back(cell);
    cell_of.resize(slab.items.size(), static_cast<int>(cells.size()) - 1);
  }
};

TagItem header_cell(const char* scope) {
  TagItem th = begin_tag("TH");
  th.scope = scope;
  return th;
}

// The slab's items enclosed in TR, each cell's run of items in its TH or TD. A cell that drew
// nothing is still an element, so every later cell stays under its column's header.
Slab tagged_row(Slab slab, const std::vector<int>& cell_of, const std::vector<TagItem>& cells) {
  std::vector<Item> items;
  items.reserve(slab.items.size() + 2 * cells.size() + 2);
  items.push_back(begin_tag("TR"));
  size_t next = 0;  // the first cell not yet begun
  auto empty_cells_until = [&](size_t end) {
    for (; next < end; ++next) {
      items.push_back(cells[next]);
      items.push_back(end_tag(cells[next].role));
    }
  };
  int open = -1;
  for (size_t i = 0; i < slab.items.size(); ++i) {
    int cell = i < cell_of.size() ? cell_of[i] : -1;
    if (cell != open && open >= 0) items.push_back(end_tag(cells[static_cast<size_t>(open)].role));
    if (cell != open && cell >= 0) {
      empty_cells_until(static_cast<size_t>(cell));
      items.push_back(cells[static_cast<size_t>(cell)]);
      next = std::max(next, static_cast<size_t>(cell) + 1);
    }
    open = cell;
    items.push_back(std::move(slab.items[i]));
  }
  if (open >= 0) items.push_back(end_tag(cells[static_cast<size_t>(open)].role));
  empty_cells_until(cells.size());
  items.push_back(end_tag("TR"));
  slab.items = std::move(items);
  return slab;
}

// A cell placed in a row: its items and text lines, and the height it needs.
struct PlacedCell {
  size_t items_from, items_to, lines_from, lines_to;
  double height;
};

// Moves every cell down to the row's foot: header titles of one, two or three lines then
// stand on a common bottom line, over the figures they head.
void bottom_align(RowSlab& row, const std::vector<PlacedCell>& placed) {
  for (const auto& cell : placed) {
    double down = row.slab.height - cell.height;
    if (down <= 0.01) continue;
    for (size_t i = cell.items_from; i < cell.items_to; ++i) translate(row.slab.items[i], 0, down);
    for (size_t i = cell.lines_from; i < cell.lines_to; ++i) row.lines[i].top += down, row.lines[i].bottom += down;
  }
}

struct RowBuilder {
  const TableContext& t;
  const std::vector<double>& widths;
  const std::vector<double>& hangs;  // per column: how far figures stand in for their notes

  double hang_room(size_t column, Align align) const {
    return align == Align::right && column < hangs.size() ? hangs[column] : 0;
  }

  double total_width() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }
  double column_x(size_t column) const {
    return t.layout.left() + std::accumulate(widths.begin(), widths.begin() + static_cast<long>(column), 0.0);
  }

  void put_lines(const ShapedText& shaped, const TextStyle& style, double x, RowSlab& row) const {
    place_text(t.layout, shaped, style, x, t.pad, row.slab.items, &row.lines);
    // A row lists its cells' footnotes: their notes go to the foot of the page the row is on.
    auto notes = notes_marked(t.layout, shaped, 0, std::numeric_limits<int>::max());
    row.slab.notes.insert(row.slab.notes.end(), notes.begin(), notes.end());
  }

  // An icon in the cell's box; with a label after it, or alone and aligned like the column.
  double place_icon(const ShapedCell& cell, Align align, double x, double width, RowSlab& row, const SourcePos& pos) const {
    double size = table_icon_size(t);
    double inner = width - cell.indent - 2 * t.pad_x;
    bool alone = cell.unwrapped.empty();
    double left = x + cell.indent + t.pad_x;
    if (alone) left += align == Align::right ? inner - size : align == Align::center ? (inner - size) / 2 : 0;
    std::vector<Item> icon = draw_status_icon(*cell.icon, left, t.pad, size);
    row.lines.push_back({t.pad, t.pad + size});
    double height = size + 2 * t.pad;
    if (!alone) {
      ShapedCell label = cell;
      label.icon = nullptr;
      label.indent += size * 1.4;
      label.natural = cell.natural;
      height = std::max(height, place(label, Align::left, x, width, row, pos, 0));
    }
    // The icon (a Figure) after its label: a reader meets the words first, then what the icon adds.
    row.slab.items.insert(row.slab.items.end(), icon.begin(), icon.end());
    return height;
  }

  // Places `cell` in a box at x; returns the height it needs, padding included. A right-aligned
  // cell ends `hang_room` short of the padding, where its column's figures share an edge; its
  // note or mark (`cell.hang`) reaches past that edge.
  double place(const ShapedCell& cell, Align align, double x, double width, RowSlab& row, const SourcePos& pos,
               double hang_room) const {
    if (cell.icon) return place_icon(cell, align, x, width, row, pos);
    if (cell.text.empty()) return 2 * t.pad;
    const TextStyle& style = *cell.style;
    double inner = std::max(1.0, width - cell.indent - 2 * t.pad_x - hang_room);
    double left = x + cell.indent + t.pad_x;
    double one_line = cell.natural - cell.indent - cell.hang;
    size_t before = row.lines.size();
    if (one_line <= inner && cell.text.find('\n') == std::string::npos) {
      double offset = align == Align::right ? inner - one_line : align == Align::center ? (inner - one_line) / 2 : 0;
      t.layout.check_glyphs(cell.unwrapped, pos);
      put_lines(cell.unwrapped, style, left + offset, row);
    } else {
      ShapedText shaped = shape_rich_text(t.layout.pango, cell.content, cell_request(t, style, inner, align));
      t.layout.check_glyphs(shaped, pos);
      put_lines(shaped, style, left, row);
    }
    double bottom = 0;
    for (size_t i = before; i < row.lines.size(); ++i) bottom = std::max(bottom, row.lines[i].bottom);
    return bottom + t.pad;
  }

  // `place` recording what the cell added to the row.
  PlacedCell place_cell(const ShapedCell& cell, Align align, double x, double width, RowSlab& row, const SourcePos& pos,
                        double hang_room) const {
    PlacedCell placed{row.slab.items.size(), 0, row.lines.size(), 0, 0};
    placed.height = place(cell, align, x, width, row, pos, hang_room);
    placed.items_to = row.slab.items.size();
    placed.lines_to = row.lines.size();
    row.slab.height = std::max(row.slab.height, placed.height);
    return placed;
  }

  RowSlab cells(const ShapedRow& shaped, const SourcePos& pos, const TagItem& role, bool bottom_aligned = false) const {
    RowSlab row;
    std::vector<PlacedCell> placed;
    for (size_t c = 0; c < widths.size() && c < shaped.cells.size(); ++c) {
      Align align = t.table.columns[c].align;
      placed.push_back(place_cell(shaped.cells[c], align, column_x(c), widths[c], row, pos, hang_room(c, align)));
      row.own_new_items(role);
    }
    if (bottom_aligned) bottom_align(row, placed);
    return row;
  }

  RowSlab spanning(const ShapedCell& cell, const SourcePos& pos, TagItem role) const {
    RowSlab row;
    row.slab.height = place(cell, Align::left, t.layout.left(), total_width(), row, pos, 0);
    role.colspan = static_cast<int>(widths.size());
    row.own_new_items(role);
    return row;
  }

  void rule(RowSlab& row, double y, double width, const Color& color, double x = -1, double length = -1) const {
    double from = x < 0 ? t.layout.left() : x;
    row.slab.items.push_back(RuleItem{from, y, from + (length < 0 ? total_width() : length), y, width, color});
    row.cell_of.push_back(-1);
  }
  void fill(RowSlab& row, const Color& color) const {
    row.slab.items.insert(row.slab.items.begin(), RectItem{t.layout.left(), 0, total_width(), row.slab.height, color});
    row.cell_of.insert(row.cell_of.begin(), -1);
  }
};

// An extra header row: titles centred over the columns they span, with a rule under each
// title that spans several columns ("Period" over three).
Slab spanning_header_row(const RowBuilder& rows, const TableContext& t, const std::vector<HeaderCell>& cells) {
  RowSlab row;
  TagItem th = header_cell("Column");
  size_t column = 0;
  std::vector<std::pair<double, double>> underlines;
  std::vector<PlacedCell> placed;
  for (const auto& cell : cells) {
    double x = rows.column_x(column);
    double width = 0;
    for (size_t k = column; k < column + cell.span && k < rows.widths.size(); ++k) width += rows.widths[k];
    ShapedCell shaped = shape_cell(t, {{with_true_minus(cell.text), false, false, {}}}, t.header, 0);
    Align align = cell.span > 1 ? Align::center : t.table.columns[std::min(column, t.table.columns.size() - 1)].align;
    placed.push_back(rows.place_cell(shaped, align, x, width, row, t.table.pos, cell.span == 1 ? rows.hang_room(column, align) : 0));
    th.colspan = static_cast<int>(cell.span);
    row.own_new_items(th);
    if (cell.span > 1 && !cell.text.empty()) underlines.emplace_back(x + t.pad_x, width - 2 * t.pad_x);
    column += cell.span;
  }
  bottom_align(row, placed);
  rows.fill(row, t.layout.style.table_header_fill);
  for (auto [x, length] : underlines) rows.rule(row, row.slab.height - 1, hairline, t.layout.style.accent, x, length);
  row.slab.keep_with_next = true;
  return tagged_row(row.slab, row.cell_of, row.cells);
}

Slab column_title_row(const RowBuilder& rows, const TableContext& t, const ShapedRow& header) {
  RowSlab row = rows.cells(header, t.table.pos, header_cell("Column"), true);
  rows.fill(row, t.layout.style.table_header_fill);
  rows.rule(row, row.slab.height, strong_rule, t.layout.style.accent);
  row.slab.keep_with_next = true;
  return tagged_row(row.slab, row.cell_of, row.cells);
}

// The hairline under a body row, if any: under every row in the light row colour, or (the
// zebra fill tracking the rows) only under a group's last row and the table's; those close a
// group, in the stronger rule colour.
std::optional<Color> rule_under(const Style& style, bool ends_group) {
  if (style.row_rules == Style::RowRules::none) return std::nullopt;
  if (ends_group) return style.rule;
  if (style.row_rules == Style::RowRules::rows) return style.row_rule;
  return std::nullopt;
}

// A total's rule above it: a plain rule over a group's subtotal, a double rule over the
// table's grand total, so the two never read alike.
void total_rules(const RowBuilder& rows, const TableRow& row, RowSlab& built, const Color& color) {
  if (!row.table_scope) return rows.rule(built, 0, total_rule, color);
  rows.rule(built, total_rule / 2, total_rule, color);
  rows.rule(built, total_rule * 1.5 + double_rule_gap, total_rule, color);
}

RowSlab body_row(const RowBuilder& rows, const TableContext& t, const TableRow& row, const ShapedRow& shaped, bool shaded,
                 bool ends_group) {
  const Style& style = t.layout.style;
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) {
    // A group's title heads the rows under it.
    TagItem role = row.kind == TableRow::Kind::group ? header_cell("Row") : begin_tag("TD");
    RowSlab built = rows.spanning(shaped.cells.front(), row.pos, role);
    if (row.kind == TableRow::Kind::group) {
      rows.fill(built, style.table_group_fill);
      built.slab.keep_with_next = true;
    }
    // A group's fill marks it: a rule under it only where every row has one.
    std::optional<Color> under = rule_under(style, ends_group);
    if (under && (row.kind == TableRow::Kind::note || style.row_rules == Style::RowRules::rows))
      rows.rule(built, built.slab.height, hairline, *under);
    return built;
  }
  RowSlab built = rows.cells(shaped, row.pos, begin_tag("TD"));
  if (shaded) rows.fill(built, style.zebra_fill);
  if (row.kind == TableRow::Kind::total) total_rules(rows, row, built, style.body.color);
  if (auto under = rule_under(style, ends_group)) rows.rule(built, built.slab.height, hairline, *under);
  return built;
}

// Where to cut a row that is taller than `room`: as low as possible between text lines.
double cut_below(const std::vector<LineExtent>& lines, double start, double room) {
  double best = start + room;  // no line boundary fits: cut through (a line taller than a page)
  double limit = start + room;
  double found = -1;
  for (const auto& candidate : lines) {
    double c = candidate.bottom;
    if (c <= start + 0.01 || c > limit) continue;
    bool straddles = std::any_of(lines.begin(), lines.end(), [&](const LineExtent& l) { return l.top < c - 0.01 && l.bottom > c + 0.01; });
    if (!straddles) found = std::max(found, c);
  }
  return found > 0 ? found : best;
}

// A row taller than a page becomes several slabs, cut between lines; its fill is repeated on
// each piece and its bottom rule goes with the last.
// Each piece is tagged as a row of its own: a tagged PDF cannot resume a cell on the next page.
std::vector<Slab> split_row(const RowSlab& row, double room) {
  if (row.slab.height <= room) return {tagged_row(row.slab, row.cell_of, row.cells)};
  std::vector<Slab> pieces;
  for (double start = 0; start < row.slab.height - 0.01;) {
    // Every piece moves the cut down: lay_out_table guarantees a positive room.
    double end = std::min(row.slab.height, std::max(cut_below(row.lines, start, room), start + room));
    Slab piece;
    std::vector<int> cell_of;
    piece.height = end - start;
    bool last = end >= row.slab.height - 0.01;
    for (size_t i = 0; i < row.slab.items.size(); ++i) {
      const Item& item = row.slab.items[i];
      double y = 0;
      if (auto* rect = std::get_if<RectItem>(&item)) {
        RectItem clipped = *rect;
        clipped.y = 0;
        clipped.height = piece.height;
        piece.items.push_back(clipped);
        cell_of.push_back(row.cell_of[i]);
        continue;
      }
      if (auto* line = std::get_if<TextLineItem>(&item)) y = line->baseline - 0.01;
      else if (auto* rule = std::get_if<RuleItem>(&item)) y = rule->y1 >= row.slab.height - 0.01 ? row.slab.height - 0.02 : rule->y1;
      if ((y >= start && y < end) || (last && y >= end)) {
        Item moved = item;
        translate(moved, 0, -start);
        piece.items.push_back(std::move(moved));
        cell_of.push_back(row.cell_of[i]);
      }
    }
    if (pieces.empty()) piece.notes = row.slab.notes;  // a cut row's notes go with its first piece
    pieces.push_back(tagged_row(std::move(piece), cell_of, row.cells));
    start = end;
  }
  pieces.back().keep_with_next = row.slab.keep_with_next;
  return pieces;
}

// The least height a page must leave under a table's header for its rows: about a line.
constexpr double min_row_room = 12;

bool is_spanning(const TableRow& row) { return row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note; }


ShapedRow shape_header(const TableContext& t) {
  ShapedRow header;
  // Titles as written, never hyphenated: a column is at least as wide as its title's longest word.
  for (const auto& column : t.table.columns)
    header.cells.push_back(shape_cell(t, {{with_true_minus(column.title), false, false, {}}}, t.header, 0));
  return header;
}

std::vector<ShapedRow> shape_rows(const TableContext& t) {
  std::vector<ShapedRow> rows;
  rows.reserve(t.table.rows.size());
  for (const auto& row : t.table.rows) rows.push_back(shape_row(t, row));
  return rows;
}

}  // namespace

std::optional<ColumnGrid> shared_column_grid(const LayoutContext& ctx, const std::vector<const Table*>& tables) {
  if (tables.empty() || tables.front()->columns.empty()) return std::nullopt;
  TableContext t = make_table_context(ctx, *tables.front());
  std::vector<ShapedRow> rows;
  for (const Table* table : tables) {
    std::vector<ShapedRow> more = shape_rows(make_table_context(ctx, *table));
    rows.insert(rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return fit_shared_grid(t, shape_header(t), rows);
}

TableSlabs lay_out_table(const LayoutContext& ctx, const Table& table, const ColumnGrid* shared) {
  TableSlabs out;
  if (table.columns.empty()) return out;
  TableContext t = make_table_context(ctx, table);
  ShapedRow header = shape_header(t);
  std::vector<ShapedRow> rows = shape_rows(t);

  ColumnGrid grid = shared ? *shared : fit_column_widths(t, header, rows);
  t.pad_x = grid.pad_x;
  const std::vector<double>& widths = grid.widths;
  RowBuilder builder{t, widths, grid.hangs};
  for (const auto& extra : table.header) out.header.push_back(spanning_header_row(builder, t, extra));
  out.header.push_back(column_title_row(builder, t, header));

  double header_height = 0;
  for (const auto& s : out.header) header_height += s.height;
  double room = ctx.page.content_height() - header_height;
  if (room < min_row_room) {
    ctx.diags.error(table.pos, "the table's header rows are taller than the page's text area",
                    "shorten the column titles or the header rows, or use a layout with a taller text area");
    room = ctx.page.content_height();
  }
  size_t data_rows = 0;  // since the last group header, for zebra shading
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    if (row.kind == TableRow::Kind::group) data_rows = 0;
    bool shaded = ctx.style.zebra && row.kind == TableRow::Kind::data && data_rows++ % 2 == 1;
    // A total row never starts a page alone; a group header takes at least two rows along.
    if (row.kind == TableRow::Kind::total && !out.body.empty()) out.body.back().keep_with_next = true;
    bool ends_group = r + 1 == table.rows.size() || table.rows[r + 1].kind == TableRow::Kind::group;
    RowSlab built = body_row(builder, t, row, rows[r], shaded, ends_group);
    bool second_of_group = r >= 1 && table.rows[r - 1].kind == TableRow::Kind::group && r + 1 < table.rows.size() &&
                           !is_spanning(table.rows[r + 1]);
    if (second_of_group) built.slab.keep_with_next = true;
    for (auto& piece : split_row(built, room)) out.body.push_back(std::move(piece));
  }
  // The notes stay together and with the table's last row: a note never starts a page alone.
  for (const auto& text : table.notes) {
    Slab* before = !out.notes.empty() ? &out.notes.back() : out.body.empty() ? nullptr : &out.body.back();
    if (before) before->keep_with_next = true;
    ShapedCell note = shape_cell(t, {{with_true_minus(text), false, false, {}}}, t.note, 0);
    RowSlab row = builder.spanning(note, table.pos, begin_tag("P"));
    enclose(row.slab.items, begin_tag("P"));
    out.notes.push_back(std::move(row.slab));
  }
  return out;
}

}  // namespace rapport
