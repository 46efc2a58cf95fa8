// Each rule is one function over a Context. The structure tree, the parent tree and the
// marked content of the pages are read once, on first use, because several rules reason
// about the same walk. Readers below never call a QPDF accessor on an object of the wrong
// type: a malformed file must become a finding, not a warning on stderr or an exception.
#include "pdfcheck/check_pdf.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace rapport::pdfcheck {
namespace {

using Handle = QPDFObjectHandle;
using Findings = std::vector<Finding>;

// Deeper than any real document; only a malicious or broken file nests further.
constexpr int kMaxDepth = 256;
// A detail lists this many items and then says how many there are in all.
constexpr size_t kMaxListed = 10;

// ---- readers that check the type before they read ---------------------------------------

std::string object_id(Handle h) {
  if (!h.isIndirect()) return "direct object";
  return "obj " + std::to_string(h.getObjectID()) + " " + std::to_string(h.getGeneration());
}

std::optional<std::string> name_of(Handle h) {
  std::string name;
  if (h.getValueAsName(name)) return name;
  return std::nullopt;
}

// A PDF text string decoded to UTF-8 (UTF-16BE with BOM, or PDFDocEncoding).
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

bool is_true(Handle h) {
  bool value = false;
  return h.getValueAsBool(value) && value;
}

bool is_blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

// A stream's entries live in its dictionary; everything else that is not a dictionary has none.
Handle entry(Handle h, const std::string& key) {
  if (h.isStream()) return h.getDict().getKey(key);
  if (h.isDictionary()) return h.getKey(key);
  return Handle::newNull();
}

bool has_name(Handle h, const std::string& key, const std::string& name) {
  return name_of(entry(h, key)) == name;
}

// Many PDF entries are "one item or an array of items".
std::vector<Handle> items_of(Handle h) {
  if (h.isArray()) return h.getArrayAsVector();
  if (h.isNull()) return {};
  return {h};
}

std::string without_slash(const std::string& name) {
  return !name.empty() && name[0] == '/' ? name.substr(1) : name;
}

template <typename T>
std::string listing(const T& items) {
  std::string out;
  size_t n = 0;
  for (const auto& item : items) {
    if (n == kMaxListed) break;
    out += (n++ ? ", " : "") + item;
  }
  if (items.size() > kMaxListed) out += ", … (" + std::to_string(items.size()) + " in all)";
  return out;
}

// ---- what several rules share ------------------------------------------------------------

struct StructNode {
  Handle element;
  std::string type;  // after the RoleMap: the standard type the rules reason about
  std::string path;  // "Document[0]/Table[3]/TR[0]" with the types as written, kid indexes
  int parent = -1;   // index into StructTree::nodes; -1 for a kid of the StructTreeRoot
};

struct StructTree {
  std::vector<StructNode> nodes;  // in document order (depth first, kids in /K order)
  std::vector<std::string> problems;
};

struct ParentTree {
  std::map<long long, Handle> entries;
  std::vector<std::string> problems;
};

// The MCIDs one content stream uses, with the /StructParents key that says where their
// parents are listed: the page's own, or a form XObject's.
struct McidUse {
  std::string where;
  std::optional<long long> struct_parents;
  std::set<long long> mcids;
};

struct ContentScan {
  std::vector<std::string> tagging_problems;  // details for tagged-content
  std::vector<McidUse> mcid_uses;
};

StructTree walk_structure(Handle struct_root);
ParentTree read_parent_tree(Handle struct_root);
ContentScan scan_content(const std::vector<QPDFPageObjectHelper>& pages);

class Context {
 public:
  Context(QPDF& file, std::string lang, Findings& out)
      : pdf(file), catalog(file.getRoot()), pages(QPDFPageDocumentHelper(file).getAllPages()),
        expected_lang(std::move(lang)), out_(out) {}

  QPDF& pdf;
  Handle catalog;
  std::vector<QPDFPageObjectHelper> pages;
  std::string expected_lang;

  void add(const std::string& rule, std::string detail) { out_.push_back({rule, std::move(detail)}); }

  Handle struct_root() { return entry(catalog, "/StructTreeRoot"); }
  const StructTree& structure() {
    if (!structure_) structure_ = walk_structure(struct_root());
    return *structure_;
  }
  const ParentTree& parent_tree() {
    if (!parent_tree_) parent_tree_ = read_parent_tree(struct_root());
    return *parent_tree_;
  }
  const ContentScan& content() {
    if (!content_) content_ = scan_content(pages);
    return *content_;
  }

