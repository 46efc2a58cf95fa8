#include "style/carry_accent.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace rapport {
namespace {

// The value under `key`, without adding an entry for a missing key.
YAML::Node value_at(const YAML::Node& map, const std::string& key) {
  if (map.IsDefined() && map.IsMap())
    for (const auto& pair : map)
      if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string scalar_at(const YAML::Node& map, const std::string& key) {
  YAML::Node value = value_at(map, key);
  return value.IsDefined() && value.IsScalar() ? value.Scalar() : "";
}

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_hex_colour(const std::string& s) {
  return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

// `colour` mixed with white, `share` of it: the pale fill black header text stays legible on
// (the default's fill is about a seventh of its accent).
std::string tint(const std::string& colour, double share) {
  std::string out = "#";
  for (size_t i = 1; i < 7; i += 2) {
    int channel = std::stoi(colour.substr(i, 2), nullptr, 16);
    int mixed = static_cast<int>(255 - share * (255 - channel) + 0.5);
    char buffer[3];
    std::snprintf(buffer, sizeof buffer, "%02x", mixed);
    out += buffer;
  }
  return out;
}

constexpr double header_fill_share = 0.15;

}  // namespace

std::string accent_of(const YAML::Node& layout) { return scalar_at(value_at(layout, "colors"), "accent"); }

OwnColours own_colours(const YAML::Node& layout) {
  OwnColours own;
  own.accent = accent_of(layout);
  own.header_fill = value_at(value_at(layout, "colors"), "table_header_fill").IsDefined();
  YAML::Node text = value_at(layout, "text");
  if (text.IsDefined() && text.IsMap())
    for (const auto& pair : text)
      if (pair.first.IsScalar() && value_at(pair.second, "color").IsDefined()) own.text_with_color.insert(pair.first.Scalar());
  return own;
}

void carry_accent(const OwnColours& own, const std::string& base_accent, YAML::Node merged) {
  // A malformed accent is reported where the layout is read; nothing to carry until then.
  if (!is_hex_colour(own.accent) || !is_hex_colour(base_accent) || !merged.IsMap()) return;
  YAML::Node text = value_at(merged, "text");
  if (text.IsDefined() && text.IsMap())
    for (auto pair : text) {
      if (!pair.first.IsScalar() || own.text_with_color.count(pair.first.Scalar())) continue;
      YAML::Node color = value_at(pair.second, "color");
      if (color.IsDefined() && color.IsScalar() && lowercase(color.Scalar()) == lowercase(base_accent)) color = own.accent;
    }
  YAML::Node colors = value_at(merged, "colors");
  if (!own.header_fill && colors.IsMap() && value_at(colors, "table_header_fill").IsDefined())
    value_at(colors, "table_header_fill") = tint(own.accent, header_fill_share);
}

}  // namespace rapport
