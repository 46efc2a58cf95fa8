#include "export/finish_pdf.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <stdexcept>

#include "export/write_structure_tree.hpp"
#include "load/yaml_source.hpp"

namespace rapport {
namespace {

using Handle = QPDFObjectHandle;

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// "2021-09-21T00:00:00" → "D:20210921000000Z" for the document information dictionary.
std::string pdf_date(const std::string& iso) {
  std::string digits;
  for (char c : iso)
    if (c >= '0' && c <= '9') digits += c;
  digits.resize(14, '0');
  return "D:" + digits + "Z";
}

std::string producer() { return std::string("rapport ") + RAPPORT_VERSION + " (Cairo, qpdf)"; }

void set_info(QPDF& pdf, const DocumentMetadata& meta) {
  Handle info = Handle::newDictionary();
  info.replaceKey("/Title", Handle::newUnicodeString(meta.title));
  info.replaceKey("/Author", Handle::newUnicodeString(meta.author));
  info.replaceKey("/Subject", Handle::newUnicodeString(meta.subject));
  if (!meta.keywords.empty()) info.replaceKey("/Keywords", Handle::newUnicodeString(meta.keywords));
  info.replaceKey("/Creator", Handle::newUnicodeString(meta.creator));
  info.replaceKey("/Producer", Handle::newUnicodeString(producer()));
  info.replaceKey("/CreationDate", Handle::newString(pdf_date(meta.date)));
  info.replaceKey("/ModDate", Handle::newString(pdf_date(meta.date)));
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));
}

// The XMP packet: the same facts as the information dictionary, and the PDF/A and PDF/UA
// identification. pdfuaid is not a schema PDF/A predefines, so it is described as an extension.
std::string xmp_packet(const DocumentMetadata& meta) {
  std::string date = meta.date + "Z";
  std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
       "<dc:format>application/pdf</dc:format>\n"
       "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(meta.title) + "</rdf:li></rdf:Alt></dc:title>\n"
       "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
       "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(meta.subject) + "</rdf:li></rdf:Alt></dc:description>\n"
       "<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>\n"
       "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
       "<xmp:CreatorTool>" + xml_escaped(meta.creator) + "</xmp:CreatorTool>\n"
       "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
       "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
       "<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
       "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
       "<pdf:Producer>" + xml_escaped(producer()) + "</pdf:Producer>\n";
  if (!meta.keywords.empty()) x += "<pdf:Keywords>" + xml_escaped(meta.keywords) + "</pdf:Keywords>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
       "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
       "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
       " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
       "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
       "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
       "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
       "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
       "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
       "<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
       "<pdfaProperty:category>internal</pdfaProperty:category>\n"
       "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
       "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
       "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

void set_catalog(QPDF& pdf, const DocumentMetadata& meta) {
  Handle root = pdf.getRoot();
  root.replaceKey("/Lang", Handle::newUnicodeString("sv-SE"));
  root.replaceKey("/MarkInfo", Handle::parse("<< /Marked true >>"));
  root.replaceKey("/ViewerPreferences", Handle::parse("<< /DisplayDocTitle true >>"));
  Handle xmp = Handle::newStream(&pdf, xmp_packet(meta));
  xmp.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
  xmp.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
  root.replaceKey("/Metadata", xmp);

  Handle profile = Handle::newStream(&pdf, read_text_file(srgb_profile_path));
  profile.getDict().replaceKey("/N", Handle::newInteger(3));
  Handle intent = Handle::parse("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                                " /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) >>");
  intent.replaceKey("/DestOutputProfile", profile);
  Handle intents = Handle::newArray();
  intents.appendItem(pdf.makeIndirectObject(intent));
  root.replaceKey("/OutputIntents", intents);
}

// What Cairo writes that PDF/A-2 does not allow, put right in one pass over the objects:
// every CIDFontType2 must say how CIDs map to glyphs (6.2.11.3.2; Cairo numbers its subsets'
// glyphs by CID and leaves the map out), and no image may ask to be interpolated (6.2.8;
// Cairo asks for a smoothly scaled PNG logo, librsvg for an SVG's raster parts).
void make_objects_archival(QPDF& pdf) {
  for (auto& object : pdf.getAllObjects()) {
    if (object.isDictionary() && object.getKey("/Subtype").isNameAndEquals("/CIDFontType2")) {
      if (!object.hasKey("/CIDToGIDMap")) object.replaceKey("/CIDToGIDMap", Handle::newName("/Identity"));
    } else if (object.isStream() && object.getDict().getKey("/Subtype").isNameAndEquals("/Image")) {
      if (object.getDict().hasKey("/Interpolate")) object.getDict().removeKey("/Interpolate");
    }
  }
}

// Cairo's own structure elements, one per marked-content sequence, are replaced by rapport's
// tree, but libqpdf would still parse every one of them: the first new object makes it read
// all objects. Blanking them to `null` in place (same length, so the cross-reference offsets
// stay right) spares that work, about a fifth of finishing a report.
void blank_cairo_structure_elements(std::string& pdf) {
  static const std::string opening = "obj\n<< /Type /StructElem", closing = ">>\nendobj";
  for (size_t at = 0; (at = pdf.find(opening, at)) != std::string::npos;) {
    size_t body = at + 4;  // after "obj\n"
    size_t end = pdf.find(closing, body);
    if (end == std::string::npos) return;
    std::fill(pdf.begin() + static_cast<long>(body), pdf.begin() + static_cast<long>(end + 2), ' ');
    pdf.replace(body, 4, "null");
    at = end;
  }
}

}  // namespace

void finish_pdf(std::string cairo_pdf, const StructureRecord& structure, const DocumentMetadata& meta,
                const std::string& path) {
  blank_cairo_structure_elements(cairo_pdf);
  QPDF pdf;
  pdf.processMemoryFile("cairo output", cairo_pdf.data(), cairo_pdf.size());
  write_structure_tree(pdf, structure);
  make_objects_archival(pdf);
  set_info(pdf, meta);
  set_catalog(pdf, meta);

  QPDFWriter writer(pdf, path.c_str());
  writer.setDeterministicID(true);
  writer.setDecodeLevel(qpdf_dl_none);  // Cairo's streams pass through; only the rewritten ones are compressed again
  writer.setNewlineBeforeEndstream(true);  // PDF/A-2, 6.1.7.1
  writer.setMinimumPDFVersion("1.7");
  writer.write();
}

}  // namespace rapport
