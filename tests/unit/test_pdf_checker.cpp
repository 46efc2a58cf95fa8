// The PDF checker must be able to fail. A tagged, archival PDF built here by hand passes it
// (and `qpdf --check`); each variant that breaks one invariant is reported under exactly that
// rule, so a green checker on rapport's output means something.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport::test;
using rapport::pdfcheck::check_pdf;
using rapport::pdfcheck::Finding;
using Handle = QPDFObjectHandle;

namespace {

const std::string kFontFile = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf";
const std::string kIccProfile = "/usr/share/color/icc/sRGB.icc";
// Non-ASCII and an XML entity, so the XMP and the Info title are compared decoded.
const std::string kTitle = "Delårsrapport 2021 – Kommunstyrelsen & nämnder";

const std::string kContent =
    "/H1 <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Hej) Tj ET EMC\n"
    "/P <</MCID 1>> BDC BT /F1 12 Tf 72 700 Td (Text) Tj ET EMC\n"
    "/Figure <</MCID 2>> BDC 72 600 50 50 re f EMC\n"
    "/TH <</MCID 3>> BDC BT /F1 10 Tf 72 580 Td (Rubrik) Tj ET EMC\n"
    "/TD <</MCID 4>> BDC BT /F1 10 Tf 200 580 Td (12) Tj ET EMC\n"
    "/LI <</MCID 5>> BDC BT /F1 10 Tf 72 560 Td (Punkt) Tj ET EMC\n"
    "/Link <</MCID 6>> BDC BT /F1 10 Tf 72 540 Td (timra.se) Tj ET EMC\n"
    "/Artifact BMC 0 0 m 10 0 l S EMC\n";

// pdfaid in attribute form, pdfuaid and dc:title in element form: the checker reads both.
std::string xmp_packet(const std::string& extra_description = "") {
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
         "    pdfaid:part=\"2\" pdfaid:conformance=\"A\"/>\n"
         "  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
         "   <pdfuaid:part>1</pdfuaid:part>\n"
         "  </rdf:Description>\n"
         "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
         "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Delårsrapport 2021 – Kommunstyrelsen &amp; "
         "nämnder</rdf:li></rdf:Alt></dc:title>\n"
         "  </rdf:Description>\n"
         "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
         "    xmp:CreateDate=\"2021-09-21T00:00:00+02:00\"/>\n" +
         extra_description +
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>\n";
}

// The objects a variant reaches into to break one thing.
struct TaggedPdf {
  Handle catalog, page, content, font, struct_root, document, h1, figure, table, tr, th, list, li, annotation,
      page_parents, metadata, info, icc;
};

Handle indirect(QPDF& pdf, const std::string& syntax) {
  return pdf.makeIndirectObject(Handle::parse(&pdf, syntax));
}

Handle add_embedded_font(QPDF& pdf) {
  std::string data = read_file(kFontFile);
  REQUIRE(!data.empty());
  Handle file = pdf.newStream(data);
  file.getDict().replaceKey("/Length1", Handle::newInteger(static_cast<long long>(data.size())));
  Handle descriptor = indirect(pdf,
                               "<< /Type /FontDescriptor /FontName /Carlito /Flags 32 /FontBBox [-500 -300 1300 1000]"
                               " /ItalicAngle 0 /Ascent 952 /Descent -269 /CapHeight 644 /StemV 80 >>");
  descriptor.replaceKey("/FontFile2", file);
  std::string widths;
  for (int c = 32; c <= 126; ++c) widths += "500 ";
  Handle font = indirect(pdf, "<< /Type /Font /Subtype /TrueType /BaseFont /Carlito /FirstChar 32 /LastChar 126"
                              " /Widths [" + widths + "] /Encoding /WinAnsiEncoding >>");
  font.replaceKey("/FontDescriptor", descriptor);
  return font;
}

Handle struct_element(QPDF& pdf, const std::string& type, Handle parent, Handle page) {
  Handle element = indirect(pdf, "<< /Type /StructElem /S /" + type + " >>");
  element.replaceKey("/P", parent);
  element.replaceKey("/Pg", page);
  return element;
}

Handle array_of(const std::vector<Handle>& items) { return Handle::newArray(items); }

void add_structure(QPDF& pdf, TaggedPdf& doc) {
  doc.struct_root = indirect(pdf, "<< /Type /StructTreeRoot /ParentTreeNextKey 2 >>");
  doc.document = struct_element(pdf, "Document", doc.struct_root, doc.page);
  doc.h1 = struct_element(pdf, "H1", doc.document, doc.page);
  Handle p = struct_element(pdf, "P", doc.document, doc.page);
  doc.figure = struct_element(pdf, "Figure", doc.document, doc.page);
  doc.figure.replaceKey("/Alt", Handle::newUnicodeString("Ett blått fält"));
  doc.table = struct_element(pdf, "Table", doc.document, doc.page);
  doc.tr = struct_element(pdf, "TR", doc.table, doc.page);
  doc.th = struct_element(pdf, "TH", doc.tr, doc.page);
  doc.th.replaceKey("/A", Handle::parse("<< /O /Table /Scope /Column >>"));
  Handle td = struct_element(pdf, "TD", doc.tr, doc.page);
  doc.list = struct_element(pdf, "L", doc.document, doc.page);
  doc.li = struct_element(pdf, "LI", doc.list, doc.page);
  Handle link = struct_element(pdf, "Link", doc.document, doc.page);

  std::vector<Handle> by_mcid = {doc.h1, p, doc.figure, doc.th, td, doc.li, link};
  for (size_t mcid = 0; mcid < by_mcid.size(); ++mcid)
    if (by_mcid[mcid].getKey("/K").isNull())
      by_mcid[mcid].replaceKey("/K", Handle::newInteger(static_cast<long long>(mcid)));
  Handle object_reference = Handle::parse("<< /Type /OBJR >>");
  object_reference.replaceKey("/Obj", doc.annotation);
  link.replaceKey("/K", array_of({Handle::newInteger(6), object_reference}));
  doc.tr.replaceKey("/K", array_of({doc.th, td}));
  doc.table.replaceKey("/K", array_of({doc.tr}));
  doc.list.replaceKey("/K", array_of({doc.li}));
  doc.document.replaceKey("/K", array_of({doc.h1, p, doc.figure, doc.table, doc.list, link}));
  doc.struct_root.replaceKey("/K", array_of({doc.document}));

  // Key 0: the page's MCIDs (its /StructParents); key 1: the link annotation's /StructParent.
  doc.page_parents = array_of(by_mcid);
  Handle parent_tree = Handle::newDictionary();
  parent_tree.replaceKey("/Nums", array_of({Handle::newInteger(0), doc.page_parents, Handle::newInteger(1), link}));
  doc.struct_root.replaceKey("/ParentTree", parent_tree);
}

void add_page(QPDF& pdf, TaggedPdf& doc) {
  doc.page = indirect(pdf, "<< /Type /Page /MediaBox [0 0 595 842] /Tabs /S /StructParents 0 >>");
  doc.content = pdf.newStream(kContent);
  doc.page.replaceKey("/Contents", doc.content);
  doc.font = add_embedded_font(pdf);
  Handle fonts = Handle::newDictionary();
  fonts.replaceKey("/F1", doc.font);
  Handle resources = Handle::newDictionary();
  resources.replaceKey("/Font", fonts);
  doc.page.replaceKey("/Resources", resources);

  doc.annotation = indirect(pdf, "<< /Type /Annot /Subtype /Link /Rect [72 536 120 552] /Border [0 0 0] /F 4"
                                 " /StructParent 1 /A << /S /URI /URI (https://www.timra.se) >> >>");
  doc.annotation.replaceKey("/Contents", Handle::newUnicodeString("Timrå kommuns webbplats"));
  doc.page.replaceKey("/Annots", array_of({doc.annotation}));
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(doc.page), false);
}

