#include "model/build_report.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <regex>
#include <set>

#include "diag/suggest.hpp"
#include "finance/parse_number.hpp"
#include "load/file_access.hpp"
#include "load/read_csv.hpp"
#include "load/node_reader.hpp"
#include "model/format_keys.hpp"
#include "model/parse_markdown.hpp"

namespace rapport {
namespace {

constexpr int max_heading_level = 4;

const std::vector<std::string> document_kinds = {"delårsrapport",    "verksamhetsberättelse", "årsredovisning",
                                                 "verksamhetsplan",  "tjänsteskrivelse",      "protokollsutdrag",
                                                 "rapport"};
const std::vector<std::string>& block_kinds = format_keys("block");

struct BuildContext {
  NodeReader reader;
  std::set<std::string> ids;
  int generated_ids = 0;
  struct Reference {
    std::string id;
    SourcePos pos;
  };
  std::vector<Reference> references;
  std::vector<std::string> data_files;
  const FileAccess* access = nullptr;  // which CSV files the report may read
};

std::string text_or_empty(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  if (!node.IsDefined()) return {};
  return ctx.reader.text(node, what).value_or("");
}

// A line set as a title or heading: limited to max_title_chars.
std::string title_or_empty(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  if (!node.IsDefined()) return {};
  return ctx.reader.text(node, what, max_title_chars).value_or("");
}

// Where the first character of a scalar's value is: block scalars (| and >) start on the
// next line at that line's indentation; quoted scalars one column after the quote.
TextOrigin text_origin(const YamlSource& source, const YAML::Node& node) {
  SourcePos pos = position_of(source, node);
  if (pos.line == 0) return {pos};
  size_t line_start = 0;
  for (int line = 1; line < pos.line && line_start != std::string::npos; ++line)
    line_start = source.text.find('\n', line_start) + 1;
  size_t at = line_start + static_cast<size_t>(pos.col - 1);
  if (at >= source.text.size()) return {pos};
  char indicator = source.text[at];
  if (indicator == '|' || indicator == '>') {
    size_t next = source.text.find('\n', at);
    if (next == std::string::npos) return {pos};
    size_t first = source.text.find_first_not_of(' ', next + 1);
    int indent = first == std::string::npos ? 0 : static_cast<int>(first - next - 1);
    return {{pos.file, pos.line + 1, indent + 1}};
  }
  if (indicator == '"' || indicator == '\'') return {{pos.file, pos.line, pos.col + 1}};
  return {pos};
}

void collect_references(BuildContext& ctx, const std::vector<Prose>& prose) {
  for (const auto& p : prose) {
    for (const auto& span : p.text)
      if (!span.link.empty() && span.link[0] == '#') ctx.references.push_back({span.link.substr(1), p.pos});
    for (const auto& item : p.items) collect_references(ctx, item.content);
  }
}

std::vector<Prose> read_markdown(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  auto text = ctx.reader.text(node, what);
  if (!text) return {};
  auto prose = parse_markdown(*text, text_origin(ctx.reader.source(), node), ctx.reader.diags());
  collect_references(ctx, prose);
  return prose;
}

bool valid_date(const std::string& s) {
  static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(s, m, pattern)) return false;
  int month = std::stoi(m[2]), day = std::stoi(m[3]), year = std::stoi(m[1]);
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::vector<std::string> read_text_list(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  std::vector<std::string> out;
  if (!node.IsDefined() || !ctx.reader.expect_sequence(node, what)) return out;
  for (const auto& item : node)
    if (auto s = ctx.reader.text(item, "an item of " + what)) out.push_back(*s);
  return out;
}

std::vector<Official> read_officials(BuildContext& ctx, const YAML::Node& node) {
  std::vector<Official> out;
  if (!node.IsDefined() || !ctx.reader.expect_sequence(node, "'officials'")) return out;
  for (const auto& item : node) {
    MapFields fields(ctx.reader, item, "an official", format_keys("official"));
    if (!fields.valid()) continue;
    Official official;
    official.pos = ctx.reader.pos(item);
    official.role = text_or_empty(ctx, fields.require("role"), "'role'");
    official.name = text_or_empty(ctx, fields.require("name"), "'name'");
    out.push_back(std::move(official));
  }
  return out;
}

// "§ 175", "§175", "§ 12 a": the sign, then the number.
bool valid_paragraph(const std::string& s) {
  static const std::regex pattern(R"(§\s*\d+.*)");
  return std::regex_match(s, pattern);
}

// A text field of the decision and where it was written (its value, or the mapping when absent).
std::string decision_text(BuildContext& ctx, const MapFields& fields, const std::string& key, SourcePos& pos) {
  YAML::Node value = fields.get(key);
  if (!value.IsDefined()) return {};
  pos = text_origin(ctx.reader.source(), value).first_char;
  return text_or_empty(ctx, value, "'" + key + "' in decision");
}

// Every field is optional here: a draft may be rendered before the meeting. What a signed-off
// report must have is checked by check_final, which reports each missing field.
std::optional<Decision> read_decision(BuildContext& ctx, const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;
  MapFields fields(ctx.reader, node, "decision", format_keys("decision"));
  if (!fields.valid()) return std::nullopt;
  Decision decision;
  decision.pos = ctx.reader.pos(node);
  decision.body_pos = decision.meeting_pos = decision.paragraph_pos = decision.approved_by_pos = decision.pos;
  decision.body = decision_text(ctx, fields, "body", decision.body_pos);
  decision.approved_by = decision_text(ctx, fields, "approved_by", decision.approved_by_pos);
  decision.meeting = decision_text(ctx, fields, "meeting", decision.meeting_pos);
  if (!decision.meeting.empty() && !valid_date(decision.meeting))
    ctx.reader.diags().error(decision.meeting_pos,
                             "'meeting' must be a date written YYYY-MM-DD, found " + quote_excerpt(decision.meeting),
                             "the date of the meeting that adopted the report, e.g. meeting: 2021-10-04");
  decision.paragraph = decision_text(ctx, fields, "paragraph", decision.paragraph_pos);
  if (!decision.paragraph.empty() && !valid_paragraph(decision.paragraph))
    ctx.reader.diags().error(decision.paragraph_pos,
                             "'paragraph' must be a paragraph of the minutes such as '§ 175', found " +
                                 quote_excerpt(decision.paragraph),
                             "write the § sign before the number: paragraph: \"§ 175\"");
  if (YAML::Node extract = fields.get("minutes_extract"); extract.IsDefined()) {
    decision.minutes_extract_pos = ctx.reader.pos(extract);
    decision.minutes_extract = ctx.reader.boolean(extract, "'minutes_extract' in decision").value_or(false);
  }
  decision.accepted_placeholders = read_text_list(ctx, fields.get("accepted_placeholders"), "'accepted_placeholders'");
  return decision;
}

// Where each value was written, so a check that runs later (final) can point at it.
void record_value_positions(BuildContext& ctx, const YAML::Node& node, DocumentInfo& info) {
  for (const auto& pair : node)
    if (pair.first.IsScalar()) info.value_pos[pair.first.Scalar()] = text_origin(ctx.reader.source(), pair.second).first_char;
}

DocumentInfo read_document(BuildContext& ctx, const YAML::Node& node) {
  DocumentInfo info;
  info.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "document", format_keys("document"));
  if (!fields.valid()) return info;
  record_value_positions(ctx, node, info);
  info.decision = read_decision(ctx, fields.get("decision"));
  info.municipality = title_or_empty(ctx, fields.require("municipality"), "'municipality'");
  info.committee = title_or_empty(ctx, fields.require("committee"), "'committee'");
  info.title = title_or_empty(ctx, fields.require("title"), "'title'");
  info.subtitle = title_or_empty(ctx, fields.get("subtitle"), "'subtitle'");
  info.period = text_or_empty(ctx, fields.get("period"), "'period'");
  info.author = text_or_empty(ctx, fields.get("author"), "'author'");
  info.case_number = text_or_empty(ctx, fields.get("case_number"), "'case_number'");
  info.layout = text_or_empty(ctx, fields.get("layout"), "'layout'");
  info.keywords = read_text_list(ctx, fields.get("keywords"), "'keywords'");
  info.address = read_text_list(ctx, fields.get("address"), "'address'");
  info.officials = read_officials(ctx, fields.get("officials"));

