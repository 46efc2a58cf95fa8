#include "export/finish_pdf.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>

#include "load/yaml_source.hpp"

namespace rapport {
namespace {

using Handle = QPDFObjectHandle;

// The notes, consumed in the order Cairo wrote the elements.
struct NoteCursor {
  const StructureNotes& notes;
  size_t figure = 0, header = 0, link = 0;
  QPDFObjectHandle empty_appearance;  // shared by every link
};

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

bool is_struct_elem(Handle h) { return h.isDictionary() && h.hasKey("/S"); }

void note_element(Handle elem, NoteCursor& cursor) {
  std::string role = elem.getKey("/S").isName() ? elem.getKey("/S").getName() : "";
  if (role == "/Figure") {
    if (cursor.figure >= cursor.notes.figure_alts.size()) throw std::runtime_error("a Figure without its alternative text");
    elem.replaceKey("/Alt", Handle::newUnicodeString(cursor.notes.figure_alts[cursor.figure++]));
  } else if (role == "/TH") {
    if (cursor.header >= cursor.notes.header_scopes.size()) throw std::runtime_error("a TH without its scope");
    Handle attributes = Handle::newDictionary();
    attributes.replaceKey("/O", Handle::newName("/Table"));
    attributes.replaceKey("/Scope", Handle::newName("/" + cursor.notes.header_scopes[cursor.header++]));
    elem.replaceKey("/A", attributes);
  }
}

// Depth first, in the order Cairo created the elements, which is the order they were drawn.
void complete_elements(Handle elem, NoteCursor& cursor) {
  Handle kids = elem.getKey("/K");
  if (!kids.isArray()) {
    if (is_struct_elem(kids)) {
      note_element(kids, cursor);
      complete_elements(kids, cursor);
    }
    return;
  }
  for (int i = 0; i < kids.getArrayNItems(); ++i) {
    Handle kid = kids.getArrayItem(i);
    if (!is_struct_elem(kid)) continue;
    if (kid.getKey("/S").isName() && kid.getKey("/S").getName() == std::string("/") + artifact_stand_in) {
      kids.eraseItem(i--);  // artifacts are not part of the document's structure
      continue;
    }
    note_element(kid, cursor);
    complete_elements(kid, cursor);
  }
}

// Cairo 1.16 can only draw content inside structure elements; what it drew inside the
// artifacts' stand-in element becomes artifact content proper: "/Private << /MCID 7 >> BDC"
// turns into "/Artifact BMC", and MCID 7 leaves the page's parent tree entry.
std::vector<int> unmark_artifacts(std::string& content) {
  static const std::string opening = std::string("/") + artifact_stand_in + " << /MCID ";
  std::vector<int> mcids;
  std::string out;
  out.reserve(content.size());
  size_t from = 0;
  for (size_t at; (at = content.find(opening, from)) != std::string::npos;) {
    size_t digits = at + opening.size();
    size_t end = content.find_first_not_of("0123456789", digits);
    static const std::string closing = " >> BDC";
    if (end == std::string::npos || end == digits || content.compare(end, closing.size(), closing) != 0) {
      out.append(content, from, digits - from);
      from = digits;
      continue;
    }
    mcids.push_back(std::stoi(content.substr(digits, end - digits)));
    out.append(content, from, at - from);
    out += "/Artifact BMC";
    from = end + closing.size();
  }
  if (mcids.empty()) return mcids;
  out.append(content, from, std::string::npos);
  content = std::move(out);
  return mcids;
}

// An empty appearance for links: they draw nothing, and PDF/A wants every annotation to say so.
Handle empty_appearance(QPDF& pdf) {
  Handle form = Handle::newStream(&pdf, "");
  form.getDict().replaceKey("/Type", Handle::newName("/XObject"));
  form.getDict().replaceKey("/Subtype", Handle::newName("/Form"));
  form.getDict().replaceKey("/BBox", Handle::parse("[0 0 1 1]"));
  Handle appearance = Handle::newDictionary();
  appearance.replaceKey("/N", form);
  return appearance;
}

void complete_page(QPDF& pdf, QPDFPageObjectHelper& page, Handle parent_tree, NoteCursor& cursor) {
  Handle dict = page.getObjectHandle();
  Handle contents = dict.getKey("/Contents");
  if (contents.isStream()) {
    auto data = contents.getStreamData(qpdf_dl_generalized);
    std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    std::vector<int> artifacts = unmark_artifacts(text);
    if (!artifacts.empty()) {
      contents.replaceStreamData(text, Handle::newNull(), Handle::newNull());
      Handle parents;
      QPDFNumberTreeObjectHelper tree(parent_tree, pdf);
      if (dict.getKey("/StructParents").isInteger() && tree.findObject(dict.getKey("/StructParents").getIntValue(), parents) &&
          parents.isArray())
        for (int mcid : artifacts)
          if (mcid < parents.getArrayNItems()) parents.setArrayItem(mcid, Handle::newNull());
    }
  }
  // PDF/UA: with annotations on a page, the tab order follows the structure.
  dict.replaceKey("/Tabs", Handle::newName("/S"));
  Handle annotations = dict.getKey("/Annots");
  if (!annotations.isArray()) return;
  for (int i = 0; i < annotations.getArrayNItems(); ++i) {
    Handle annotation = annotations.getArrayItem(i);
    annotation.replaceKey("/F", Handle::newInteger(4));  // printed, as PDF/A requires
    if (!annotation.hasKey("/AP")) annotation.replaceKey("/AP", cursor.empty_appearance);
    if (annotation.getKey("/Subtype").isName() && annotation.getKey("/Subtype").getName() == "/Link" &&
        cursor.link < cursor.notes.link_texts.size())
      annotation.replaceKey("/Contents", Handle::newUnicodeString(cursor.notes.link_texts[cursor.link++]));
  }
}

}  // namespace

void finish_pdf(const std::string& cairo_pdf, const StructureNotes& notes, const DocumentMetadata& meta,
                const std::string& path) {
  QPDF pdf;
  pdf.processMemoryFile("cairo output", cairo_pdf.data(), cairo_pdf.size());
  NoteCursor cursor{notes, 0, 0, 0, pdf.makeIndirectObject(empty_appearance(pdf))};
  Handle tree_root = pdf.getRoot().getKey("/StructTreeRoot");
  if (!tree_root.isDictionary()) throw std::runtime_error("the PDF has no structure tree");
  complete_elements(tree_root, cursor);
  if (cursor.figure != notes.figure_alts.size() || cursor.header != notes.header_scopes.size())
    throw std::runtime_error("the structure tree does not match the drawn figures and table headers");
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) complete_page(pdf, page, tree_root.getKey("/ParentTree"), cursor);
  if (cursor.link != notes.link_texts.size()) throw std::runtime_error("the link annotations do not match the drawn links");
  set_info(pdf, meta);
  set_catalog(pdf, meta);

  QPDFWriter writer(pdf, path.c_str());
  writer.setDeterministicID(true);
  writer.setDecodeLevel(qpdf_dl_none);  // Cairo's streams pass through; only the rewritten ones are compressed again
  writer.setMinimumPDFVersion("1.7");
  writer.write();
}

}  // namespace rapport