 private:
  Findings& out_;
  std::optional<StructTree> structure_;
  std::optional<ParentTree> parent_tree_;
  std::optional<ContentScan> content_;
};

// ---- the structure tree -------------------------------------------------------------------

// Follows the RoleMap from a type as written ("/Rubrik") until a name it does not map ("H1");
// a loop in the map stops where it closes.
std::string standard_type(Handle role_map, std::string type) {
  std::set<std::string> visited;
  while (visited.insert(type).second) {
    auto mapped = name_of(entry(role_map, type));
    if (!mapped) break;
    type = *mapped;
  }
  return without_slash(type);
}

class StructWalker {
 public:
  StructWalker(Handle role_map, StructTree& tree) : role_map_(role_map), tree_(tree) {}

  void walk_kids(Handle kids, int parent, const std::string& parent_path, int depth) {
    if (depth > kMaxDepth) {
      tree_.problems.push_back(parent_path + ": nested deeper than " + std::to_string(kMaxDepth));
      return;
    }
    auto items = items_of(kids);
    for (size_t i = 0; i < items.size(); ++i) walk_kid(items[i], i, parent, parent_path, depth);
  }

 private:
  void walk_kid(Handle kid, size_t index, int parent, const std::string& parent_path, int depth) {
    std::string at = (parent_path.empty() ? "" : parent_path + "/") + "[" + std::to_string(index) + "]";
    if (kid.isInteger()) return;  // a marked-content id on the element's page
    if (!kid.isDictionary()) {
      tree_.problems.push_back(at + ": a kid that is not a dictionary or an MCID (" + object_id(kid) + ")");
      return;
    }
    if (has_name(kid, "/Type", "/MCR") || has_name(kid, "/Type", "/OBJR")) return;
    auto raw = name_of(kid.getKey("/S"));
    if (!raw) {
      tree_.problems.push_back(at + ": a dictionary kid without /S (" + object_id(kid) + ")");
      return;
    }
    std::string path = (parent_path.empty() ? "" : parent_path + "/") + without_slash(*raw) + "[" +
                       std::to_string(index) + "]";
    // A shared or cyclic element would be walked again (forever, for a cycle).
    if (kid.isIndirect() && !seen_.insert(kid.getObjGen()).second) {
      tree_.problems.push_back(path + ": " + object_id(kid) + " appears more than once in the tree");
      return;
    }
    tree_.nodes.push_back({kid, standard_type(role_map_, *raw), path, parent});
    walk_kids(kid.getKey("/K"), static_cast<int>(tree_.nodes.size() - 1), path, depth + 1);
  }