void add_catalog_entries(QPDF& pdf, TaggedPdf& doc) {
  doc.catalog = pdf.getRoot();
  doc.catalog.replaceKey("/Lang", Handle::newString("sv-SE"));
  doc.catalog.replaceKey("/MarkInfo", Handle::parse("<< /Marked true >>"));
  doc.catalog.replaceKey("/ViewerPreferences", Handle::parse("<< /DisplayDocTitle true >>"));
  doc.catalog.replaceKey("/StructTreeRoot", doc.struct_root);

  doc.metadata = pdf.newStream(xmp_packet());
  doc.metadata.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
  doc.metadata.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
  doc.catalog.replaceKey("/Metadata", doc.metadata);

  doc.icc = pdf.newStream(read_file(kIccProfile));
  doc.icc.getDict().replaceKey("/N", Handle::newInteger(3));
  Handle intent = Handle::parse("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                                " /Info (sRGB IEC61966-2.1) >>");
  intent.replaceKey("/DestOutputProfile", doc.icc);
  doc.catalog.replaceKey("/OutputIntents", array_of({intent}));

  doc.info = pdf.makeIndirectObject(Handle::newDictionary());
  doc.info.replaceKey("/Title", Handle::newUnicodeString(kTitle));
  pdf.getTrailer().replaceKey("/Info", doc.info);
}

// Everything every rule asks for, on one page.
TaggedPdf build_tagged_pdf(QPDF& pdf) {
  pdf.emptyPDF();
  TaggedPdf doc;
  add_page(pdf, doc);
  add_structure(pdf, doc);
  add_catalog_entries(pdf, doc);
  return doc;
}

struct WriteOptions {
  bool encrypt = false;
  bool drop_id = false;  // QPDFWriter always writes /ID; the test blanks it out afterwards
};

// Blanks the trailer's /ID with spaces: the byte offsets, and so the xref table, stay right.
void blank_trailer_id(const std::string& path) {
  std::string bytes = read_file(path);
  size_t trailer = bytes.rfind("trailer");
  REQUIRE(trailer != std::string::npos);
  size_t id = bytes.find("/ID", trailer);
  size_t end = bytes.find(']', id);
  REQUIRE(end != std::string::npos);
  bytes.replace(id, end + 1 - id, end + 1 - id, ' ');
  write_file(path, bytes);
}

void write_pdf(QPDF& pdf, const std::string& path, const WriteOptions& options) {
  QPDFWriter writer(pdf, path.c_str());
  writer.setObjectStreamMode(qpdf_o_disable);  // a plain-text trailer blank_trailer_id can edit
  if (options.encrypt) {
    // qpdf will not derive a deterministic ID for an encrypted file; its static test ID will do.
    writer.setStaticID(true);
    writer.setR6EncryptionParameters("", "owner", true, true, true, true, true, true, qpdf_r3p_full, true);
  } else {
    writer.setDeterministicID(true);
  }
  writer.write();
  if (options.drop_id) blank_trailer_id(path);
}

using Mutation = std::function<void(QPDF&, TaggedPdf&)>;

struct Variant {
  std::string name;
  std::string expected;  // the rules reported, sorted and joined by ", "
  Mutation mutate;
  WriteOptions options{};
  std::string lang = "sv-SE";
};

std::string write_variant(const Mutation& mutate, const WriteOptions& options = {}) {
  QPDF pdf;
  TaggedPdf doc = build_tagged_pdf(pdf);
  if (mutate) mutate(pdf, doc);
  std::string path = temp_dir() + "/variant.pdf";
  write_pdf(pdf, path, options);
  return path;
}

std::string rules_of(const std::vector<Finding>& findings) {
  std::set<std::string> rules;
  for (const auto& finding : findings) rules.insert(finding.rule);
  std::string out;
  for (const auto& rule : rules) out += (out.empty() ? "" : ", ") + rule;
  return out;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& finding : findings) out += finding.rule + ": " + finding.detail + "\n";
  return out;
}

