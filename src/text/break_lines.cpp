#include "text/break_lines.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace rapport {
namespace {

constexpr double infinitely_bad = 10000;
constexpr double overfull_demerits = 1e8;  // an emergency line wider than the measure
constexpr int fitness_classes = 4;
constexpr int max_run = 8;  // bound of the hyphen-run state; params limit it further

// A feasible break: the best way found to end a line there, for one fitness class and one
// count of hyphenated lines in a row (they constrain the next line, so each is kept apart).
struct Node {
  size_t item = 0;
  size_t next_start = 0;  // the first box of the line after this break
  int fitness = 1, hyphens = 0;
  double total = 0;
  int previous = -1;  // index into the node store
  double ratio = 0;
};

struct Sums {
  std::vector<double> width, stretch, shrink;  // over items [0, i)
};

Sums prefix_sums(const std::vector<BreakItem>& items) {
  Sums s;
  s.width.assign(items.size() + 1, 0);
  s.stretch.assign(items.size() + 1, 0);
  s.shrink.assign(items.size() + 1, 0);
  for (size_t i = 0; i < items.size(); ++i) {
    const BreakItem& it = items[i];
    bool counts = it.type != BreakItem::Type::penalty;
    s.width[i + 1] = s.width[i] + (counts ? it.width : 0);
    s.stretch[i + 1] = s.stretch[i] + (it.type == BreakItem::Type::glue ? it.stretch : 0);
    s.shrink[i + 1] = s.shrink[i] + (it.type == BreakItem::Type::glue ? it.shrink : 0);
  }
  return s;
}

bool is_break(const std::vector<BreakItem>& items, size_t i) {
  const BreakItem& it = items[i];
  if (it.type == BreakItem::Type::penalty) return it.penalty < no_break;
  return it.type == BreakItem::Type::glue && i > 0 && items[i - 1].type == BreakItem::Type::box;
}

size_t next_box(const std::vector<BreakItem>& items, size_t from) {
  while (from < items.size() && items[from].type != BreakItem::Type::box) ++from;
  return from;
}

int fitness_of(double ratio) {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

struct Line {
  double ratio = 0, badness = 0;
  bool overfull = false;
};

Line measure(const std::vector<BreakItem>& items, const Sums& sums, const BreakParams& p, size_t start, size_t end) {
  const BreakItem& at = items[end];
  double width = sums.width[end] - sums.width[start] + (at.type == BreakItem::Type::penalty ? at.width : 0);
  double stretch = sums.stretch[end] - sums.stretch[start] + (p.justify ? 0 : p.ragged_stretch);
  double shrink = p.justify ? sums.shrink[end] - sums.shrink[start] : 0;
  bool ends_paragraph = at.type == BreakItem::Type::penalty && at.penalty <= forced_break;
  Line line;
  if (width > p.width + 1e-9) {
    line.ratio = shrink > 0 ? (p.width - width) / shrink : -std::numeric_limits<double>::infinity();
    line.overfull = line.ratio < -1;
  } else if (ends_paragraph) {
    line.ratio = 0;  // the last line is filled by the paragraph's end
  } else {
    line.ratio = stretch > 0 ? (p.width - width) / stretch : std::numeric_limits<double>::infinity();
  }
  // In the last pass every line may be "infinitely bad"; the cap goes up there so the loosest
  // of them still costs more than a less loose one (TeX would call all of them 10000 alike).
  double cap = p.emergency ? infinitely_bad * 1000 : infinitely_bad;
  line.badness = line.overfull ? cap : std::min(cap, 100 * std::pow(std::fabs(line.ratio), 3));
  return line;
}

double demerits(const BreakParams& p, const BreakItem& at, const Line& line, const Node& from, int fitness) {
  double d = (p.line_penalty + line.badness) * (p.line_penalty + line.badness);
  if (at.type == BreakItem::Type::penalty) {
    if (at.penalty >= 0) d += at.penalty * at.penalty;
    else if (at.penalty > forced_break) d -= at.penalty * at.penalty;
  }
  if (at.flagged && from.hyphens > 0) d += p.double_hyphen_demerits;
  if (p.justify && std::abs(fitness - from.fitness) > 1) d += p.fitness_demerits;
  return d;
}

using Candidates = std::array<std::array<std::optional<Node>, max_run + 1>, fitness_classes>;

void offer(Candidates& best, const Node& node) {
  auto& slot = best[static_cast<size_t>(node.fitness)][static_cast<size_t>(node.hyphens)];
  if (!slot || node.total < slot->total) slot = node;
}

}  // namespace

std::vector<LineBreak> break_lines(const std::vector<BreakItem>& items, const BreakParams& params) {
  if (items.empty()) return {};
  const Sums sums = prefix_sums(items);
  const int max_hyphens = params.max_hyphens_in_row;
  std::vector<Node> store;
  store.push_back({static_cast<size_t>(-1), next_box(items, 0), 1, 0, 0, -1, 0});
  std::vector<int> active = {0};
  for (size_t b = 0; b < items.size(); ++b) {
    if (!is_break(items, b)) continue;
    const BreakItem& at = items[b];
    const bool forced = at.type == BreakItem::Type::penalty && at.penalty <= forced_break;
    Candidates best;
    std::optional<Node> rescue;  // the least bad overfull line, for an emergency pass
    std::vector<int> still;
    for (int a : active) {
      const Node& from = store[static_cast<size_t>(a)];
      if (b <= from.next_start && !forced) {
        still.push_back(a);
        continue;
      }
      Line line = measure(items, sums, params, std::min(from.next_start, b), b);
      int hyphens = at.flagged ? from.hyphens + 1 : 0;
      if (line.overfull) {
        if (params.emergency && (!rescue || from.total < rescue->total)) {
          Node node{b, 0, 0, std::min(hyphens, max_run), from.total + overfull_demerits, a, line.ratio};
          rescue = node;
        }
        continue;  // a longer line from here would be fuller still
      }
      if (!forced) still.push_back(a);
      if (hyphens > max_hyphens) continue;
      if (line.badness > params.tolerance && !params.emergency) continue;
      int fitness = fitness_of(line.ratio);
      Node node{b, 0, fitness, std::min(hyphens, max_run), from.total + demerits(params, at, line, from, fitness), a, line.ratio};
      offer(best, node);
    }
    active = std::move(still);
    bool found = false;
    for (auto& by_fitness : best)
      for (auto& node : by_fitness)
        if (node) {
          node->next_start = next_box(items, b + 1);
          store.push_back(*node);
          active.push_back(static_cast<int>(store.size() - 1));
          found = true;
        }
    if (!found && rescue) {
      rescue->next_start = next_box(items, b + 1);
      store.push_back(*rescue);
      active.push_back(static_cast<int>(store.size() - 1));
    }
    if (active.empty()) return {};
  }
  int last = -1;
  for (int a : active)
    if (store[static_cast<size_t>(a)].item == items.size() - 1 &&
        (last < 0 || store[static_cast<size_t>(a)].total < store[static_cast<size_t>(last)].total))
      last = a;
  std::vector<LineBreak> breaks;
  for (int n = last; n > 0; n = store[static_cast<size_t>(n)].previous)
    breaks.insert(breaks.begin(), {store[static_cast<size_t>(n)].item, store[static_cast<size_t>(n)].ratio});
  return breaks;
}

}  // namespace rapport
