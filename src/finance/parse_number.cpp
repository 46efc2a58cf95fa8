#include "finance/parse_number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <regex>

namespace rapport {
namespace {

// Longer than any figure within the limits (15 digits, 6 decimals, groups and sign), so a
// longer run of digits is out of range however it is grouped.
constexpr size_t max_figure_chars = 40;

// A run of digits too long to be a figure within the limits: its decimals (after the last
// comma or point) and a value that fails the 15-digit limit, so the limit is reported rather
// than the figure taken for text. libstdc++'s regex recurses per character, so a 100 000-digit
// cell is never matched.
ParsedNumber out_of_range(const std::string& s) {
  auto separator = s.find_last_of(",.");
  int decimals = separator == std::string::npos ? 0 : static_cast<int>(s.size() - separator - 1);
  return {decimals > max_decimals ? 0 : HUGE_VAL, decimals};
}

}  // namespace

std::optional<ParsedNumber> parse_swedish_number(const std::string& text) {
  std::string s = text;
  for (auto [from, to] : {std::pair<std::string, std::string>{"\u2212", "-"}, {"\u00A0", " "}, {"\u202F", " "}, {"\u2009", " "}})
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  auto first = s.find_first_not_of(' '), last = s.find_last_not_of(' ');
  if (first == std::string::npos) return std::nullopt;
  s = s.substr(first, last - first + 1);
  if (s.find_first_not_of("0123456789 ,.-") != std::string::npos) return std::nullopt;
  if (s.size() > max_figure_chars && s.find_first_not_of("0123456789,.-") == std::string::npos) return out_of_range(s);
  if (s.size() > max_figure_chars) return std::nullopt;
  // Digit groups of three after the first, or no groups at all; a comma (or, without groups,
  // a point) before the decimals.
  static const std::regex grouped(R"((-?)(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d+))?)");
  std::smatch m;
  if (!std::regex_match(s, m, grouped)) return std::nullopt;
  std::string digits = m[2].str();
  digits.erase(std::remove(digits.begin(), digits.end(), ' '), digits.end());
  std::string plain = m[1].str() + digits + (m[3].matched ? "." + m[3].str() : "");
  ParsedNumber parsed;
  parsed.decimals = static_cast<int>(m[3].length());
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), parsed.value);
  if (ec == std::errc::result_out_of_range) return out_of_range(s);
  if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return parsed;
}

std::string figure_range_problem(double value, int decimals) {
  if (decimals > max_decimals) return "a figure has at most 6 decimals, this one has " + std::to_string(decimals);
  if (!(std::fabs(value) * std::pow(10.0, decimals) < std::pow(10.0, max_digits)))
    return "a figure has at most 15 digits";
  return {};
}

}  // namespace rapport
