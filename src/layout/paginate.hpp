#pragma once
#include <map>

#include "layout/layout_context.hpp"

namespace rapport {

// Where a slab's items went on a page: page.items[first, end), moved down by `dy`.
struct Placement {
  size_t origin = 0;  // the slab's Slab::origin
  size_t first = 0, end = 0;
  double dy = 0;
};

struct Pagination {
  std::vector<Page> pages;
  std::map<std::string, size_t> anchor_pages;  // anchor name → index into pages
  // Per page, its body slabs in drawing order: pages paginated from skeletons are completed
  // from these with the real slabs' items (lay_out_document's streamed pages).
  std::vector<std::vector<Placement>> placements;
};

// No report comes near this; a runaway input (endless rows) stops here. Pagination stops one
// page past it, and lay_out_document reports the problem.
constexpr size_t max_pages = 5000;

// Places slabs on pages top to bottom, each page's footnotes at its foot. A page ends early
// rather than separate slabs that keep together (headings from their text, widow and orphan
// lines, group headers from their rows), move a table that fits a page to the next one when
// the page it leaves is full enough, split a table with fewer than three rows on a side, or
// leave a section's last lines alone at the top of a page; a table that runs on repeats its
// header rows at the top of the next page. `flow` gives the headers, notes and keep blocks.
Pagination paginate(const LayoutContext& ctx, std::vector<Slab> slabs, const Flow& flow);

}  // namespace rapport
