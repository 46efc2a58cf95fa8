// Annotations: tagged (links inside Link elements), printed and visible, described, with a
// plain appearance, of types an archive can keep, on pages whose tab order follows the structure.
#include <algorithm>
#include <map>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

// The structure elements whose OBJR kids point at each annotation.
std::map<QPDFObjGen, std::vector<const StructNode*>> object_references(const StructTree& tree) {
  std::map<QPDFObjGen, std::vector<const StructNode*>> refs;
  for (const auto& node : tree.nodes)
    for (auto object : node.objects)
      if (object.isIndirect()) refs[object.getObjGen()].push_back(&node);
  return refs;
}

// An annotation's flags that keep it from printing or showing (ISO 32000-1 Table 165).
std::optional<std::string> flag_problem(Handle annotation, bool popup) {
  Handle f = entry(annotation, "/F");
  if (f.isNull() && popup) return std::nullopt;
  auto flags = integer_of(f);
  if (!flags) return "has no integer /F";
  if ((*flags & 4) == 0) return "/F does not have the Print flag (4)";
  static const std::pair<int, const char*> hiding[] = {{1, "Invisible"}, {2, "Hidden"}, {32, "NoView"}, {256, "ToggleNoView"}};
  for (const auto& [bit, name] : hiding)
    if (*flags & bit) return std::string("/F has the ") + name + " flag (" + std::to_string(bit) + ")";
  return std::nullopt;
}

bool zero_size(Handle annotation) {
  auto rect = items_of(entry(annotation, "/Rect"));
  if (rect.size() != 4) return false;
  auto x0 = number_of(rect[0]), y0 = number_of(rect[1]), x1 = number_of(rect[2]), y1 = number_of(rect[3]);
  return x0 && y0 && x1 && y1 && (*x0 == *x1 || *y0 == *y1);
}

// Why an appearance stream is not a usable form XObject (its data is stream-filters' concern).
std::optional<std::string> form_problem(Handle stream) {
  if (!stream.isStream()) return "is not a stream";
  auto subtype = name_of(entry(stream, "/Subtype"));
  if (subtype && *subtype != "/Form") return "has /Subtype " + *subtype + ", not /Form";
  auto bbox = items_of(entry(stream, "/BBox"));
  if (bbox.size() != 4 || !std::all_of(bbox.begin(), bbox.end(), [](Handle h) { return h.isNumber(); }))
    return "has no /BBox of four numbers";
  return std::nullopt;
}

void judge_appearance(const Annotation& a, std::vector<std::string>& problems) {
  Handle ap = entry(a.object, "/AP");
  bool needs = a.subtype != "/Popup" && a.subtype != "/Link" && !zero_size(a.object);
  if (ap.isNull()) {
    if (needs) problems.push_back(a.where + ": no appearance dictionary /AP");
    return;
  }
  if (!ap.isDictionary()) return problems.push_back(a.where + ": /AP is not a dictionary");
  for (const auto& key : ap.getKeys())
    if (key != "/N") problems.push_back(a.where + ": the appearance dictionary has " + key + " (only /N is allowed)");
  Handle normal = ap.getKey("/N");
  if (normal.isNull()) return problems.push_back(a.where + ": the appearance dictionary has no /N");
  // A button field's /N holds one appearance stream per state.
  bool states = normal.isDictionary() && a.subtype == "/Widget" && has_name(a.object, "/FT", "/Btn");
  std::vector<std::pair<std::string, Handle>> streams;
  if (states)
    for (auto [state, stream] : normal.getDictAsMap()) streams.emplace_back("/N " + state, stream);
  else
    streams.emplace_back("/N", normal);
  for (auto [name, stream] : streams)
    if (auto problem = form_problem(stream))
      problems.push_back(a.where + ": the appearance " + name + " (" + object_id(stream) + ") " + *problem);
}

}  // namespace

