#include "pdf_fixture.hpp"

#include <doctest/doctest.h>

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <set>

#include "pdfcheck/read_truetype.hpp"
#include "test_support.hpp"

namespace rapport::test {
namespace {

const std::string kFontFile = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf";
const std::string kIccProfile = "/usr/share/color/icc/sRGB.icc";

// Carlito, read once: its bytes and its metrics. The widths the fixture writes come from the
// checker's own TrueType reader; test_pdf_checker_fonts.cpp holds that reader to widths
// FreeType gave Cairo, so the fixture is not judged by its own arithmetic alone.
struct Carlito {
  std::string data;
  pdfcheck::TrueTypeFont program;

  unsigned glyph(char c) const {
    const auto& unicode = program.cmaps.at({3, 1});
    auto found = unicode.find(static_cast<unsigned char>(c));
    return found == unicode.end() ? 0 : found->second;
  }
  long long width(unsigned gid) const { return std::lround(program.width(gid)); }
};

const Carlito& carlito() {
  static const Carlito font = [] {
    Carlito f;
    f.data = read_file(kFontFile);
    std::string error;
    auto program = pdfcheck::read_truetype(f.data, error);
    if (!program) throw std::runtime_error("cannot read " + kFontFile + ": " + error);
    f.program = *program;
    return f;
  }();
  return font;
}

std::string hex4(unsigned value) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(value >> shift) & 0xF];
  return out;
}

// The text the Type0 font shows: the table cell "12".
const std::string kType0Text = "12";

