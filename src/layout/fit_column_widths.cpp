#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "layout/table_cells.hpp"

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;

// What a column's cells may break at when the table does not fit with every cell on one line:
// first only between words as written; when even that is too wide, at hyphenation points too.
// Header titles break only between words, never inside one ("Årsprognos", not "Årspro-/gnos"),
// unless the table cannot fit otherwise (then they break too, compounds first, rather than
// the table be refused).
enum class Breaks { none, words, syllables, headers };

bool breakable(const ShapedCell& cell, Breaks breaks) {
  return cell.text.find_first_of(" -/") != std::string::npos || breaks >= Breaks::syllables;
}

struct ColumnNeeds {
  double natural = 0;  // widest cell unwrapped
  double minimum = 0;  // widest unbreakable stretch
  double hang = 0;     // how far notes and marks reach past the figures' edge, beyond the padding
};

bool is_spanning(const ShapedRow& row) { return row.kind == TableRow::Kind::group || row.kind == TableRow::Kind::note; }

// Header titles wrap rather than widen their column ("Budget / period"), as in print, but are
// never narrower than their longest word; the widest stretches of body cells are only needed
// when the table does not fit unwrapped. A figure's note hangs past its column's figures, into
// the padding and, when longer, a column made that much wider on the right.
std::vector<ColumnNeeds> measure_columns(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows,
                                         Breaks breaks) {
  std::vector<ColumnNeeds> needs(t.table.columns.size());
  for (size_t c = 0; c < needs.size() && c < header.cells.size(); ++c) {
    double word = breaks == Breaks::headers ? widest_word(header.cells[c]) : widest_whole_word(header.cells[c]);
    needs[c] = {word, word, 0};
  }
  for (const auto& row : rows) {
    if (is_spanning(row)) continue;
    for (size_t c = 0; c < row.cells.size() && c < needs.size(); ++c) {
      const ShapedCell& cell = row.cells[c];
      double body = cell.natural - cell.hang;
      needs[c].natural = std::max(needs[c].natural, body);
      needs[c].hang = std::max(needs[c].hang, cell.hang - t.pad_x);
      if (breaks == Breaks::none) continue;
      double stretch = !breakable(cell, breaks) ? body : breaks == Breaks::words ? widest_whole_word(cell) : widest_word(cell);
      needs[c].minimum = std::max(needs[c].minimum, std::min(stretch, body));
    }
  }
  for (auto& n : needs) {
    n.natural += 2 * t.pad_x + n.hang;
    n.minimum += 2 * t.pad_x + n.hang;
  }
  return needs;
}

// Widths for the fitted columns within `room` when not every cell fits on one line. Columns
// that fit within a fair share of the room (figures, short labels) get their full width; the
// long-text columns left share what remains in proportion to how much more than their widest
// stretch they want.
void share_room(const std::vector<ColumnNeeds>& needs, const std::vector<size_t>& fitted, double room, std::vector<double>& widths) {
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
      // Settle only while the other open columns still get at least their widest stretch.
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
  double minimum = 0, wanted = 0;
  for (size_t c : open) minimum += needs[c].minimum, wanted += needs[c].natural - needs[c].minimum;
  double spare = std::max(0.0, budget - minimum);
  for (size_t c : open) widths[c] = needs[c].minimum + (wanted > 0 ? spare * (needs[c].natural - needs[c].minimum) / wanted : 0);
}

// The columns' widths within `available`; their sum exceeds it when the table cannot fit.
// `breaks_headers` tells whether header words must break.
std::vector<double> widths_within(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows,
                                  double available, bool* breaks_headers = nullptr) {
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
    double room = std::max(0.0, available - fixed), natural = 0;
    auto needs = measure_columns(t, header, rows, Breaks::none);
    for (size_t c : fitted) natural += needs[c].natural;
    if (natural <= room) {
      for (size_t c : fitted) widths[c] = needs[c].natural + (room - natural) * needs[c].natural / natural;  // fill the width
    } else {
      needs = measure_columns(t, header, rows, Breaks::words);
      for (Breaks narrower : {Breaks::syllables, Breaks::headers}) {
        double least = 0;
        for (size_t c : fitted) least += needs[c].minimum;
        if (least <= room) break;
        needs = measure_columns(t, header, rows, narrower);
        if (breaks_headers) *breaks_headers = narrower == Breaks::headers;
      }
      share_room(needs, fitted, room, widths);
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

// The grid for `widths`: each column's figures stand in from its right edge by how far its
// notes hang beyond the padding.
ColumnGrid grid_of(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows, std::vector<double> widths) {
  ColumnGrid grid{std::move(widths), {}, t.pad_x};
  for (const auto& n : measure_columns(t, header, rows, Breaks::none)) grid.hangs.push_back(n.hang);
  return grid;
}

// The grid within `available`. A table whose header words would break, or that would not fit,
// is set with half the padding between columns first, as a typesetter narrows the gutters of
// a crowded table before breaking a column title ("Samhällsbyggnads-/kontoret").
ColumnGrid fitted_grid(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows, double available) {
  bool breaks_headers = false;
  std::vector<double> widths = widths_within(t, header, rows, available, &breaks_headers);
  bool fits = sum(widths) <= available + 0.5;
  if (fits && !breaks_headers) return grid_of(t, header, rows, std::move(widths));
  TableContext tight = t;
  tight.pad_x = t.pad / 2;
  bool tight_breaks_headers = false;
  std::vector<double> narrower = widths_within(tight, header, rows, available, &tight_breaks_headers);
  bool tight_fits = sum(narrower) <= available + 0.5;
  if (tight_fits && (!tight_breaks_headers || !fits)) return grid_of(tight, header, rows, std::move(narrower));
  return grid_of(t, header, rows, std::move(widths));
}

// A width the author fixed narrower than the column title's longest word breaks that word.
void warn_of_narrow_titles(const TableContext& t, const ShapedRow& header, const ColumnGrid& grid) {
  for (size_t c = 0; c < t.table.columns.size() && c < header.cells.size() && c < grid.widths.size(); ++c) {
    const Column& column = t.table.columns[c];
    if (column.width.kind == ColumnWidth::Kind::fit) continue;
    if (widest_whole_word(header.cells[c]) + 2 * grid.pad_x <= grid.widths[c] + 0.5) continue;
    t.layout.diags.warning(column.pos, "the column '" + column.title + "' is narrower than the longest word of its title, which breaks inside it",
                           "widen the column, or leave out 'width' and let rapport fit it");
  }
}

}  // namespace

ColumnGrid fit_column_widths(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows) {
  const double available = t.layout.text_width();
  ColumnGrid grid = fitted_grid(t, header, rows, available);
  double total = sum(grid.widths);
  if (total > available + 0.5) {
    double excess = std::ceil((total - available) / points_per_mm);
    t.layout.diags.error(t.table.pos, "the table is " + std::to_string(static_cast<long long>(std::min(excess, 1e9))) + " mm wider than the text width",
                         fits_landscape(t, header, rows)
                             ? "it fits on a landscape page: write 'orientation: landscape' in the table (or its section)"
                             : "narrow the fixed column widths, shorten the longest words, or split the table");
  }
  warn_of_narrow_titles(t, header, grid);
  return grid;
}

std::optional<ColumnGrid> fit_shared_grid(const TableContext& t, const ShapedRow& header, const std::vector<ShapedRow>& rows) {
  ColumnGrid grid = fitted_grid(t, header, rows, t.layout.text_width());
  if (sum(grid.widths) > t.layout.text_width() + 0.5) return std::nullopt;
  return grid;
}

}  // namespace rapport
