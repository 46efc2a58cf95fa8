// The structure tree's shape: the root, the RoleMap, heading levels, and which standard types
// may hold which (ISO 32000-1 14.8.4; Matterhorn 09-004 for tables, lists and the TOC).
#include <map>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

const std::set<std::string>& standard_types() {
  static const std::set<std::string> types = {
      "Document", "Part",  "Art",     "Sect",      "Div",      "BlockQuote", "Caption", "TOC",     "TOCI",
      "Index",    "NonStruct", "Private", "P",     "H",        "H1",         "H2",      "H3",      "H4",
      "H5",       "H6",    "L",       "LI",        "Lbl",      "LBody",      "Table",   "TR",      "TH",
      "TD",       "THead", "TBody",   "TFoot",     "Span",     "Quote",      "Note",    "Reference",
      "BibEntry", "Code",  "Link",    "Annot",     "Ruby",     "RB",         "RT",      "RP",      "Warichu",
      "WT",       "WP",    "Figure",  "Formula",   "Form"};
  return types;
}

std::string parent_type(const StructTree& tree, const StructNode& node) {
  return node.parent < 0 ? "StructTreeRoot" : tree.nodes[static_cast<size_t>(node.parent)].type;
}

// One containment rule: a type, the only kids it may have, the only parents it may have.
struct Containment {
  std::string type;
  std::set<std::string> kids;     // empty: any
  std::set<std::string> parents;  // empty: any
  bool holds_content = true;      // false: marked content directly in it is out of place
};

void check_containment(Context& c, const std::string& rule, const std::vector<Containment>& rules) {
  const StructTree& tree = c.structure();
  std::vector<std::string> problems;
  for (const auto& node : tree.nodes) {
    for (const auto& r : rules) {
      if (node.type != r.type) continue;
      std::string parent = parent_type(tree, node);
      if (!r.parents.empty() && r.parents.count(parent) == 0)
        problems.push_back(node_place(node) + ": a " + node.type + " inside " + parent);
      for (int kid : node.kids) {
        const StructNode& k = tree.nodes[static_cast<size_t>(kid)];
        if (!r.kids.empty() && r.kids.count(k.type) == 0)
          problems.push_back(node_place(k) + ": a " + k.type + " inside a " + node.type);
      }
      if (!r.holds_content && (!node.mcids.empty() || !node.objects.empty()))
        problems.push_back(node_place(node) + ": a " + node.type + " holds content directly, not in a kid element");
    }
  }
  c.add_all(rule, problems);
}

// Where a non-standard type's chain of mappings goes wrong: a loop, or an end that is not standard.
std::optional<std::string> mapping_problem(Handle role_map, const std::string& from) {
  std::set<std::string> visited = {from};
  std::string at = from;
  for (auto next = name_of(role_map.getKey(at)); next; next = name_of(role_map.getKey(at))) {
    at = *next;
    if (standard_types().count(without_slash(at))) return std::nullopt;
    if (!visited.insert(at).second) return "is part of a circular mapping";
  }
  return "ends at " + at + ", not a standard structure type";
}

}  // namespace

void check_struct_tree(Context& c) {
  Handle root = c.struct_root();
  if (!root.isDictionary()) return c.add("struct-tree", "the Catalog has no /StructTreeRoot dictionary");
  if (root.getKey("/ParentTree").isNull()) c.add("struct-tree", "the StructTreeRoot has no /ParentTree");
  auto kids = items_of(root.getKey("/K"));
  if (kids.empty()) {
    c.add("struct-tree", "the StructTreeRoot has no /K");
  } else {
    auto type = name_of(entry(kids.front(), "/S"));
    if (!type || standard_type(root.getKey("/RoleMap"), *type) != "Document")
      c.add("struct-tree", "the StructTreeRoot's first kid is not a structure element /S /Document");
  }
  c.add_all("struct-tree", c.structure().problems);
}

// Matterhorn 02-001 (a type that does not map to a standard one), 02-003 (a circular mapping),
// 02-004 (a standard type remapped).
void check_role_map(Context& c) {
  Handle role_map = c.role_map();
  std::vector<std::string> problems;
  if (!role_map.isNull() && !role_map.isDictionary()) problems.push_back("the /RoleMap is not a dictionary");
  if (role_map.isDictionary()) {
    for (auto [from, to] : role_map.getDictAsMap()) {
      std::string type = without_slash(from);
      if (!to.isName()) {
        problems.push_back("/RoleMap " + from + " maps to something that is not a name");
      } else if (standard_types().count(type)) {
        problems.push_back("/RoleMap remaps the standard type " + from + " to " + to.getName());
      } else if (auto problem = mapping_problem(role_map, from)) {
        problems.push_back("/RoleMap " + from + " " + *problem);
      }
    }
  }
  std::set<std::string> unmapped;
  for (const auto& node : c.structure().nodes)
    if (!standard_types().count(node.type) && unmapped.insert(node.type).second)
      problems.push_back(node_place(node) + ": the type " + node.type + " is neither standard nor role-mapped to one");
  c.add_all("role-map", problems);
}

static int heading_level(const std::string& type) {
  if (type.size() == 2 && type[0] == 'H' && type[1] >= '1' && type[1] <= '6') return type[1] - '0';
  return 0;
}

// Matterhorn 14-002 (the first heading is not H1) and 14-003 (a level skipped).
void check_headings(Context& c) {
  const StructNode* previous = nullptr;
  for (const auto& node : c.structure().nodes) {
    int level = heading_level(node.type);
    if (level == 0) continue;
    if (!previous && level != 1)
      c.add("headings", node_place(node) + ": the first heading is H" + std::to_string(level) + ", not H1");
    if (previous && level > heading_level(previous->type) + 1)
      c.add("headings", node_place(node) + ": H" + std::to_string(level) + " follows " + previous->type + " at " +
                            previous->path + ", skipping a level");
    previous = &node;
  }
}

void check_table_structure(Context& c) {
  check_containment(c, "table-structure",
                    {{"Table", {"TR", "THead", "TBody", "TFoot", "Caption"}, {}, false},
                     {"THead", {"TR"}, {"Table"}, false},
                     {"TBody", {"TR"}, {"Table"}, false},
                     {"TFoot", {"TR"}, {"Table"}, false},
                     {"TR", {"TH", "TD"}, {"Table", "THead", "TBody", "TFoot"}, false},
                     {"TH", {}, {"TR"}, true},
                     {"TD", {}, {"TR"}, true}});
}

void check_list_structure(Context& c) {
  check_containment(c, "list-structure",
                    {{"L", {"LI", "Caption"}, {}, false},
                     {"LI", {"Lbl", "LBody"}, {"L"}, false},
                     {"LBody", {}, {"LI"}, true}});
}

void check_toc_structure(Context& c) {
  check_containment(c, "toc-structure",
                    {{"TOC", {"TOCI", "TOC", "Caption"}, {}, false},
                     {"TOCI", {"Lbl", "Reference", "NonStruct", "P", "TOC"}, {"TOC"}, false}});
}

}  // namespace rapport::pdfcheck