  YAML::Node kind = fields.require("kind");
  if (kind.IsDefined()) {
    info.kind = text_or_empty(ctx, kind, "'kind'");
    if (!info.kind.empty() &&
        std::find(document_kinds.begin(), document_kinds.end(), info.kind) == document_kinds.end()) {
      std::string guess = closest_match(info.kind, document_kinds);
      ctx.reader.diags().error(ctx.reader.pos(kind), "unknown kind of document '" + info.kind + "'",
                               guess.empty() ? "use one of " + join_choices(document_kinds)
                                             : "did you mean '" + guess + "'?");
    }
  }
  YAML::Node date = fields.require("date");
  if (date.IsDefined()) {
    info.date = text_or_empty(ctx, date, "'date'");
    if (!info.date.empty() && !valid_date(info.date))
      ctx.reader.diags().error(ctx.reader.pos(date), "'date' must be a date written YYYY-MM-DD, found " + quote_excerpt(info.date));
  }
  return info;
}

// ----- tables -----

void check_figure_range(BuildContext& ctx, const Cell& cell) {
  std::string problem = figure_range_problem(cell.number, cell.decimals);
  if (!problem.empty())
    ctx.reader.diags().error(cell.pos, problem + ", found " + quote_excerpt(cell.text), "state the figure in tkr or mnkr, and say so in the column's unit:");
}

// A YAML scalar as a cell: plain numbers are figures, quoted scalars always text.
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
  if (!is_plain_scalar(node)) return;
  static const std::regex number(R"(-?\d+(\.(\d+))?)");
  std::smatch m;
  if (std::regex_match(cell.text, m, number)) {
    cell.kind = Cell::Kind::number;
    cell.decimals = static_cast<int>(m[2].length());
    // from_chars, not stod: 400 digits (or 400 decimals) would throw out_of_range from stod.
    auto parsed = std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), cell.number);
    if (parsed.ec != std::errc()) cell.number = cell.decimals > max_decimals ? 0 : HUGE_VAL;
    check_figure_range(ctx, cell);
  }
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
  return cell;
}

