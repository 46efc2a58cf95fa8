#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

// The cover: municipality, title, subtitle, committee, and the date and case number.
Page make_cover(const LayoutContext& ctx);
// The back page: the municipality's address at the foot of an otherwise empty page.
Page make_back_page(const LayoutContext& ctx);
// How pages are numbered: pages[0] is printed as `first`, and "{pages}" is `total`.
struct PageNumbering {
  int first = 1;
  int total = 0;
};
// The layout's header and footer templates, filled in, on every page in [first, last]; page
// numbers count from the cover ("3 (24)").
void add_running_lines(const LayoutContext& ctx, std::vector<Page>& pages, size_t first, size_t last,
                       const PageNumbering& numbering);
// The layout's draft mark ("UTKAST") across every page, beneath the content.
void add_watermark(const LayoutContext& ctx, std::vector<Page>& pages);

}  // namespace rapport
