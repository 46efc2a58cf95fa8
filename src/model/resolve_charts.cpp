#include "model/resolve_charts.hpp"

#include <cmath>
#include <limits>
#include <map>

#include "diag/suggest.hpp"
#include "finance/compute_tables.hpp"

namespace rapport {
namespace {

using Tables = std::map<std::string, const Table*>;

void collect_tables(const std::vector<Block>& blocks, Tables& tables) {
  for (const auto& block : blocks) {
    if (const auto* table = std::get_if<Table>(&block); table && !table->id.empty()) tables[table->id] = table;
    if (const auto* section = std::get_if<std::unique_ptr<Section>>(&block)) collect_tables((*section)->content, tables);
  }
}

std::string row_label(const TableRow& row) {
  if (row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note) return row.text;
  return row.cells.empty() ? std::string() : row.cells.front().text;
}

bool has_figures(const TableRow& row) { return !row.cells.empty() && row.kind != TableRow::Kind::group && row.kind != TableRow::Kind::note; }

// The unit a finance table names in its first column's title or its caption, as they are
// written: "Resultaträkning jan-aug (tkr)".
std::string unit_in_title(const std::string& title) {
  for (const char* unit : {"tkr", "mnkr", "kr", "%"})
    if (title.find(std::string("(") + unit + ")") != std::string::npos) return unit;
  return {};
}

struct Pick {
  std::string label;
  const TableRow* row;
};

class ChartResolver {
 public:
  ChartResolver(Chart& chart, const Table& table, Diagnostics& diags) : chart_(chart), table_(table), diags_(diags) {}

  void run() {
    std::vector<size_t> columns = pick_columns();
    std::vector<Pick> rows = pick_rows();
    if (columns.empty() || rows.empty()) {
      if (!failed_)
        diags_.error(chart_.pos, "the chart has nothing to draw", "name at least one column in 'columns' and one row of the table");
      return;
    }
    if (chart_.series_are_rows) {
      for (size_t c : columns) chart_.categories.push_back(table_.columns[c].title);
      for (const auto& pick : rows) chart_.series.push_back(series_of(pick.label, *pick.row, columns));
    } else {
      for (const auto& pick : rows) chart_.categories.push_back(pick.label);
      for (size_t c : columns) {
        ChartSeries series{table_.columns[c].title, {}, {}, {}};
        for (const auto& pick : rows) add_figure(series, *pick.row, c);
        chart_.series.push_back(std::move(series));
      }
    }
    if (chart_.unit.empty()) chart_.unit = !unit_.empty() ? unit_ : unit_in_title(table_.columns.front().title);
    if (chart_.unit.empty()) chart_.unit = unit_in_title(table_.caption);
  }

 private:
  ChartSeries series_of(const std::string& name, const TableRow& row, const std::vector<size_t>& columns) {
    ChartSeries series{name, {}, {}, {}};
    for (size_t c : columns) add_figure(series, row, c);
    return series;
  }

  // The cell's figure and its decimals as the table prints them.
  void add_figure(ChartSeries& series, const TableRow& row, size_t column) {
    series.values.push_back(figure(row, column));
    int decimals = table_.columns[column].decimals;
    series.decimals.push_back(decimals >= 0 ? decimals : column < row.cells.size() ? row.cells[column].decimals : 0);
  }

  double figure(const TableRow& row, size_t column) {
    if (column >= row.cells.size()) return std::numeric_limits<double>::quiet_NaN();
    const Cell& cell = row.cells[column];
    if (cell.kind == Cell::Kind::number) {
      std::string unit = !cell.unit.empty() ? cell.unit : table_.columns[column].unit;
      if (unit_.empty()) unit_ = unit;
      return cell.number;  // as printed: stated, or filled in by compute_tables
    }
    if (cell.kind == Cell::Kind::text && !says_missing(cell.text))
      diags_.error(cell.pos, "the chart at line " + std::to_string(chart_.pos.line) + " needs a figure here, but the cell is text '" + cell.text + "'",
                   "chart another row or column, or write the cell as a figure (~ for a missing one)");
    return std::numeric_limits<double>::quiet_NaN();
  }

