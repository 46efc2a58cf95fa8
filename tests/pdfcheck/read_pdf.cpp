// The readers and the two tree walks. Nothing here calls a QPDF accessor on an object of the
// wrong type: a malformed file must become a finding, not a warning on stderr or an exception.
#include "pdfcheck/read_pdf.hpp"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <fstream>
#include <sstream>
#include <utility>

namespace rapport::pdfcheck {

std::string object_id(Handle h) {
  if (!h.isIndirect()) return "direct object";
  return "obj " + std::to_string(h.getObjectID()) + " " + std::to_string(h.getGeneration());
}

std::optional<std::string> name_of(Handle h) {
  std::string name;
  if (h.getValueAsName(name)) return name;
  return std::nullopt;
}

std::optional<std::string> text_of(Handle h) {
  std::string text;
  if (h.getValueAsUTF8(text)) return text;
  return std::nullopt;
}

std::optional<long long> integer_of(Handle h) {
  long long value = 0;
  if (h.getValueAsInt(value)) return value;
  return std::nullopt;
}

std::optional<double> number_of(Handle h) {
  double value = 0;
  if (h.getValueAsNumber(value)) return value;
  return std::nullopt;
}

bool is_true(Handle h) {
  bool value = false;
  return h.getValueAsBool(value) && value;
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Handle entry(Handle h, const std::string& key) {
  if (h.isStream()) return h.getDict().getKey(key);
  if (h.isDictionary()) return h.getKey(key);
  return Handle::newNull();
}

bool has_name(Handle h, const std::string& key, const std::string& name) { return name_of(entry(h, key)) == name; }

std::vector<Handle> items_of(Handle h) {
  if (h.isArray()) return h.getArrayAsVector();
  if (h.isNull()) return {};
  return {h};
}

std::string without_slash(const std::string& name) {
  return !name.empty() && name[0] == '/' ? name.substr(1) : name;
}

std::string listing(const std::vector<std::string>& items) {
  std::string out;
  for (size_t n = 0; n < items.size() && n < kMaxListed; ++n) out += (n ? ", " : "") + items[n];
  if (items.size() > kMaxListed) out += ", … (" + std::to_string(items.size()) + " in all)";
  return out;
}

std::string page_label(size_t index) { return "page " + std::to_string(index + 1); }

std::optional<std::string> decoded_data(QPDF& pdf, Handle stream, std::string& error) {
  if (!stream.isStream()) {
    error = "not a stream";
    return std::nullopt;
  }
  pdf.getWarnings();  // forget what earlier reads said; only this stream's warnings count
  std::string data;
  Pl_String sink("decoded", nullptr, data);
  bool ok = false;
  try {
    ok = stream.pipeStreamData(&sink, 0, qpdf_dl_all, false, false);
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
  auto warnings = pdf.getWarnings();
  if (!warnings.empty()) {
    error = warnings.front().getMessageDetail();
    return std::nullopt;
  }
  if (!ok) {
    error = "a filter cannot be decoded";
    return std::nullopt;
  }
  return data;
}

std::string node_place(const StructNode& node) { return node.path + " (" + object_id(node.element) + ")"; }

// ---- the Context -------------------------------------------------------------------------

Context::Context(QPDF& file, std::string file_path, std::string lang, Findings& out)
    : pdf(file), path(std::move(file_path)), catalog(file.getRoot()),
      pages(QPDFPageDocumentHelper(file).getAllPages()), expected_lang(std::move(lang)), out_(out) {}

void Context::add_all(const std::string& rule, const std::vector<std::string>& details) {
  for (size_t i = 0; i < details.size() && i < kMaxListed; ++i) add(rule, details[i]);
  if (details.size() > kMaxListed)
    add(rule, "… and " + std::to_string(details.size() - kMaxListed) + " more like these (" +
                  std::to_string(details.size()) + " in all)");
}

const StructTree& Context::structure() {
  if (!structure_) structure_ = walk_structure(struct_root());
  return *structure_;
}

const ParentTree& Context::parent_tree() {
  if (!parent_tree_) parent_tree_ = read_parent_tree(struct_root());
  return *parent_tree_;
}

const ContentScan& Context::content() {
  if (!content_) content_ = scan_content(pages);
  return *content_;
}

const std::vector<Annotation>& Context::annotations() {
  if (annotations_) return *annotations_;
  annotations_.emplace();
  for (size_t i = 0; i < pages.size(); ++i) {
    for (auto annotation : items_of(entry(pages[i].getObjectHandle(), "/Annots"))) {
      auto subtype = name_of(entry(annotation, "/Subtype"));
      annotations_->push_back({annotation, subtype.value_or("(no /Subtype)"),
                               page_label(i) + ", " + without_slash(subtype.value_or("")) + " annotation " +
                                   object_id(annotation),
                               i});
    }
  }
  return *annotations_;
}

const std::string& Context::bytes() {
  if (!bytes_) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes_ = s.str();
  }
  return *bytes_;
}

// ---- the structure tree -------------------------------------------------------------------

std::string standard_type(Handle role_map, std::string type) {
  std::set<std::string> visited;
  while (visited.insert(type).second) {
    auto mapped = name_of(entry(role_map, type));
    if (!mapped) break;
    type = *mapped;
  }
  return without_slash(type);
}

namespace {

class StructWalker {
 public:
  StructWalker(Handle role_map, StructTree& tree) : role_map_(role_map), tree_(tree) {}

  // `page`: the /Pg in force (an element's own, or its nearest ancestor's).
  void walk_kids(Handle kids, int parent, const std::string& parent_path, Handle page, int depth) {
    if (depth > kMaxDepth) {
      tree_.problems.push_back(parent_path + ": nested deeper than " + std::to_string(kMaxDepth));
      return;
    }
    auto items = items_of(kids);
    for (size_t i = 0; i < items.size(); ++i) walk_kid(items[i], i, parent, parent_path, page, depth);
  }

 private:
  void walk_kid(Handle kid, size_t index, int parent, const std::string& parent_path, Handle page, int depth) {
    std::string prefix = parent_path.empty() ? "" : parent_path + "/";
    std::string at = prefix + "[" + std::to_string(index) + "]";
    if (kid.isInteger()) return claim(parent, page, Handle::newNull(), kid.getIntValue(), at);
    if (!kid.isDictionary()) {
      tree_.problems.push_back(at + ": a kid that is not a dictionary or an MCID (" + object_id(kid) + ")");
      return;
    }
    if (has_name(kid, "/Type", "/MCR")) {
      Handle kid_page = kid.getKey("/Pg").isDictionary() ? kid.getKey("/Pg") : page;
      if (auto mcid = integer_of(kid.getKey("/MCID"))) return claim(parent, kid_page, kid.getKey("/Stm"), *mcid, at);
      tree_.problems.push_back(at + ": a marked-content reference without an integer /MCID");
      return;
    }
    if (has_name(kid, "/Type", "/OBJR")) {
      if (parent >= 0) tree_.nodes[static_cast<size_t>(parent)].objects.push_back(kid.getKey("/Obj"));
      return;
    }
    auto raw = name_of(kid.getKey("/S"));
    if (!raw) {
      tree_.problems.push_back(at + ": a dictionary kid without /S (" + object_id(kid) + ")");
      return;
    }
    std::string path = prefix + without_slash(*raw) + "[" + std::to_string(index) + "]";
    // A shared or cyclic element would be walked again (forever, for a cycle).
    if (kid.isIndirect() && !seen_.insert(kid.getObjGen()).second) {
      tree_.problems.push_back(path + ": " + object_id(kid) + " appears more than once in the tree");
      return;
    }
    StructNode node;
    node.element = kid;
    node.type = standard_type(role_map_, *raw);
    node.path = path;
    node.parent = parent;
    tree_.nodes.push_back(std::move(node));
    int self = static_cast<int>(tree_.nodes.size() - 1);
    if (parent >= 0) tree_.nodes[static_cast<size_t>(parent)].kids.push_back(self);
    Handle own_page = kid.getKey("/Pg").isDictionary() ? kid.getKey("/Pg") : page;
    walk_kids(kid.getKey("/K"), self, path, own_page, depth + 1);
  }

  // An MCID kid: it belongs to the form XObject `stream` if given, else to the page.
  void claim(int parent, Handle page, Handle stream, long long mcid, const std::string& at) {
    if (parent < 0) {
      tree_.problems.push_back(at + ": the StructTreeRoot holds an MCID directly");
      return;
    }
    Handle owner = stream.isStream() ? stream : page;
    if (!owner.isIndirect()) {
      tree_.problems.push_back(at + ": MCID " + std::to_string(mcid) + " has no /Pg page to belong to");
      return;
    }
    tree_.nodes[static_cast<size_t>(parent)].mcids.push_back({owner.getObjGen(), mcid});
  }

  Handle role_map_;
  StructTree& tree_;
  std::set<QPDFObjGen> seen_;
};

void collect_number_tree(Handle node, int depth, std::set<QPDFObjGen>& seen, ParentTree& tree) {
  std::string name = "ParentTree node " + object_id(node);
  if (!node.isDictionary()) return tree.problems.push_back("a " + name + " is not a dictionary");
  if (node.isIndirect() && !seen.insert(node.getObjGen()).second)
    return tree.problems.push_back(name + " is reached twice");
  if (depth > kMaxDepth)
    return tree.problems.push_back("the ParentTree is nested deeper than " + std::to_string(kMaxDepth));
  Handle nums = node.getKey("/Nums");
  Handle kids = node.getKey("/Kids");
  if (nums.isNull() && kids.isNull()) tree.problems.push_back(name + " has neither /Nums nor /Kids");
  if (!nums.isNull() && !nums.isArray()) tree.problems.push_back(name + ": /Nums is not an array");
  if (nums.isArray()) {
    auto items = nums.getArrayAsVector();
    if (items.size() % 2 != 0) tree.problems.push_back(name + ": /Nums has an odd number of items");
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
      if (auto key = integer_of(items[i]))
        tree.entries[*key] = items[i + 1];
      else
        tree.problems.push_back(name + ": a /Nums key is not an integer");
    }
  }
  if (!kids.isNull() && !kids.isArray()) tree.problems.push_back(name + ": /Kids is not an array");
  for (auto kid : items_of(kids.isArray() ? kids : Handle::newNull())) collect_number_tree(kid, depth + 1, seen, tree);
}

}  // namespace

StructTree walk_structure(Handle struct_root) {
  StructTree tree;
  if (!struct_root.isDictionary()) return tree;  // the struct-tree rule reports its absence
  StructWalker walker(struct_root.getKey("/RoleMap"), tree);
  walker.walk_kids(struct_root.getKey("/K"), -1, "", Handle::newNull(), 0);
  return tree;
}

ParentTree read_parent_tree(Handle struct_root) {
  ParentTree tree;
  Handle root = entry(struct_root, "/ParentTree");
  if (root.isNull()) {
    tree.problems.push_back("there is no /StructTreeRoot /ParentTree");
    return tree;
  }
  std::set<QPDFObjGen> seen;
  collect_number_tree(root, 0, seen, tree);
  return tree;
}

}  // namespace rapport::pdfcheck
