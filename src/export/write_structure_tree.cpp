#include "export/write_structure_tree.hpp"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <stdexcept>

namespace rapport {
namespace {

using Handle = QPDFObjectHandle;

struct PageInfo {
  Handle object;
  double height = 0;
  std::vector<int> mcids;  // of each marked-content sequence, in the order Cairo wrote them
};

struct TreeContext {
  QPDF& pdf;
  const StructureRecord& record;
  std::vector<PageInfo> pages;
  std::vector<Handle> elements;
  std::vector<Handle> annotations;
};

// Reads the MCIDs of the page's marked-content sequences in order and turns the artifacts'
// stand-in into artifact content proper: "/Private << /MCID 7 >> BDC" → "/Artifact BMC".
std::vector<int> read_marks(std::string& content) {
  static const std::string key = "<< /MCID ", closing = " >> BDC";
  static const std::string stand_in = std::string("/") + artifact_stand_in + " ";
  std::vector<int> mcids;
  std::string out;
  out.reserve(content.size());
  size_t from = 0;
  for (size_t at; (at = content.find(key, from)) != std::string::npos;) {
    size_t digits = at + key.size();
    size_t end = content.find_first_not_of("0123456789", digits);
    if (end == std::string::npos || end == digits || content.compare(end, closing.size(), closing) != 0) {
      out.append(content, from, digits - from);
      from = digits;
      continue;
    }
    mcids.push_back(std::stoi(content.substr(digits, end - digits)));
    bool artifact = at >= stand_in.size() && content.compare(at - stand_in.size(), stand_in.size(), stand_in) == 0;
    if (artifact) {
      out.append(content, from, at - stand_in.size() - from);
      out += "/Artifact BMC";
    } else {
      out.append(content, from, end + closing.size() - from);
    }
    from = end + closing.size();
  }
  out.append(content, from, std::string::npos);
  content = std::move(out);
  return mcids;
}

double page_height(Handle page) {
  Handle box = page.getKey("/MediaBox");
  if (!box.isArray() || box.getArrayNItems() != 4) throw std::runtime_error("a page without a MediaBox");
  return box.getArrayItem(3).getNumericValue() - box.getArrayItem(1).getNumericValue();
}

void read_pages(TreeContext& c) {
  auto pages = QPDFPageDocumentHelper(c.pdf).getAllPages();
  if (pages.size() != c.record.pages.size()) throw std::runtime_error("the PDF's pages are not the pages drawn");
  for (size_t i = 0; i < pages.size(); ++i) {
    Handle page = pages[i].getObjectHandle();
    Handle contents = page.getKey("/Contents");
    PageInfo info{page, page_height(page), {}};
    if (contents.isStream()) {
      auto data = contents.getStreamData(qpdf_dl_generalized);
      std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
      info.mcids = read_marks(text);
      contents.replaceStreamData(text, Handle::newNull(), Handle::newNull());
    }
    if (info.mcids.size() != c.record.pages[i].owners.size())
      throw std::runtime_error("page " + std::to_string(i + 1) + " has other marked content than was drawn");
    c.pages.push_back(std::move(info));
  }
}

// A URI action holds 7-bit ASCII (ISO 32000-1, 12.6.4.7): "föreningar" as "f%C3%B6reningar".
std::string ascii_uri(const std::string& uri) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : uri) {
    auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    }
  }
  return out;
}

Handle rectangle(const Box& box, double height) {
  Handle r = Handle::newArray();
  for (double v : {box.x1, height - box.y2, box.x2, height - box.y1}) r.appendItem(Handle::newReal(v, 2));
  return r;
}

// The links draw nothing of their own (the page draws their words), and PDF/A wants every
// annotation's appearance to say so: a form that draws nothing. One space, not zero bytes:
// libqpdf compresses zero bytes into a FlateDecode stream with no data, which no reader can
// decode (Ghostscript: "error reading a stream").
Handle empty_appearance(QPDF& pdf) {
  Handle form = Handle::newStream(&pdf, " ");
  form.getDict().replaceKey("/Type", Handle::newName("/XObject"));
  form.getDict().replaceKey("/Subtype", Handle::newName("/Form"));
  form.getDict().replaceKey("/BBox", Handle::parse("[0 0 1 1]"));
  Handle appearance = Handle::newDictionary();
  appearance.replaceKey("/N", form);
  return pdf.makeIndirectObject(appearance);
}