std::string to_unicode_cmap() {
  std::string map = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
                    std::to_string(kType0Text.size()) + " beginbfchar\n";
  for (char c : kType0Text) map += "<" + hex4(carlito().glyph(c)) + "> <" + hex4(static_cast<unsigned char>(c)) + ">\n";
  return map + "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

Handle array_of(const std::vector<Handle>& items) { return Handle::newArray(items); }

void add_fonts(QPDF& pdf, TaggedPdf& doc) {
  Handle file = pdf.newStream(carlito().data);
  file.getDict().replaceKey("/Length1", Handle::newInteger(static_cast<long long>(carlito().data.size())));
  Handle descriptor = indirect(pdf, "<< /Type /FontDescriptor /FontName /Carlito /Flags 32 /FontBBox [-500 -300 1300 1000]"
                                    " /ItalicAngle 0 /Ascent 952 /Descent -269 /CapHeight 644 /StemV 80 >>");
  descriptor.replaceKey("/FontFile2", file);
  std::string widths;
  for (char c = 32; c <= 126; ++c) widths += std::to_string(carlito().width(carlito().glyph(c))) + " ";
  doc.font = indirect(pdf, "<< /Type /Font /Subtype /TrueType /BaseFont /Carlito /FirstChar 32 /LastChar 126"
                           " /Widths [" + widths + "] /Encoding /WinAnsiEncoding >>");
  doc.font.replaceKey("/FontDescriptor", descriptor);

  std::string w;
  for (char c : kType0Text) w += std::to_string(carlito().glyph(c)) + " [" + std::to_string(carlito().width(carlito().glyph(c))) + "] ";
  doc.cid_font = indirect(pdf, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Carlito /CIDToGIDMap /Identity"
                               " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [" + w + "] >>");
  doc.cid_font.replaceKey("/FontDescriptor", descriptor);
  doc.to_unicode = pdf.newStream(to_unicode_cmap());
  doc.type0 = indirect(pdf, "<< /Type /Font /Subtype /Type0 /BaseFont /Carlito /Encoding /Identity-H >>");
  doc.type0.replaceKey("/DescendantFonts", array_of({doc.cid_font}));
  doc.type0.replaceKey("/ToUnicode", doc.to_unicode);
}

void add_structure(QPDF& pdf, TaggedPdf& doc) {
  doc.struct_root = indirect(pdf, "<< /Type /StructTreeRoot /ParentTreeNextKey 2 >>");
  doc.document = struct_element(pdf, "Document", doc.struct_root, doc.page);
  doc.h1 = struct_element(pdf, "H1", doc.document, doc.page);
  doc.p = struct_element(pdf, "P", doc.document, doc.page);
  doc.figure = struct_element(pdf, "Figure", doc.document, doc.page);
  doc.figure.replaceKey("/Alt", Handle::newUnicodeString("Ett blått fält"));
  doc.figure.replaceKey("/A", Handle::parse("<< /O /Layout /BBox [72 600 122 650] >>"));
  doc.table = struct_element(pdf, "Table", doc.document, doc.page);
  doc.tr = struct_element(pdf, "TR", doc.table, doc.page);
  doc.th = struct_element(pdf, "TH", doc.tr, doc.page);
  doc.th.replaceKey("/A", Handle::parse("<< /O /Table /Scope /Column >>"));
  doc.td = struct_element(pdf, "TD", doc.tr, doc.page);
  doc.list = struct_element(pdf, "L", doc.document, doc.page);
  doc.li = struct_element(pdf, "LI", doc.list, doc.page);
  Handle body = struct_element(pdf, "LBody", doc.li, doc.page);
  doc.link = struct_element(pdf, "Link", doc.document, doc.page);

  std::vector<Handle> by_mcid = {doc.h1, doc.p, doc.figure, doc.th, doc.td, body, doc.link};
  for (size_t mcid = 0; mcid + 1 < by_mcid.size(); ++mcid)
    by_mcid[mcid].replaceKey("/K", Handle::newInteger(static_cast<long long>(mcid)));
  Handle object_reference = Handle::parse("<< /Type /OBJR >>");
  object_reference.replaceKey("/Obj", doc.annotation);
  doc.link.replaceKey("/K", array_of({Handle::newInteger(6), object_reference}));
  doc.tr.replaceKey("/K", array_of({doc.th, doc.td}));
  doc.table.replaceKey("/K", array_of({doc.tr}));
  doc.li.replaceKey("/K", array_of({body}));
  doc.list.replaceKey("/K", array_of({doc.li}));
  doc.document.replaceKey("/K", array_of({doc.h1, doc.p, doc.figure, doc.table, doc.list, doc.link}));
  doc.struct_root.replaceKey("/K", array_of({doc.document}));

  // Key 0: the page's MCIDs (its /StructParents); key 1: the link annotation's /StructParent.
  doc.page_parents = array_of(by_mcid);
  Handle parent_tree = Handle::newDictionary();
  parent_tree.replaceKey("/Nums", array_of({Handle::newInteger(0), doc.page_parents, Handle::newInteger(1), doc.link}));
  doc.struct_root.replaceKey("/ParentTree", parent_tree);
}

void add_page(QPDF& pdf, TaggedPdf& doc) {
  doc.page = indirect(pdf, "<< /Type /Page /MediaBox [0 0 595 842] /Tabs /S /StructParents 0 >>");
  doc.content = pdf.newStream(base_content());
  doc.page.replaceKey("/Contents", doc.content);
  add_fonts(pdf, doc);
  Handle fonts = Handle::newDictionary();
  fonts.replaceKey("/F1", doc.font);
  fonts.replaceKey("/F2", doc.type0);
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
  doc.intent = Handle::parse("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                             " /Info (sRGB IEC61966-2.1) >>");
  doc.intent.replaceKey("/DestOutputProfile", doc.icc);
  doc.catalog.replaceKey("/OutputIntents", array_of({doc.intent}));

  doc.info = pdf.makeIndirectObject(Handle::newDictionary());
  doc.info.replaceKey("/Title", Handle::newUnicodeString(kTitle));
  doc.info.replaceKey("/CreationDate", Handle::newString("D:20210921000000+02'00'"));
  pdf.getTrailer().replaceKey("/Info", doc.info);
}

// Blanks the trailer's /ID with spaces: the byte offsets, and so the xref table, stay right.
void blank_trailer_id(std::string& bytes) {
  size_t trailer = bytes.rfind("trailer");
  REQUIRE(trailer != std::string::npos);
  size_t id = bytes.find("/ID", trailer);
  size_t end = bytes.find(']', id);
  REQUIRE(end != std::string::npos);
  bytes.replace(id, end + 1 - id, end + 1 - id, ' ');
}

void write_pdf(QPDF& pdf, const std::string& path, const WriteOptions& options) {
  QPDFWriter writer(pdf, path.c_str());
  writer.setObjectStreamMode(qpdf_o_disable);  // a plain-text trailer and objects bytes can be edited in
  writer.setNewlineBeforeEndstream(true);      // PDF/A-2 6.1.7.1
  writer.setDecodeLevel(qpdf_dl_none);         // filtered data as the variant wrote it, broken or not,
  writer.setCompressStreams(false);            // and not recompressed (which would decode it first)
  if (options.encrypt) {
    // qpdf will not derive a deterministic ID for an encrypted file; its static test ID will do.
    writer.setStaticID(true);
    writer.setR6EncryptionParameters("", "owner", true, true, true, true, true, true, qpdf_r3p_full, true);
  } else {
    writer.setDeterministicID(true);
  }
  writer.write();
  if (!options.drop_id && !options.edit_bytes) return;
  std::string bytes = read_file(path);
  if (options.drop_id) blank_trailer_id(bytes);
  if (options.edit_bytes) options.edit_bytes(bytes);
  write_file(path, bytes);
}

}  // namespace

const std::string kTitle = "Delårsrapport 2021 – Kommunstyrelsen & nämnder";

std::string xmp_packet(const std::string& extra_description) {
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
         "    xmp:CreateDate=\"2021-09-21T00:00:00+02:00\"/>\n"
         "  <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
         "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
         "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "     <pdfaProperty:name>part</pdfaProperty:name>\n"
         "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
         "     <pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>\n"
         "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
         "  </rdf:Description>\n" +
         extra_description +
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>\n";
}

std::string base_content() {
  std::string cell;
  for (char c : kType0Text) cell += hex4(carlito().glyph(c));
  return "/H1 <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Hej) Tj ET EMC\n"
         "/P <</MCID 1>> BDC BT /F1 12 Tf 72 700 Td (Text) Tj ET EMC\n"
         "/Figure <</MCID 2>> BDC 72 600 50 50 re f EMC\n"
         "/TH <</MCID 3>> BDC BT /F1 10 Tf 72 580 Td (Rubrik) Tj ET EMC\n"
         "/TD <</MCID 4>> BDC BT /F2 10 Tf 200 580 Td <" + cell + "> Tj ET EMC\n"
         "/LBody <</MCID 5>> BDC BT /F1 10 Tf 72 560 Td (Punkt) Tj ET EMC\n"
         "/Link <</MCID 6>> BDC BT /F1 10 Tf 72 540 Td (timra.se) Tj ET EMC\n"
         "/Artifact BMC 0 0 m 10 0 l S EMC\n";
}

TaggedPdf build_tagged_pdf(QPDF& pdf) {
  pdf.emptyPDF();
  TaggedPdf doc;
  add_page(pdf, doc);
  add_structure(pdf, doc);
  add_catalog_entries(pdf, doc);
  return doc;
}

std::string write_variant(const Mutation& mutate, const WriteOptions& options) {
  QPDF pdf;
  TaggedPdf doc = build_tagged_pdf(pdf);
  if (mutate) mutate(pdf, doc);
  std::string path = temp_dir() + "/variant.pdf";
  write_pdf(pdf, path, options);
  return path;
}

void check_variants(const std::vector<Variant>& variants) {
  for (const auto& variant : variants) {
    auto findings = pdfcheck::check_pdf(write_variant(variant.mutate, variant.options), variant.lang);
    INFO(variant.name << "\n" << describe(findings));
    CHECK(rules_of(findings) == variant.expected);
  }
}

std::string rules_of(const std::vector<pdfcheck::Finding>& findings) {
  std::set<std::string> rules;
  for (const auto& finding : findings) rules.insert(finding.rule);
  std::string out;
  for (const auto& rule : rules) out += (out.empty() ? "" : ", ") + rule;
  return out;
}

std::string describe(const std::vector<pdfcheck::Finding>& findings) {
  std::string out;
  for (const auto& finding : findings) out += finding.rule + ": " + finding.detail + "\n";
  return out;
}

Handle indirect(QPDF& pdf, const std::string& syntax) { return pdf.makeIndirectObject(Handle::parse(&pdf, syntax)); }

Handle struct_element(QPDF& pdf, const std::string& type, Handle parent, Handle page) {
  Handle element = indirect(pdf, "<< /Type /StructElem /S /" + type + " >>");
  element.replaceKey("/P", parent);
  element.replaceKey("/Pg", page);
  return element;
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

void append_to_document(QPDF& pdf, TaggedPdf& doc, const std::string& type) {
  Handle element = struct_element(pdf, type, doc.document, doc.page);
  doc.document.getKey("/K").appendItem(element);
}

void add_annotation(QPDF& pdf, TaggedPdf& doc, const std::string& syntax) {
  doc.page.getKey("/Annots").appendItem(indirect(pdf, syntax));
}

Handle form_xobject(QPDF& pdf, const std::string& content) {
  Handle form = pdf.newStream(content);
  form.getDict().replaceKey("/Type", Handle::newName("/XObject"));
  form.getDict().replaceKey("/Subtype", Handle::newName("/Form"));
  form.getDict().replaceKey("/BBox", Handle::parse("[0 0 9 9]"));
  return form;
}

Handle add_square(QPDF& pdf, TaggedPdf& doc) {
  Handle square = indirect(pdf, "<< /Type /Annot /Subtype /Square /Rect [300 300 309 309] /F 4 /Contents (Ruta) >>");
  Handle appearance = Handle::newDictionary();
  appearance.replaceKey("/N", form_xobject(pdf, "0 0 9 9 re S"));
  square.replaceKey("/AP", appearance);
  doc.page.getKey("/Annots").appendItem(square);
  return square;
}

}  // namespace rapport::test
