#pragma once
#include <map>

#include "layout/layout_context.hpp"

namespace rapport {

// The table of contents as slabs: a title, then one entry per heading in the TOC up to the
// depth, with dot leaders, a right-aligned page number and a link to the heading.
// `page_numbers` maps heading ids to printed page numbers (missing ones print as 0).
std::vector<Slab> build_toc(const LayoutContext& ctx, const Flow& flow, const std::map<std::string, int>& page_numbers);

}  // namespace rapport
