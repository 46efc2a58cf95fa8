// Content and the structure tree must agree both ways: the tree claims each piece of marked
// content exactly once (PDF/UA-1 7.1, Matterhorn 01-00x), and the parent tree, which readers
// use to go from content to element, points at the element that claims it (ISO 32000-1 14.7.4.4).
#include <map>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

// Which elements claim each piece of marked content.
std::map<McidKey, std::vector<const StructNode*>> claims_of(const StructTree& tree) {
  std::map<McidKey, std::vector<const StructNode*>> claims;
  for (const auto& node : tree.nodes)
    for (const auto& key : node.mcids) claims[key].push_back(&node);
  return claims;
}

std::string paths(const std::vector<const StructNode*>& nodes) {
  std::vector<std::string> out;
  for (const auto* node : nodes) out.push_back(node_place(*node));
  return listing(out);
}

Handle parents_array(const ParentTree& tree, std::optional<long long> key) {
  if (!key) return Handle::newNull();
  auto found = tree.entries.find(*key);
  return found == tree.entries.end() ? Handle::newNull() : found->second;
}

bool same_object(Handle a, Handle b) { return a.isIndirect() && b.isIndirect() && a.getObjGen() == b.getObjGen(); }

bool has_objr_to(Handle element, Handle object) {
  for (auto kid : items_of(entry(element, "/K")))
    if (has_name(kid, "/Type", "/OBJR") && same_object(entry(kid, "/Obj"), object)) return true;
  return false;
}

}  // namespace

// PDF/UA-1 7.1, Matterhorn 01-005: everything painted is content of an element or an artifact.
void check_tagged_content(Context& c) { c.add_all("tagged-content", c.content().tagging_problems); }

void check_mcid_parent_tree(Context& c) {
  const ParentTree& tree = c.parent_tree();
  std::vector<std::string> problems;
  for (const auto& use : c.content().mcid_uses) {
    if (use.mcids.empty()) continue;
    if (!use.struct_parents) {
      problems.push_back(use.where + ": MCIDs are used but there is no /StructParents");
      continue;
    }
    std::string key = " (/StructParents " + std::to_string(*use.struct_parents) + ")";
    Handle parents = parents_array(tree, use.struct_parents);
    if (!parents.isArray()) {
      problems.push_back(use.where + key + ": the ParentTree has no array for this key");
      continue;
    }
    std::vector<std::string> missing;
    for (long long mcid : use.mcids)
      if (mcid < 0 || mcid >= parents.getArrayNItems() || !parents.getArrayItem(static_cast<int>(mcid)).isDictionary())
        missing.push_back(std::to_string(mcid));
    if (!missing.empty()) problems.push_back(use.where + key + ": no ParentTree entry for MCID " + listing(missing));
  }
  for (const auto& problem : tree.problems) problems.push_back(problem);
  c.add_all("mcid-parent-tree", problems);
}

// Every MCID in the content is claimed by exactly one element, every claimed MCID is in the
// content it names, and no stream opens the same MCID twice.
void check_mcid_claims(Context& c) {
  auto claims = claims_of(c.structure());
  std::map<QPDFObjGen, std::string> where;
  std::vector<std::string> problems;
  for (const auto& use : c.content().mcid_uses) {
    where[use.owner] = use.where;
    for (long long mcid : use.repeated)
      problems.push_back(use.where + ": MCID " + std::to_string(mcid) + " marks two sequences");
    for (long long mcid : use.mcids) {
      auto found = claims.find({use.owner, mcid});
      size_t n = found == claims.end() ? 0 : found->second.size();
      if (n == 0) problems.push_back(use.where + ": no structure element claims MCID " + std::to_string(mcid));
      if (n > 1)
        problems.push_back(use.where + ": MCID " + std::to_string(mcid) + " is claimed by " + std::to_string(n) +
                           " elements: " + paths(found->second));
    }
  }
  std::set<McidKey> used;
  for (const auto& use : c.content().mcid_uses)
    for (long long mcid : use.mcids) used.insert({use.owner, mcid});
  for (const auto& [key, nodes] : claims) {
    if (used.count(key)) continue;
    auto page = where.find(key.owner);
    std::string in = page == where.end() ? "obj " + std::to_string(key.owner.getObj()) + ", which is no content seen"
                                         : page->second;
    problems.push_back(paths(nodes) + ": claims MCID " + std::to_string(key.mcid) + " of " + in +
                       ", which has no such marked content");
  }
  c.add_all("mcid-claims", problems);
}

// The parent tree's entries point back at the elements that claim the content; its keys are
// not shared by two objects; ParentTreeNextKey lies past every key.
void check_parent_tree(Context& c) {
  const ParentTree& tree = c.parent_tree();
  auto claims = claims_of(c.structure());
  std::vector<std::string> problems;
  std::map<long long, std::string> key_users;
  auto use_key = [&](long long key, const std::string& who) {
    auto [it, fresh] = key_users.emplace(key, who);
    if (!fresh) problems.push_back(who + " and " + it->second + " share the parent tree key " + std::to_string(key));
  };
  for (const auto& use : c.content().mcid_uses) {
    if (!use.struct_parents) continue;
    use_key(*use.struct_parents, use.where);
    Handle parents = parents_array(tree, use.struct_parents);
    if (!parents.isArray()) continue;  // mcid-parent-tree reports it
    for (long long mcid : use.mcids) {
      auto found = claims.find({use.owner, mcid});
      if (mcid < 0 || mcid >= parents.getArrayNItems() || found == claims.end() || found->second.size() != 1) continue;
      Handle listed = parents.getArrayItem(static_cast<int>(mcid));
      if (listed.isDictionary() && !same_object(listed, found->second.front()->element))
        problems.push_back(use.where + ": the ParentTree lists " + object_id(listed) + " for MCID " +
                           std::to_string(mcid) + ", but " + node_place(*found->second.front()) + " claims it");
    }
  }
  for (const auto& annotation : c.annotations()) {
    auto key = integer_of(entry(annotation.object, "/StructParent"));
    if (!key) continue;
    use_key(*key, annotation.where);
    Handle parent = parents_array(tree, key);
    if (parent.isDictionary() && !has_objr_to(parent, annotation.object))
      problems.push_back(annotation.where + ": its ParentTree entry " + object_id(parent) +
                         " has no OBJR to the annotation");
  }
  auto next = integer_of(entry(c.struct_root(), "/ParentTreeNextKey"));
  if (next && !tree.entries.empty() && *next <= tree.entries.rbegin()->first)
    problems.push_back("/ParentTreeNextKey " + std::to_string(*next) + " is not greater than the key " +
                       std::to_string(tree.entries.rbegin()->first) + " in use");
  c.add_all("parent-tree", problems);
}

}  // namespace rapport::pdfcheck
