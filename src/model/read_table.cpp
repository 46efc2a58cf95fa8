#include "model/build_context.hpp"

#include <filesystem>
#include <regex>

#include "diag/suggest.hpp"
#include "load/read_csv.hpp"
#include "model/format_keys.hpp"
#include "model/read_cell_figure.hpp"
#include "model/read_cell_markdown.hpp"

namespace rapport {
namespace {

// A YAML scalar as a cell: plain numbers are figures, and so are figures written the Swedish
// way, quoted or not ("7,5", -1 850); other quoted scalars are text.
void read_cell_value(BuildContext& ctx, const YAML::Node& node, Cell& cell) {
  cell.pos = ctx.reader.pos(node);
  if (node.IsNull()) {
    cell.kind = Cell::Kind::missing;
    return;
  }
  if (!node.IsScalar()) {
    ctx.reader.wrong_type(node, "a table cell", "text, a number or a mapping with 'value:'");
    return;
  }
  cell.text = node.Scalar();
  if (cell.text.empty()) return;
  cell.kind = Cell::Kind::text;
  read_cell_figure(ctx, cell, is_plain_scalar(node));
  read_cell_markdown(ctx, cell, text_origin(ctx.reader.source(), node));
}

Cell read_cell(BuildContext& ctx, const YAML::Node& node) {
  Cell cell;
  if (!node.IsMap()) {
    read_cell_value(ctx, node, cell);
    return cell;
  }
  MapFields fields(ctx.reader, node, "a table cell", format_keys("cell"));
  read_cell_value(ctx, fields.require("value"), cell);
  cell.pos = ctx.reader.pos(node);
  cell.unit = text_or_empty(ctx, fields.get("unit"), "'unit'");
  cell.note = text_or_empty(ctx, fields.get("note"), "'note'");
  cell.accept = text_or_empty(ctx, fields.get("accept"), "'accept'");
  cell.label = text_or_empty(ctx, fields.get("label"), "'label'");
  return cell;
}

// In a flow list [7,5, 9,2] YAML splits each figure at its decimal comma: "7" and "5" stand
// right beside each other. The first such figure as written, or "" when there is none.
std::string split_decimal(const std::vector<Cell>& cells) {
  auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
  for (size_t i = 0; i + 1 < cells.size(); ++i) {
    const Cell& a = cells[i];
    const Cell& b = cells[i + 1];
    bool adjacent = a.pos.line == b.pos.line && b.pos.col == a.pos.col + static_cast<int>(a.text.size()) + 1;
    if (a.kind == Cell::Kind::number && a.decimals == 0 && adjacent && digits(b.text)) return a.text + "," + b.text;
  }
  return {};
}

// Cells of a row; total rows may stop after their label (the rest is computed).
std::vector<Cell> read_cells(BuildContext& ctx, const YAML::Node& node, size_t columns, bool may_be_short) {
  std::vector<Cell> cells;
  if (!ctx.reader.expect_sequence(node, "a table row")) return cells;
  for (const auto& item : node) cells.push_back(read_cell(ctx, item));
  bool too_short = cells.size() < columns && !(may_be_short && !cells.empty());
  if (too_short || cells.size() > columns) {
    std::string split = cells.size() > columns ? split_decimal(cells) : std::string();
    ctx.reader.diags().error(ctx.reader.pos(node),
                             "the row has " + std::to_string(cells.size()) + " cells but the table has " +
                                 std::to_string(columns) + " columns",
                             !split.empty() ? "in [a, b] a comma separates cells, so " + split + " became two: quote figures with a decimal comma, \"" + split + "\""
                                            : "give one cell per column: ~ for a missing figure (printed –), \"\" for an empty cell (printed as nothing)");
  }
  // The same split with as many cells as columns leaves the row the right length and silently
  // wrong; two cells are written with a space after the comma, so say so.
  if (cells.size() == columns)
    if (std::string split = split_decimal(cells); !split.empty())
      ctx.reader.diags().warning(ctx.reader.pos(node), "'" + split + "' reads as two cells: in [a, b] a comma separates cells",
                                 "quote a figure with a decimal comma, \"" + split + "\"; write two cells with a space after the comma");
  SourcePos end = ctx.reader.pos(node);
  while (cells.size() < columns) {
    Cell missing;
    missing.kind = Cell::Kind::missing;
    missing.pos = end;
    cells.push_back(missing);
  }
  return cells;
}

// `varav: [cells]`, or `varav: {cells: [...], complete: true}` when the varav rows under the
// parent are its whole breakdown and must add up to it.
void read_varav(BuildContext& ctx, const YAML::Node& value, size_t columns, TableRow& row) {
  if (!value.IsMap()) {
    row.cells = read_cells(ctx, value, columns, false);
    return;
  }
  MapFields varav(ctx.reader, value, "a varav row", format_keys("varav"));
  if (YAML::Node cells = varav.require("cells"); cells.IsDefined()) row.cells = read_cells(ctx, cells, columns, false);
  if (YAML::Node complete = varav.get("complete"); complete.IsDefined())
    row.complete = ctx.reader.boolean(complete, "'complete'").value_or(false);
}

TableRow read_row(BuildContext& ctx, const YAML::Node& node, size_t columns) {
  TableRow row;
  row.pos = ctx.reader.pos(node);
  if (node.IsSequence()) {
    row.cells = read_cells(ctx, node, columns, false);
    return row;
  }
  static const std::regex missing_space(R"((group|varav|total|note):\S.*)");
  if (node.IsScalar() && std::regex_match(node.Scalar(), missing_space)) {
    std::string key = node.Scalar().substr(0, node.Scalar().find(':'));
    ctx.reader.diags().error(row.pos, "a table row must be a list of cells or " + key + ": …, found " + quote_excerpt(node.Scalar()),
                             "put a space after the colon: '" + key + ": " + node.Scalar().substr(key.size() + 1) + "'");
    return row;
  }
  MapFields fields(ctx.reader, node, "a table row", format_keys("row"));
  if (!fields.valid()) return row;
  if (node.size() != 1) {
    ctx.reader.diags().error(row.pos, "a table row is a list of cells or one of group:, varav:, total:, note:");
    return row;
  }
  const std::string key = node.begin()->first.Scalar();
  const YAML::Node value = node.begin()->second;
  if (key == "group" || key == "note") {
    row.kind = key == "group" ? TableRow::Kind::group : TableRow::Kind::note;
    row.text = text_or_empty(ctx, value, "'" + key + "'");
  } else if (key == "varav") {
    row.kind = TableRow::Kind::varav;
    read_varav(ctx, value, columns, row);
  } else if (value.IsMap()) {
    row.kind = TableRow::Kind::total;
    MapFields total(ctx.reader, value, "a total row", format_keys("total"));
    if (YAML::Node cells = total.require("cells"); cells.IsDefined()) row.cells = read_cells(ctx, cells, columns, true);
    if (YAML::Node scope = total.get("scope"); scope.IsDefined()) {
      std::string s = text_or_empty(ctx, scope, "'scope'");
      row.table_scope = s == "table";
      if (s != "table" && s != "group")
        ctx.reader.diags().error(ctx.reader.pos(scope), "'scope' must be group or table, found " + quote_excerpt(s));
    }
  } else {
    row.kind = TableRow::Kind::total;
    row.cells = read_cells(ctx, value, columns, true);
  }
  return row;
}

std::optional<ColumnWidth> parse_width(const std::string& s) {
  static const std::regex pattern(R"((\d{1,4}(\.\d{1,3})?)\s*(mm|%))");
  std::smatch m;
  if (s == "auto") return ColumnWidth{};
  if (!std::regex_match(s, m, pattern)) return std::nullopt;
  double value = std::stod(m[1]);
  bool mm = m[3] == "mm";
  // A column narrower than a digit sets "10" as "1" over "0"; wider than a page fits nothing.
  if (value < (mm ? 3 : 1) || value > (mm ? 1000 : 100)) return std::nullopt;
  return ColumnWidth{mm ? ColumnWidth::Kind::millimetres : ColumnWidth::Kind::percent, value};
}

struct PendingCompute {
  size_t column;
  std::string expression;
  SourcePos pos;
};

Column read_column(BuildContext& ctx, const YAML::Node& node, size_t index, std::vector<PendingCompute>& computes) {
  Column column;
  column.pos = ctx.reader.pos(node);
  if (node.IsScalar()) {
    column.title = title_or_empty(ctx, node, "a column's title");
    return column;
  }
  MapFields fields(ctx.reader, node, "a column", format_keys("column"));
  if (!fields.valid()) return column;
  column.title = title_or_empty(ctx, fields.require("title"), "'title'");
  column.id = text_or_empty(ctx, fields.get("id"), "'id'");
  column.unit = text_or_empty(ctx, fields.get("unit"), "'unit'");
  if (YAML::Node decimals = fields.get("decimals"); decimals.IsDefined())
    column.decimals = static_cast<int>(ctx.reader.integer(decimals, "'decimals'", 0, 6).value_or(-1));
  if (YAML::Node compute = fields.get("compute"); compute.IsDefined())
    computes.push_back({index, text_or_empty(ctx, compute, "'compute'"), ctx.reader.pos(compute)});
  if (YAML::Node kind = fields.get("kind"); kind.IsDefined()) {
    std::string k = text_or_empty(ctx, kind, "'kind'");
    if (k == "status") column.kind = Column::Kind::status;
    else if (k == "trend") column.kind = Column::Kind::trend;
    else if (k != "values")
      ctx.reader.diags().error(ctx.reader.pos(kind), "a column's 'kind' must be values, status or trend, found " + quote_excerpt(k));
  }
  if (YAML::Node series = fields.get("series"); series.IsDefined()) {
    // Resolved to column indexes like compute: ids joined by +.
    std::string ids;
    if (series.IsSequence())
      for (const auto& id : series) ids += (ids.empty() ? "" : " + ") + text_or_empty(ctx, id, "a series column");
    else
      ctx.reader.wrong_type(series, "'series'", "a list of column ids");
    computes.push_back({index, "series: " + ids, ctx.reader.pos(series)});
  }
  if (YAML::Node align = fields.get("align"); align.IsDefined()) {
    std::string a = text_or_empty(ctx, align, "'align'");
    if (a == "right") column.align = Align::right;
    else if (a == "center") column.align = Align::center;
    else if (a != "left")
      ctx.reader.diags().error(ctx.reader.pos(align), "'align' must be left, right or center, found " + quote_excerpt(a));
  }
  if (YAML::Node width = fields.get("width"); width.IsDefined()) {
    std::string w = text_or_empty(ctx, width, "'width'");
    if (auto parsed = parse_width(w)) column.width = *parsed;
    else
      ctx.reader.diags().error(ctx.reader.pos(width), "'width' must be a width such as 30mm (3–1000 mm), 25% (1–100 %) or auto, found " + quote_excerpt(w));
  }
  return column;
}

std::string join_ids(const std::vector<std::string>& ids) {
  std::string list;
  for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
  return list;
}

// "; the table's column ids are a, b, c": the author often lists titles ("2019") instead.
std::string the_ids(const std::vector<std::string>& ids) {
  return ids.empty() ? "; no column of this table has an id yet" : "; the table's column ids are " + join_ids(ids);
}

std::string series_example(const std::vector<std::string>& ids) {
  if (ids.empty()) return "give the columns ids ({title: \"2019\", id: y2019}) and list them: series: [y2019, y2020]";
  return "list ids of this table's columns, which are " + join_ids(ids) + ": series: [" + join_ids(ids) + "]";
}

// "utfall - budget + x" over the ids of the table's columns.
void resolve_compute(BuildContext& ctx, Table& table, PendingCompute pending) {
  bool series = pending.expression.starts_with("series: ");
  if (series) pending.expression.erase(0, 8);
  static const std::regex term(R"(\s*([+-])?\s*([A-Za-z_][A-Za-z0-9_]*)\s*)");
  std::vector<std::string> ids;
  for (size_t c = 0; c < table.columns.size(); ++c)
    if (!table.columns[c].id.empty() && c != pending.column) ids.push_back(table.columns[c].id);
  std::vector<ComputeTerm> terms;
  auto begin = pending.expression.cbegin(), end = pending.expression.cend();
  std::smatch m;
  while (begin != end && std::regex_search(begin, end, m, term, std::regex_constants::match_continuous)) {
    if (!terms.empty() && !m[1].matched) break;
    std::string id = m[2].str();
    auto it = std::find_if(table.columns.begin(), table.columns.end(), [&](const Column& c) { return c.id == id; });
    if (it == table.columns.end()) {
      std::string guess = closest_match(id, ids);
      ctx.reader.diags().error(pending.pos, std::string(series ? "'series'" : "'compute'") + " names '" + id + "', which is not the id of a column",
                               guess.empty() ? "give the column an 'id: " + id + "'" + (series ? the_ids(ids) : "") : "did you mean '" + guess + "'?");
      return;
    }
    terms.push_back({m[1].str() == "-" ? -1 : 1, static_cast<size_t>(it - table.columns.begin())});
    begin = m[0].second;
  }
  if (begin != end || terms.empty()) {
    ctx.reader.diags().error(pending.pos,
                             series ? "'series' must list column ids" : "'compute' must be column ids joined by + and -, found " + quote_excerpt(pending.expression),
                             series ? series_example(ids) : "for example: compute: utfall - budget");
    return;
  }
  for (const auto& t : terms)
    if (t.column == pending.column) {
      ctx.reader.diags().error(pending.pos, "a column cannot be computed from itself");
      return;
    }
  Column& column = table.columns[pending.column];
  if (!series) {
    column.compute = std::move(terms);
    return;
  }
  for (const auto& t : terms) column.series.push_back(t.column);
  if (column.kind != Column::Kind::trend)
    ctx.reader.diags().error(pending.pos, "'series' belongs to a trend column", "add kind: trend to the column");
}

std::vector<std::vector<HeaderCell>> read_header(BuildContext& ctx, const YAML::Node& node, size_t columns) {
  std::vector<std::vector<HeaderCell>> rows;
  if (!ctx.reader.expect_sequence(node, "'header'")) return rows;
  for (const auto& row_node : node) {
    std::vector<HeaderCell> row;
    size_t spanned = 0;
    if (!ctx.reader.expect_sequence(row_node, "a header row")) continue;
    for (const auto& cell : row_node) {
      HeaderCell header;
      header.pos = ctx.reader.pos(cell);
      if (cell.IsMap()) {
        MapFields f(ctx.reader, cell, "a header cell", format_keys("header_cell"));
        header.text = text_or_empty(ctx, f.require("text"), "'text'");
        if (YAML::Node span = f.get("span"); span.IsDefined())
          header.span = static_cast<size_t>(ctx.reader.integer(span, "'span'", 1, 100).value_or(1));
      } else {
        header.text = ctx.reader.text(cell, "a header cell").value_or("");
      }
      spanned += header.span;
      row.push_back(std::move(header));
    }
    if (spanned != columns)
      ctx.reader.diags().error(ctx.reader.pos(row_node), "the header row spans " + std::to_string(spanned) +
                                                             " columns but the table has " + std::to_string(columns),
                               "make the spans add up to the number of columns");
    rows.push_back(std::move(row));
  }
  return rows;
}

// The first CSV column may name each row's kind when its heading is "rad" or "kind".
std::vector<TableRow> read_csv_rows(BuildContext& ctx, const YAML::Node& node, size_t columns) {
  std::vector<TableRow> rows;
  std::string name = ctx.reader.text(node, "'csv'").value_or("");
  if (name.empty()) return rows;
  auto path = std::filesystem::path(ctx.reader.source().path).parent_path() / name;
  std::vector<CsvRecord> records;
  ctx.data_files.push_back(path.string());
  try {
    check_readable(*ctx.access, path.string(), ctx.reader.pos(node));
    records = read_csv(path.string());
  } catch (const InputError& e) {
    ctx.reader.diags().append(e.diagnostics());
    return rows;
  }
  if (records.empty()) return rows;
  const auto& heading = records.front().fields;
  bool kind_column = !heading.empty() && (heading[0].text == "rad" || heading[0].text == "kind");
  size_t offset = kind_column ? 1 : 0;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    TableRow row;
    row.pos = record.pos;
    if (record.fields.size() != columns + offset) {
      ctx.reader.diags().error(record.pos, "the line has " + std::to_string(record.fields.size()) + " fields but " +
                                               std::to_string(columns + offset) + " were expected (" +
                                               std::to_string(columns) + " columns" + (kind_column ? " and the row kind)" : ")"),
                               "check the separators on this line");
      continue;
    }
    if (kind_column) {
      const std::string& kind = record.fields[0].text;
      if (kind == "varav") row.kind = TableRow::Kind::varav;
      else if (kind == "total") row.kind = TableRow::Kind::total;
      else if (kind == "group" || kind == "note") {
        row.kind = kind == "group" ? TableRow::Kind::group : TableRow::Kind::note;
        row.text = record.fields[1].text;
        rows.push_back(std::move(row));
        continue;
      } else if (!kind.empty() && kind != "data") {
        ctx.reader.diags().error(record.fields[0].pos, "unknown row kind '" + kind + "'",
                                 "use data, varav, total, group or note (or leave it empty)");
      }
    }
    for (size_t c = offset; c < record.fields.size(); ++c) {
      const CsvField& field = record.fields[c];
      Cell cell;
      cell.pos = field.pos;
      cell.text = field.text;
      // ~ is a missing figure, as in YAML: finance exports write it for "no value".
      if (field.text.empty()) cell.kind = Cell::Kind::blank;
      else if (field.text == "~") cell.kind = Cell::Kind::missing;
      else {
        cell.kind = Cell::Kind::text;
        read_cell_figure(ctx, cell, true);
        read_cell_markdown(ctx, cell, {field.pos});
      }
      row.cells.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Beyond these a table is no longer something to print (and layout time grows with both).
constexpr size_t max_table_columns = 30;
constexpr size_t max_table_rows = 10000;

void check_table_size(BuildContext& ctx, Table& table, const YAML::Node& columns) {
  if (table.columns.size() > max_table_columns)
    ctx.reader.diags().error(ctx.reader.pos(columns), "a table has at most " + std::to_string(max_table_columns) +
                                                          " columns, this one has " + std::to_string(table.columns.size()),
                             "split it into several tables");
  if (table.rows.size() > max_table_rows) {
    ctx.reader.diags().error(table.pos, "a table has at most " + std::to_string(max_table_rows) + " rows, this one has " +
                                            std::to_string(table.rows.size()),
                             "split it into several tables, or summarise the figures");
    table.rows.clear();
  }
}

}  // namespace

Table read_table(BuildContext& ctx, const YAML::Node& node) {
  Table table;
  table.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "table", format_keys("table"));
  if (!fields.valid()) return table;
  if (YAML::Node id = fields.get("id"); id.IsDefined()) table.id = read_block_id(ctx, id);
  if (YAML::Node keep = fields.get("keep"); keep.IsDefined()) {
    std::string word = ctx.reader.text(keep, "'keep'").value_or("auto");
    if (word != "auto" && word != "together")
      ctx.reader.diags().error(ctx.reader.pos(keep), "unknown 'keep' " + quote_excerpt(word),
                               "write 'keep: auto' (moved whole to the next page when the page it leaves is two-thirds full) "
                               "or 'keep: together' (always moved whole when it fits a page)");
    table.keep = word == "together" ? Table::Keep::together : Table::Keep::automatic;
  }
  if (YAML::Node caption = fields.get("caption"); caption.IsDefined()) {
    table.caption = title_or_empty(ctx, caption, "'caption'");
    table.caption_pos = text_origin(ctx.reader.source(), caption).first_char;
  }
  if (YAML::Node at = fields.get("caption_at"); at.IsDefined()) {
    std::string place = ctx.reader.text(at, "'caption_at'").value_or("above");
    if (place != "above" && place != "below")
      ctx.reader.diags().error(ctx.reader.pos(at), "unknown place for a caption " + quote_excerpt(place), "write 'caption_at: above' or 'caption_at: below'");
    table.caption_below = place == "below";
  }
  table.landscape = read_orientation(ctx, fields.get("orientation"));
  std::vector<PendingCompute> computes;
  YAML::Node columns = fields.require("columns");
  if (columns.IsDefined() && ctx.reader.expect_sequence(columns, "'columns'")) {
    for (const auto& c : columns) table.columns.push_back(read_column(ctx, c, table.columns.size(), computes));
    if (table.columns.empty()) ctx.reader.diags().error(ctx.reader.pos(columns), "a table needs at least one column");
  }
  for (const auto& pending : computes) resolve_compute(ctx, table, pending);
  if (YAML::Node tolerance = fields.get("tolerance"); tolerance.IsDefined()) {
    table.tolerance = ctx.reader.number(tolerance, "'tolerance'").value_or(1);
    // The tolerance is printed in the table's note, so it obeys the figures' own bound.
    if (table.tolerance < 0 || table.tolerance > 1e9)
      ctx.reader.diags().error(ctx.reader.pos(tolerance), "'tolerance' must be between 0 and 1000000000, found " + quote_excerpt(tolerance.Scalar()));
  }
  if (YAML::Node header = fields.get("header"); header.IsDefined()) table.header = read_header(ctx, header, table.columns.size());
  if (YAML::Node csv = fields.get("csv"); csv.IsDefined()) table.rows = read_csv_rows(ctx, csv, table.columns.size());
  YAML::Node rows = fields.get("rows");
  if (!rows.IsDefined() && !fields.has("csv")) rows = fields.require("rows");
  if (rows.IsDefined() && ctx.reader.expect_sequence(rows, "'rows'"))
    for (const auto& r : rows) table.rows.push_back(read_row(ctx, r, table.columns.size()));
  check_table_size(ctx, table, columns);
  return table;
}

}  // namespace rapport
