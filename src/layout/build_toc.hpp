#pragma once
#include <map>

#include "layout/layout_context.hpp"

namespace rapport {

// The table of contents as slabs: a title, then one entry per heading in the TOC up to the
// depth, with dot leaders, a right-aligned page number and a link to the heading.
// `page_numbers` maps heading ids to printed page numbers (missing ones print as 0).
// One entry of a contents list (a TOCI): the title indented by its level (level 1 bold), dot
// leaders, the page number right-aligned, all of it a link to `heading.id`.
Slab contents_entry(const LayoutContext& ctx, const HeadingEntry& heading, int page_number);

// The list of figures as slabs: a title, then each figure's numbered caption with its page,
// drawn as the TOC's entries; empty when the document has no figure.
std::vector<Slab> build_figure_list(const LayoutContext& ctx, const Flow& flow, const std::map<std::string, int>& page_numbers);

std::vector<Slab> build_toc(const LayoutContext& ctx, const Flow& flow, const std::map<std::string, int>& page_numbers);

}  // namespace rapport
