#pragma once
#include <qpdf/QPDF.hh>

#include "export/structure.hpp"

namespace rapport {

// Replaces the structure tree Cairo wrote into `pdf` with the one `record` describes: every
// element with its attributes (/Alt, the table attributes Scope and ColSpan, a Figure's
// Layout BBox), its kids in drawing order, the parent tree that maps each marked-content
// sequence and each link annotation back to its element, and the link annotations
// themselves (print flag, /Contents, an appearance, /StructParent). What Cairo drew as the
// artifacts' stand-in becomes /Artifact content. Throws std::runtime_error when the pages'
// marked content is not what `record` says was drawn.
void write_structure_tree(QPDF& pdf, const StructureRecord& record);

}  // namespace rapport