void add_annotations(TreeContext& c) {
  if (c.record.links.empty()) return;
  Handle appearance = empty_appearance(c.pdf);
  for (size_t k = 0; k < c.record.links.size(); ++k) {
    const LinkAnnotation& link = c.record.links[k];
    PageInfo& page = c.pages.at(link.page);
    Handle annotation = Handle::newDictionary();
    annotation.replaceKey("/Type", Handle::newName("/Annot"));
    annotation.replaceKey("/Subtype", Handle::newName("/Link"));
    annotation.replaceKey("/Rect", rectangle(link.area, page.height));
    annotation.replaceKey("/Border", Handle::parse("[0 0 0]"));
    annotation.replaceKey("/F", Handle::newInteger(4));  // printed, as PDF/A requires
    annotation.replaceKey("/Contents", Handle::newUnicodeString(link.text));
    annotation.replaceKey("/StructParent", Handle::newInteger(static_cast<long long>(c.pages.size() + k)));
    annotation.replaceKey("/AP", appearance);
    if (link.target.starts_with("#")) {
      annotation.replaceKey("/Dest", Handle::newString(link.target.substr(1)));
    } else {
      Handle action = Handle::newDictionary();
      action.replaceKey("/S", Handle::newName("/URI"));
      action.replaceKey("/URI", Handle::newString(ascii_uri(link.target)));
      annotation.replaceKey("/A", action);
    }
    annotation = c.pdf.makeIndirectObject(annotation);
    annotation.replaceKey("/P", page.object);
    Handle annots = page.object.getKey("/Annots");
    if (!annots.isArray()) {
      annots = Handle::newArray();
      page.object.replaceKey("/Annots", annots);
    }
    annots.appendItem(annotation);
    c.annotations.push_back(annotation);
  }
}

Handle attributes_of(const StructureElement& element, TreeContext& c) {
  Handle list = Handle::newArray();
  if (element.role == "TH" || element.colspan > 1) {
    Handle table = Handle::newDictionary();
    table.replaceKey("/O", Handle::newName("/Table"));
    if (element.role == "TH") table.replaceKey("/Scope", Handle::newName("/" + (element.scope.empty() ? "Column" : element.scope)));
    if (element.colspan > 1) table.replaceKey("/ColSpan", Handle::newInteger(element.colspan));
    list.appendItem(table);
  }
  if (element.bbox) {
    Handle layout = Handle::newDictionary();
    layout.replaceKey("/O", Handle::newName("/Layout"));
    layout.replaceKey("/Placement", Handle::newName("/Block"));
    layout.replaceKey("/BBox", rectangle(*element.bbox, c.pages.at(element.bbox_page).height));
    list.appendItem(layout);
  }
  return list;
}

// The page an element names in /Pg: the one its first marked content is on.
std::optional<size_t> home_page(const StructureElement& element) {
  for (const auto& kid : element.kids)
    if (kid.kind == StructureKid::Kind::content) return kid.page;
  return std::nullopt;
}

Handle kid_object(const StructureKid& kid, std::optional<size_t> home, TreeContext& c) {
  switch (kid.kind) {
    case StructureKid::Kind::element: return c.elements.at(kid.index);
    case StructureKid::Kind::content: {
      Handle mcid = Handle::newInteger(c.pages.at(kid.page).mcids.at(kid.index));
      if (home == kid.page) return mcid;
      Handle reference = Handle::newDictionary();
      reference.replaceKey("/Type", Handle::newName("/MCR"));
      reference.replaceKey("/Pg", c.pages.at(kid.page).object);
      reference.replaceKey("/MCID", mcid);
      return reference;
    }
    case StructureKid::Kind::link: {
      Handle reference = Handle::newDictionary();
      reference.replaceKey("/Type", Handle::newName("/OBJR"));
      reference.replaceKey("/Pg", c.pages.at(kid.page).object);
      reference.replaceKey("/Obj", c.annotations.at(kid.index));
      return reference;
    }
  }
  return Handle::newNull();
}

