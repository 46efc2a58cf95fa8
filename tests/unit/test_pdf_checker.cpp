// The PDF checker must be able to fail. A tagged, archival PDF built here by hand
// (pdf_fixture.cpp) passes it and `qpdf --check`; each variant that breaks one invariant is
// reported under exactly that rule, so a green checker on rapport's output means something.
// The variants live by area in test_pdf_checker_*.cpp; the document-level ones are here.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>

#include <set>

#include "pdf_fixture.hpp"
#include "test_support.hpp"

using namespace rapport::test;
using rapport::pdfcheck::check_pdf;

namespace rapport::test {

std::vector<Variant> document_variants() {
  return {
      {"an encrypted file", "not-encrypted", nullptr, {true, false, nullptr}},
      {"no trailer /ID", "trailer-id", nullptr, {false, true, nullptr}},
      {"no /Lang", "lang", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/Lang"); }},
      {"/Lang en-US", "lang", [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/Lang", Handle::newString("en-US")); }},
      {"a different expected language", "lang", nullptr, {}, "en-GB"},
      {"/Marked false", "mark-info",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/MarkInfo", Handle::parse("<< /Marked false >>")); }},
      {"/Suspects true", "mark-info",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/MarkInfo", Handle::parse("<< /Marked true /Suspects true >>")); }},
      {"no /ViewerPreferences", "display-doc-title", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/ViewerPreferences"); }},
      {"/DisplayDocTitle false", "display-doc-title",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/ViewerPreferences", Handle::parse("<< /DisplayDocTitle false >>")); }},
      {"no /OutputIntents", "output-intent", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/OutputIntents"); }},
      {"an ICC profile with /N 4", "output-intent",
       [](QPDF&, TaggedPdf& d) { d.icc.getDict().replaceKey("/N", Handle::newInteger(4)); }},
      {"an ICC profile without 'acsp'", "output-intent",
       [](QPDF&, TaggedPdf& d) {
         std::string data = read_file("/usr/share/color/icc/sRGB.icc");
         data.replace(36, 4, "xxxx");
         d.icc.replaceStreamData(data, Handle::newNull(), Handle::newNull());
       }},
      {"an ICC input (scanner) profile", "output-intent",
       [](QPDF&, TaggedPdf& d) {
         std::string data = read_file("/usr/share/color/icc/sRGB.icc");
         data.replace(12, 4, "scnr");
         d.icc.replaceStreamData(data, Handle::newNull(), Handle::newNull());
       }},
      {"an ICC profile cut short", "output-intent",
       [](QPDF&, TaggedPdf& d) {
         d.icc.replaceStreamData(read_file("/usr/share/color/icc/sRGB.icc").substr(0, 400), Handle::newNull(), Handle::newNull());
       }},
      {"two output intents with different profiles", "output-intent",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle other = d.intent.shallowCopy();
         Handle profile = pdf.newStream(read_file("/usr/share/color/icc/sRGB.icc"));
         profile.getDict().replaceKey("/N", Handle::newInteger(3));
         other.replaceKey("/DestOutputProfile", profile);
         d.catalog.getKey("/OutputIntents").appendItem(other);
       }},
      {"a JavaScript OpenAction", "actions",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/OpenAction", Handle::parse("<< /S /JavaScript /JS (app.alert(1)) >>")); }},
      {"a JavaScript name tree", "actions",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/Names", Handle::parse("<< /JavaScript << /Names [] >> >>")); }},
      {"a link that launches a program", "actions",
       [](QPDF&, TaggedPdf& d) { d.annotation.replaceKey("/A", Handle::parse("<< /S /Launch /F (calc.exe) >>")); }},
      {"a URI action chained to a ResetForm", "actions",
       [](QPDF&, TaggedPdf& d) {
         d.annotation.replaceKey("/A", Handle::parse("<< /S /URI /URI (https://www.timra.se) /Next << /S /ResetForm >> >>"));
       }},
      {"a Named action that prints", "actions",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/OpenAction", Handle::parse("<< /S /Named /N /Print >>")); }},
      {"a Catalog /AA", "additional-actions",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/AA", Handle::parse("<< /WC << /S /URI /URI (x) >> >>")); }},
      {"a page /AA", "additional-actions",
       [](QPDF&, TaggedPdf& d) { d.page.replaceKey("/AA", Handle::parse("<< /O << /S /URI /URI (x) >> >>")); }},
      {"an embedded file", "embedded-files",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle file = pdf.newStream("data");
         Handle spec = Handle::parse("<< /Type /Filespec /F (a.txt) /EF << >> >>");
         spec.getKey("/EF").replaceKey("/F", file);
         Handle names = Handle::parse("<< /EmbeddedFiles << /Names [(a.txt)] >> >>");
         names.getKey("/EmbeddedFiles").getKey("/Names").appendItem(spec);
         d.catalog.replaceKey("/Names", names);
       }},
      {"an optional content configuration without /Name", "optional-content",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle group = indirect(pdf, "<< /Type /OCG /Name (Lager) >>");
         Handle properties = Handle::parse("<< /OCGs [] /D << /Order [] >> >>");
         properties.getKey("/OCGs").appendItem(group);
         properties.getKey("/D").getKey("/Order").appendItem(group);
         d.catalog.replaceKey("/OCProperties", properties);
       }},
      {"an optional content configuration with /AS", "optional-content",
       [](QPDF&, TaggedPdf& d) {
         d.catalog.replaceKey("/OCProperties", Handle::parse("<< /OCGs [] /D << /Name (Standard) /AS [] >> >>"));
       }},
  };
}

}  // namespace rapport::test

namespace {

std::vector<Variant> harmless_variants() {
  return {
      {"headings back up from H3 to H1", "",
       [](QPDF& pdf, TaggedPdf& d) {
         append_to_document(pdf, d, "H2");
         append_to_document(pdf, d, "H3");
         append_to_document(pdf, d, "H1");
       }},
      {"a role-mapped heading", "",
       [](QPDF&, TaggedPdf& d) {
         d.h1.replaceKey("/S", Handle::newName("/Rubrik"));
         d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Rubrik /H1 >>"));
       }},
      {"a role map through two names", "",
       [](QPDF&, TaggedPdf& d) {
         d.p.replaceKey("/S", Handle::newName("/Stycke"));
         d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Stycke /Brodtext /Brodtext /P >>"));
       }},
      {"TH attributes in an array with a revision number", "",
       [](QPDF&, TaggedPdf& d) {
         d.th.replaceKey("/A", Handle::parse("[<< /O /Layout /Placement /Block >> 0 << /O /Table /Scope /Row >>]"));
       }},
      {"a Figure's BBox among other attributes", "",
       [](QPDF&, TaggedPdf& d) {
         d.figure.replaceKey("/A", Handle::parse("[<< /O /Table /Scope /Row >> << /O /Layout /BBox [0 0 1.5 2] >>]"));
       }},
      {"a Popup that does not print", "",
       [](QPDF& pdf, TaggedPdf& d) { add_annotation(pdf, d, "<< /Type /Annot /Subtype /Popup /Rect [0 0 9 9] >>"); }},
      {"a Square annotation", "", [](QPDF& pdf, TaggedPdf& d) { add_square(pdf, d); }},
      {"a Span inside a tagged sequence", "",
       [](QPDF&, TaggedPdf& d) {
         replace_content(d, replaced(base_content(), "(Text) Tj", "(Text) Tj /Span BMC 0 0 m 5 5 l S EMC"));
       }},
      {"a GoTo OpenAction and navigation", "",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/OpenAction", Handle::parse("<< /S /Named /N /NextPage >>")); }},
      {"Info dates in another zone than the XMP's", "",
       [](QPDF&, TaggedPdf& d) { d.info.replaceKey("/CreationDate", Handle::newString("D:20210920220000Z")); }},
      {"XMP properties in the other form", "",
       [](QPDF&, TaggedPdf& d) {
         std::string xmp = replaced(xmp_packet(), "pdfaid:part=\"2\" pdfaid:conformance=\"A\"", "");
         xmp = replaced(xmp, "<pdfuaid:part>1</pdfuaid:part>", "");
         replace_xmp(d, replaced(xmp, "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
                                 "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" pdfuaid:part='1'"
                                 " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                                 "><pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance"));
       }},
      {"an XMP packet with comments, CDATA and character references", "",
       [](QPDF&, TaggedPdf& d) {
         replace_xmp(d, replaced(xmp_packet("  <!-- a comment -->\n"), "<pdfuaid:part>1</pdfuaid:part>",
                                 "<pdfuaid:part><![CDATA[1]]></pdfuaid:part>"));
       }},
  };
}

}  // namespace

TEST_CASE("pdf checker: a hand-built tagged PDF passes every rule and qpdf --check") {
  std::string path = write_variant(nullptr);
  auto findings = check_pdf(path);
  INFO(describe(findings));
  CHECK(findings.empty());
  auto qpdf = run_command("qpdf --check " + shell_quote(path));
  INFO(qpdf.output);
  CHECK(qpdf.status == 0);
  CHECK(qpdf.output.find("No syntax or stream encoding errors found") != std::string::npos);
}

TEST_CASE("pdf checker: each broken document-level invariant is reported under exactly its rule") {
  check_variants(document_variants());
}

TEST_CASE("pdf checker: every rule has a variant that breaks it") {
  std::set<std::string> covered;
  for (const auto& list : {document_variants(), structure_variants(), stream_variants(), font_variants(),
                           metadata_variants(), annotation_variants()})
    for (const auto& variant : list)
      if (variant.expected.find(", ") == std::string::npos) covered.insert(variant.expected);
  // A rule no single-rule variant breaks could be silently dead.
  for (const auto& rule : rapport::pdfcheck::rule_names()) {
    INFO(rule);
    CHECK(covered.count(rule) == 1);
  }
}

TEST_CASE("pdf checker: what a rule allows is not reported") { check_variants(harmless_variants()); }

TEST_CASE("pdf checker: details say where") {
  auto findings = check_pdf(write_variant([](QPDF&, TaggedPdf& d) {
    d.th.removeKey("/A");
    replace_content(d, base_content() + "BT /F1 12 Tf 72 500 Td (Fri) Tj (Mer) Tj ET\n");
  }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "th-scope");
  CHECK(findings[0].detail.rfind("Document[0]/Table[3]/TR[0]/TH[0] (obj ", 0) == 0);
  CHECK(findings[1].rule == "tagged-content");
  CHECK(findings[1].detail.rfind("page 1: 'Tj' at offset ", 0) == 0);
  CHECK(findings[1].detail.find("(2 painting operators in all)") != std::string::npos);
}

TEST_CASE("pdf checker: a rule lists ten details and then counts the rest") {
  auto findings = check_pdf(write_variant([](QPDF& pdf, TaggedPdf& d) {
    for (int i = 0; i < 14; ++i) d.document.getKey("/K").appendItem(struct_element(pdf, "Figure", d.document, d.page));
    for (int i = 0; i < 14; ++i) d.document.getKey("/K").getArrayItem(6 + i).replaceKey("/Alt", Handle::newString("x"));
  }));
  INFO(describe(findings));
  REQUIRE(findings.size() == 11);
  CHECK(findings.back().rule == "figure-bbox");
  CHECK(findings.back().detail == "… and 4 more like these (14 in all)");
}

TEST_CASE("pdf checker: a broken or missing file is a finding and never an exception") {
  std::string dir = temp_dir();
  write_file(dir + "/garbage.pdf", "this is not a PDF at all");
  CHECK(rules_of(check_pdf(dir + "/garbage.pdf")) == "unreadable");
  CHECK(rules_of(check_pdf(dir + "/missing.pdf")) == "unreadable");

  // Structures of the wrong type: no exception escapes, and nothing is read as fine.
  auto findings = check_pdf(write_variant([](QPDF&, TaggedPdf& d) {
    d.struct_root.replaceKey("/K", Handle::newString("not a kid"));
    d.struct_root.replaceKey("/ParentTree", Handle::newInteger(7));
    d.catalog.replaceKey("/MarkInfo", Handle::newArray());
    d.page.getKey("/Resources").replaceKey("/Font", Handle::parse("<< /F1 [1 2 3] >>"));
    d.annotation.replaceKey("/F", Handle::newName("/Print"));
  }));
  INFO(describe(findings));
  CHECK(rules_of(findings) ==
        "annotation-print, fonts-embedded, link-annotations, mark-info, mcid-claims, mcid-parent-tree, struct-tree, to-unicode");

  // A file whose xref offsets are wrong is read by qpdf only after a repair: reported as such.
  std::string good = read_file(write_variant(nullptr));
  size_t xref = good.rfind("startxref");
  REQUIRE(xref != std::string::npos);
  write_file(dir + "/moved.pdf", good.substr(0, 15) + "\n% shifted\n" + good.substr(15));
  auto moved = check_pdf(dir + "/moved.pdf");
  INFO(describe(moved));
  CHECK(rules_of(moved).find("unreadable") != std::string::npos);
}

TEST_CASE("pdf checker: the rapport-pdfcheck command prints findings and sets its status") {
  std::string good = write_variant(nullptr);
  auto result = run_command(shell_quote(RAPPORT_PDFCHECK) + " " + shell_quote(good));
  CHECK(result.status == 0);
  CHECK(result.output.empty());

  result = run_command(shell_quote(RAPPORT_PDFCHECK) + " " + shell_quote(good) + " --lang en-GB");
  CHECK(result.status == 1);
  CHECK(result.output == "lang: the Catalog /Lang is 'sv-SE', expected 'en-GB'\n");

  std::string bad = write_variant([](QPDF&, TaggedPdf& d) { d.figure.removeKey("/Alt"); });
  result = run_command(shell_quote(RAPPORT_PDFCHECK) + " " + shell_quote(bad));
  CHECK(result.status == 1);
  CHECK(result.output.rfind("figure-alt: Document[0]/Figure[2] (obj ", 0) == 0);

  CHECK(run_command(shell_quote(RAPPORT_PDFCHECK)).status == 2);
  CHECK(run_command(shell_quote(RAPPORT_PDFCHECK) + " " + shell_quote(good) + " --lang").status == 2);
}
