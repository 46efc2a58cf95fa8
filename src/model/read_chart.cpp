// The `chart` block: its kind, where its figures come from (a table by id, or `data:`
// written inline) and its words. A table's figures are copied later, by resolve_charts, once
// every table is read and computed; inline figures are read and checked here.
#include <cmath>
#include <limits>

#include "diag/suggest.hpp"
#include "model/build_context.hpp"
#include "model/format_keys.hpp"
#include "model/read_cell_figure.hpp"

namespace rapport {
namespace {

const std::vector<std::string> chart_kinds = {"column", "stacked", "bar", "line"};

Chart::Kind read_kind(BuildContext& ctx, const YAML::Node& node) {
  std::string word = text_or_empty(ctx, node, "'kind'");
  for (size_t i = 0; i < chart_kinds.size(); ++i)
    if (word == chart_kinds[i]) return static_cast<Chart::Kind>(i);
  std::string guess = closest_match(word, chart_kinds);
  ctx.reader.diags().error(ctx.reader.pos(node), "unknown chart kind '" + word + "'",
                           guess.empty() ? "a chart's kind is " + join_choices(chart_kinds) : "did you mean '" + guess + "'?");
  return Chart::Kind::column;
}

// One inline figure: a number as a table cell takes it ("-2 556", "4,5"); ~ leaves a gap.
double read_figure(BuildContext& ctx, const YAML::Node& node, int& decimals) {
  decimals = 0;
  if (node.IsNull()) return std::numeric_limits<double>::quiet_NaN();
  Cell cell;
  cell.pos = ctx.reader.pos(node);
  if (node.IsScalar()) {
    cell.text = node.Scalar();
    read_cell_figure(ctx, cell, is_plain_scalar(node));
  }
  if (cell.kind != Cell::Kind::number) {
    ctx.reader.diags().error(cell.pos, "a chart needs a figure here, found " + (node.IsScalar() ? "'" + cell.text + "'" : std::string("a list or mapping")),
                             "write a number such as -2 556 or \"4,5\", or ~ for a figure that is missing");
    return std::numeric_limits<double>::quiet_NaN();
  }
  decimals = cell.decimals;
  return cell.number;
}

ChartSeries read_series(BuildContext& ctx, const YAML::Node& node) {
  ChartSeries series;
  MapFields f(ctx.reader, node, "a chart series", {"name", "values"});
  if (!f.valid()) return series;
  series.name = text_or_empty(ctx, f.require("name"), "'name'");
  YAML::Node values = f.require("values");
  if (!values.IsDefined() || !ctx.reader.expect_sequence(values, "'values'")) return series;
  for (const auto& v : values) {
    int decimals = 0;
    series.values.push_back(read_figure(ctx, v, decimals));
    series.decimals.push_back(decimals);
    series.pos.push_back(ctx.reader.pos(v));
  }
  series.pos.insert(series.pos.begin(), ctx.reader.pos(values));  // [0]: the list itself
  return series;
}

void read_data(BuildContext& ctx, const YAML::Node& node, Chart& chart) {
  MapFields f(ctx.reader, node, "a chart's data", {"categories", "series"});
  if (!f.valid()) return;
  chart.categories = read_text_list(ctx, f.require("categories"), "'categories'");
  YAML::Node list = f.require("series");
  if (!list.IsDefined() || !ctx.reader.expect_sequence(list, "'series'")) return;
  for (const auto& item : list) {
    ChartSeries series = read_series(ctx, item);
    if (!series.pos.empty() && series.values.size() != chart.categories.size())
      ctx.reader.diags().error(series.pos.front(),
                               "the series '" + series.name + "' has " + std::to_string(series.values.size()) +
                                   " values but the chart has " + std::to_string(chart.categories.size()) + " categories",
                               "give one value per category, ~ for one that is missing");
    series.pos.erase(series.pos.begin(), series.pos.begin() + (series.pos.empty() ? 0 : 1));
    chart.series.push_back(std::move(series));
  }
}

// `series: columns` (the default) or `series: rows`.
bool read_series_are_rows(BuildContext& ctx, const YAML::Node& node) {
  if (!node.IsDefined()) return false;
  std::string word = text_or_empty(ctx, node, "'series'");
  if (word == "rows" || word == "columns") return word == "rows";
  ctx.reader.diags().error(ctx.reader.pos(node), "'series' of a table's chart is 'columns' or 'rows', found '" + word + "'",
                           "series: columns draws one series per column id in 'columns'; series: rows one per row");
  return false;
}

void read_table_source(BuildContext& ctx, MapFields& f, Chart& chart) {
  YAML::Node table = f.get("table");
  chart.table_pos = ctx.reader.pos(table);
  chart.table = text_or_empty(ctx, table, "'table'");
  YAML::Node columns = f.require("columns");
  chart.columns_pos = ctx.reader.pos(columns);
  chart.columns = read_text_list(ctx, columns, "'columns'");
  if (YAML::Node rows = f.get("rows"); rows.IsDefined()) {
    chart.rows_pos = ctx.reader.pos(rows);
    chart.rows = read_text_list(ctx, rows, "'rows'");
  }
  if (YAML::Node group = f.get("per_group"); group.IsDefined()) {
    chart.per_group_pos = ctx.reader.pos(group);
    chart.per_group = text_or_empty(ctx, group, "'per_group'");
    if (f.has("rows"))
      ctx.reader.diags().error(chart.per_group_pos, "a chart takes either 'rows' or 'per_group', not both",
                               "per_group: LABEL charts the row LABEL of every group; rows: [...] names the rows");
  }
  chart.series_are_rows = read_series_are_rows(ctx, f.get("series"));
}

}  // namespace

Chart read_chart(BuildContext& ctx, const YAML::Node& node) {
  Chart chart;
  chart.pos = ctx.reader.pos(node);
  MapFields f(ctx.reader, node, "a chart", format_keys("chart"));
  if (!f.valid()) return chart;
  chart.kind = read_kind(ctx, f.require("kind"));
  chart.caption = title_or_empty(ctx, f.get("caption"), "'caption'");
  chart.source = text_or_empty(ctx, f.get("source"), "'source'");
  chart.alt = text_or_empty(ctx, f.get("alt"), "'alt'");
  chart.unit = text_or_empty(ctx, f.get("unit"), "'unit'");
  if (YAML::Node labels = f.get("labels"); labels.IsDefined()) chart.labels = ctx.reader.boolean(labels, "'labels'").value_or(false);
  bool from_table = f.has("table"), inline_data = f.has("data");
  if (from_table == inline_data) {
    ctx.reader.diags().error(chart.pos, from_table ? "a chart takes its figures from 'table' or 'data', not both" : "the chart has nothing to draw",
                             "name a table of the report, 'table: ID' with 'columns: [...]', or write 'data: {categories: [...], series: [...]}'");
    return chart;
  }
  if (inline_data) {
    for (const char* key : {"columns", "rows", "per_group", "series"})
      if (f.has(key))
        ctx.reader.diags().error(ctx.reader.pos(f.get(key)), std::string("'") + key + "' chooses figures of a table, but this chart has 'data'",
                                 "put the series under 'data:', or chart a table with 'table: ID'");
    read_data(ctx, f.get("data"), chart);
    if (chart.series.empty() || chart.categories.empty())
      ctx.reader.diags().error(chart.pos, "the chart has nothing to draw", "give 'data:' at least one category and one series");
  } else {
    read_table_source(ctx, f, chart);
  }
  return chart;
}

}  // namespace rapport
