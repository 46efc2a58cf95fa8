#include "layout/draw_chart.hpp"

#include <algorithm>
#include <cmath>

#include "layout/chart_axis.hpp"
#include "layout/chart_marks.hpp"
#include "layout/describe_chart.hpp"

namespace rapport {
namespace {

constexpr double swatch = 8;        // a legend's pattern square
constexpr double marker_size = 6.5;
constexpr double bar_thickness = 9; // a horizontal bar, per series
const Color grid_ink{0.82, 0.82, 0.82};
const Color axis_ink{0.2, 0.2, 0.2};
const Color white{1, 1, 1};

struct Label {
  ShapedText shaped;
  double width = 0, height = 0;
};

bool is_figure(double v) { return !std::isnan(v); }

class ChartPainter {
 public:
  ChartPainter(const LayoutContext& ctx, const Chart& chart, const ChartLook& look)
      : ctx_(ctx), chart_(chart), look_(look), left_(ctx.left()), width_(ctx.text_width()), pitch_(ctx.pitch(text())) {}

  ChartDrawing run() {
    double height = chart_.kind == Chart::Kind::bar ? horizontal() : vertical();
    remove_tags(items_);
    enclose(items_, begin_tag("Figure", describe_chart(chart_, ctx_.style.numbers)));
    return {std::move(items_), height};
  }

 private:
  const TextStyle& text() const { return ctx_.style.table; }
  size_t categories() const { return chart_.categories.size(); }
  double value(size_t series, size_t category) const {
    const auto& values = chart_.series[series].values;
    return category < values.size() ? values[category] : NAN;
  }
  Color color(size_t series, size_t category) const {
    if (!look_.category_colors.empty()) return look_.category_colors[category % look_.category_colors.size()];
    const auto& palette = ctx_.style.chart_palette;
    return palette.empty() ? axis_ink : palette[series % palette.size()];
  }
  // With colours by category the bars differ by colour and label; by series, by pattern too.
  size_t pattern(size_t series) const { return look_.category_colors.empty() ? series : 0; }

  // Text in the table style: wrapped and hyphenated in `width` when it is given.
  Label label(const std::string& s, double width = -1, Align align = Align::left) const {
    Label l;
    l.shaped = shape_plain_text(ctx_.pango, s, width > 0 ? ctx_.hyphenating(text(), width, align) : ctx_.request(text(), width, align));
    l.width = logical_width(l.shaped);
    l.height = static_cast<double>(l.shaped.lines.size()) * pitch_;
    return l;
  }
  void put(const Label& l, double x, double y) { place_text(ctx_, l.shaped, text(), x, y, items_); }
  // The author's words (category and series names), checked once each for glyphs the pinned
  // fonts lack; figures and units are the layout's own characters.
  void put_checked(const Label& l, double x, double y) {
    ctx_.check_glyphs(l.shaped, chart_.pos);
    put(l, x, y);
  }
  std::string figure(double v, int decimals) const { return format_number(v, decimals, ctx_.style.numbers); }
  std::string figure_at(size_t series, size_t category) const { return figure(value(series, category), chart_.decimals_of(series, category)); }

  void add(std::vector<Item> more) { items_.insert(items_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end())); }

  // The range the axis must show: each figure, or for stacked columns each stack's two sums.
  std::pair<double, double> range() const {
    double least = 0, most = 0;
    for (size_t i = 0; i < categories(); ++i) {
      double up = 0, down = 0;
      for (size_t k = 0; k < chart_.series.size(); ++k) {
        double v = value(k, i);
        if (!is_figure(v)) continue;
        if (chart_.kind == Chart::Kind::stacked) (v >= 0 ? up : down) += v;
        else least = std::min(least, v), most = std::max(most, v);
      }
      least = std::min(least, down);
      most = std::max(most, up);
    }
    return {least, most};
  }

  // The legend, one entry per series, flowing onto as many lines as it needs; returns the
  // y under it. A single series is named by the caption or the alt text instead.
  double legend(double y) {
    if (chart_.series.size() < 2) return y;
    double x = left_;
    for (size_t k = 0; k < chart_.series.size(); ++k) {
      Label name = label(chart_.series[k].name);
      double entry = swatch + 3 + name.width;
      if (x > left_ && x + entry > left_ + width_) x = left_, y += pitch_;
      double mid = y + pitch_ / 2;
      if (chart_.kind == Chart::Kind::line) {
        items_.push_back(chart_line({{x - 1, mid}, {x + swatch + 1, mid}}, color(k, 0), 1.4));
        items_.push_back(chart_marker(x + swatch / 2, mid, marker_size, k, color(k, 0)));
      } else {
        add(patterned_box(x, mid - swatch / 2, swatch, swatch, pattern(k), color(k, 0)));
      }
      put_checked(name, x + swatch + 3, y);
      x += entry + 12;
    }
    return y + pitch_ + 6;
  }