// Cells of a row; total rows may stop after their label (the rest is computed).
std::vector<Cell> read_cells(BuildContext& ctx, const YAML::Node& node, size_t columns, bool may_be_short) {
  std::vector<Cell> cells;
  if (!ctx.reader.expect_sequence(node, "a table row")) return cells;
  for (const auto& item : node) cells.push_back(read_cell(ctx, item));
  bool too_short = cells.size() < columns && !(may_be_short && !cells.empty());
  if (too_short || cells.size() > columns)
    ctx.reader.diags().error(ctx.reader.pos(node),
                             "the row has " + std::to_string(cells.size()) + " cells but the table has " +
                                 std::to_string(columns) + " columns",
                             "give one cell per column; write \"\" for an empty cell");
  SourcePos end = ctx.reader.pos(node);
  while (cells.size() < columns) {
    Cell missing;
    missing.kind = Cell::Kind::missing;
    missing.pos = end;
    cells.push_back(missing);
  }
  return cells;
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
    row.cells = read_cells(ctx, value, columns, false);
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

// "utfall - budget + x" over the ids of the table's columns.
void resolve_compute(BuildContext& ctx, Table& table, PendingCompute pending) {
  bool series = pending.expression.starts_with("series: ");
  if (series) pending.expression.erase(0, 8);
  static const std::regex term(R"(\s*([+-])?\s*([A-Za-z_][A-Za-z0-9_]*)\s*)");
  std::vector<std::string> ids;
  for (const auto& c : table.columns)
    if (!c.id.empty()) ids.push_back(c.id);
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
                               guess.empty() ? "give the column an 'id: " + id + "'" : "did you mean '" + guess + "'?");
      return;
    }
    terms.push_back({m[1].str() == "-" ? -1 : 1, static_cast<size_t>(it - table.columns.begin())});
    begin = m[0].second;
  }
  if (begin != end || terms.empty()) {
    ctx.reader.diags().error(pending.pos,
                             series ? "'series' must list column ids" : "'compute' must be column ids joined by + and -, found " + quote_excerpt(pending.expression),
                             series ? "for example: series: [y2019, y2020, y2021]" : "for example: compute: utfall - budget");
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
      if (field.text.empty()) cell.kind = Cell::Kind::blank;
      else if (auto parsed = parse_swedish_number(field.text)) {
        cell.kind = Cell::Kind::number;
        cell.number = parsed->value;
        cell.decimals = parsed->decimals;
        check_figure_range(ctx, cell);
      } else {
        cell.kind = Cell::Kind::text;
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

Table read_table(BuildContext& ctx, const YAML::Node& node) {
  Table table;
  table.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "table", format_keys("table"));
  if (!fields.valid()) return table;
  if (YAML::Node caption = fields.get("caption"); caption.IsDefined()) {
    table.caption = title_or_empty(ctx, caption, "'caption'");
    table.caption_pos = text_origin(ctx.reader.source(), caption).first_char;
  }
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

// ----- blocks and sections -----

Facts read_facts(BuildContext& ctx, const YAML::Node& node) {
  Facts facts;
  if (!ctx.reader.expect_sequence(node, "'facts'")) return facts;
  for (const auto& item : node) {
    if (!item.IsMap() || item.size() != 1) {
      ctx.reader.wrong_type(item, "a fact", "one 'Label: value' line");
      continue;
    }
    auto pair = *item.begin();
    auto value = ctx.reader.text(pair.second, "the value of '" + pair.first.Scalar() + "'");
    facts.items.push_back({pair.first.Scalar(), value.value_or(""), ctx.reader.pos(item)});
  }
  return facts;
}

Assessment read_assessment(BuildContext& ctx, const YAML::Node& node) {
  Assessment assessment;
  assessment.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "assessment", format_keys("assessment"));
  if (!fields.valid()) return assessment;
  YAML::Node status = fields.require("status");
  assessment.status = text_or_empty(ctx, status, "'status'");
  assessment.status_pos = ctx.reader.pos(status);
  assessment.label = text_or_empty(ctx, fields.get("label"), "'label'");
  if (YAML::Node text = fields.get("text"); text.IsDefined()) assessment.text = read_markdown(ctx, text, "'text'");
  return assessment;
}

// `legend: {title: …}` and `overview: {title: …}`.
std::string read_title(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  if (node.IsNull()) return {};
  MapFields fields(ctx.reader, node, what, format_keys(what));
  return title_or_empty(ctx, fields.get("title"), "'title'");
}

OverviewBlock read_overview(BuildContext& ctx, const YAML::Node& node) {
  OverviewBlock overview;
  overview.title = read_title(ctx, node, "overview");
  overview.pos = ctx.reader.pos(node);
  return overview;
}

LegendBlock read_legend(BuildContext& ctx, const YAML::Node& node) {
  LegendBlock legend;
  legend.pos = ctx.reader.pos(node);
  if (node.IsNull()) return legend;
  MapFields fields(ctx.reader, node, "legend", format_keys("legend"));
  legend.title = title_or_empty(ctx, fields.get("title"), "'title'");
  if (YAML::Node all = fields.get("all"); all.IsDefined()) legend.all = ctx.reader.boolean(all, "'all'").value_or(false);
  return legend;
}

TocBlock read_toc(BuildContext& ctx, const YAML::Node& node) {
  TocBlock toc;
  toc.pos = ctx.reader.pos(node);
  if (node.IsNull()) return toc;
  MapFields fields(ctx.reader, node, "toc", format_keys("toc"));
  toc.title = title_or_empty(ctx, fields.get("title"), "'title'");
  if (YAML::Node depth = fields.get("depth"); depth.IsDefined())
    toc.depth = static_cast<int>(ctx.reader.integer(depth, "'depth'", 1, max_heading_level).value_or(0));
  return toc;
}

std::vector<Block> read_content(BuildContext& ctx, const YAML::Node& node, int level);

std::unique_ptr<Section> read_section(BuildContext& ctx, const YAML::Node& node, int level) {
  auto section = std::make_unique<Section>();
  section->pos = ctx.reader.pos(node);
  section->level = level;
  MapFields fields(ctx.reader, node, "section", format_keys("section"));
  section->title = title_or_empty(ctx, fields.get("section"), "a section's heading");
  if (fields.has("section")) section->title_pos = text_origin(ctx.reader.source(), fields.get("section")).first_char;
  section->heading = section->title;
  if (YAML::Node goal = fields.get("goal"); goal.IsDefined()) {
    section->goal = text_or_empty(ctx, goal, "'goal'");
    section->goal_pos = ctx.reader.pos(goal);
  }
  if (level > max_heading_level)
    ctx.reader.diags().error(section->pos, "sections nest at most 4 levels deep; this one is at level " + std::to_string(level),
                             "move it up a level, or write it as a paragraph with **strong** text");
  if (YAML::Node id = fields.get("id"); id.IsDefined()) {
    static const std::regex pattern(R"([a-z0-9][a-z0-9_-]*)");
    section->id = text_or_empty(ctx, id, "'id'");
    if (!std::regex_match(section->id, pattern))
      ctx.reader.diags().error(ctx.reader.pos(id), "'id' must be lowercase letters a–z, digits, '-' or '_', found " + quote_excerpt(section->id));
    else if (!ctx.ids.insert(section->id).second)
      ctx.reader.diags().error(ctx.reader.pos(id), "the id '" + section->id + "' is used by another section");
  } else {
    section->id = "section-" + std::to_string(++ctx.generated_ids);
  }
  if (YAML::Node toc = fields.get("toc"); toc.IsDefined())
    section->in_toc = ctx.reader.boolean(toc, "'toc'").value_or(true);
  if (YAML::Node content = fields.get("content"); content.IsDefined()) section->content = read_content(ctx, content, level + 1);
  return section;
}

std::optional<Block> read_block(BuildContext& ctx, const YAML::Node& node, int level) {
  if (node.IsScalar()) {
    if (node.Scalar() == "toc") return TocBlock{{}, 0, ctx.reader.pos(node)};
    if (node.Scalar() == "pagebreak") return PageBreak{};
    if (node.Scalar() == "officials") return OfficialsBlock{};
    if (node.Scalar() == "legend") return LegendBlock{{}, false, ctx.reader.pos(node)};
    if (node.Scalar() == "overview") return OverviewBlock{{}, ctx.reader.pos(node)};
    std::string guess = closest_match(node.Scalar(), {"toc", "pagebreak", "officials", "legend", "overview"});
    ctx.reader.diags().error(ctx.reader.pos(node), "unknown block '" + node.Scalar() + "'",
                             guess.empty() ? "a block is a mapping such as 'text: …', or one of the words toc, pagebreak, officials, legend, overview"
                                           : "did you mean '" + guess + "'?");
    return std::nullopt;
  }
  if (!node.IsMap() || node.size() == 0) {
    ctx.reader.wrong_type(node, "a block", "a mapping such as 'text: …' or 'section: …'");
    return std::nullopt;
  }
  if (node["section"].IsDefined()) return Block{read_section(ctx, node, level)};
  const std::string key = node.begin()->first.Scalar();
  if (node.size() != 1) {
    auto second = std::next(node.begin())->first.Scalar();
    ctx.reader.diags().error(ctx.reader.pos(std::next(node.begin())->first),
                             "a block has one kind, but this one has both '" + key + "' and '" + second + "'",
                             "start each block on its own line with '- '");
    return std::nullopt;
  }
  const YAML::Node value = node.begin()->second;
  if (key == "text") return TextBlock{read_markdown(ctx, value, "'text'")};
  if (key == "assessment") return read_assessment(ctx, value);
  if (key == "facts") return read_facts(ctx, value);
  if (key == "table") return read_table(ctx, value);
  if (key == "address") return AddressBlock{read_text_list(ctx, value, "'address'"), ctx.reader.pos(value)};
  if (key == "toc") return read_toc(ctx, value);
  if (key == "pagebreak") return PageBreak{};
  if (key == "legend") return read_legend(ctx, value);
  if (key == "overview") return read_overview(ctx, value);
  std::string guess = closest_match(key, block_kinds);
  ctx.reader.diags().error(ctx.reader.pos(node.begin()->first), "unknown block '" + key + "'",
                           guess.empty() ? "blocks are " + join_choices(block_kinds) : "did you mean '" + guess + "'?");
  return std::nullopt;
}

std::vector<Block> read_content(BuildContext& ctx, const YAML::Node& node, int level) {
  std::vector<Block> blocks;
  if (!ctx.reader.expect_sequence(node, "'content'")) return blocks;
  for (const auto& item : node)
    if (auto block = read_block(ctx, item, level)) blocks.push_back(std::move(*block));
  return blocks;
}

void check_references(BuildContext& ctx) {
  std::vector<std::string> known(ctx.ids.begin(), ctx.ids.end());
  for (const auto& ref : ctx.references) {
    if (ctx.ids.count(ref.id)) continue;
    std::string guess = closest_match(ref.id, known);
    ctx.reader.diags().error(ref.pos, "the link target '#" + ref.id + "' is not the id of any section",
                             guess.empty() ? "give the section an 'id: " + ref.id + "'" : "did you mean '#" + guess + "'?");
  }
}

}  // namespace

