#pragma once
// Footnote marks numbered as the layout asks: 1, 2, 3 in the order marks first appear through
// the document, or from 1 again in each level-1 section. A second mark of the same note
// reuses its number.
#include "model/report.hpp"
#include "style/style.hpp"

namespace rapport {

// Fills Report::notes and each mark's text (its number), link (to the note) and, on a note's
// first mark, the anchor the note links back to. Marks of an undefined id (already reported)
// are left empty.
void number_footnotes(Report& report, const Style& style);

}  // namespace rapport
