#include "layout/lay_out_overview.hpp"

#include <algorithm>
#include <map>

#include "layout/draw_chart.hpp"
#include "layout/draw_status_icon.hpp"
#include "model/resolve_with_layout.hpp"

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;

const Assessment* first_assessment(const Section& section) {
  for (const auto& block : section.content)
    if (auto* a = std::get_if<Assessment>(&block)) return a;
  return nullptr;
}

Cell text_cell(const std::string& text, const std::string& link = {}) {
  Cell cell;
  cell.kind = text.empty() ? Cell::Kind::blank : Cell::Kind::text;
  cell.text = text;
  cell.link = link;
  return cell;
}

void collect_goals(const LayoutContext& ctx, const std::vector<Block>& blocks, Table& table) {
  for (const auto& block : blocks) {
    auto* section = std::get_if<std::unique_ptr<Section>>(&block);
    if (!section) continue;
    const Section& s = **section;
    if (const GoalLevel* level = s.goal.empty() ? nullptr : ctx.style.goal_level(s.goal)) {
      TableRow row;
      std::string name = level->label + (s.number.empty() ? "" : " " + s.number);
      row.cells = {text_cell(name), text_cell(s.title, "#" + s.id), text_cell("")};
      if (const Assessment* a = first_assessment(s)) {
        row.cells[2].status = a->status;
        row.cells[2].kind = Cell::Kind::text;
        row.cells[2].text = a->status;
      }
      table.rows.push_back(std::move(row));
    }
    collect_goals(ctx, s.content, table);
  }
}

// A slab with `label` after an icon of `status`, starting at x; returns the label's end.
double icon_and_label(const LayoutContext& ctx, const StatusStyle& status, const std::string& label, Slab& slab) {
  const TextStyle& body = ctx.style.body;
  double size = body.size * 1.3;
  ShapedText shaped = shape_plain_text(ctx.pango, label, ctx.request(body, -1));
  double height = place_text(ctx, shaped, body, ctx.left() + size * 1.5, 0, slab.items);
  slab.height = std::max(size, height) + 3;
  auto icon = draw_status_icon(status, ctx.left(), (slab.height - size) / 2, size);
  slab.items.insert(slab.items.end(), icon.begin(), icon.end());  // after the label, whose text must come first
  return ctx.left() + size * 1.5 + logical_width(shaped);
}

}  // namespace

Table goal_overview_table(const LayoutContext& ctx) {
  Table table;
  // The headings come from the layout, as every default does.
  Column level{Column::Kind::values, {}, ctx.style.overview_level, "", Align::left, {}, {}, -1, ""};
  Column goal{Column::Kind::values, {}, ctx.style.overview_goal, "", Align::left, {}, {}, -1, ""};
  Column status{Column::Kind::status, {}, ctx.style.overview_status, "", Align::left, {}, {}, -1, ""};
  table.columns = {level, goal, status};
  collect_goals(ctx, ctx.report.content, table);
  return table;
}

std::vector<Slab> status_count_chart(const LayoutContext& ctx, const Table& overview) {
  std::map<std::string, int> counts;
  for (const auto& row : overview.rows)
    if (!row.cells[2].status.empty()) ++counts[row.cells[2].status];
  if (counts.empty()) return {};
  // A horizontal bar chart like any `chart: {kind: bar}`: a scale, the statuses' labels beside
  // their bars (colour is never the only carrier: the label says it), the count at each bar.
  Chart chart;
  chart.kind = Chart::Kind::bar;
  chart.labels = true;
  chart.caption = "antal mål och uppdrag per status";  // for the alt text only: the block has its title
  chart.series.push_back({"Antal", {}, {}, {}});
  ChartLook look;
  for (const auto& status : ctx.style.statuses) {
    auto it = counts.find(status.id);
    if (it == counts.end()) continue;
    chart.categories.push_back(status.label);
    chart.series.front().values.push_back(it->second);
    look.category_colors.push_back(status.color);
  }
  ChartDrawing drawing = draw_chart(ctx, chart, look);
  Slab slab;
  slab.height = drawing.height;
  slab.items = std::move(drawing.items);
  return {std::move(slab)};
}

std::vector<Slab> status_legend(const LayoutContext& ctx, bool all) {
  std::vector<Slab> slabs;
  std::vector<std::string> ids;
  if (all)
    for (const auto& status : ctx.style.statuses) ids.push_back(status.id);
  else
    ids = used_statuses(ctx.report, ctx.style);
  for (const auto& id : ids) {
    const StatusStyle* status = ctx.style.status(id);
    Slab slab;
    icon_and_label(ctx, *status, status->label, slab);
    enclose(slab.items, begin_tag("P"));
    slab.keep_with_next = true;
    slabs.push_back(std::move(slab));
  }
  if (!slabs.empty()) slabs.back().keep_with_next = false;
  return slabs;
}

}  // namespace rapport
