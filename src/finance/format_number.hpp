#pragma once
// Swedish number formatting: digit groups with a no-break space, decimal comma, a real minus
// sign. No locale-dependent C library calls, so output never changes with the machine.
#include <string>

namespace rapport {

struct NumberFormat {
  std::string group_separator = "\u00A0";  // no-break space
  std::string decimal_separator = ",";
  std::string minus = "\u2212";            // MINUS SIGN, not a hyphen
};

// `value` rounded half away from zero to `decimals` digits (0–6). Negative zero prints as 0.
std::string format_number(double value, int decimals, const NumberFormat& format = {});

}  // namespace rapport