void fill_element(TreeContext& c, size_t index, Handle parent) {
  const StructureElement& element = c.record.elements[index];
  Handle object = c.elements[index];
  object.replaceKey("/Type", Handle::newName("/StructElem"));
  object.replaceKey("/S", Handle::newName("/" + element.role));
  object.replaceKey("/P", parent);
  auto home = home_page(element);
  if (home) object.replaceKey("/Pg", c.pages.at(*home).object);
  if (!element.alt.empty()) object.replaceKey("/Alt", Handle::newUnicodeString(element.alt));
  if (!element.id.empty()) object.replaceKey("/ID", Handle::newString(element.id));
  Handle attributes = attributes_of(element, c);
  if (attributes.getArrayNItems() == 1) object.replaceKey("/A", attributes.getArrayItem(0));
  if (attributes.getArrayNItems() > 1) object.replaceKey("/A", attributes);
  Handle kids = Handle::newArray();
  for (const auto& kid : element.kids) kids.appendItem(kid_object(kid, home, c));
  object.replaceKey("/K", kids);
}

Handle parent_tree(TreeContext& c) {
  Handle numbers = Handle::newArray();
  for (size_t i = 0; i < c.pages.size(); ++i) {
    const auto& owners = c.record.pages[i].owners;
    const auto& mcids = c.pages[i].mcids;
    int size = 0;
    for (size_t k = 0; k < mcids.size(); ++k)
      if (owners[k] != PageMarks::artifact) size = std::max(size, mcids[k] + 1);
    std::vector<Handle> slots(static_cast<size_t>(size), Handle::newNull());
    for (size_t k = 0; k < mcids.size(); ++k)
      if (owners[k] != PageMarks::artifact) slots[static_cast<size_t>(mcids[k])] = c.elements.at(static_cast<size_t>(owners[k]));
    c.pages[i].object.replaceKey("/StructParents", Handle::newInteger(static_cast<long long>(i)));
    numbers.appendItem(Handle::newInteger(static_cast<long long>(i)));
    numbers.appendItem(c.pdf.makeIndirectObject(Handle::newArray(slots)));
  }
  for (size_t k = 0; k < c.record.links.size(); ++k) {
    numbers.appendItem(Handle::newInteger(static_cast<long long>(c.pages.size() + k)));
    numbers.appendItem(c.elements.at(c.record.links[k].element));
  }
  Handle tree = Handle::newDictionary();
  tree.replaceKey("/Nums", numbers);
  return c.pdf.makeIndirectObject(tree);
}

}  // namespace

void write_structure_tree(QPDF& pdf, const StructureRecord& record) {
  TreeContext c{pdf, record, {}, {}, {}};
  read_pages(c);
  add_annotations(c);
  for (size_t i = 0; i < record.elements.size(); ++i) c.elements.push_back(pdf.makeIndirectObject(Handle::newDictionary()));
  Handle root = pdf.makeIndirectObject(Handle::newDictionary());
  root.replaceKey("/Type", Handle::newName("/StructTreeRoot"));
  std::vector<Handle> parents(record.elements.size(), root);
  for (size_t i = 0; i < record.elements.size(); ++i)
    for (const auto& kid : record.elements[i].kids)
      if (kid.kind == StructureKid::Kind::element) parents.at(kid.index) = c.elements[i];
  for (size_t i = 0; i < record.elements.size(); ++i) fill_element(c, i, parents[i]);
  root.replaceKey("/K", Handle::newArray(std::vector<Handle>{c.elements.front()}));
  root.replaceKey("/ParentTree", parent_tree(c));
  root.replaceKey("/ParentTreeNextKey", Handle::newInteger(static_cast<long long>(c.pages.size() + record.links.size())));
  for (auto& page : c.pages) page.object.replaceKey("/Tabs", Handle::newName("/S"));  // PDF/UA: tab order follows the structure
  pdf.getRoot().replaceKey("/StructTreeRoot", root);
}

}  // namespace rapport