  Handle role_map_;
  StructTree& tree_;
  std::set<QPDFObjGen> seen_;
};

StructTree walk_structure(Handle struct_root) {
  StructTree tree;
  if (!struct_root.isDictionary()) return tree;  // the struct-tree rule reports its absence
  StructWalker walker(struct_root.getKey("/RoleMap"), tree);
  walker.walk_kids(struct_root.getKey("/K"), -1, "", 0);
  return tree;
}

// ---- the parent tree (a number tree) -------------------------------------------------------

void collect_number_tree(Handle node, int depth, std::set<QPDFObjGen>& seen, ParentTree& tree) {
  if (!node.isDictionary()) {
    tree.problems.push_back("a ParentTree node (" + object_id(node) + ") is not a dictionary");
    return;
  }
  if (node.isIndirect() && !seen.insert(node.getObjGen()).second) {
    tree.problems.push_back("ParentTree node " + object_id(node) + " is reached twice");
    return;
  }
  if (depth > kMaxDepth) {
    tree.problems.push_back("the ParentTree is nested deeper than " + std::to_string(kMaxDepth));
    return;
  }
  Handle nums = node.getKey("/Nums");
  Handle kids = node.getKey("/Kids");
  if (nums.isNull() && kids.isNull())
    tree.problems.push_back("ParentTree node " + object_id(node) + " has neither /Nums nor /Kids");
  if (!nums.isNull() && !nums.isArray())
    tree.problems.push_back("ParentTree node " + object_id(node) + ": /Nums is not an array");
  if (nums.isArray()) {
    auto items = nums.getArrayAsVector();
    if (items.size() % 2 != 0)
      tree.problems.push_back("ParentTree node " + object_id(node) + ": /Nums has an odd number of items");
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
      if (auto key = integer_of(items[i]))
        tree.entries[*key] = items[i + 1];
      else
        tree.problems.push_back("ParentTree node " + object_id(node) + ": a /Nums key is not an integer");
    }
  }
  if (!kids.isNull() && !kids.isArray())
    tree.problems.push_back("ParentTree node " + object_id(node) + ": /Kids is not an array");
  for (auto kid : items_of(kids.isArray() ? kids : Handle::newNull()))
    collect_number_tree(kid, depth + 1, seen, tree);
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

// ---- marked content in the content streams -----------------------------------------------

bool is_painting_operator(const std::string& op) {
  static const std::set<std::string, std::less<>> painting = {
      "Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"};
  return painting.count(op) > 0;
}

// One content stream being scanned: where it is (for details), the resources its names
// refer to, and where its MCIDs go.
struct ScanTarget {
  std::string where;
  Handle resources;
  bool covered = false;  // a form XObject: its Do was judged instead
  size_t mcid_use = 0;   // index into ContentScan::mcid_uses
  int depth = 0;
};

class MarkedContentScanner final : public QPDFObjectHandle::ParserCallbacks {
 public:
  MarkedContentScanner(ContentScan& scan, ScanTarget target, std::set<QPDFObjGen>& open_forms)
      : scan_(scan), target_(std::move(target)), open_forms_(open_forms) {}

  using ParserCallbacks::handleObject;
  void handleObject(Handle object, size_t offset, size_t /*length*/) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    on_operator(object.getOperatorValue(), offset);
    operands_.clear();
  }

  void handleEOF() override {
    if (untagged_ > 0)
      problem(first_untagged_ + " is outside marked content (" + std::to_string(untagged_) +
              " painting operator" + (untagged_ == 1 ? "" : "s") + " in all)");
    if (unmatched_emc_ > 0) problem(std::to_string(unmatched_emc_) + " EMC without a BMC or BDC");
    if (!open_.empty()) problem(std::to_string(open_.size()) + " marked-content sequence(s) never closed");
  }

 private:
  // What one BMC/BDC opened: an artifact, a sequence with an MCID, or neither (a /Span, say).
  struct Sequence {
    bool artifact = false;
    bool mcid = false;
  };

  void on_operator(const std::string& op, size_t offset) {
    if (op == "BMC" || op == "BDC") {
      begin(op == "BDC");
    } else if (op == "EMC") {
      if (open_.empty())
        ++unmatched_emc_;
      else
        open_.pop_back();
    } else if (is_painting_operator(op)) {
      if (!tagged() && untagged_++ == 0) first_untagged_ = "'" + op + "' at offset " + std::to_string(offset);
      if (op == "Do") paint_xobject();
    }
  }

  bool tagged() const {
    return target_.covered ||
           std::any_of(open_.begin(), open_.end(), [](const Sequence& s) { return s.artifact || s.mcid; });
  }

  void begin(bool with_properties) {
    Sequence sequence;
    if (!operands_.empty()) sequence.artifact = name_of(operands_.front()) == "/Artifact";
    if (with_properties && operands_.size() >= 2) {
      Handle properties = operands_[1];
      // A name refers to the resources' /Properties; a dictionary is given inline.
      if (properties.isName()) properties = entry(entry(target_.resources, "/Properties"), properties.getName());
      if (auto mcid = integer_of(entry(properties, "/MCID"))) {
        sequence.mcid = true;
        scan_.mcid_uses[target_.mcid_use].mcids.insert(*mcid);
      }
    }
    open_.push_back(sequence);
  }

