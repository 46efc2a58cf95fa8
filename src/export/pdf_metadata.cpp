#include "export/pdf_metadata.hpp"

#include "load/yaml_source.hpp"

namespace rapport {
namespace {

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

std::string producer() { return std::string("rapport ") + RAPPORT_VERSION; }

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

}  // namespace

ObjectId write_info(PdfFile& file, const DocumentMetadata& meta) {
  std::string body = "<< /Title " + pdf_text_string(meta.title) + " /Author " + pdf_text_string(meta.author) +
                     " /Subject " + pdf_text_string(meta.subject);
  if (!meta.keywords.empty()) body += " /Keywords " + pdf_text_string(meta.keywords);
  body += " /Creator " + pdf_text_string(meta.creator) + " /Producer " + pdf_text_string(producer()) +
          " /CreationDate " + pdf_byte_string(pdf_date(meta.date)) + " /ModDate " + pdf_byte_string(pdf_date(meta.date)) + " >>";
  return file.object(body);
}

std::string write_catalog_metadata(PdfFile& file, const DocumentMetadata& meta) {
  ObjectId xmp = file.stream("/Type /Metadata /Subtype /XML", xmp_packet(meta), false);
  ObjectId profile = file.stream("/N 3", read_text_file(srgb_profile_path));
  ObjectId intent = file.object("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                                " /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile " +
                                pdf_ref(profile) + " >>");
  return "/Lang (sv-SE) /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle true >> /Metadata " + pdf_ref(xmp) +
         " /OutputIntents [" + pdf_ref(intent) + "]";
}

}  // namespace rapport