void replace_content(TaggedPdf& doc, const std::string& content) {
  doc.content.replaceStreamData(content, Handle::newNull(), Handle::newNull());
}

void replace_xmp(TaggedPdf& doc, const std::string& xmp) {
  doc.metadata.replaceStreamData(xmp, Handle::newNull(), Handle::newNull());
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Adds an element after the last kid of the Document.
void append_to_document(QPDF& pdf, TaggedPdf& doc, const std::string& type) {
  Handle element = struct_element(pdf, type, doc.document, doc.page);
  doc.document.getKey("/K").appendItem(element);
}

void add_annotation(QPDF& pdf, TaggedPdf& doc, const std::string& syntax) {
  doc.page.getKey("/Annots").appendItem(indirect(pdf, syntax));
}

// A form XObject, painted as an artifact, whose text uses a font that is not embedded.
void paint_form_with_helvetica(QPDF& pdf, TaggedPdf& doc) {
  Handle form = pdf.newStream("BT /F2 9 Tf 0 0 Td (Sidfot) Tj ET");
  form.getDict().replaceKey("/Type", Handle::newName("/XObject"));
  form.getDict().replaceKey("/Subtype", Handle::newName("/Form"));
  form.getDict().replaceKey("/BBox", Handle::parse("[0 0 100 20]"));
  Handle helvetica = Handle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  form.getDict().replaceKey("/Resources", Handle::parse("<< /Font << >> >>"));
  form.getDict().getKey("/Resources").getKey("/Font").replaceKey("/F2", helvetica);
  Handle xobjects = Handle::newDictionary();
  xobjects.replaceKey("/Fm0", form);
  doc.page.getKey("/Resources").replaceKey("/XObject", xobjects);
  replace_content(doc, kContent + "/Artifact BMC q 1 0 0 1 72 40 cm /Fm0 Do Q EMC\n");
}

std::vector<Variant> broken_variants() {
  return {
      {"an encrypted file", "not-encrypted", nullptr, {true, false}},
      {"no trailer /ID", "trailer-id", nullptr, {false, true}},
      {"no /Lang", "lang", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/Lang"); }},
      {"/Lang en-US", "lang", [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/Lang", Handle::newString("en-US")); }},
      {"a different expected language", "lang", nullptr, {}, "en-GB"},
      {"/Marked false", "mark-info",
       [](QPDF&, TaggedPdf& d) { d.catalog.replaceKey("/MarkInfo", Handle::parse("<< /Marked false >>")); }},
      {"no /ViewerPreferences", "display-doc-title",
       [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/ViewerPreferences"); }},
      {"/DisplayDocTitle false", "display-doc-title",
       [](QPDF&, TaggedPdf& d) {
         d.catalog.replaceKey("/ViewerPreferences", Handle::parse("<< /DisplayDocTitle false >>"));
       }},
      {"the first kid is a Div, not a Document", "struct-tree",
       [](QPDF&, TaggedPdf& d) { d.document.replaceKey("/S", Handle::newName("/Div")); }},
      {"an element that contains itself", "struct-tree",
       [](QPDF&, TaggedPdf& d) { d.list.getKey("/K").appendItem(d.document); }},
      {"XMP without pdfuaid", "xmp",
       [](QPDF&, TaggedPdf& d) {
         replace_xmp(d, replaced(xmp_packet(), "<pdfuaid:part>1</pdfuaid:part>", ""));
       }},
      {"XMP pdfaid:part 1", "xmp",
       [](QPDF&, TaggedPdf& d) { replace_xmp(d, replaced(xmp_packet(), "pdfaid:part=\"2\"", "pdfaid:part=\"1\"")); }},
      {"XMP without conformance", "xmp",
       [](QPDF&, TaggedPdf& d) { replace_xmp(d, replaced(xmp_packet(), "pdfaid:conformance=\"A\"", "")); }},
      {"XMP without CreateDate", "xmp",
       [](QPDF&, TaggedPdf& d) {
         replace_xmp(d, replaced(xmp_packet(), "xmp:CreateDate=\"2021-09-21T00:00:00+02:00\"", ""));
       }},
      {"XMP title differs from Info", "xmp",
       [](QPDF&, TaggedPdf& d) { d.info.replaceKey("/Title", Handle::newUnicodeString("Delårsrapport 2020")); }},
      {"no Info /Title", "xmp", [](QPDF&, TaggedPdf& d) { d.info.removeKey("/Title"); }},
      {"no /Metadata", "xmp", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/Metadata"); }},
      {"/Metadata without /Subtype /XML", "xmp",
       [](QPDF&, TaggedPdf& d) { d.metadata.getDict().removeKey("/Subtype"); }},
      {"no /OutputIntents", "output-intent", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/OutputIntents"); }},
      {"an ICC profile with /N 4", "output-intent",
       [](QPDF&, TaggedPdf& d) { d.icc.getDict().replaceKey("/N", Handle::newInteger(4)); }},
      {"a font without its file", "fonts-embedded",
       [](QPDF&, TaggedPdf& d) { d.font.getKey("/FontDescriptor").removeKey("/FontFile2"); }},
      {"Helvetica, unembedded, in a form XObject", "fonts-embedded", paint_form_with_helvetica},
      {"a Figure without /Alt", "figure-alt", [](QPDF&, TaggedPdf& d) { d.figure.removeKey("/Alt"); }},
      {"a Figure with an empty /Alt", "figure-alt",
       [](QPDF&, TaggedPdf& d) { d.figure.replaceKey("/Alt", Handle::newString("")); }},
      {"a role-mapped figure without /Alt", "figure-alt",
       [](QPDF&, TaggedPdf& d) {
         d.figure.removeKey("/Alt");
         d.figure.replaceKey("/S", Handle::newName("/Bild"));
         d.struct_root.replaceKey("/RoleMap", Handle::parse("<< /Bild /Figure >>"));
       }},
      {"H1 then H3", "headings", [](QPDF& pdf, TaggedPdf& d) { append_to_document(pdf, d, "H3"); }},
      {"the first heading is H2", "headings",
       [](QPDF&, TaggedPdf& d) { d.h1.replaceKey("/S", Handle::newName("/H2")); }},
      {"a TH without /A", "th-scope", [](QPDF&, TaggedPdf& d) { d.th.removeKey("/A"); }},
      {"a TH with /Scope /Sideways", "th-scope",
       [](QPDF&, TaggedPdf& d) { d.th.replaceKey("/A", Handle::parse("<< /O /Table /Scope /Sideways >>")); }},
      {"a TH with a Layout attribute only", "th-scope",
       [](QPDF&, TaggedPdf& d) { d.th.replaceKey("/A", Handle::parse("<< /O /Layout /Scope /Row >>")); }},
      {"TH and TD inside a Div", "table-structure",
       [](QPDF&, TaggedPdf& d) { d.tr.replaceKey("/S", Handle::newName("/Div")); }},
      {"a TR inside a Div", "table-structure",
       [](QPDF&, TaggedPdf& d) { d.table.replaceKey("/S", Handle::newName("/Div")); }},
      {"an LI inside a Div", "table-structure",
       [](QPDF&, TaggedPdf& d) { d.list.replaceKey("/S", Handle::newName("/Div")); }},
      {"text outside marked content", "tagged-content",
       [](QPDF&, TaggedPdf& d) { replace_content(d, kContent + "BT /F1 12 Tf 72 500 Td (Fri) Tj ET\n"); }},
      {"a path in a Span without MCID", "tagged-content",
       [](QPDF&, TaggedPdf& d) { replace_content(d, kContent + "/Span BMC 0 0 m 5 5 l S EMC\n"); }},
      {"an inline image outside marked content", "tagged-content",
       [](QPDF&, TaggedPdf& d) {
         replace_content(d, kContent + "q 10 0 0 10 300 300 cm BI /W 1 /H 1 /BPC 8 /CS /G ID x EI Q\n");
       }},
      {"an EMC too many", "tagged-content", [](QPDF&, TaggedPdf& d) { replace_content(d, kContent + "EMC\n"); }},
      {"MCID 6 missing from the ParentTree", "mcid-parent-tree",
       [](QPDF&, TaggedPdf& d) { d.page_parents.eraseItem(6); }},
      {"a page without /StructParents", "mcid-parent-tree",
       [](QPDF&, TaggedPdf& d) { d.page.removeKey("/StructParents"); }},
      {"a link without /F", "link-annotations", [](QPDF&, TaggedPdf& d) { d.annotation.removeKey("/F"); }},
      {"a link with /F 2 (hidden)", "link-annotations",
       [](QPDF&, TaggedPdf& d) { d.annotation.replaceKey("/F", Handle::newInteger(2)); }},
      {"a link without /Contents", "link-annotations",
       [](QPDF&, TaggedPdf& d) { d.annotation.removeKey("/Contents"); }},
      {"a link without /StructParent", "link-annotations",
       [](QPDF&, TaggedPdf& d) { d.annotation.removeKey("/StructParent"); }},
      {"a link whose /StructParent is not in the ParentTree", "link-annotations",
       [](QPDF&, TaggedPdf& d) { d.annotation.replaceKey("/StructParent", Handle::newInteger(9)); }},
      {"a Square annotation that does not print", "annotation-print",
       [](QPDF& pdf, TaggedPdf& d) { add_annotation(pdf, d, "<< /Type /Annot /Subtype /Square /Rect [0 0 9 9] >>"); }},
  };
}

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
      {"TH attributes in an array with a revision number", "",
       [](QPDF&, TaggedPdf& d) {
         d.th.replaceKey("/A", Handle::parse("[<< /O /Layout /Placement /Block >> 0 << /O /Table /Scope /Row >>]"));
       }},
      {"a Popup that does not print", "",
       [](QPDF& pdf, TaggedPdf& d) { add_annotation(pdf, d, "<< /Type /Annot /Subtype /Popup /Rect [0 0 9 9] >>"); }},
      {"a Span inside a tagged sequence", "",
       [](QPDF&, TaggedPdf& d) {
         replace_content(d, kContent + "/P <</MCID 1>> BDC /Span BMC 0 0 m 5 5 l S EMC EMC\n");
       }},
      {"XMP properties in the other form", "",
       [](QPDF&, TaggedPdf& d) {
         std::string xmp = replaced(xmp_packet(), "pdfaid:part=\"2\" pdfaid:conformance=\"A\"", "");
         xmp = replaced(xmp, "<pdfuaid:part>1</pdfuaid:part>", "");
         replace_xmp(d, replaced(xmp, "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
                                 "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" pdfuaid:part='1'"
                                 " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                                 "><pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance"));
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

TEST_CASE("pdf checker: each broken invariant is reported under exactly its rule") {
  std::set<std::string> covered;
  for (const auto& variant : broken_variants()) {
    auto findings = check_pdf(write_variant(variant.mutate, variant.options), variant.lang);
    INFO(variant.name << "\n" << describe(findings));
    CHECK(rules_of(findings) == variant.expected);
    covered.insert(variant.expected);
  }
  // Every rule can fail; otherwise a rule could be silently dead.
  for (const auto& rule : rapport::pdfcheck::rule_names()) {
    INFO(rule);
    CHECK(covered.count(rule) == 1);
  }
}

TEST_CASE("pdf checker: what a rule allows is not reported") {
  for (const auto& variant : harmless_variants()) {
    auto findings = check_pdf(write_variant(variant.mutate), variant.lang);
    INFO(variant.name << "\n" << describe(findings));
    CHECK(findings.empty());
  }
}

TEST_CASE("pdf checker: details say where") {
  auto findings = check_pdf(write_variant([](QPDF&, TaggedPdf& d) {
    d.th.removeKey("/A");
    replace_content(d, kContent + "BT /F1 12 Tf 72 500 Td (Fri) Tj (Mer) Tj ET\n");
  }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "th-scope");
  CHECK(findings[0].detail.rfind("Document[0]/Table[3]/TR[0]/TH[0] (obj ", 0) == 0);
  CHECK(findings[1].rule == "tagged-content");
  CHECK(findings[1].detail.rfind("page 1: 'Tj' at offset ", 0) == 0);
  CHECK(findings[1].detail.find("(2 painting operators in all)") != std::string::npos);
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
  CHECK(rules_of(findings) == "fonts-embedded, link-annotations, mark-info, mcid-parent-tree, struct-tree");
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