  void paint_xobject() {
    if (operands_.empty() || !operands_.back().isName()) return;
    std::string name = operands_.back().getName();
    Handle xobject = entry(entry(target_.resources, "/XObject"), name);
    if (!xobject.isStream() || !has_name(xobject, "/Subtype", "/Form")) return;
    std::string where = target_.where + ", form XObject " + name + " (" + object_id(xobject) + ")";
    if (target_.depth >= kMaxDepth) return problem("form XObjects nested deeper than " + std::to_string(kMaxDepth));
    if (xobject.isIndirect() && !open_forms_.insert(xobject.getObjGen()).second)
      return problem("form XObject " + name + " paints itself");

    // Everything a form paints belongs to the sequence around its Do, which was judged just now;
    // the form is still read for the MCIDs it uses and for its own BMC/EMC balance.
    ScanTarget form{where, entry(xobject, "/Resources"), true, target_.mcid_use, target_.depth + 1};
    if (!form.resources.isDictionary()) form.resources = target_.resources;  // pre-1.2 forms inherit
    // A form with its own /StructParents lists its MCIDs' parents under that key.
    if (auto key = integer_of(entry(xobject, "/StructParents"))) {
      scan_.mcid_uses.push_back({where, *key, {}});
      form.mcid_use = scan_.mcid_uses.size() - 1;
    }
    try {
      MarkedContentScanner inner(scan_, form, open_forms_);
      xobject.parseAsContents(&inner);
    } catch (const std::exception& e) {
      scan_.tagging_problems.push_back(where + ": the content stream cannot be parsed: " + e.what());
    }
    if (xobject.isIndirect()) open_forms_.erase(xobject.getObjGen());
  }

  void problem(const std::string& what) { scan_.tagging_problems.push_back(target_.where + ": " + what); }

  ContentScan& scan_;
  ScanTarget target_;
  std::set<QPDFObjGen>& open_forms_;
  std::vector<Handle> operands_;
  std::vector<Sequence> open_;
  size_t untagged_ = 0;
  size_t unmatched_emc_ = 0;
  std::string first_untagged_;
};

ContentScan scan_content(const std::vector<QPDFPageObjectHelper>& pages) {
  ContentScan scan;
  for (size_t i = 0; i < pages.size(); ++i) {
    QPDFPageObjectHelper page = pages[i];
    std::string where = "page " + std::to_string(i + 1);
    Handle page_object = page.getObjectHandle();
    scan.mcid_uses.push_back({where, integer_of(entry(page_object, "/StructParents")), {}});
    if (entry(page_object, "/Contents").isNull()) continue;  // a blank page paints nothing
    ScanTarget target{where, page.getAttribute("/Resources", false), false, scan.mcid_uses.size() - 1, 0};
    std::set<QPDFObjGen> open_forms;
    try {
      MarkedContentScanner scanner(scan, target, open_forms);
      page.parseContents(&scanner);
    } catch (const std::exception& e) {
      scan.tagging_problems.push_back(where + ": the content stream cannot be parsed: " + e.what());
    }
  }
  return scan;
}

// ---- the rules: document level ------------------------------------------------------------

void check_not_encrypted(Context& c) {
  if (c.pdf.isEncrypted()) c.add("not-encrypted", "the trailer has /Encrypt");
}

void check_trailer_id(Context& c) {
  Handle id = entry(c.pdf.getTrailer(), "/ID");
  if (id.isNull()) return c.add("trailer-id", "the trailer has no /ID");
  if (!id.isArray() || id.getArrayNItems() != 2)
    return c.add("trailer-id", "the trailer /ID is not an array of two items");
  for (auto item : id.getArrayAsVector())
    if (!item.isString()) return c.add("trailer-id", "an item of the trailer /ID is not a string");
}

void check_lang(Context& c) {
  Handle lang = entry(c.catalog, "/Lang");
  if (lang.isNull()) return c.add("lang", "the Catalog has no /Lang");
  auto value = text_of(lang);
  if (!value) return c.add("lang", "the Catalog /Lang is not a string");
  if (*value != c.expected_lang)
    c.add("lang", "the Catalog /Lang is '" + *value + "', expected '" + c.expected_lang + "'");
}

void check_mark_info(Context& c) {
  Handle mark_info = entry(c.catalog, "/MarkInfo");
  if (!mark_info.isDictionary()) return c.add("mark-info", "the Catalog has no /MarkInfo dictionary");
  if (!is_true(mark_info.getKey("/Marked"))) c.add("mark-info", "/MarkInfo /Marked is not true");
}

void check_display_doc_title(Context& c) {
  Handle preferences = entry(c.catalog, "/ViewerPreferences");
  if (!preferences.isDictionary())
    return c.add("display-doc-title", "the Catalog has no /ViewerPreferences dictionary");
  if (!is_true(preferences.getKey("/DisplayDocTitle")))
    c.add("display-doc-title", "/ViewerPreferences /DisplayDocTitle is not true");
}

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
  for (const auto& problem : c.structure().problems) c.add("struct-tree", problem);
}

