#pragma once
#include <vector>

#include "export/pdf_file.hpp"
#include "export/structure.hpp"

namespace rapport {

// The pages and link annotations the structure tree refers to, as written.
struct WrittenPages {
  std::vector<ObjectId> pages;
  std::vector<double> heights;           // points, for boxes in PDF's upward coordinates
  std::vector<ObjectId> annotations;     // by link index
};

// Writes the structure tree `record` describes: every element with its attributes (/Alt,
// /ID, the table attributes Scope and ColSpan, a Figure's Layout BBox), its kids in drawing
// order (marked content by MCID, elements, link annotations by OBJR), and the parent tree that
// maps each page's marked content (key: the page's index) and each link annotation (key: the
// page count plus its index) back to its element. Returns the StructTreeRoot.
ObjectId write_structure_tree(PdfFile& file, const StructureRecord& record, const WrittenPages& written);

// The link annotations of one page, written before the page (whose /Annots lists them);
// `first_key` is the parent-tree key of the document's first link.
struct PageLinks {
  ObjectId page = 0;
  double height = 0;
  size_t first_key = 0;
};
std::vector<ObjectId> write_link_annotations(PdfFile& file, const std::vector<LinkAnnotation>& links, size_t first_link,
                                             const PageLinks& page, ObjectId appearance);
// The appearance every link annotation shares: a form that draws nothing (PDF/A wants one).
ObjectId write_empty_appearance(PdfFile& file);

// "[x1 y1 x2 y2]" of `box` (points from the top-left) in PDF's upward coordinates.
std::string pdf_rectangle(const Box& box, double height);

}  // namespace rapport
