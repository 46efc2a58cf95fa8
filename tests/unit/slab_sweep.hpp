#pragma once
// Synthetic slabs for the pagination sweeps (test_keep_rules.cpp, test_figure_placement.cpp):
// every slab carries an anchor naming it, which tells on which page it landed, so a test can
// reach every position a break can fall at.
#include <algorithm>
#include <string>
#include <vector>

#include "layout/paginate.hpp"

namespace rapport::test {

constexpr double kLine = 14;
constexpr double kRow = 18;

struct Sweep {
  Report report;
  Style style;
  Diagnostics diags;
  Flow flow;
  std::vector<Slab> slabs;

  Sweep() {
    style.page = {595, 842, 50, 50, 50, 50};
    style.body.size = 10;
  }
  double room() const { return style.page.content_height(); }

  size_t add(double height, const std::string& name, bool keep_with_next = false) {
    Slab s;
    s.height = height;
    s.keep_with_next = keep_with_next;
    s.items.push_back(AnchorItem{name, 0, 0});
    slabs.push_back(std::move(s));
    return slabs.size() - 1;
  }
  void lines(int count, const std::string& prefix) {
    for (int i = 0; i < count; ++i) add(kLine, prefix + std::to_string(i));
  }
  // A caption, a header row and `rows` body rows, kept as one block.
  void table(int rows, KeepBlock::Keep keep) {
    int block = static_cast<int>(flow.blocks.size());
    flow.blocks.push_back({keep});
    int id = static_cast<int>(flow.table_headers.size());
    flow.table_headers.push_back({});
    flow.table_headers.back().emplace_back().height = kRow;
    slabs[add(kLine, "caption", true)].block = block;
    slabs[add(kRow, "header", true)].block = block;
    for (int r = 0; r < rows; ++r) {
      size_t i = add(kRow, "row" + std::to_string(r));
      slabs[i].block = block;
      slabs[i].table = id;
    }
  }
  // A footnote of `count` lines marked on slab `mark`; its lines are anchors note0, note1, ….
  void note(size_t mark, int count) {
    slabs[mark].notes = {flow.notes.size()};
    auto& lines = flow.notes.emplace_back();
    for (int i = 0; i < count; ++i) {
      Slab line;
      line.height = 10;
      line.items.push_back(AnchorItem{"note" + std::to_string(i), 0, 0});
      lines.push_back(std::move(line));
    }
  }
  // A picture and its caption, one keep block, as collect_flow makes them.
  void figure(double height, bool floating, const std::string& name = "figure") {
    int block = static_cast<int>(flow.blocks.size());
    flow.blocks.push_back({KeepBlock::Keep::together, floating});
    slabs[add(height, name, true)].block = block;
    slabs[add(kLine, name + "-caption")].block = block;
  }
  Pagination run() {
    LayoutContext ctx{report, style, nullptr, diags, nullptr};
    return paginate(ctx, slabs, flow);
  }
};

// Pages (0-based) of the anchors named prefix0, prefix1, … in order.
inline std::vector<size_t> pages_of(const Pagination& p, const std::string& prefix, int count) {
  std::vector<size_t> out;
  for (int i = 0; i < count; ++i) out.push_back(p.anchor_pages.at(prefix + std::to_string(i)));
  return out;
}

// The number of entries of `pages` on page `page`.
inline int on_page(const std::vector<size_t>& pages, size_t page) {
  return static_cast<int>(std::count(pages.begin(), pages.end(), page));
}
}  // namespace rapport::test
