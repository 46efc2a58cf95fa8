#include "style/read_style_values.hpp"

#include <regex>

namespace rapport {
namespace {
constexpr double points_per_mm = 72.0 / 25.4;
}  // namespace

double read_length(NodeReader& reader, const YAML::Node& node, const std::string& what) {
  static const std::regex pattern(R"((\d+(\.\d+)?)\s*(mm|pt)?)");
  std::smatch m;
  if (node.IsScalar() && std::regex_match(node.Scalar(), m, pattern)) {
    double value = std::stod(m[1]);
    return m[3] == "mm" ? value * points_per_mm : value;
  }
  reader.wrong_type(node, what, "a length such as 20mm or 11pt");
  return 0;
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
