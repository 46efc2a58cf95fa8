#pragma once
// What a report asks of its layout, settled before computing and layout: goal headings take
// the layout's level labels and numbers, statuses must be in its vocabularies, and its font
// families must be among the pinned fonts.
#include "model/report.hpp"
#include "style/style.hpp"

namespace rapport {

// `font_families`: the pinned fonts' families (FontRegistry::families()).
void resolve_with_layout(Report& report, const Style& style, const std::vector<std::string>& font_families, Diagnostics& diags);

// The ids of the statuses the report uses (assessments, status columns, computed trends),
// in the layout's vocabulary order.
std::vector<std::string> used_statuses(const Report& report, const Style& style);

}  // namespace rapport
