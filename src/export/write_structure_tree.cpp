#include "export/write_structure_tree.hpp"

#include <optional>
#include <stdexcept>

namespace rapport {
namespace {

struct TreeContext {
  PdfFile& file;
  const StructureRecord& record;
  const WrittenPages& written;
  std::vector<ObjectId> elements;
  std::vector<std::vector<int>> mcids;  // per page, per marked-content sequence: its MCID, or -1 (artifact)
};

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

std::vector<int> mcids_of(const PageMarks& marks) {
  std::vector<int> out;
  int next = 0;
  for (long owner : marks.owners) out.push_back(owner == PageMarks::artifact ? -1 : next++);
  return out;
}

std::string attributes_of(const StructureElement& element, TreeContext& c) {
  std::vector<std::string> list;
  if (element.role == "TH" || element.colspan > 1) {
    std::string table = "<< /O /Table";
    const std::string& scope = element.details().scope;
    if (element.role == "TH") table += " /Scope " + pdf_name(scope.empty() ? "Column" : scope);
    if (element.colspan > 1) table += " /ColSpan " + std::to_string(element.colspan);
    list.push_back(table + " >>");
  }
  if (const auto& details = element.details(); details.bbox)
    list.push_back("<< /O /Layout /Placement /Block /BBox " + pdf_rectangle(*details.bbox, c.written.heights.at(details.bbox_page)) + " >>");
  if (list.empty()) return "";
  if (list.size() == 1) return " /A " + list.front();
  std::string all = " /A [";
  for (const auto& a : list) all += a + " ";
  all.back() = ']';
  return all;
}

// The page an element names in /Pg: the one its first marked content is on.
std::optional<size_t> home_page(const StructureElement& element) {
  for (const auto& kid : element.kids)
    if (kid.kind == StructureKid::Kind::content) return kid.page;
  return std::nullopt;
}

std::string kid_object(const StructureKid& kid, std::optional<size_t> home, TreeContext& c) {
  switch (kid.kind) {
    case StructureKid::Kind::element: return pdf_ref(c.elements.at(kid.index));
    case StructureKid::Kind::content: {
      int mcid = c.mcids.at(kid.page).at(kid.index);
      if (mcid < 0) throw std::logic_error("an element owns an artifact");
      if (home == kid.page) return std::to_string(mcid);
      return "<< /Type /MCR /Pg " + pdf_ref(c.written.pages.at(kid.page)) + " /MCID " + std::to_string(mcid) + " >>";
    }
    case StructureKid::Kind::link:
      return "<< /Type /OBJR /Pg " + pdf_ref(c.written.pages.at(kid.page)) + " /Obj " + pdf_ref(c.written.annotations.at(kid.index)) +
             " >>";
  }
  return "null";
}

void write_element(TreeContext& c, size_t index, ObjectId parent) {
  const StructureElement& element = c.record.elements[index];
  std::string body = "<< /Type /StructElem /S " + pdf_name(element.role) + " /P " + pdf_ref(parent);
  auto home = home_page(element);
  if (home) body += " /Pg " + pdf_ref(c.written.pages.at(*home));
  const auto& details = element.details();
  if (!details.alt.empty()) body += " /Alt " + pdf_text_string(details.alt);
  if (!details.id.empty()) body += " /ID " + pdf_byte_string(details.id);
  body += attributes_of(element, c);
  body += " /K [";
  for (const auto& kid : element.kids) body += kid_object(kid, home, c) + " ";
  if (body.back() == ' ') body.pop_back();
  body += "] >>";
  c.file.object(c.elements[index], body);
}

ObjectId write_parent_tree(TreeContext& c) {
  std::string numbers;
  const size_t pages = c.written.pages.size();
  for (size_t i = 0; i < pages; ++i) {
    const auto& owners = c.record.pages.at(i).owners;
    std::string slots = "[";
    for (size_t k = 0; k < owners.size(); ++k)
      if (owners[k] != PageMarks::artifact) slots += pdf_ref(c.elements.at(static_cast<size_t>(owners[k]))) + " ";
    if (slots.back() == ' ') slots.pop_back();
    slots += "]";
    numbers += std::to_string(i) + " " + pdf_ref(c.file.object(slots)) + " ";
  }
  for (size_t k = 0; k < c.record.links.size(); ++k)
    numbers += std::to_string(pages + k) + " " + pdf_ref(c.elements.at(c.record.links[k].element)) + " ";
  if (!numbers.empty()) numbers.pop_back();
  return c.file.object("<< /Nums [" + numbers + "] >>");
}

}  // namespace

std::string pdf_rectangle(const Box& box, double height) {
  std::string out = "[";
  for (double v : {box.x1, height - box.y2, box.x2, height - box.y1}) {
    append_number(out, v);
    out += ' ';
  }
  out.back() = ']';
  return out;
}

ObjectId write_empty_appearance(PdfFile& file) {
  // One space, not zero bytes: a stream with no data is one some readers cannot decode.
  ObjectId form = file.stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1]", " ", false);
  return file.object("<< /N " + pdf_ref(form) + " >>");
}

std::vector<ObjectId> write_link_annotations(PdfFile& file, const std::vector<LinkAnnotation>& links, size_t first_link,
                                             const PageLinks& page, ObjectId appearance) {
  std::vector<ObjectId> ids;
  for (size_t k = first_link; k < links.size(); ++k) {
    const LinkAnnotation& link = links[k];
    std::string body = "<< /Type /Annot /Subtype /Link /Rect " + pdf_rectangle(link.area, page.height) +
                       " /Border [0 0 0] /F 4 /Contents " + pdf_text_string(link.text) + " /StructParent " +
                       std::to_string(page.first_key + k) + " /AP " + pdf_ref(appearance) + " /P " + pdf_ref(page.page);
    if (link.target.starts_with("#")) body += " /Dest " + pdf_byte_string(link.target.substr(1));
    else body += " /A << /S /URI /URI " + pdf_byte_string(ascii_uri(link.target)) + " >>";
    ids.push_back(file.object(body + " >>"));
  }
  return ids;
}

ObjectId write_structure_tree(PdfFile& file, const StructureRecord& record, const WrittenPages& written) {
  if (record.pages.size() != written.pages.size()) throw std::logic_error("the structure's pages are not the pages written");
  TreeContext c{file, record, written, {}, {}};
  for (const auto& marks : record.pages) c.mcids.push_back(mcids_of(marks));
  ObjectId root = file.reserve();
  for (size_t i = 0; i < record.elements.size(); ++i) c.elements.push_back(file.reserve());
  std::vector<ObjectId> parents(record.elements.size(), root);
  for (size_t i = 0; i < record.elements.size(); ++i)
    for (const auto& kid : record.elements[i].kids)
      if (kid.kind == StructureKid::Kind::element) parents.at(kid.index) = c.elements[i];
  for (size_t i = 0; i < record.elements.size(); ++i) write_element(c, i, parents[i]);
  ObjectId parent_tree = write_parent_tree(c);
  file.object(root, "<< /Type /StructTreeRoot /K [" + pdf_ref(c.elements.front()) + "] /ParentTree " + pdf_ref(parent_tree) +
                        " /ParentTreeNextKey " + std::to_string(written.pages.size() + record.links.size()) + " >>");
  return root;
}

}  // namespace rapport
