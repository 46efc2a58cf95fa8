#pragma once
// Charts that name a table get its figures: run after compute_tables, so a computed column
// charts the figures the table prints, and the chart and the table can never disagree.
#include "model/report.hpp"

namespace rapport {

// Fills every table chart's categories and series from the table of its id. An unknown table,
// row or column, a text cell where a figure is needed, or a chart left with nothing to draw is
// an error at the key that names it.
void resolve_charts(Report& report, Diagnostics& diags);

}  // namespace rapport
