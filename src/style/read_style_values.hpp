#pragma once
// Lengths and colours as layout and vocabulary files write them.
#include "load/node_reader.hpp"
#include "style/style.hpp"

namespace rapport {

// "20mm", "11pt" or a bare number (points), in points.
double read_length(NodeReader& reader, const YAML::Node& node, const std::string& what);
// "#rrggbb".
Color read_color(NodeReader& reader, const YAML::Node& node, const std::string& what);

}  // namespace rapport
