#pragma once
// Lengths and colours as layout and vocabulary files write them.
#include "load/node_reader.hpp"
#include "style/style.hpp"

namespace rapport {

// "20mm", "11pt" or a bare number (points), in points.
double read_length(NodeReader& reader, const YAML::Node& node, const std::string& what);
// The range a length must lie in, in `unit` ("mm" or "pt"), named so in the message.
struct LengthRange {
  double min = 0, max = 0;
  std::string unit = "mm";
};
// As above, and an error at the node's position when the length lies outside `range`.
double read_length(NodeReader& reader, const YAML::Node& node, const std::string& what, LengthRange range);
// "#rrggbb".
Color read_color(NodeReader& reader, const YAML::Node& node, const std::string& what);

}  // namespace rapport
