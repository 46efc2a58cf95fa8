#include "model/read_cell_figure.hpp"

#include "finance/parse_number.hpp"

namespace rapport {
namespace {

// Characters only the Swedish way of writing a figure uses: a decimal comma, digit groups
// (space, no-break, narrow no-break or thin space) and the minus sign.
bool has_swedish_form(const std::string& text) {
  for (const char* mark : {",", " ", "\u00A0", "\u202F", "\u2009", "\u2212"})
    if (text.find(mark) != std::string::npos) return true;
  return false;
}

}  // namespace

void read_cell_figure(BuildContext& ctx, Cell& cell, bool plain) {
  if (!plain && !has_swedish_form(cell.text)) return;
  auto parsed = parse_swedish_number(cell.text);
  if (!parsed) return;
  cell.kind = Cell::Kind::number;
  cell.number = parsed->value;
  cell.decimals = parsed->decimals;
  std::string problem = figure_range_problem(cell.number, cell.decimals);
  if (!problem.empty())
    ctx.reader.diags().error(cell.pos, problem + ", found " + quote_excerpt(cell.text),
                             "state the figure in tkr or mnkr, and say so in the column's unit:");
}

}  // namespace rapport