  // Columns or lines over categories along the bottom, values up the left.
  double vertical() {
    double y = legend(0);
    if (!chart_.unit.empty()) {
      put(label(chart_.unit), left_, y);
      y += pitch_ + 1;
    }
    auto [least, most] = range();
    AxisScale scale = nice_scale(least, most);
    scale_low_ = scale.low;
    std::vector<Label> ticks;
    double axis_width = 0;
    for (double t : scale.ticks) {
      ticks.push_back(label(figure(t, scale.decimals)));
      axis_width = std::max(axis_width, ticks.back().width + 4);
    }
    const double plot_x = left_ + axis_width, plot_w = width_ - axis_width;
    const double top = y + (chart_.labels ? pitch_ : pitch_ / 2);
    const double plot_h = std::clamp(width_ * 0.36, 110.0, 190.0);
    auto at = [&](double v) { return top + plot_h * (1 - scale.position(v)); };
    for (size_t i = 0; i < ticks.size(); ++i) {
      items_.push_back(RuleItem{plot_x, at(scale.ticks[i]), plot_x + plot_w, at(scale.ticks[i]), 0.4, grid_ink});
      put(ticks[i], plot_x - 4 - ticks[i].width, at(scale.ticks[i]) - pitch_ / 2);
    }
    const double slot = plot_w / static_cast<double>(std::max<size_t>(categories(), 1));
    if (chart_.kind == Chart::Kind::line) lines(plot_x, slot, at);
    else columns(plot_x, slot, at);
    items_.push_back(RuleItem{plot_x, at(0), plot_x + plot_w, at(0), 0.9, axis_ink});  // the zero line, over the bars
    double below = top + plot_h + 3 + (chart_.labels && scale.low < 0 && chart_.kind != Chart::Kind::line ? pitch_ : 0);
    double tallest = 0;
    for (size_t i = 0; i < categories(); ++i) {
      Label name = label(chart_.categories[i], slot - 4, Align::center);
      put_checked(name, plot_x + static_cast<double>(i) * slot + 2, below);
      tallest = std::max(tallest, name.height);
    }
    return below + tallest;
  }

  template <class At>
  void columns(double plot_x, double slot, const At& at) {
    const size_t n = chart_.series.size();
    const bool stacked = chart_.kind == Chart::Kind::stacked;
    const double group = slot * (stacked ? 0.55 : 0.74);
    const double bar = stacked ? group : group / static_cast<double>(n);
    for (size_t i = 0; i < categories(); ++i) {
      double x0 = plot_x + static_cast<double>(i) * slot + (slot - group) / 2;
      double up = 0, down = 0;
      for (size_t k = 0; k < n; ++k) {
        double v = value(k, i);
        if (!is_figure(v)) continue;
        double base = stacked ? (v >= 0 ? up : down) : 0;
        double x = stacked ? x0 : x0 + static_cast<double>(k) * bar;
        double y1 = at(std::max(base, base + v)), y2 = at(std::min(base, base + v));
        add(patterned_box(x + 0.3, y1, bar - 0.6, y2 - y1, pattern(k), color(k, i)));
        if (stacked) (v >= 0 ? up : down) += v;
        // A figure wider than its column, or taller than its stack's segment, would run into
        // its neighbour's: it is left to the alt text.
        bool fits = stacked ? y2 - y1 >= pitch_ : label(figure_at(k, i)).width <= bar + 3;
        if (chart_.labels && fits) value_label(figure_at(k, i), x + bar / 2, stacked ? (y1 + y2) / 2 - pitch_ / 2 : v >= 0 ? y1 - pitch_ : y2, stacked);
      }
    }
  }

  // A figure centred on cx, its box's top at `top`; on a white chip when it sits on a bar.
  void value_label(const std::string& text, double cx, double top, bool on_bar) {
    Label l = label(text);
    if (on_bar) items_.push_back(RectItem{cx - l.width / 2 - 1, top + pitch_ * 0.1, l.width + 2, pitch_ * 0.85, white});
    put(l, cx - l.width / 2, top);
  }

  template <class At>
  void lines(double plot_x, double slot, const At& at) {
    for (size_t k = 0; k < chart_.series.size(); ++k) {
      std::vector<std::pair<double, double>> run;
      auto flush = [&] {
        if (run.size() > 1) items_.push_back(chart_line(run, color(k, 0), 1.6));
        run.clear();
      };
      for (size_t i = 0; i < categories(); ++i) {
        double v = value(k, i);
        if (!is_figure(v)) flush();  // a missing year breaks the line rather than bridging it
        else run.push_back({plot_x + (static_cast<double>(i) + 0.5) * slot, at(v)});
      }
      flush();
      for (size_t i = 0; i < categories(); ++i) {
        double v = value(k, i);
        if (!is_figure(v)) continue;
        double cx = plot_x + (static_cast<double>(i) + 0.5) * slot;
        items_.push_back(chart_marker(cx, at(v), marker_size, k, color(k, 0)));
        if (!chart_.labels) continue;
        // Above the marker when it is the highest at its category, else below: two series
        // meeting at a year keep their figures apart.
        bool highest = true;
        for (size_t other = 0; other < chart_.series.size(); ++other)
          if (other != k && is_figure(value(other, i)) && (value(other, i) > v || (value(other, i) == v && other < k))) highest = false;
        // Never below into the category labels: at the axis' foot a figure goes above.
        bool below = !highest && at(v) + marker_size / 2 + pitch_ <= at(scale_low_);
        value_label(figure_at(k, i), cx, below ? at(v) + marker_size / 2 : at(v) - marker_size / 2 - pitch_, false);
      }
    }
  }

