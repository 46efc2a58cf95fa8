// Annotations, each broken one way on the hand-built PDF.
#include <doctest/doctest.h>

#include "pdf_fixture.hpp"

namespace rapport::test {
namespace {

// A Square annotation changed by `change`.
Mutation square(std::function<void(QPDF&, Handle)> change) {
  return [change](QPDF& pdf, TaggedPdf& d) { change(pdf, add_square(pdf, d)); };
}

Mutation square_of_type(const std::string& subtype) {
  return square([subtype](QPDF&, Handle a) { a.replaceKey("/Subtype", Handle::newName(subtype)); });
}

}  // namespace

std::vector<Variant> annotation_variants() {
  return {
      {"a link without /StructParent", "link-annotations", [](QPDF&, TaggedPdf& d) { d.annotation.removeKey("/StructParent"); }},
      {"a link whose /StructParent is not in the ParentTree", "link-annotations",
       [](QPDF&, TaggedPdf& d) { d.annotation.replaceKey("/StructParent", Handle::newInteger(9)); }},
      {"a link annotation claimed by two Link elements", "link-annotations",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle second = struct_element(pdf, "Link", d.document, d.page);
         second.replaceKey("/Alt", Handle::newString("timra.se"));
         Handle reference = Handle::parse("<< /Type /OBJR >>");
         reference.replaceKey("/Obj", d.annotation);
         second.replaceKey("/K", Handle::newArray({reference}));
         d.document.getKey("/K").appendItem(second);
       }},
      {"a link without /F", "annotation-print", [](QPDF&, TaggedPdf& d) { d.annotation.removeKey("/F"); }},
      {"a link with /F 2 (hidden)", "annotation-print", [](QPDF&, TaggedPdf& d) { d.annotation.replaceKey("/F", Handle::newInteger(2)); }},
      {"a square that prints but is hidden", "annotation-print",
       square([](QPDF&, Handle a) { a.replaceKey("/F", Handle::newInteger(6)); })},
      {"a square with NoView", "annotation-print", square([](QPDF&, Handle a) { a.replaceKey("/F", Handle::newInteger(36)); })},
      {"a square with ToggleNoView", "annotation-print", square([](QPDF&, Handle a) { a.replaceKey("/F", Handle::newInteger(260)); })},
      {"a link without /Contents", "annotation-contents", [](QPDF&, TaggedPdf& d) { d.annotation.removeKey("/Contents"); }},
      {"a square with a blank /Contents", "annotation-contents",
       square([](QPDF&, Handle a) { a.replaceKey("/Contents", Handle::newString(" ")); })},
      {"a square without an appearance", "annotation-appearance", square([](QPDF&, Handle a) { a.removeKey("/AP"); })},
      {"an appearance dictionary with /D", "annotation-appearance",
       square([](QPDF& pdf, Handle a) { a.getKey("/AP").replaceKey("/D", form_xobject(pdf, "0 0 9 9 re f")); })},
      {"an appearance /N that is a dictionary of states", "annotation-appearance",
       square([](QPDF& pdf, Handle a) {
         Handle states = Handle::newDictionary();
         states.replaceKey("/On", form_xobject(pdf, "0 0 9 9 re f"));
         a.getKey("/AP").replaceKey("/N", states);
       })},
      {"an appearance stream without /BBox", "annotation-appearance",
       square([](QPDF&, Handle a) { a.getKey("/AP").getKey("/N").getDict().removeKey("/BBox"); })},
      {"a Sound annotation", "annotation-types", square_of_type("/Sound")},
      {"a 3D annotation", "annotation-types", square_of_type("/3D")},
      {"a Screen annotation", "annotation-types", square_of_type("/Screen")},
      {"a TrapNet annotation", "annotation-types", square_of_type("/TrapNet")},
      {"an annotation type ISO 32000 does not define", "annotation-types", square_of_type("/Fancy")},
      {"a page with annotations and no /Tabs", "tabs", [](QPDF&, TaggedPdf& d) { d.page.removeKey("/Tabs"); }},
      {"a page with /Tabs /R", "tabs", [](QPDF&, TaggedPdf& d) { d.page.replaceKey("/Tabs", Handle::newName("/R")); }},
  };
}

}  // namespace rapport::test

TEST_CASE("pdf checker: each broken annotation invariant is reported under exactly its rule") {
  rapport::test::check_variants(rapport::test::annotation_variants());
}
