#include "layout/chart_axis.hpp"

#include <algorithm>
#include <cmath>

namespace rapport {
namespace {

// The nice step nearest `raw`: 1, 2 or 5 times a power of ten (Heckbert's rounding, so a
// range gets between about 4 and 9 steps rather than as few as 3).
double nice_step(double raw) {
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double norm = raw / magnitude;
  double factor = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return factor * magnitude;
}

}  // namespace

AxisScale nice_scale(double least, double most, int target) {
  least = std::min(least, 0.0);
  most = std::max(most, 0.0);
  if (most - least <= 0) most = 1;  // nothing but zeros: a unit scale, not a division by zero
  AxisScale scale;
  scale.step = nice_step((most - least) / std::max(target, 1));
  // Whole steps counted as integers, so ticks never gather floating-point dust ("0,30000001").
  long long first = static_cast<long long>(std::floor(least / scale.step + 1e-9));
  long long last = static_cast<long long>(std::ceil(most / scale.step - 1e-9));
  scale.low = static_cast<double>(first) * scale.step;
  scale.high = static_cast<double>(last) * scale.step;
  for (long long i = first; i <= last; ++i) scale.ticks.push_back(static_cast<double>(i) * scale.step);
  scale.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(scale.step) + 1e-9)));
  return scale;
}

}  // namespace rapport
