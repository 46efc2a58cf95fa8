#pragma once
// Figures as finance exports and controllers write them: "-90 486", "4,06", "−1 500" (digit
// groups with a space, no-break, narrow no-break or thin space, decimal comma, hyphen or minus
// sign). No locale is consulted. A run of digits too long for the limits below parses to a
// value that figure_range_problem reports, never to text.
#include <optional>
#include <string>

namespace rapport {

struct ParsedNumber {
  double value = 0;
  int decimals = 0;
};

std::optional<ParsedNumber> parse_swedish_number(const std::string& text);

// Figures a report may state: at most 15 digits (what a double holds exactly), of which at most
// 6 decimals. Empty when the figure is fine, else the problem.
constexpr int max_digits = 15;
constexpr int max_decimals = 6;
std::string figure_range_problem(double value, int decimals);

}  // namespace rapport
