#pragma once
// A chart's value axis: "nice" ticks, steps of 1, 2 or 5 × 10ⁿ, over a range that always
// holds zero, so a bar's length is its figure and a budget's negative figures hang below a
// zero line.
#include <vector>

namespace rapport {

struct AxisScale {
  double low = 0, high = 1, step = 1;  // low ≤ 0 ≤ high, both multiples of step
  std::vector<double> ticks;           // low, low + step, …, high
  int decimals = 0;                    // digits a tick label needs: 1 for a step of 0,5
  double position(double value) const { return (value - low) / (high - low); }  // 0 at low, 1 at high
};

// The scale for figures from `least` to `most` (NaN-free), with about `target` steps.
AxisScale nice_scale(double least, double most, int target = 5);

}  // namespace rapport
