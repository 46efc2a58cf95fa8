#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

// The cover: municipality, title, subtitle, committee, and the date and case number.
Page make_cover(const LayoutContext& ctx);
// The back page: the municipality's address at the foot of an otherwise empty page.
Page make_back_page(const LayoutContext& ctx);
// A rule and a footer line on every page in [first, last]: the title and committee on the
// left, "3 (24)" on the right (page numbers count from the cover).
void add_footers(const LayoutContext& ctx, std::vector<Page>& pages, size_t first, size_t last);

}  // namespace rapport
