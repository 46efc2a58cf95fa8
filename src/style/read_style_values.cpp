#include "style/read_style_values.hpp"

#include <cstdio>
#include <optional>
#include <regex>

namespace rapport {
namespace {
constexpr double points_per_mm = 72.0 / 25.4;

// "0.5mm", "96pt": a bound as an author would write it.
std::string format_length(double value, const std::string& unit) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text + unit;
}

std::optional<double> parse_length(const YAML::Node& node) {
  static const std::regex pattern(R"((\d{1,9}(\.\d{1,6})?)\s*(mm|pt)?)");
  std::smatch m;
  if (!node.IsScalar() || !std::regex_match(node.Scalar(), m, pattern)) return std::nullopt;
  double value = std::stod(m[1]);
  return m[3] == "mm" ? value * points_per_mm : value;
}

}  // namespace

double read_length(NodeReader& reader, const YAML::Node& node, const std::string& what) {
  if (auto points = parse_length(node)) return *points;
  reader.wrong_type(node, what, "a length such as 20mm or 11pt");
  return 0;
}

double read_length(NodeReader& reader, const YAML::Node& node, const std::string& what, LengthRange range) {
  auto points = parse_length(node);
  if (!points) return read_length(reader, node, what);
  double scale = range.unit == "mm" ? points_per_mm : 1.0;
  double value = *points / scale;
  if (value < range.min - 1e-9 || value > range.max + 1e-9)
    reader.diags().error(reader.pos(node), what + " must be between " + format_length(range.min, range.unit) + " and " +
                                               format_length(range.max, range.unit) + ", found " + quote_excerpt(node.Scalar()));
  return *points;
}

Color read_color(NodeReader& reader, const YAML::Node& node, const std::string& what) {
  static const std::regex pattern(R"(#[0-9a-fA-F]{6})");
  if (node.IsScalar() && std::regex_match(node.Scalar(), pattern)) {
    auto channel = [&](int i) { return std::stoi(node.Scalar().substr(static_cast<size_t>(1 + 2 * i), 2), nullptr, 16) / 255.0; };
    return {channel(0), channel(1), channel(2)};
  }
  reader.wrong_type(node, what, "a colour written #rrggbb");
  return {};
}

}  // namespace rapport
