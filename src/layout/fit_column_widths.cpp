#include <algorithm>
#include <cmath>
#include <numeric>

#include "layout/table_cells.hpp"

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;

bool breakable(const ShapedCell& cell) { return cell.text.find_first_of(" -/") != std::string::npos; }

struct ColumnNeeds {
  double natural = 0;  // widest cell unwrapped
  double minimum = 0;  // widest unbreakable word
};

// How narrow a column may get: not at all (every cell on one line), to its widest word, or,
// when even that does not fit, to where its cells' words may hyphenate. A header's words
// stay whole unless the table cannot fit otherwise; then they break too, compounds first.
enum class Minimum { none, words, pieces, header_pieces };

// Header titles wrap rather than widen their column ("Budget / period"), as in print; the
// widest words of body cells are only needed when the table does not fit unwrapped.
std::vector<ColumnNeeds> measure_columns(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows,
                                         Minimum minimum) {
  std::vector<ColumnNeeds> needs(t.table.columns.size());
  for (size_t c = 0; c < needs.size() && c < header.cells.size(); ++c) {
    double word = minimum == Minimum::header_pieces ? widest_piece(header.cells[c]) : widest_word(header.cells[c]);
    needs[c] = {word, word};
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (t.table.rows[r].kind == TableRow::Kind::group || t.table.rows[r].kind == TableRow::Kind::note) continue;
    for (size_t c = 0; c < rows[r].cells.size() && c < needs.size(); ++c) {
      const ShapedCell& cell = rows[r].cells[c];
      needs[c].natural = std::max(needs[c].natural, cell.natural);
      double least = minimum >= Minimum::pieces ? widest_piece(cell) : breakable(cell) ? widest_word(cell) : cell.natural;
      if (minimum != Minimum::none) needs[c].minimum = std::max(needs[c].minimum, least);
    }
  }
  for (auto& n : needs) {
    n.natural += 2 * t.pad;
    n.minimum += 2 * t.pad;
  }
  return needs;
}

// The columns' widths within `available`; their sum exceeds it when the table cannot fit.
std::vector<double> widths_within(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows,
                                  double available) {
  const auto& columns = t.table.columns;
  std::vector<double> widths(columns.size(), 0);
  std::vector<size_t> fitted;
  double fixed = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    const ColumnWidth& w = columns[c].width;
    if (w.kind == ColumnWidth::Kind::millimetres) widths[c] = w.value * points_per_mm;
    else if (w.kind == ColumnWidth::Kind::percent) widths[c] = available * w.value / 100;
    else fitted.push_back(c);
    fixed += widths[c];
  }
  if (!fitted.empty()) {
    double room = std::max(0.0, available - fixed), natural = 0, minimum = 0;
    auto needs = measure_columns(t, header, rows, Minimum::none);
    for (size_t c : fitted) natural += needs[c].natural;
    if (natural <= room) {
      for (size_t c : fitted) widths[c] = needs[c].natural + (room - natural) * needs[c].natural / natural;  // fill the width
    } else {
      // Too narrow for every cell on one line. Columns that fit within a fair share of the
      // room (figures, short labels) get their full width; the long-text columns left share
      // what remains in proportion to how much more than their widest word they want.
      needs = measure_columns(t, header, rows, Minimum::words);
      for (Minimum narrower : {Minimum::pieces, Minimum::header_pieces}) {
        double least = 0;
        for (size_t c : fitted) least += needs[c].minimum;
        if (least > room) needs = measure_columns(t, header, rows, narrower);
      }
      std::vector<size_t> open = fitted;
      double budget = room;
      auto open_minimum = [&] {
        double sum = 0;
        for (size_t c : open) sum += needs[c].minimum;
        return sum;
      };
      for (bool settled = true; settled && !open.empty();) {
        settled = false;
        double share = budget / static_cast<double>(open.size());
        for (auto it = open.begin(); it != open.end();) {
          // Settle only while the other open columns still get at least their widest word.
          bool others_fit = budget - needs[*it].natural >= open_minimum() - needs[*it].minimum;
          if (needs[*it].natural <= share && others_fit) {
            widths[*it] = needs[*it].natural;
            budget -= needs[*it].natural;
            it = open.erase(it);
            settled = true;
          } else {
            ++it;
          }
        }
      }
      double wanted = 0;
      for (size_t c : open) minimum += needs[c].minimum, wanted += needs[c].natural - needs[c].minimum;
      double spare = std::max(0.0, budget - minimum);
      for (size_t c : open)
        widths[c] = needs[c].minimum + (wanted > 0 ? spare * (needs[c].natural - needs[c].minimum) / wanted : 0);
    }
  }
  return widths;
}

double sum(const std::vector<double>& widths) { return std::accumulate(widths.begin(), widths.end(), 0.0); }

// Landscape is worth suggesting only for a table on a portrait page that a landscape page would
// hold (a layout's page already wider than tall turns narrower: never).
bool fits_landscape(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows) {
  if (t.layout.landscape) return false;
  double available = t.layout.style.page.turned().content_width();
  return sum(widths_within(t, header, rows, available)) <= available + 0.5;
}

}  // namespace

std::vector<double> fit_column_widths(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows) {
  const double available = t.layout.text_width();
  std::vector<double> widths = widths_within(t, header, rows, available);
  double total = sum(widths);
  if (total > available + 0.5) {
    double excess = std::ceil((total - available) / points_per_mm);
    t.layout.diags.error(t.table.pos, "the table is " + std::to_string(static_cast<long long>(std::min(excess, 1e9))) + " mm wider than the text width",
                         fits_landscape(t, header, rows)
                             ? "it fits on a landscape page: write 'orientation: landscape' in the table (or its section)"
                             : "narrow the fixed column widths, shorten the longest words, or split the table");
  }
  return widths;
}

}  // namespace rapport
