#include "finance/compute_tables.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "finance/format_number.hpp"
#include "finance/parse_number.hpp"

namespace rapport {

bool says_missing(const std::string& text) {
  return text == "Saknas" || text == "saknas" || text == "–" || text == "—" || text == "-";
}

std::string trend_status(double first, double last, const std::string& good) {
  double delta = last - first;
  double scale = std::max(std::fabs(first), std::fabs(last));
  if (std::fabs(delta) <= 0.005 * scale) return "trend-flat";
  bool up = delta > 0;
  std::string id = up ? "trend-up" : "trend-down";
  if (good.empty()) return id;
  return id + ((good == "higher") == up ? "-good" : "-bad");
}

namespace {

constexpr double epsilon = 1e-9;

const NumberFormat message_numbers{" ", ",", "-"};
const NumberFormat yaml_numbers{"", ".", "-"};  // as an author would type the figure

struct TableCheck {
  Table& table;
  Diagnostics& diags;
  bool rounding = false;
  std::string group;  // the current group header, for messages
  std::set<std::string> reported;

  std::string label(const TableRow& row) const {
    std::string name = row.cells.empty() ? std::string() : row.cells[0].text;
    return "row '" + name + "'" + (group.empty() ? "" : " in group '" + group + "'");
  }

  // How the printed note names a figure: "Avvikelse period, KOSTNADER (-) (KOMMUNLEDNINGSKONTORET)".
  std::string swedish_label(const Column& column, const TableRow& row) const {
    std::string name = row.cells.empty() ? std::string() : row.cells[0].text;
    return column.title + ", " + name + (group.empty() ? "" : " (" + group + ")");
  }

  int decimals_of(size_t column, const std::vector<const Cell*>& operands) const {
    if (table.columns[column].decimals >= 0) return table.columns[column].decimals;
    int decimals = 0;
    for (const Cell* c : operands)
      if (c->kind == Cell::Kind::number) decimals = std::max(decimals, c->decimals);
    return std::min(decimals, max_decimals);  // an operand with more was reported when read
  }

  // Records `computed` for the cell: fills it in when the author left it out, else checks it.
  // `what` and `how` describe the figure in diagnostics; `noted` and `hur` in the printed note.
  struct Description {
    std::string what, how, noted, hur;
  };

  void settle(Cell& cell, double computed, int decimals, const Description& d) {
    const std::string& what = d.what;
    const std::string& how = d.how;
    if (!figure_range_problem(computed, decimals).empty()) {
      diags.error(cell.pos, what + " computes to more than 15 digits (" + how + ")",
                  "state the figures in tkr or mnkr, and say so in the column's unit:");
      return;
    }
    cell.computed = computed;
    if (cell.kind == Cell::Kind::missing || cell.kind == Cell::Kind::blank) {
      cell.kind = Cell::Kind::number;
      cell.number = computed;
      cell.decimals = decimals;
      cell.check = Cell::Check::computed;
      return;
    }
    if (cell.kind == Cell::Kind::text) {
      // Quoted figures, .nan and .inf are text: printing them unchecked would put a total
      // nobody verified into a signed-off PDF.
      diags.error(cell.pos, what + " must be a number, found " + quote_excerpt(cell.text),
                  "it is " + how + ": write the figure unquoted, or ~ to let rapport compute it");
      return;
    }
    if (cell.kind != Cell::Kind::number || !figure_range_problem(cell.number, cell.decimals).empty()) return;  // reported when read
    double difference = std::fabs(cell.number - computed);
    if (difference < epsilon) return;
    std::string stated = format_number(cell.number, cell.decimals, message_numbers);
    std::string result = format_number(computed, std::max(decimals, cell.decimals), message_numbers);
    std::string message = what + " is stated as " + stated + " but computes to " + result + " (" + how + ")";
    if (difference <= table.tolerance + epsilon) {
      cell.check = Cell::Check::rounding;
      rounding = true;
      diags.note(cell.pos, message, "within the table's tolerance of " + format_number(table.tolerance, 0, message_numbers) +
                                        ": printed as stated and marked †");
    } else if (!cell.accept.empty()) {
      cell.check = Cell::Check::accepted;
      cell.note_number = static_cast<int>(table.notes.size()) + 1;
      table.notes.push_back(std::to_string(cell.note_number) + ". " + d.noted + ": uppgivet " + stated + ", beräknat " +
                            result + " (" + d.hur + "). " + cell.accept);
      diags.note(cell.pos, message, "accepted: " + cell.accept);
    } else {
      diags.error(cell.pos, message,
                  "correct the figure, write ~ to let rapport compute it, or keep it with {value: " +
                      format_number(cell.number, cell.decimals, yaml_numbers) +
                      ", accept: \"the reason\"}");
    }
  }

  std::string formula(const Column& column) const {
    std::string out;
    for (const auto& term : column.compute) {
      if (!out.empty() || term.sign < 0) out += term.sign < 0 ? (out.empty() ? "−" : " − ") : " + ";
      out += table.columns[term.column].title;
    }
    return out;
  }

