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
// The same on one page, printed as page `number` of `total`.
void add_running_lines(const LayoutContext& ctx, Page& page, int number, int total);

// The layout's draft mark ("UTKAST") across a page, beneath the content. Shaped once for
// portrait pages, and once for landscape ones when the first of those comes.
class Watermark {
 public:
  explicit Watermark(const LayoutContext& ctx);
  void add_to(Page& page);

 private:
  const LayoutContext& ctx_;
  std::vector<Item> portrait_, landscape_;
};
// The draft mark on every page (none when the layout has no watermark text).
void add_watermark(const LayoutContext& ctx, std::vector<Page>& pages);

}  // namespace rapport
