// The XMP packet and the Info dictionary, each broken one way on the hand-built PDF; and the
// strict XML reader on its own.
#include <doctest/doctest.h>

#include "pdf_fixture.hpp"
#include "pdfcheck/read_xml.hpp"

namespace rapport::test {
namespace {

Mutation xmp_with(const std::string& from, const std::string& to) {
  return [from, to](QPDF&, TaggedPdf& d) { replace_xmp(d, replaced(xmp_packet(), from, to)); };
}

Mutation xmp_adding(const std::string& description) {
  return [description](QPDF&, TaggedPdf& d) { replace_xmp(d, xmp_packet(description)); };
}

}  // namespace

std::vector<Variant> metadata_variants() {
  return {
      {"XMP without pdfuaid", "xmp", xmp_with("<pdfuaid:part>1</pdfuaid:part>", "")},
      {"XMP pdfaid:part 1", "xmp", xmp_with("pdfaid:part=\"2\"", "pdfaid:part=\"1\"")},
      {"XMP without conformance", "xmp", xmp_with("pdfaid:conformance=\"A\"", "")},
      {"XMP without CreateDate", "xmp, xmp-info-sync", xmp_with("xmp:CreateDate=\"2021-09-21T00:00:00+02:00\"", "")},
      {"XMP without dc:title", "xmp, xmp-info-sync", xmp_with("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Delårsrapport 2021 – Kommunstyrelsen &amp; "
                                                   "nämnder</rdf:li></rdf:Alt></dc:title>", "")},
      {"XMP with an empty dc:title", "xmp, xmp-info-sync",
       xmp_with("Delårsrapport 2021 – Kommunstyrelsen &amp; nämnder</rdf:li>", " </rdf:li>")},
      {"an xpacket header with an encoding", "xmp", xmp_with("id=\"W5M0MpCehiHzreSzNTczkc9d\"", "id=\"W5M0MpCehiHzreSzNTczkc9d\" encoding=\"UTF-8\"")},
      {"no /Metadata", "xmp", [](QPDF&, TaggedPdf& d) { d.catalog.removeKey("/Metadata"); }},
      {"/Metadata without /Subtype /XML", "xmp", [](QPDF&, TaggedPdf& d) { d.metadata.getDict().removeKey("/Subtype"); }},
      {"XMP that is not well-formed: an unclosed element", "xmp-well-formed", xmp_with("</rdf:RDF>", "")},
      {"XMP that is not well-formed: an unquoted attribute", "xmp-well-formed", xmp_with("pdfaid:part=\"2\"", "pdfaid:part=2")},
      {"XMP that is not well-formed: an undefined entity", "xmp-well-formed", xmp_with("&amp;", "&nbsp;")},
      {"XMP that is not well-formed: a bare ampersand", "xmp-well-formed", xmp_with("&amp;", "&")},
      {"XMP that is not well-formed: mismatched tags", "xmp-well-formed", xmp_with("</pdfuaid:part>", "</pdfuaid:Part>")},
      {"XMP that is not well-formed: an undeclared prefix", "xmp-well-formed",
       xmp_with("<pdfuaid:part>1</pdfuaid:part>", "<pdfuaid:part>1</pdfuaid:part><zz:x/>")},
      {"XMP that is not well-formed: two roots", "xmp-well-formed", xmp_with("<?xpacket end", "<x:extra xmlns:x=\"adobe:ns:meta/\"/><?xpacket end")},
      {"XMP that is not well-formed: a duplicate attribute", "xmp-well-formed",
       xmp_with("pdfaid:part=\"2\"", "pdfaid:part=\"2\" pdfaid:part=\"2\"")},
      {"XMP that is not well-formed: invalid UTF-8", "xmp-well-formed", xmp_with("Delårsrapport", "Del\xE5rsrapport")},
      {"no extension schema for pdfuaid", "xmp-extension-schemas",
       xmp_with("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
                "<pdfaSchema:namespaceURI>http://example.org/other/</pdfaSchema:namespaceURI>")},
      {"an extension property without valueType", "xmp-extension-schemas",
       xmp_with("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>", "")},
      {"an extension property with category 'sometimes'", "xmp-extension-schemas",
       xmp_with(">internal<", ">sometimes<")},
      {"a property from an undescribed schema", "xmp-extension-schemas",
       xmp_adding("  <rdf:Description rdf:about=\"\" xmlns:r=\"http://example.org/rapport/\" r:kommun=\"Timrå\"/>\n")},
      {"XMP title differs from Info", "xmp-info-sync",
       [](QPDF&, TaggedPdf& d) { d.info.replaceKey("/Title", Handle::newUnicodeString("Delårsrapport 2020")); }},
      {"no Info /Title", "xmp-info-sync", [](QPDF&, TaggedPdf& d) { d.info.removeKey("/Title"); }},
      {"an Info /Author with no dc:creator", "xmp-info-sync",
       [](QPDF&, TaggedPdf& d) { d.info.replaceKey("/Author", Handle::newString("Timra kommun")); }},
      {"an Info /CreationDate an hour off", "xmp-info-sync",
       [](QPDF&, TaggedPdf& d) { d.info.replaceKey("/CreationDate", Handle::newString("D:20210921010000+02'00'")); }},
      {"an Info /Producer that differs", "xmp-info-sync",
       [](QPDF&, TaggedPdf& d) {
         d.info.replaceKey("/Producer", Handle::newString("rapport 0.1.0"));
         replace_xmp(d, xmp_packet("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                                   " pdf:Producer=\"rapport 0.2.0\"/>\n"));
       }},
  };
}

}  // namespace rapport::test

TEST_CASE("pdf checker: each broken metadata invariant is reported under exactly its rule") {
  rapport::test::check_variants(rapport::test::metadata_variants());
}

TEST_CASE("pdf checker: the XML reader accepts XML and names the first error's line") {
  using rapport::pdfcheck::read_xml;
  auto good = read_xml("<?xml version=\"1.0\"?>\n<!-- c --><a xmlns='u' xmlns:b=\"v\" b:x='1 &lt; 2'>t&#x41;<b:c/><![CDATA[<&>]]></a>\n");
  REQUIRE_MESSAGE(good.root, good.error);
  CHECK(good.root->ns == "u");
  CHECK(good.root->text == "tA<&>");
  CHECK(good.root->children.at(0).ns == "v");
  CHECK(good.root->attribute("v", "x")->value == "1 < 2");
  const std::pair<const char*, const char*> bad[] = {
      {"<a>\n<b></a>", "line 2: </a> closes <b>"},
      {"<a x='<'/>", "line 1: '<' inside an attribute value"},
      {"", "line 1: no root element"},
      {"<a/><b/>", "line 1: content after the root element"},
      {"<a>&#0;</a>", "line 1: a character reference to a character XML does not allow"},
      {"<!DOCTYPE a><a/>", "line 1: a DOCTYPE, which XMP does not allow"},
      {"<a><!-- x -- y --></a>", "line 1: '--' inside a comment"},
      {"<a x='1'y='2'/>", "line 1: attributes must be separated by white space"},
      {"<a>", "line 1: the document ends inside an element"},
  };
  for (auto [xml, error] : bad) {
    INFO(xml);
    CHECK(read_xml(xml).error == error);
  }
}