  std::vector<size_t> pick_columns() {
    std::vector<std::string> ids;
    for (const auto& column : table_.columns)
      if (!column.id.empty()) ids.push_back(column.id);
    std::vector<size_t> out;
    for (const auto& id : chart_.columns) {
      size_t i = 0;
      while (i < table_.columns.size() && table_.columns[i].id != id) ++i;
      if (i < table_.columns.size()) {
        out.push_back(i);
        continue;
      }
      std::string guess = closest_match(id, ids);
      diags_.error(chart_.columns_pos, "the table '" + table_.id + "' has no column with the id '" + id + "'",
                   !guess.empty() ? "did you mean '" + guess + "'?"
                   : ids.empty()  ? "give the table's columns an 'id:' to chart them"
                                  : "its column ids are " + join_choices(ids));
      failed_ = true;
    }
    return out;
  }

  std::vector<Pick> pick_rows() {
    std::vector<Pick> out;
    if (!chart_.per_group.empty()) return rows_per_group();
    if (chart_.rows.empty()) {
      for (const auto& row : table_.rows)
        if (row.kind == TableRow::Kind::data && has_figures(row)) out.push_back({row_label(row), &row});
      return out;
    }
    std::vector<std::string> labels;
    for (const auto& row : table_.rows)
      if (has_figures(row)) labels.push_back(row_label(row));
    for (const auto& wanted : chart_.rows) {
      const TableRow* found = nullptr;
      for (const auto& row : table_.rows)
        if (has_figures(row) && row_label(row) == wanted) found = found ? found : &row;
      if (found) {
        out.push_back({wanted, found});
        continue;
      }
      std::string guess = closest_match(wanted, labels);
      diags_.error(chart_.rows_pos, "the table '" + table_.id + "' has no row '" + wanted + "'",
                   guess.empty() ? "a row is named by the text of its first cell, as the table prints it" : "did you mean '" + guess + "'?");
      failed_ = true;
    }
    return out;
  }

  // The row `per_group` names in each group, labelled with the group's heading.
  std::vector<Pick> rows_per_group() {
    std::vector<Pick> out;
    const std::string* group = nullptr;
    std::vector<std::string> labels;
    for (const auto& row : table_.rows) {
      if (row.kind == TableRow::Kind::group) group = &row.text;
      else if (has_figures(row)) {
        labels.push_back(row_label(row));
        if (group && row_label(row) == chart_.per_group) out.push_back({*group, &row});
      }
    }
    if (out.empty()) {
      std::string guess = closest_match(chart_.per_group, labels);
      diags_.error(chart_.per_group_pos, "no group of the table '" + table_.id + "' has a row '" + chart_.per_group + "'",
                   guess.empty() ? "per_group names a row that each group of the table has, by its first cell" : "did you mean '" + guess + "'?");
      failed_ = true;
    }
    return out;
  }

  Chart& chart_;
  const Table& table_;
  Diagnostics& diags_;
  std::string unit_;
  bool failed_ = false;
};

void resolve_in(std::vector<Block>& blocks, const Tables& tables, Diagnostics& diags) {
  for (auto& block : blocks) {
    if (auto* section = std::get_if<std::unique_ptr<Section>>(&block)) resolve_in((*section)->content, tables, diags);
    auto* chart = std::get_if<Chart>(&block);
    if (!chart || chart->table.empty()) continue;
    auto it = tables.find(chart->table);
    if (it == tables.end()) {
      std::vector<std::string> ids;
      for (const auto& [id, table] : tables) ids.push_back(id);
      std::string guess = closest_match(chart->table, ids);
      diags.error(chart->table_pos, "the chart names the table '" + chart->table + "', but no table has that id",
                  !guess.empty() ? "did you mean '" + guess + "'?"
                  : ids.empty()  ? "give the table an 'id: " + chart->table + "'"
                                 : "the report's table ids are " + join_choices(ids));
      continue;
    }
    ChartResolver(*chart, *it->second, diags).run();
  }
}

}  // namespace

void resolve_charts(Report& report, Diagnostics& diags) {
  Tables tables;
  collect_tables(report.content, tables);
  resolve_in(report.content, tables, diags);
}

}  // namespace rapport