// PDF/UA-1 7.18.5, Matterhorn 28-011: every link annotation is the OBJR of exactly one Link
// (or Reference) element, and its /StructParent leads there.
void check_link_annotations(Context& c) {
  auto refs = object_references(c.structure());
  std::vector<std::string> problems;
  for (const auto& a : c.annotations()) {
    if (a.subtype != "/Link") continue;
    auto key = integer_of(entry(a.object, "/StructParent"));
    if (!key) {
      problems.push_back(a.where + ": no /StructParent");
    } else {
      auto found = c.parent_tree().entries.find(*key);
      Handle parent = found == c.parent_tree().entries.end() ? Handle::newNull() : found->second;
      if (!parent.isDictionary())
        problems.push_back(a.where + ": /StructParent " + std::to_string(*key) + " has no structure element in the ParentTree");
    }
    auto owners = a.object.isIndirect() ? refs[a.object.getObjGen()] : std::vector<const StructNode*>{};
    if (owners.size() != 1)
      problems.push_back(a.where + ": " + std::to_string(owners.size()) + " OBJRs in the structure tree refer to it, not 1");
    for (const auto* owner : owners)
      if (owner->type != "Link" && owner->type != "Reference")
        problems.push_back(a.where + ": its OBJR is in " + node_place(*owner) + ", not a Link or Reference");
  }
  c.add_all("link-annotations", problems);
}

// PDF/A-2 6.3.2: every annotation prints and shows (a Popup may leave /F out).
void check_annotation_print(Context& c) {
  std::vector<std::string> problems;
  for (const auto& a : c.annotations())
    if (auto problem = flag_problem(a.object, a.subtype == "/Popup")) problems.push_back(a.where + ": " + *problem);
  c.add_all("annotation-print", problems);
}

// PDF/UA-1 7.18.1, Matterhorn 28-004: an annotation says what it is in /Contents (form fields
// use /TU instead; a Popup shows its parent's).
void check_annotation_contents(Context& c) {
  std::vector<std::string> problems;
  for (const auto& a : c.annotations()) {
    if (a.subtype == "/Widget" || a.subtype == "/Popup") continue;
    auto contents = text_of(entry(a.object, "/Contents"));
    if (!contents || is_blank(*contents)) problems.push_back(a.where + ": no /Contents");
  }
  c.add_all("annotation-contents", problems);
}

// PDF/A-2 6.3.3: an appearance for every annotation that shows (Popup and Link excepted), the
// appearance dictionary holding only /N, each appearance a form XObject.
void check_annotation_appearance(Context& c) {
  std::vector<std::string> problems;
  for (const auto& a : c.annotations()) judge_appearance(a, problems);
  c.add_all("annotation-appearance", problems);
}

// PDF/A-2 6.3.1 (no 3D, Sound, Screen, Movie, nor a type ISO 32000-1 does not define) and
// PDF/UA-1 7.18.2 (no TrapNet). FileAttachment is embedded-files' concern.
void check_annotation_types(Context& c) {
  static const std::set<std::string> allowed = {
      "/Text",      "/Link",     "/FreeText", "/Line",  "/Square",         "/Circle",      "/Polygon",
      "/PolyLine",  "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink",
      "/Popup",     "/FileAttachment", "/Widget", "/PrinterMark", "/Watermark", "/Redact"};
  std::vector<std::string> problems;
  for (const auto& a : c.annotations())
    if (!allowed.count(a.subtype)) problems.push_back(a.where + ": the annotation type " + a.subtype + " is not allowed");
  c.add_all("annotation-types", problems);
}

// PDF/UA-1 7.18.3: a page with annotations has /Tabs /S, so tabbing follows the structure.
void check_tabs(Context& c) {
  std::vector<std::string> problems;
  for (size_t i = 0; i < c.pages.size(); ++i) {
    Handle page = c.pages[i].getObjectHandle();
    if (items_of(entry(page, "/Annots")).empty()) continue;
    if (!has_name(page, "/Tabs", "/S")) problems.push_back(page_label(i) + ": has annotations but no /Tabs /S");
  }
  c.add_all("tabs", problems);
}

}  // namespace rapport::pdfcheck