Report build_report(const YamlSource& source, Diagnostics& diags) {
  return build_report(source, FileAccess::for_report(source.path, {}), diags);
}

Report build_report(const YamlSource& source, const FileAccess& access, Diagnostics& diags) {
  Report report;
  report.path = source.path;
  BuildContext ctx{NodeReader(source, diags), {}, 0, {}, {}, &access};
  MapFields top(ctx.reader, source.root, "the report", format_keys("report"));
  if (!top.valid()) return report;
  if (YAML::Node version = top.require("version"); version.IsDefined()) {
    auto v = ctx.reader.integer(version, "'version'", 0, 1000000);
    if (v && *v != 1)
      diags.error(ctx.reader.pos(version), "unsupported format version " + std::to_string(*v),
                  "this rapport reads version 1");
  }
  if (YAML::Node document = top.require("document"); document.IsDefined()) report.info = read_document(ctx, document);
  if (YAML::Node content = top.require("content"); content.IsDefined()) report.content = read_content(ctx, content, 1);
  check_references(ctx);
  report.data_files = std::move(ctx.data_files);
  return report;
}

Report load_report(const std::string& path) {
  YamlSource source = load_yaml_file(path);
  Diagnostics diags;
  Report report = build_report(source, diags);
  throw_if_errors(diags);
  return report;
}

}  // namespace rapport
