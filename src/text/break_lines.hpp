#pragma once
// Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981): of all
// ways to break a paragraph, the one whose lines together are least bad, rather than the
// first that fits line by line. Pure arithmetic over boxes, glue and penalties; the shaper
// builds the items from the shaped paragraph.
#include <cstddef>
#include <vector>

namespace rapport {

struct BreakItem {
  enum class Type { box, glue, penalty } type = Type::box;
  double width = 0;             // box and glue; for a penalty, what a break here adds (a hyphen)
  double stretch = 0, shrink = 0;  // glue
  double penalty = 0;           // at or below forced_break: must break; at or above no_break: never
  bool flagged = false;         // a break here ends the line in a hyphen
};

constexpr double forced_break = -10000, no_break = 10000;

struct BreakParams {
  double width = 0;
  bool justify = false;
  // Ragged lines: each line may fall short of the width by this much at badness 100.
  double ragged_stretch = 0;
  double tolerance = 200;      // the worst badness a line may have in this pass
  bool emergency = false;      // the last pass: overfull lines rather than no answer
  int max_hyphens_in_row = 2;  // flagged breaks on consecutive lines
  double line_penalty = 10;
  double double_hyphen_demerits = 3000;
  double fitness_demerits = 3000;  // neighbouring lines of very different tightness (justified)
};

struct LineBreak {
  size_t item = 0;   // the item the line ends at
  double ratio = 0;  // how far its glue stretched (>0) or shrank (<0), as a share of what it can
};

// The breaks that minimise the paragraph's total demerits; the last is the final item, which
// must be a forced break. Empty when no breaks keep every line within tolerance and the
// hyphen limit (an emergency pass ignores the tolerance, not the limit).
std::vector<LineBreak> break_lines(const std::vector<BreakItem>& items, const BreakParams& params);

}  // namespace rapport
