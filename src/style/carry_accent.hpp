#pragma once
// A layout's accent colour carries to the colours that followed its base's accent — headings,
// cover, TOC — and to the table header fill, unless the layout sets each itself: a
// municipality's layout can state one colour and get a consistent look.
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

namespace rapport {

// What one layout file (before it is merged with its base) says about colours. Read before the
// merge: yaml-cpp nodes are handles, and the merge rebinds the tree they point into.
struct OwnColours {
  std::string accent;                    // empty: the layout leaves the accent to its base
  std::set<std::string> text_with_color;  // text styles that set their own colour
  bool header_fill = false;              // sets colors.table_header_fill
};
OwnColours own_colours(const YAML::Node& layout);

// The accent of a (merged) layout tree, or "".
std::string accent_of(const YAML::Node& layout);

// Rewrites `merged` (the layout over its base) so the colours that were the base's accent
// become the layout's own, and the header fill a light tint of it.
void carry_accent(const OwnColours& own, const std::string& base_accent, YAML::Node merged);

}  // namespace rapport
