#pragma once
// Whether a table cell's text is a figure, the same for YAML cells and CSV fields: figures may
// be written as a controller pastes them from the ledger ("-1 850", "7,5", "−1 500").
#include "model/build_context.hpp"

namespace rapport {

// Makes `cell` (kind text, its text as written) a number when its text is a figure, and
// reports a figure beyond the limits (15 digits, 6 decimals) at the cell. `plain` is false for
// a quoted YAML scalar: quoting keeps "999" text, but a Swedish form ("7,5", "1 234") is a
// figure either way, since YAML never reads it as a number and quoting is how it survives a
// flow list.
void read_cell_figure(BuildContext& ctx, Cell& cell, bool plain);

}  // namespace rapport
