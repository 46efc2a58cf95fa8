#pragma once
// What the rules share: readers that check an object's type before they read it, and the
// walks several rules reason about (the structure tree, the parent tree, the marked content
// and text of the pages), each done once, on first use, by the Context.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pdfcheck/check_pdf.hpp"

namespace rapport::pdfcheck {

using Handle = QPDFObjectHandle;
using Findings = std::vector<Finding>;

// Deeper than any real document; only a malicious or broken file nests further.
constexpr int kMaxDepth = 256;
// A detail lists this many items and then says how many there are in all.
constexpr size_t kMaxListed = 10;

// ---- readers that never call an accessor on an object of the wrong type ------------------

std::string object_id(Handle h);
std::optional<std::string> name_of(Handle h);
std::optional<std::string> text_of(Handle h);  // a text string as UTF-8
std::optional<long long> integer_of(Handle h);
std::optional<double> number_of(Handle h);  // an integer or a real
bool is_true(Handle h);
bool is_blank(const std::string& s);
Handle entry(Handle h, const std::string& key);  // a dictionary's or a stream dictionary's entry
bool has_name(Handle h, const std::string& key, const std::string& name);
std::vector<Handle> items_of(Handle h);  // "one item or an array of items"
std::string without_slash(const std::string& name);
std::string listing(const std::vector<std::string>& items);
std::string page_label(size_t index);  // "page 3" for index 2

// A stream's data with every filter applied, or nothing (and why) when a filter fails or qpdf
// warns about the data: a reader that recovers would hide a broken stream.
std::optional<std::string> decoded_data(QPDF& pdf, Handle stream, std::string& error);

// ---- the structure tree -------------------------------------------------------------------

// Which content a marked-content id belongs to: a page's content stream or a form XObject's.
struct McidKey {
  QPDFObjGen owner;
  long long mcid = 0;
  bool operator<(const McidKey& other) const {
    if (owner != other.owner) return owner < other.owner;
    return mcid < other.mcid;
  }
};

struct StructNode {
  Handle element;
  std::string type;      // after the RoleMap: the standard type the rules reason about
  std::string path;      // "Document[0]/Table[3]/TR[0]", the types as written, kid indexes
  int parent = -1;       // index into StructTree::nodes; -1 for a kid of the StructTreeRoot
  std::vector<int> kids;           // element kids, in /K order
  std::vector<McidKey> mcids;      // marked content it claims, directly
  std::vector<Handle> objects;     // the /Obj of its OBJR kids
};

struct StructTree {
  std::vector<StructNode> nodes;  // in document order (depth first, kids in /K order)
  std::vector<std::string> problems;
};

std::string node_place(const StructNode& node);  // path and object id, for details

// Follows the RoleMap from a type as written until a name it does not map; a loop stops
// where it closes (the role-map rule reports it).
std::string standard_type(Handle role_map, std::string type);

struct ParentTree {
  std::map<long long, Handle> entries;
  std::vector<std::string> problems;
};

// ---- the content streams ------------------------------------------------------------------

// The MCIDs one content stream uses, with the /StructParents key that lists their parents.
struct McidUse {
  std::string where;
  QPDFObjGen owner;
  std::optional<long long> struct_parents;
  std::set<long long> mcids;
  std::set<long long> with_text;  // MCIDs whose sequence shows a non-empty string
  std::vector<long long> repeated;  // an MCID opened a second time in the same stream
};

// Every string a font shows, as written (codes still encoded), and where it was first seen.
struct FontUse {
  Handle font;
  std::string where;
  std::set<std::string> strings;
};

struct ContentScan {
  std::vector<std::string> tagging_problems;  // details for tagged-content
  std::vector<McidUse> mcid_uses;
  std::map<QPDFObjGen, FontUse> fonts;  // by the font dictionary's object
};

struct Annotation {
  Handle object;
  std::string subtype;  // "/Link", or "(no /Subtype)"
  std::string where;    // "page 1, Link annotation obj 12 0"
  size_t page = 0;
};

class Context {
 public:
  Context(QPDF& file, std::string path, std::string lang, Findings& out);

  QPDF& pdf;
  std::string path;
  Handle catalog;
  std::vector<QPDFPageObjectHelper> pages;
  std::string expected_lang;

  void add(const std::string& rule, std::string detail) { out_.push_back({rule, std::move(detail)}); }
  // Reports at most kMaxListed details under `rule`, then one line with the count.
  void add_all(const std::string& rule, const std::vector<std::string>& details);

  Handle struct_root() { return entry(catalog, "/StructTreeRoot"); }
  Handle role_map() { return entry(struct_root(), "/RoleMap"); }
  const StructTree& structure();
  const ParentTree& parent_tree();
  const ContentScan& content();
  const std::vector<Annotation>& annotations();
  const std::string& bytes();  // the file as it is on disk

 private:
  Findings& out_;
  std::optional<StructTree> structure_;
  std::optional<ParentTree> parent_tree_;
  std::optional<ContentScan> content_;
  std::optional<std::vector<Annotation>> annotations_;
  std::optional<std::string> bytes_;
};

StructTree walk_structure(Handle struct_root);
ParentTree read_parent_tree(Handle struct_root);
ContentScan scan_content(const std::vector<QPDFPageObjectHelper>& pages);

}  // namespace rapport::pdfcheck
