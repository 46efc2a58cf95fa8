#include "layout/paginate.hpp"

namespace rapport {
namespace {

struct PageRange {
  size_t first = 0, end = 0;
  bool repeats_header = false;
};

bool continues_table(const std::vector<Slab>& slabs, size_t i) {
  return i > 0 && slabs[i].table >= 0 && slabs[i - 1].table == slabs[i].table;
}

double header_height(const std::vector<Slab>& header) {
  double h = 0;
  for (const auto& s : header) h += s.height;
  return h;
}

// Where the page that starts at `first` ends (exclusive).
size_t fill_page(const std::vector<Slab>& slabs, size_t first, double start, double room) {
  double cursor = start;
  for (size_t j = first; j < slabs.size(); ++j) {
    const Slab& s = slabs[j];
    if (j == first) {
      cursor += s.height;
      continue;
    }
    if (s.page_break_before) return j;
    if (cursor + s.space_before + s.height > room) {
      size_t k = j - 1;
      while (k > first && slabs[k].keep_with_next) --k;
      // No legal break on the whole page: break where the space ran out.
      return slabs[k].keep_with_next ? j : k + 1;
    }
    cursor += s.space_before + s.height;
  }
  return slabs.size();
}

void emit(const LayoutContext& ctx, const std::vector<Slab>& slabs, const std::vector<std::vector<Slab>>& headers,
          const PageRange& range, Page& page) {
  double y = ctx.style.page.top;
  auto place = [&](const Slab& s, double space) {
    y += space;
    for (Item item : s.items) {
      translate(item, 0, y);
      page.items.push_back(std::move(item));
    }
    y += s.height;
  };
  if (range.repeats_header)
    for (const auto& s : headers[static_cast<size_t>(slabs[range.first].table)]) place(s, 0);
  for (size_t i = range.first; i < range.end; ++i) place(slabs[i], i == range.first ? 0 : slabs[i].space_before);
}

}  // namespace

Pagination paginate(const LayoutContext& ctx, const std::vector<Slab>& slabs,
                    const std::vector<std::vector<Slab>>& table_headers) {
  Pagination out;
  const double room = ctx.style.page.content_height();
  for (size_t first = 0; first < slabs.size();) {
    if (out.pages.size() > max_pages) break;  // lay_out_document reports it, once
    PageRange range{first, 0, continues_table(slabs, first)};
    double start = range.repeats_header ? header_height(table_headers[static_cast<size_t>(slabs[first].table)]) : 0;
    range.end = fill_page(slabs, first, start, room);
    out.pages.emplace_back();
    emit(ctx, slabs, table_headers, range, out.pages.back());
    first = range.end;
  }
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const auto& item : out.pages[p].items)
      if (auto* anchor = std::get_if<AnchorItem>(&item)) out.anchor_pages.emplace(anchor->name, p);
  return out;
}

}  // namespace rapport