  // A row that failed to read (a plain text line, `total:[x]` without the space) has no cells;
  // its error is already reported and it takes no part in any sum.
  bool has_all_cells(const TableRow& row) const { return row.cells.size() == table.columns.size(); }

  void compute_columns(TableRow& row) {
    for (size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
      const Column& column = table.columns[c];
      if (column.compute.empty()) continue;
      double value = 0;
      std::vector<const Cell*> operands;
      for (const auto& term : column.compute) operands.push_back(&row.cells[term.column]);
      // A row whose operands hold no figure at all has nothing to compute: all missing, or a
      // text row such as "Förändring i %" whose own cell is text too. Text where the cell asks
      // for a figure (~) or states one, and text beside figures, is an error.
      auto has = [&](Cell::Kind kind) { return std::any_of(operands.begin(), operands.end(), [&](const Cell* o) { return o->kind == kind; }); };
      bool text_row = row.cells[c].kind == Cell::Kind::text || row.cells[c].kind == Cell::Kind::blank;
      if (!has(Cell::Kind::number) && (!has(Cell::Kind::text) || text_row)) continue;
      for (size_t k = 0; k < column.compute.size(); ++k) {
        require_figure(*operands[k], table.columns[column.compute[k].column], row);
        if (operands[k]->kind == Cell::Kind::number) value += column.compute[k].sign * operands[k]->number;
      }
      std::string how = formula(column);
      settle(row.cells[c], value, decimals_of(c, operands), {"'" + column.title + "' of " + label(row), how, swedish_label(column, row), how});
    }
  }

  void compute_total(TableRow& total, size_t at) {
    size_t first = 0;
    if (!total.table_scope)
      for (size_t r = at; r-- > 0;)
        if (table.rows[r].kind == TableRow::Kind::group) {
          first = r + 1;
          break;
        }
    std::vector<const TableRow*> parts;
    for (size_t r = first; r < at; ++r)
      if (table.rows[r].kind == TableRow::Kind::data && has_all_cells(table.rows[r])) parts.push_back(&table.rows[r]);
    std::string count = std::to_string(parts.size());
    std::string how = total.table_scope ? "the sum of the table's " + count + " rows" : "the sum of the " + count + " rows above";
    std::string hur = total.table_scope ? "summan av tabellens " + count + " rader" : "summan av de " + count + " raderna ovan";
    for (size_t c = 1; c < table.columns.size() && c < total.cells.size(); ++c) {
      if (!table.columns[c].compute.empty() || table.columns[c].kind != Column::Kind::values) continue;
      double sum = 0;
      std::vector<const Cell*> operands;
      for (const TableRow* part : parts) {
        const Cell& cell = part->cells[c];
        require_figure(cell, table.columns[c], *part);
        operands.push_back(&cell);
        if (cell.kind == Cell::Kind::number) sum += cell.number;
      }
      bool any = std::any_of(operands.begin(), operands.end(), [](const Cell* cell) { return cell->kind == Cell::Kind::number; });
      if (any)
        settle(total.cells[c], sum, decimals_of(c, operands),
               {"'" + table.columns[c].title + "' of " + label(total), how, swedish_label(table.columns[c], total), hur});
    }
    compute_columns(total);
  }

  // A trend from the row's series: first figure to last, flat within half a percent. The cell
  // itself says which direction is good: "higher", "lower", or nothing (no judgement).
  void compute_trend(TableRow& row, size_t column) {
    Cell& cell = row.cells[column];
    std::string good = cell.kind == Cell::Kind::text ? cell.text : std::string();
    if (cell.kind == Cell::Kind::number || (!good.empty() && good != "higher" && good != "lower")) {
      diags.error(cell.pos, "a trend cell says which direction is good: higher, lower, or nothing, found " + quote_excerpt(cell.text),
                  "write higher when a rising series is good news, lower when a falling one is");
      return;
    }
    std::vector<double> values;
    for (size_t s : table.columns[column].series) {
      if (s >= row.cells.size()) continue;
      // Text in a series would drop out of the trend unseen: "8 514 st" makes a rise flat.
      // "Saknas" and a dash are how reports write a missing figure, as ~ does.
      if (!says_missing(row.cells[s].text)) require_figure(row.cells[s], table.columns[s], row);
      if (row.cells[s].kind == Cell::Kind::number) values.push_back(row.cells[s].number);
    }
    cell.text.clear();
    cell.kind = Cell::Kind::missing;  // fewer than two figures: no trend, printed as the missing mark
    if (values.size() < 2) return;
    cell.kind = Cell::Kind::blank;
    cell.status = trend_status(values.front(), values.back(), good);
  }

  // Text is fine in a table until a computation uses the cell: then it must be a figure.
  void require_figure(const Cell& cell, const Column& column, const TableRow& row) {
    if (cell.kind != Cell::Kind::text || cell.check == Cell::Check::computed) return;
    std::string key = cell.pos.file + ":" + std::to_string(cell.pos.line) + ":" + std::to_string(cell.pos.col);
    if (!reported.insert(key).second) return;  // a cell summed by two totals is one problem
    diags.error(cell.pos, "'" + column.title + "' of " + label(row) + " must be a number, found " + quote_excerpt(cell.text),
                "write the figure alone (-90486, -90 486, 4.06 or 4,06); a unit goes in the column's unit: or the cell's {value, unit}");
  }