// ---- XMP ----------------------------------------------------------------------------------

std::string decode_xml_text(std::string_view s) {
  static const std::pair<std::string_view, char> named[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    bool done = false;
    for (const auto& [entity, c] : named)
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        done = true;
        break;
      }
    if (done) continue;
    size_t end = s.find(';', i);
    if (s.substr(i, 2) == "&#" && end != std::string_view::npos) {
      bool hex = s.substr(i, 3) == "&#x";
      std::string digits(s.substr(i + (hex ? 3 : 2), end - i - (hex ? 3 : 2)));
      unsigned long code = 0;
      try {
        code = std::stoul(digits, nullptr, hex ? 16 : 10);
      } catch (const std::exception&) {
        out += s[i++];
        continue;
      }
      // UTF-8 encoding of the code point.
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | ((code >> 18) & 0x07));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i = end + 1;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The value of `qname` written as an attribute: qname="value" (or 'value').
std::optional<std::string> xmp_attribute(const std::string& xml, const std::string& qname) {
  for (size_t at = xml.find(qname); at != std::string::npos; at = xml.find(qname, at + 1)) {
    if (at == 0 || !is_xml_space(xml[at - 1])) continue;  // "pdfaid:part" inside "xpdfaid:part"
    size_t i = at + qname.size();
    while (i < xml.size() && is_xml_space(xml[i])) ++i;
    if (i >= xml.size() || xml[i] != '=') continue;
    ++i;
    while (i < xml.size() && is_xml_space(xml[i])) ++i;
    if (i >= xml.size() || (xml[i] != '"' && xml[i] != '\'')) continue;
    size_t end = xml.find(xml[i], i + 1);
    if (end == std::string::npos) return std::nullopt;
    return decode_xml_text(std::string_view(xml).substr(i + 1, end - i - 1));
  }
  return std::nullopt;
}

// The raw content of the element <qname ...>content</qname>.
std::optional<std::string_view> xmp_element(const std::string& xml, const std::string& qname) {
  std::string open = "<" + qname;
  for (size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
    size_t after = at + open.size();
    if (after >= xml.size() || (xml[after] != '>' && !is_xml_space(xml[after]))) continue;
    size_t start = xml.find('>', after);
    if (start == std::string::npos) return std::nullopt;
    if (xml[start - 1] == '/') return std::string_view();  // <qname/>
    size_t end = xml.find("</" + qname + ">", start);
    if (end == std::string::npos) return std::nullopt;
    return std::string_view(xml).substr(start + 1, end - start - 1);
  }
  return std::nullopt;
}

// A simple property in either form XMP allows.
std::optional<std::string> xmp_property(const std::string& xml, const std::string& qname) {
  if (auto value = xmp_attribute(xml, qname)) return trim(*value);
  if (auto content = xmp_element(xml, qname)) return trim(decode_xml_text(*content));
  return std::nullopt;
}

// dc:title is a language alternative: the x-default item, or else the first.
std::optional<std::string> xmp_title(const std::string& xml) {
  auto content = xmp_element(xml, "dc:title");
  if (!content) return std::nullopt;
  std::string alt(*content);
  std::optional<std::string> first;
  for (size_t at = alt.find("<rdf:li"); at != std::string::npos; at = alt.find("<rdf:li", at + 1)) {
    size_t start = alt.find('>', at);
    size_t end = alt.find("</rdf:li>", at);
    if (start == std::string::npos || end == std::string::npos || end < start) break;
    std::string text = decode_xml_text(std::string_view(alt).substr(start + 1, end - start - 1));
    std::string_view tag = std::string_view(alt).substr(at, start - at);
    if (tag.find("x-default") != std::string_view::npos) return text;
    if (!first) first = text;
  }
  return first;
}

void check_xmp_values(Context& c, const std::string& xml) {
  auto part = xmp_property(xml, "pdfaid:part");
  if (part != "2") c.add("xmp", "pdfaid:part is " + (part ? "'" + *part + "'" : "missing") + ", expected 2");
  auto conformance = xmp_property(xml, "pdfaid:conformance");
  if (conformance != "A" && conformance != "B" && conformance != "U")
    c.add("xmp", "pdfaid:conformance is " + (conformance ? "'" + *conformance + "'" : "missing") +
                     ", expected A, B or U");
  auto ua_part = xmp_property(xml, "pdfuaid:part");
  if (ua_part != "1") c.add("xmp", "pdfuaid:part is " + (ua_part ? "'" + *ua_part + "'" : "missing") + ", expected 1");
  auto created = xmp_property(xml, "xmp:CreateDate");
  if (!created || created->empty()) c.add("xmp", "xmp:CreateDate is missing");

  auto title = xmp_title(xml);
  if (!title || is_blank(*title)) return c.add("xmp", "dc:title is missing or empty");
  auto info_title = text_of(entry(entry(c.pdf.getTrailer(), "/Info"), "/Title"));
  if (!info_title)
    c.add("xmp", "the Info dictionary has no /Title to match dc:title '" + *title + "'");
  else if (*info_title != *title)
    c.add("xmp", "dc:title '" + *title + "' differs from the Info /Title '" + *info_title + "'");
}

void check_xmp(Context& c) {
  Handle metadata = entry(c.catalog, "/Metadata");
  if (!metadata.isStream()) return c.add("xmp", "the Catalog has no /Metadata stream");
  if (!has_name(metadata, "/Type", "/Metadata") || !has_name(metadata, "/Subtype", "/XML"))
    c.add("xmp", "the /Metadata stream (" + object_id(metadata) + ") is not /Type /Metadata /Subtype /XML");
  auto data = metadata.getStreamData(qpdf_dl_generalized);
  check_xmp_values(c, std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
}

void check_output_intent(Context& c) {
  Handle intents = entry(c.catalog, "/OutputIntents");
  if (!intents.isArray()) return c.add("output-intent", "the Catalog has no /OutputIntents array");
  for (auto intent : intents.getArrayAsVector()) {
    if (!has_name(intent, "/S", "/GTS_PDFA1")) continue;
    Handle profile = entry(intent, "/DestOutputProfile");
    if (!profile.isStream())
      return c.add("output-intent", "the GTS_PDFA1 OutputIntent has no /DestOutputProfile stream");
    if (integer_of(entry(profile, "/N")) != 3)
      c.add("output-intent", "the /DestOutputProfile (" + object_id(profile) + ") does not have /N 3");
    return;
  }
  c.add("output-intent", "no /OutputIntents entry has /S /GTS_PDFA1");
}

// ---- fonts ----------------------------------------------------------------------------------

bool has_embedded_font_file(Handle font) {
  Handle descriptor = entry(font, "/FontDescriptor");
  return entry(descriptor, "/FontFile").isStream() || entry(descriptor, "/FontFile2").isStream() ||
         entry(descriptor, "/FontFile3").isStream();
}

// Why the font is not embedded, or nothing when it is (or needs not be: Type3 glyphs are
// content streams in the file itself).
std::optional<std::string> font_problem(Handle font) {
  if (!font.isDictionary()) return "is not a font dictionary";
  if (has_name(font, "/Subtype", "/Type3")) return std::nullopt;
  if (has_name(font, "/Subtype", "/Type0")) {
    auto descendants = items_of(font.getKey("/DescendantFonts"));
    if (descendants.empty()) return "is a Type0 font without /DescendantFonts";
    if (!has_embedded_font_file(descendants.front())) return "has a descendant font that is not embedded";
    return std::nullopt;
  }
  if (!entry(font, "/FontDescriptor").isDictionary()) return "has no /FontDescriptor (not embedded)";
  if (!has_embedded_font_file(font)) return "has no /FontFile, /FontFile2 or /FontFile3 (not embedded)";
  return std::nullopt;
}

class FontChecker {
 public:
  explicit FontChecker(Context& c) : c_(c) {}

  void check_resources(Handle resources, const std::string& where, int depth) {
    Handle fonts = entry(resources, "/Font");
    if (fonts.isDictionary())
      for (auto [name, font] : fonts.getDictAsMap()) check_font(font, where + ", font " + name);
    Handle xobjects = entry(resources, "/XObject");
    if (!xobjects.isDictionary() || depth >= kMaxDepth) return;
    for (auto [name, xobject] : xobjects.getDictAsMap()) {
      if (!xobject.isStream() || !has_name(xobject, "/Subtype", "/Form")) continue;
      if (xobject.isIndirect() && !seen_forms_.insert(xobject.getObjGen()).second) continue;
      check_resources(entry(xobject, "/Resources"), where + ", form XObject " + name, depth + 1);
    }
  }

 private:
  void check_font(Handle font, const std::string& where) {
    if (font.isIndirect() && !seen_fonts_.insert(font.getObjGen()).second) return;  // once per font
    auto problem = font_problem(font);
    if (!problem) return;
    auto base_font = name_of(entry(font, "/BaseFont"));
    c_.add("fonts-embedded",
           where + " (" + object_id(font) + (base_font ? ", /BaseFont " + *base_font : "") + ") " + *problem);
  }

  Context& c_;
  std::set<QPDFObjGen> seen_fonts_;
  std::set<QPDFObjGen> seen_forms_;
};

void check_fonts_embedded(Context& c) {
  FontChecker checker(c);
  for (size_t i = 0; i < c.pages.size(); ++i) {
    QPDFPageObjectHelper page = c.pages[i];
    checker.check_resources(page.getAttribute("/Resources", false), "page " + std::to_string(i + 1), 0);
  }
}

// ---- the structure tree's elements ---------------------------------------------------------

std::string node_place(const StructNode& node) { return node.path + " (" + object_id(node.element) + ")"; }

void check_figure_alt(Context& c) {
  for (const auto& node : c.structure().nodes) {
    if (node.type != "Figure") continue;
    auto alt = text_of(entry(node.element, "/Alt"));
    if (!alt || is_blank(*alt)) c.add("figure-alt", node_place(node) + ": a Figure without /Alt text");
  }
}

int heading_level(const std::string& type) {
  if (type.size() == 2 && type[0] == 'H' && type[1] >= '1' && type[1] <= '6') return type[1] - '0';
  return 0;
}

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

bool has_table_scope(Handle element) {
  for (auto attributes : items_of(element.getKey("/A"))) {
    if (!has_name(attributes, "/O", "/Table")) continue;  // revision numbers and other owners
    auto scope = name_of(entry(attributes, "/Scope"));
    if (scope == "/Row" || scope == "/Column" || scope == "/Both") return true;
  }
  return false;
}

void check_th_scope(Context& c) {
  for (const auto& node : c.structure().nodes)
    if (node.type == "TH" && !has_table_scope(node.element))
      c.add("th-scope", node_place(node) + ": a TH without a /Table attribute /Scope /Row, /Column or /Both");
}

void check_table_structure(Context& c) {
  static const std::map<std::string, std::set<std::string>> allowed_parents = {
      {"TR", {"Table", "THead", "TBody", "TFoot"}}, {"TH", {"TR"}}, {"TD", {"TR"}}, {"LI", {"L"}}};
  const auto& nodes = c.structure().nodes;
  for (const auto& node : nodes) {
    auto rule = allowed_parents.find(node.type);
    if (rule == allowed_parents.end()) continue;
    std::string parent = node.parent < 0 ? "StructTreeRoot" : nodes[static_cast<size_t>(node.parent)].type;
    if (rule->second.count(parent) == 0)
      c.add("table-structure", node_place(node) + ": a " + node.type + " inside " + parent);
  }
}

// ---- content and annotations ----------------------------------------------------------------

void check_tagged_content(Context& c) {
  for (const auto& problem : c.content().tagging_problems) c.add("tagged-content", problem);
}

void check_mcid_parent_tree(Context& c) {
  const ParentTree& tree = c.parent_tree();
  for (const auto& use : c.content().mcid_uses) {
    if (use.mcids.empty()) continue;
    if (!use.struct_parents) {
      c.add("mcid-parent-tree", use.where + ": MCIDs are used but there is no /StructParents");
      continue;
    }
    std::string key = " (/StructParents " + std::to_string(*use.struct_parents) + ")";
    auto found = tree.entries.find(*use.struct_parents);
    Handle parents = found == tree.entries.end() ? Handle::newNull() : found->second;
    if (!parents.isArray()) {
      c.add("mcid-parent-tree", use.where + key + ": the ParentTree has no array for this key");
      continue;
    }
    std::vector<std::string> missing;
    for (long long mcid : use.mcids)
      if (mcid < 0 || mcid >= parents.getArrayNItems() || !parents.getArrayItem(static_cast<int>(mcid)).isDictionary())
        missing.push_back(std::to_string(mcid));
    if (!missing.empty())
      c.add("mcid-parent-tree", use.where + key + ": no ParentTree entry for MCID " + listing(missing));
  }
  for (const auto& problem : tree.problems) c.add("mcid-parent-tree", problem);
}

bool prints(Handle annotation) {
  auto flags = integer_of(entry(annotation, "/F"));
  return flags && (*flags & 4) != 0;
}

void check_link(Context& c, Handle link, const std::string& where) {
  if (!prints(link)) c.add("link-annotations", where + ": /F does not have the Print flag (4)");
  auto contents = text_of(entry(link, "/Contents"));
  if (!contents || is_blank(*contents)) c.add("link-annotations", where + ": no /Contents");
  auto key = integer_of(entry(link, "/StructParent"));
  if (!key) return c.add("link-annotations", where + ": no /StructParent");
  auto found = c.parent_tree().entries.find(*key);
  Handle parent = found == c.parent_tree().entries.end() ? Handle::newNull() : found->second;
  if (!parent.isDictionary())
    c.add("link-annotations", where + ": /StructParent " + std::to_string(*key) +
                                  " has no structure element in the ParentTree");
}

template <typename Visit>
void for_each_annotation(Context& c, Visit visit) {
  for (size_t i = 0; i < c.pages.size(); ++i) {
    for (auto annotation : items_of(entry(c.pages[i].getObjectHandle(), "/Annots"))) {
      auto subtype = name_of(entry(annotation, "/Subtype"));
      visit(annotation, subtype.value_or("(no /Subtype)"),
            "page " + std::to_string(i + 1) + ", " + without_slash(subtype.value_or("")) + " annotation " +
                object_id(annotation));
    }
  }
}

void check_link_annotations(Context& c) {
  for_each_annotation(c, [&](Handle annotation, const std::string& subtype, const std::string& where) {
    if (subtype == "/Link") check_link(c, annotation, where);
  });
}

void check_annotation_print(Context& c) {
  for_each_annotation(c, [&](Handle annotation, const std::string& subtype, const std::string& where) {
    if (subtype == "/Link" || subtype == "/Popup") return;  // links have their own rule
    if (!prints(annotation)) c.add("annotation-print", where + ": /F does not have the Print flag (4)");
  });
}

// ---- running them ---------------------------------------------------------------------------

struct Rule {
  const char* name;
  void (*check)(Context&);
};

constexpr Rule kRules[] = {
    {"not-encrypted", check_not_encrypted},
    {"trailer-id", check_trailer_id},
    {"lang", check_lang},
    {"mark-info", check_mark_info},
    {"display-doc-title", check_display_doc_title},
    {"struct-tree", check_struct_tree},
    {"xmp", check_xmp},
    {"output-intent", check_output_intent},
    {"fonts-embedded", check_fonts_embedded},
    {"figure-alt", check_figure_alt},
    {"headings", check_headings},
    {"th-scope", check_th_scope},
    {"table-structure", check_table_structure},
    {"tagged-content", check_tagged_content},
    {"mcid-parent-tree", check_mcid_parent_tree},
    {"link-annotations", check_link_annotations},
    {"annotation-print", check_annotation_print},
};

void run_rules(QPDF& pdf, const std::string& expected_lang, Findings& findings) {
  Context context(pdf, expected_lang, findings);
  for (const Rule& rule : kRules) {
    try {
      rule.check(context);
    } catch (const std::exception& e) {
      findings.push_back({"unreadable", std::string(rule.name) + ": " + e.what()});
    }
  }
}

}  // namespace

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const Rule& rule : kRules) names.emplace_back(rule.name);
  return names;
}

std::vector<Finding> check_pdf(const std::string& path, const std::string& expected_lang) {
  Findings findings;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);  // a damaged file is judged by the rules, not by stderr noise
    pdf.processFile(path.c_str());
    run_rules(pdf, expected_lang, findings);
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      findings.push_back({"not-encrypted", path + ": encrypted with a user password; nothing else was checked"});
    else
      findings.push_back({"unreadable", e.what()});
  } catch (const std::exception& e) {
    findings.push_back({"unreadable", path + ": " + e.what()});
  }
  return findings;
}

}  // namespace rapport::pdfcheck
