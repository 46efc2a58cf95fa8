#pragma once
// The compute stage between model and layout: figures that a table derives (columns with
// `compute:`, total rows) are computed, and every figure the author also stated is checked.
#include "model/report.hpp"

namespace rapport {

// Fills in computed cells and the tables' notes for every table of the report. A stated figure
// off by more than the table's tolerance (and not accepted with a reason) is an error.
void compute_tables(Report& report, Diagnostics& diags);
void compute_table(Table& table, Diagnostics& diags);

// Whether a text cell is how reports write a missing figure: "Saknas" or a dash, as ~ is.
bool says_missing(const std::string& text);

// The trend status id ("trend-up-good", "trend-flat", …) from a series' first and last
// figure and the direction that counts as good ("higher", "lower" or "").
std::string trend_status(double first, double last, const std::string& good);

}  // namespace rapport
