// The structure tree, marked content and the parent tree, each broken one way on the
// hand-built PDF (pdf_fixture.cpp).
#include <doctest/doctest.h>

#include "pdf_fixture.hpp"

namespace rapport::test {
namespace {

void set_kids(Handle element, const std::string& syntax) { element.replaceKey("/K", Handle::parse(syntax)); }

// A second row under the table's only one, with just one cell.
void add_short_row(QPDF& pdf, TaggedPdf& d) {
  Handle row = struct_element(pdf, "TR", d.table, d.page);
  Handle cell = struct_element(pdf, "TD", row, d.page);
  row.replaceKey("/K", Handle::newArray({cell}));
  d.table.getKey("/K").appendItem(row);
}

// A TOC whose one entry holds the given element type.
void add_toc_holding(QPDF& pdf, TaggedPdf& d, const std::string& type) {
  Handle toc = struct_element(pdf, "TOC", d.document, d.page);
  Handle entry = struct_element(pdf, "TOCI", toc, d.page);
  Handle inner = struct_element(pdf, type, entry, d.page);
  entry.replaceKey("/K", Handle::newArray({inner}));
  toc.replaceKey("/K", Handle::newArray({entry}));
  d.document.getKey("/K").appendItem(toc);
}

}  // namespace

std::vector<Variant> structure_variants() {
  return {
      {"the first kid is a Div, not a Document", "struct-tree",
       [](QPDF&, TaggedPdf& d) { d.document.replaceKey("/S", Handle::newName("/Div")); }},
      {"an element that contains itself", "struct-tree", [](QPDF&, TaggedPdf& d) { d.list.getKey("/K").appendItem(d.document); }},
      {"a type neither standard nor mapped", "role-map",
       [](QPDF&, TaggedPdf& d) { d.h1.replaceKey("/S", Handle::newName("/Rubrik")); }},
      {"a RoleMap that remaps a standard type", "role-map",
       [](QPDF&, TaggedPdf& d) { d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Note /P >>")); }},
      {"a circular RoleMap", "role-map",
       [](QPDF&, TaggedPdf& d) { d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Ruta /Faelt /Faelt /Ruta >>")); }},
      {"a RoleMap ending at a non-standard type", "role-map",
       [](QPDF&, TaggedPdf& d) { d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Ruta /Faelt >>")); }},
      {"a Figure without /Alt", "figure-alt", [](QPDF&, TaggedPdf& d) { d.figure.removeKey("/Alt"); }},
      {"a Figure with an empty /Alt", "figure-alt", [](QPDF&, TaggedPdf& d) { d.figure.replaceKey("/Alt", Handle::newString("")); }},
      {"a role-mapped figure without /Alt", "figure-alt",
       [](QPDF&, TaggedPdf& d) {
         d.figure.removeKey("/Alt");
         d.figure.replaceKey("/S", Handle::newName("/Bild"));
         d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Bild /Figure >>"));
       }},
      {"a Formula without /Alt", "figure-alt", [](QPDF&, TaggedPdf& d) { d.figure.replaceKey("/S", Handle::newName("/Formula")); d.figure.removeKey("/Alt"); }},
      {"a Figure without a Layout BBox", "figure-bbox", [](QPDF&, TaggedPdf& d) { d.figure.removeKey("/A"); }},
      {"a Figure whose BBox has three numbers", "figure-bbox",
       [](QPDF&, TaggedPdf& d) { d.figure.replaceKey("/A", Handle::parse("<< /O /Layout /BBox [0 0 5] >>")); }},
      {"H1 then H3", "headings", [](QPDF& pdf, TaggedPdf& d) { append_to_document(pdf, d, "H3"); }},
      {"the first heading is H2", "headings", [](QPDF&, TaggedPdf& d) { d.h1.replaceKey("/S", Handle::newName("/H2")); }},
      {"a TH without /A", "th-scope", [](QPDF&, TaggedPdf& d) { d.th.removeKey("/A"); }},
      {"a TH with /Scope /Sideways", "th-scope",
       [](QPDF&, TaggedPdf& d) { d.th.replaceKey("/A", Handle::parse("<< /O /Table /Scope /Sideways >>")); }},
      {"a TH with a Layout attribute only", "th-scope",
       [](QPDF&, TaggedPdf& d) { d.th.replaceKey("/A", Handle::parse("<< /O /Layout /Scope /Row >>")); }},
      {"TH and TD inside a Div", "table-structure", [](QPDF&, TaggedPdf& d) { d.tr.replaceKey("/S", Handle::newName("/Div")); }},
      {"a TR inside a Div", "table-structure", [](QPDF&, TaggedPdf& d) { d.table.replaceKey("/S", Handle::newName("/Div")); }},
      {"a TD retagged as P inside a TR", "table-structure", [](QPDF&, TaggedPdf& d) { d.td.replaceKey("/S", Handle::newName("/P")); }},
      {"a Table holding marked content", "table-structure",
       [](QPDF&, TaggedPdf& d) {
         d.table.replaceKey("/K", Handle::newArray({d.tr, Handle::newInteger(4)}));
         d.td.removeKey("/K");
         d.page_parents.setArrayItem(4, d.table);
       }},
      {"a TD with /ColSpan 0", "table-spans",
       [](QPDF&, TaggedPdf& d) { d.td.replaceKey("/A", Handle::parse("<< /O /Table /ColSpan 0 >>")); }},
      {"a TH with /RowSpan (2)", "table-spans",
       [](QPDF&, TaggedPdf& d) { d.th.replaceKey("/A", Handle::parse("<< /O /Table /Scope /Column /RowSpan (2) >>")); }},
      {"a row with a cell missing", "table-columns", add_short_row},
      {"a row short by a ColSpan", "table-columns",
       [](QPDF& pdf, TaggedPdf& d) {
         add_short_row(pdf, d);
         d.td.replaceKey("/A", Handle::parse("<< /O /Table /ColSpan 2 >>"));
         Handle third = struct_element(pdf, "TD", d.table.getKey("/K").getArrayItem(1), d.page);
         d.table.getKey("/K").getArrayItem(1).getKey("/K").appendItem(third);
       }},
      {"an LI inside a Div", "list-structure", [](QPDF&, TaggedPdf& d) { d.list.replaceKey("/S", Handle::newName("/Div")); }},
      {"a P inside an L", "list-structure", [](QPDF&, TaggedPdf& d) { d.li.replaceKey("/S", Handle::newName("/P")); }},
      {"an LI holding marked content", "list-structure",
       [](QPDF&, TaggedPdf& d) {
         Handle body = d.li.getKey("/K").getArrayItem(0);
         body.removeKey("/K");
         d.li.getKey("/K").appendItem(Handle::newInteger(5));
         d.page_parents.setArrayItem(5, d.li);
       }},
      {"a TOCI holding a Span", "toc-structure", [](QPDF& pdf, TaggedPdf& d) { add_toc_holding(pdf, d, "Span"); }},
      {"a TOCI holding a Div", "toc-structure", [](QPDF& pdf, TaggedPdf& d) { add_toc_holding(pdf, d, "Div"); }},
      {"a Link whose text is empty", "link-structure",
       [](QPDF&, TaggedPdf& d) { replace_content(d, replaced(base_content(), "(timra.se) Tj", "() Tj")); }},
      {"a Link with an empty marked-content sequence", "link-structure",
       [](QPDF&, TaggedPdf& d) { replace_content(d, replaced(base_content(), "BT /F1 10 Tf 72 540 Td (timra.se) Tj ET", "")); }},
      {"a Link element without its OBJR", "link-annotations, link-structure, parent-tree",
       [](QPDF&, TaggedPdf& d) { set_kids(d.link, "6"); }},
      {"text outside marked content", "tagged-content",
       [](QPDF&, TaggedPdf& d) { replace_content(d, base_content() + "BT /F1 12 Tf 72 500 Td (Fri) Tj ET\n"); }},
      {"a path in a Span without MCID", "tagged-content",
       [](QPDF&, TaggedPdf& d) { replace_content(d, base_content() + "/Span BMC 0 0 m 5 5 l S EMC\n"); }},
      {"an inline image outside marked content", "tagged-content",
       [](QPDF&, TaggedPdf& d) {
         replace_content(d, base_content() + "q 10 0 0 10 300 300 cm BI /W 1 /H 1 /BPC 8 /CS /G ID x EI Q\n");
       }},
      {"an EMC too many", "tagged-content", [](QPDF&, TaggedPdf& d) { replace_content(d, base_content() + "EMC\n"); }},
      {"MCID 6 missing from the ParentTree", "mcid-parent-tree", [](QPDF&, TaggedPdf& d) { d.page_parents.eraseItem(6); }},
      {"a page without /StructParents", "mcid-parent-tree", [](QPDF&, TaggedPdf& d) { d.page.removeKey("/StructParents"); }},
      {"an MCID claimed by two elements", "mcid-claims", [](QPDF&, TaggedPdf& d) { set_kids(d.p, "[1 0]"); }},
      {"an element claiming an MCID the page lacks", "mcid-claims", [](QPDF&, TaggedPdf& d) { set_kids(d.p, "[1 8]"); }},
      {"one MCID marking two sequences", "mcid-claims",
       [](QPDF&, TaggedPdf& d) { replace_content(d, base_content() + "/P <</MCID 1>> BDC 0 0 m 5 5 l S EMC\n"); }},
      {"a ParentTree entry pointing at the wrong element", "parent-tree",
       [](QPDF&, TaggedPdf& d) { d.page_parents.setArrayItem(1, d.h1); }},
      {"a ParentTreeNextKey not past the keys", "parent-tree",
       [](QPDF&, TaggedPdf& d) { d.struct_root.replaceKey("/ParentTreeNextKey", Handle::newInteger(1)); }},
      {"an annotation's ParentTree entry without its OBJR", "parent-tree",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle square = add_square(pdf, d);
         square.replaceKey("/StructParent", Handle::newInteger(2));
         Handle annot = struct_element(pdf, "Annot", d.document, d.page);
         d.document.getKey("/K").appendItem(annot);
         d.struct_root.getKey("/ParentTree").getKey("/Nums").appendItem(Handle::newInteger(2));
         d.struct_root.getKey("/ParentTree").getKey("/Nums").appendItem(annot);
         d.struct_root.replaceKey("/ParentTreeNextKey", Handle::newInteger(3));
       }},
      {"a Note without /ID", "note-id",
       [](QPDF& pdf, TaggedPdf& d) { append_to_document(pdf, d, "Note"); }},
      {"two Notes with one /ID", "note-id",
       [](QPDF& pdf, TaggedPdf& d) {
         for (int i = 0; i < 2; ++i) {
           append_to_document(pdf, d, "Note");
           Handle kids = d.document.getKey("/K");
           kids.getArrayItem(kids.getArrayNItems() - 1).replaceKey("/ID", Handle::newString("^1"));
         }
       }},
  };
}

}  // namespace rapport::test

TEST_CASE("pdf checker: each broken structure invariant is reported under exactly its rule") {
  rapport::test::check_variants(rapport::test::structure_variants());
}
