#include "finance/format_number.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace rapport {

std::string format_number(double value, int decimals, const NumberFormat& format) {
  if (decimals < 0 || decimals > 6) throw std::invalid_argument("format_number: decimals must be 0–6");
  if (!std::isfinite(value)) throw std::invalid_argument("format_number: value is not finite");
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // Round half away from zero. A nudge of a few units in the last place absorbs binary
  // representation error (2.675 is stored as 2.67499…, but an author who writes 2.675 means it).
  long double scaled = std::fabs(static_cast<long double>(value)) * scale;
  scaled = std::floor(scaled + 0.5L + scaled * 8 * std::numeric_limits<double>::epsilon());
  if (scaled > 9.0e17L) throw std::invalid_argument("format_number: value too large");
  auto units = static_cast<uint64_t>(scaled);
  bool negative = value < 0 && units != 0;

  std::string integer_digits = std::to_string(units / static_cast<uint64_t>(scale));
  std::string out = negative ? format.minus : std::string();
  for (size_t i = 0; i < integer_digits.size(); ++i) {
    if (i > 0 && (integer_digits.size() - i) % 3 == 0) out += format.group_separator;
    out += integer_digits[i];
  }
  if (decimals > 0) {
    std::string fraction = std::to_string(units % static_cast<uint64_t>(scale));
    out += format.decimal_separator + std::string(static_cast<size_t>(decimals) - fraction.size(), '0') + fraction;
  }
  return out;
}

}  // namespace rapport