  // Bars along rows, one row per category named at its left, values along the bottom.
  double horizontal() {
    double y = legend(0);
    const size_t n = chart_.series.size();
    double widest = 0, widest_figure = 0;
    for (const auto& c : chart_.categories) widest = std::max(widest, label(c).width);
    for (size_t k = 0; k < n && chart_.labels; ++k)
      for (size_t i = 0; i < categories(); ++i)
        if (is_figure(value(k, i))) widest_figure = std::max(widest_figure, label(figure_at(k, i)).width + 4);
    const double label_w = std::min(width_ * 0.34, widest + 6);
    auto [least, most] = range();
    AxisScale scale = nice_scale(least, most);
    std::vector<Label> ticks;
    for (double t : scale.ticks) ticks.push_back(label(figure(t, scale.decimals)));
    double before = least < 0 ? std::max(widest_figure, ticks.front().width / 2) : 0;
    double after = std::max(widest_figure, ticks.back().width / 2 + 1);
    const double plot_x = left_ + label_w + before, plot_w = width_ - label_w - before - after;
    auto at = [&](double v) { return plot_x + plot_w * scale.position(v); };
    const double rows_top = y;
    std::vector<Item> bars;
    for (size_t i = 0; i < categories(); ++i) {
      Label name = label(chart_.categories[i], label_w - 6, Align::right);
      double row_h = std::max(name.height, static_cast<double>(n) * bar_thickness) + 6;
      put_checked(name, left_, y + (row_h - name.height) / 2);
      double bars_top = y + (row_h - static_cast<double>(n) * bar_thickness) / 2;
      for (size_t k = 0; k < n; ++k) {
        double v = value(k, i);
        if (!is_figure(v)) continue;
        double x1 = at(std::min(0.0, v)), x2 = at(std::max(0.0, v));
        double by = bars_top + static_cast<double>(k) * bar_thickness;
        add(patterned_box(x1, by + 0.4, x2 - x1, bar_thickness - 0.8, pattern(k), color(k, i)));
        if (!chart_.labels) continue;
        Label l = label(figure_at(k, i));
        put(l, v >= 0 ? x2 + 2 : x1 - 2 - l.width, by + (bar_thickness - pitch_) / 2);
      }
      y += row_h;
    }
    for (size_t i = 0; i < ticks.size(); ++i) {  // the grid under the bars: drawn first
      double x = at(scale.ticks[i]);
      items_.insert(items_.begin(), RuleItem{x, rows_top, x, y, 0.4, grid_ink});
      put(ticks[i], x - ticks[i].width / 2, y + 2);
    }
    items_.push_back(RuleItem{at(0), rows_top, at(0), y, 0.9, axis_ink});
    y += 2 + pitch_;
    if (!chart_.unit.empty()) {
      Label unit = label(chart_.unit);
      put(unit, plot_x + plot_w - unit.width, y);
      y += pitch_;
    }
    return y;
  }

  const LayoutContext& ctx_;
  const Chart& chart_;
  const ChartLook& look_;
  double left_, width_, pitch_;
  double scale_low_ = 0;  // the value axis' foot, for labels that must stay inside the plot
  std::vector<Item> items_;
};

}  // namespace

ChartDrawing draw_chart(const LayoutContext& ctx, const Chart& chart, const ChartLook& look) {
  ChartDrawing drawing = ChartPainter(ctx, chart, look).run();
  // A Figure is set whole, so one taller than the page would run off it (a bar chart of many
  // rows); columns too narrow to tell apart are no chart either.
  if (drawing.height > ctx.page.content_height())
    ctx.diags.error(chart.pos, "the chart is taller than a page: " + std::to_string(chart.categories.size()) + " categories of bars",
                    "chart fewer rows (rows: […]), or split the chart in two");
  else if (chart.kind != Chart::Kind::bar && ctx.text_width() / static_cast<double>(std::max<size_t>(chart.categories.size(), 1)) < 10)
    ctx.diags.error(chart.pos, "the chart has " + std::to_string(chart.categories.size()) + " categories, too many to tell apart across the page",
                    "chart fewer rows or columns, or draw it as kind: bar");
  return drawing;
}

}  // namespace rapport