  // The figures of column `c` in the varav rows `first` to `last`, summed; text is an error.
  double varav_sum(size_t c, size_t first, size_t last, std::vector<const Cell*>& operands) {
    double sum = 0;
    for (size_t r = first; r <= last; ++r) {
      const TableRow& part = table.rows[r];
      if (!has_all_cells(part)) continue;
      require_figure(part.cells[c], table.columns[c], part);
      if (part.cells[c].kind != Cell::Kind::number) continue;
      sum += part.cells[c].number;
      operands.push_back(&part.cells[c]);
    }
    return sum;
  }

  // The varav rows from `first` to `last` (inclusive) under the row above `first`: when one of
  // them says `complete: true`, they are the parent's whole breakdown and must add up to it.
  void check_breakdown(size_t first, size_t last) {
    if (first == 0) return;  // no parent: reported by require_parent
    bool complete = false;
    for (size_t r = first; r <= last; ++r) complete = complete || table.rows[r].complete;
    const TableRow& parent = table.rows[first - 1];
    if (!complete || !has_all_cells(parent)) return;
    std::string count = std::to_string(last - first + 1);
    for (size_t c = 1; c < table.columns.size(); ++c) {
      if (!table.columns[c].compute.empty() || table.columns[c].kind != Column::Kind::values) continue;
      std::vector<const Cell*> operands;
      double sum = varav_sum(c, first, last, operands);
      const Cell& stated = parent.cells[c];
      if (operands.empty()) continue;
      require_figure(stated, table.columns[c], parent);
      if (stated.kind != Cell::Kind::number || !figure_range_problem(stated.number, stated.decimals).empty()) continue;
      double difference = std::fabs(stated.number - sum);
      int decimals = std::max(stated.decimals, decimals_of(c, operands));
      if (difference < epsilon) continue;
      if (!figure_range_problem(sum, decimals).empty()) {
        diags.error(stated.pos, "the varav rows under " + label(parent) + " sum to more than 15 digits");
        continue;
      }
      std::string message = "'" + table.columns[c].title + "' of " + label(parent) + " is " +
                            format_number(stated.number, stated.decimals, message_numbers) + " but its " + count +
                            " varav rows sum to " + format_number(sum, decimals, message_numbers);
      if (difference <= table.tolerance + epsilon)
        diags.note(stated.pos, message, "within the table's tolerance of " + format_number(table.tolerance, 0, message_numbers));
      else
        diags.error(stated.pos, message + " (complete: true)",
                    "correct the figures, add the missing varav row, or drop complete: true if the varav rows are only a part");
    }
  }

  void require_parent(const TableRow& row, size_t at) {
    size_t r = at;
    while (r > 0 && table.rows[r - 1].kind == TableRow::Kind::varav) --r;
    bool has_parent = r > 0 && (table.rows[r - 1].kind == TableRow::Kind::data || table.rows[r - 1].kind == TableRow::Kind::total);
    if (!has_parent)
      diags.error(row.pos, "a varav row must follow the row it is a part of",
                  "put it directly under its parent row (a data or total row)");
  }
};

void compute_blocks(std::vector<Block>& blocks, Diagnostics& diags) {
  for (auto& block : blocks) {
    if (auto* section = std::get_if<std::unique_ptr<Section>>(&block)) compute_blocks((*section)->content, diags);
    else if (auto* table = std::get_if<Table>(&block)) compute_table(*table, diags);
  }
}

}  // namespace

void compute_table(Table& table, Diagnostics& diags) {
  TableCheck check{table, diags, false, {}, {}};
  for (size_t r = 0; r < table.rows.size(); ++r) {
    TableRow& row = table.rows[r];
    if (row.kind == TableRow::Kind::group) check.group = row.text;
    if (row.kind == TableRow::Kind::varav) check.require_parent(row, r);
    if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note || !check.has_all_cells(row)) continue;
    if (row.kind == TableRow::Kind::total) check.compute_total(row, r);
    else check.compute_columns(row);
    if (row.kind == TableRow::Kind::varav && (r + 1 == table.rows.size() || table.rows[r + 1].kind != TableRow::Kind::varav)) {
      size_t first = r;
      while (first > 0 && table.rows[first - 1].kind == TableRow::Kind::varav) --first;
      check.check_breakdown(first, r);
    }
    if (row.kind == TableRow::Kind::data)
      for (size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c)
        if (table.columns[c].kind == Column::Kind::trend) check.compute_trend(row, c);
  }
  if (check.rounding)
    table.notes.push_back("† Avrundningsdifferens i underlaget: siffran är återgiven som i huvudboken och skiljer sig med högst " +
                          format_number(table.tolerance, 0) + " från den beräknade.");
}

void compute_tables(Report& report, Diagnostics& diags) { compute_blocks(report.content, diags); }

}  // namespace rapport
