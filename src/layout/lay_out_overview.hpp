#pragma once
// The goal overview and the status legend: generated from the report, never typed twice.
#include "layout/layout_context.hpp"

namespace rapport {

// Every goal section (a section with `goal:`) as a row: level and number, title linking to
// the section, and the status of the section's first assessment.
Table goal_overview_table(const LayoutContext& ctx);

// A horizontal bar chart of the count per status, in vocabulary order: a scale, each status's
// label beside a bar in its colour and the count, tagged as one Figure with the counts in its
// alt text. One slab; empty when no goal has a status.
std::vector<Slab> status_count_chart(const LayoutContext& ctx, const Table& overview);

// One slab per status the document uses (or, `all`, every status of the layout): icon and label.
std::vector<Slab> status_legend(const LayoutContext& ctx, bool all);

}  // namespace rapport
