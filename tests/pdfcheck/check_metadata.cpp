// The XMP packet (PDF/A-2 6.6, PDF/UA-1 7.1): well-formed, identifying the PDF/A part and
// level and the PDF/UA part, with a title, every property of a schema outside XMP's own
// described by a PDF/A extension schema, and in step with the Info dictionary.
#include <cctype>
#include <map>

#include "pdfcheck/read_xml.hpp"
#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kXml = "http://www.w3.org/XML/1998/namespace";
const std::string kDc = "http://purl.org/dc/elements/1.1/";
const std::string kXmp = "http://ns.adobe.com/xap/1.0/";
const std::string kPdf = "http://ns.adobe.com/pdf/1.3/";
const std::string kPdfaId = "http://www.aiim.org/pdfa/ns/id/";
const std::string kPdfuaId = "http://www.aiim.org/pdfua/ns/id/";
const std::string kExtension = "http://www.aiim.org/pdfa/ns/extension/";
const std::string kSchema = "http://www.aiim.org/pdfa/ns/schema#";
const std::string kProperty = "http://www.aiim.org/pdfa/ns/property#";

// The schemas XMP 2005 defines, which PDF/A-2 6.6.2.3.2 lets a packet use undescribed.
const std::set<std::string>& predefined_namespaces() {
  static const std::set<std::string> namespaces = {
      kDc, kXmp, kPdf, kPdfaId, kExtension,
      "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/bj/",
      "http://ns.adobe.com/xap/1.0/t/pg/", "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
      "http://ns.adobe.com/photoshop/1.0/", "http://ns.adobe.com/camera-raw-settings/1.0/",
      "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/", "http://ns.adobe.com/tiff/1.0/",
      "http://ns.adobe.com/xmp/Identifier/qual/1.0/"};
  return namespaces;
}

std::string trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// One top-level property of an rdf:Description: an attribute or a child element.
struct Property {
  std::string ns, local, qname;
  std::string value;                  // the attribute's value, or the element's text
  const XmlElement* element = nullptr;
};

const XmlElement* find_rdf(const XmlElement& e) {
  if (e.ns == kRdf && e.local == "RDF") return &e;
  for (const auto& kid : e.children)
    if (const auto* found = find_rdf(kid)) return found;
  return nullptr;
}

bool is_syntax_attribute(const XmlAttribute& a) {
  return a.ns == kRdf || a.ns == kXml || a.qname == "xmlns" || a.qname.rfind("xmlns:", 0) == 0;
}

// The fields of a struct value: the attributes and children of `e`, or of its rdf:Description.
std::vector<Property> fields_of(const XmlElement& e) {
  std::vector<Property> out;
  for (const auto& a : e.attributes)
    if (!is_syntax_attribute(a)) out.push_back({a.ns, a.local, a.qname, a.value, nullptr});
  for (const auto& kid : e.children) {
    if (kid.ns == kRdf && kid.local == "Description") {
      auto inner = fields_of(kid);
      out.insert(out.end(), inner.begin(), inner.end());
    } else if (kid.ns != kRdf) {
      out.push_back({kid.ns, kid.local, kid.qname, trim(kid.text), &kid});
    }
  }
  return out;
}

// The items of an rdf:Alt, rdf:Seq or rdf:Bag inside `property`.
std::vector<const XmlElement*> items(const Property& property) {
  std::vector<const XmlElement*> out;
  if (!property.element) return out;
  for (const auto& container : property.element->children)
    for (const auto& li : container.children)
      if (li.ns == kRdf && li.local == "li") out.push_back(&li);
  return out;
}

// A language alternative's x-default item, or else its first.
std::optional<std::string> default_language(const Property& property) {
  auto all = items(property);
  for (const auto* li : all)
    if (const auto* lang = li->attribute(kXml, "lang"); lang && lang->value == "x-default") return trim(li->text);
  if (!all.empty()) return trim(all.front()->text);
  return std::nullopt;
}

class Xmp {
 public:
  std::optional<XmlDocument> doc;
  std::vector<Property> properties;
  std::string error;  // why there is no packet to read

  const Property* find(const std::string& ns, const std::string& local) const {
    for (const auto& p : properties)
      if (p.ns == ns && p.local == local) return &p;
    return nullptr;
  }
  std::optional<std::string> simple(const std::string& ns, const std::string& local) const {
    const Property* p = find(ns, local);
    if (!p) return std::nullopt;
    return p->value;
  }
};

Xmp read_xmp(Context& c) {
  Xmp xmp;
  Handle metadata = entry(c.catalog, "/Metadata");
  if (!metadata.isStream()) {
    xmp.error = "the Catalog has no /Metadata stream";
    return xmp;
  }
  auto data = decoded_data(c.pdf, metadata, xmp.error);
  if (!data) return xmp;
  xmp.doc = read_xml(*data);
  if (!xmp.doc->root) return xmp;
  const XmlElement* rdf = find_rdf(*xmp.doc->root);
  if (!rdf) return xmp;
  for (const auto& description : rdf->children)
    if (description.ns == kRdf && description.local == "Description") {
      auto fields = fields_of(description);
      xmp.properties.insert(xmp.properties.end(), fields.begin(), fields.end());
    }
  return xmp;
}

// The readable packet, or nothing when xmp or xmp-well-formed has already said why not.
std::optional<Xmp> readable_xmp(Context& c) {
  Xmp xmp = read_xmp(c);
  if (!xmp.doc || !xmp.doc->root) return std::nullopt;
  return xmp;
}

std::string quoted(const std::optional<std::string>& value) { return value ? "'" + *value + "'" : "missing"; }

// ---- dates: PDF's D:YYYYMMDDHHmmSSOHH'mm' and XMP's ISO 8601, as instants -------------------

long long days_from_civil(long long y, long long m, long long d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Digits at `at` of `s` as a number, or `fallback` when absent.
long long digits(const std::string& s, size_t at, size_t n, long long fallback) {
  if (at + n > s.size()) return fallback;
  long long value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return fallback;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// Seconds since 1970 in UTC (local time when no zone is given); nothing when not a date.
std::optional<long long> instant(std::string s, bool pdf) {
  if (pdf && s.rfind("D:", 0) == 0) s = s.substr(2);
  std::string compact;  // YYYYMMDDHHmmSS then the zone
  size_t i = 0;
  for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || (!pdf && (s[i] == '-' || s[i] == ':' || s[i] == 'T'))); ++i)
    if (std::isdigit(static_cast<unsigned char>(s[i]))) compact += s[i];
  if (!pdf && i < s.size() && s[i] == '.')
    while (++i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    }
  if (compact.size() < 4) return std::nullopt;
  long long seconds = days_from_civil(digits(compact, 0, 4, 0), digits(compact, 4, 2, 1), digits(compact, 6, 2, 1)) * 86400 +
                      digits(compact, 8, 2, 0) * 3600 + digits(compact, 10, 2, 0) * 60 + digits(compact, 12, 2, 0);
  std::string zone = s.substr(i);
  if (zone.empty() || zone[0] == 'Z') return seconds;
  if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
  std::string zone_digits;
  for (char ch : zone.substr(1))
    if (std::isdigit(static_cast<unsigned char>(ch))) zone_digits += ch;
  long long offset = digits(zone_digits, 0, 2, 0) * 3600 + digits(zone_digits, 2, 2, 0) * 60;
  return zone[0] == '+' ? seconds - offset : seconds + offset;
}

}  // namespace

// PDF/A-2 6.6.2.1 and 6.6.4, PDF/UA-1 5 and 7.1 (Matterhorn 06-001..003): a metadata stream
// whose packet says pdfaid:part 2, a conformance level (A only for a tagged file), pdfuaid:part
// 1, and gives dc:title; its xpacket header has no bytes or encoding attribute.
void check_xmp(Context& c) {
  Handle metadata = entry(c.catalog, "/Metadata");
  if (!metadata.isStream()) return c.add("xmp", "the Catalog has no /Metadata stream");
  if (!has_name(metadata, "/Type", "/Metadata") || !has_name(metadata, "/Subtype", "/XML"))
    c.add("xmp", "the /Metadata stream (" + object_id(metadata) + ") is not /Type /Metadata /Subtype /XML");
  Xmp xmp = read_xmp(c);
  if (!xmp.doc) return c.add("xmp", "the /Metadata stream cannot be read: " + xmp.error);
  if (!xmp.doc->root) return;  // xmp-well-formed
  for (const auto& pi : xmp.doc->instructions)
    if (pi.rfind("xpacket", 0) == 0 && (pi.find("bytes=") != std::string::npos || pi.find("encoding=") != std::string::npos))
      c.add("xmp", "the xpacket header has a bytes or encoding attribute");
  auto part = xmp.simple(kPdfaId, "part");
  if (part != "2") c.add("xmp", "pdfaid:part is " + quoted(part) + ", expected 2");
  auto conformance = xmp.simple(kPdfaId, "conformance");
  if (conformance != "A" && conformance != "B" && conformance != "U")
    c.add("xmp", "pdfaid:conformance is " + quoted(conformance) + ", expected A, B or U");
  if (conformance == "A" && !c.struct_root().isDictionary())
    c.add("xmp", "pdfaid:conformance A, but the file has no structure tree");
  auto ua_part = xmp.simple(kPdfuaId, "part");
  if (ua_part != "1") c.add("xmp", "pdfuaid:part is " + quoted(ua_part) + ", expected 1");
  auto created = xmp.simple(kXmp, "CreateDate");
  if (!created || created->empty()) c.add("xmp", "xmp:CreateDate is missing");
  const Property* title = xmp.find(kDc, "title");
  auto title_text = title ? default_language(*title) : std::nullopt;
  if (!title_text || is_blank(*title_text)) c.add("xmp", "dc:title is missing or empty");
}

void check_xmp_well_formed(Context& c) {
  Xmp xmp = read_xmp(c);
  if (xmp.doc && !xmp.doc->root) c.add("xmp-well-formed", "the XMP packet is not well-formed XML: " + xmp.doc->error);
}

// PDF/A-2 6.6.2.3.2 and 6.6.2.3.3: each property from a schema XMP does not define is
// described by a pdfaExtension schema (namespaceURI, prefix, and a name, valueType, category
// and description for each property).
void check_xmp_extension_schemas(Context& c) {
  auto xmp = readable_xmp(c);
  if (!xmp) return;
  std::set<std::pair<std::string, std::string>> described;
  std::vector<std::string> problems;
  const Property* schemas = xmp->find(kExtension, "schemas");
  for (const XmlElement* schema : schemas ? items(*schemas) : std::vector<const XmlElement*>{}) {
    Xmp fields;
    fields.properties = fields_of(*schema);
    auto uri = fields.simple(kSchema, "namespaceURI");
    auto prefix = fields.simple(kSchema, "prefix");
    if (!uri || uri->empty() || !prefix || prefix->empty())
      problems.push_back("an extension schema without pdfaSchema:namespaceURI or pdfaSchema:prefix");
    const Property* list = fields.find(kSchema, "property");
    for (const XmlElement* property : list ? items(*list) : std::vector<const XmlElement*>{}) {
      Xmp p;
      p.properties = fields_of(*property);
      auto name = p.simple(kProperty, "name");
      auto category = p.simple(kProperty, "category");
      if (!name || !p.simple(kProperty, "valueType") || !p.simple(kProperty, "description") ||
          (category != "internal" && category != "external"))
        problems.push_back("the extension schema " + quoted(uri) + " describes a property " + quoted(name) +
                           " without valueType, description or an internal/external category");
      if (name && uri) described.insert({*uri, *name});
    }
  }
  for (const auto& p : xmp->properties)
    if (!predefined_namespaces().count(p.ns) && !described.count({p.ns, p.local}))
      problems.push_back("the property " + p.qname + " (" + p.ns + ") is not described by an extension schema");
  c.add_all("xmp-extension-schemas", problems);
}

// PDF/A-2 6.6.2.3.1 (ISO 19005-2 Table 3): an Info entry and its XMP property agree.
void check_xmp_info_sync(Context& c) {
  auto xmp = readable_xmp(c);
  if (!xmp) return;
  Handle info = entry(c.pdf.getTrailer(), "/Info");
  std::vector<std::string> problems;
  auto compare = [&](const char* key, const std::string& property, std::optional<std::string> value) {
    auto text = text_of(entry(info, key));
    if (!text) return;
    if (!value) problems.push_back(std::string("the Info ") + key + " '" + *text + "' has no " + property + " in the XMP");
    else if (*value != *text)
      problems.push_back(property + " " + quoted(value) + " differs from the Info " + key + " '" + *text + "'");
  };
  auto alt = [&](const std::string& ns, const std::string& local) {
    const Property* p = xmp->find(ns, local);
    return p ? default_language(*p) : std::nullopt;
  };
  auto title = alt(kDc, "title");
  if (title && !text_of(entry(info, "/Title")))
    problems.push_back("the Info dictionary has no /Title to match dc:title '" + *title + "'");
  compare("/Title", "dc:title", title);
  const Property* creator = xmp->find(kDc, "creator");
  std::optional<std::string> author;
  if (creator && items(*creator).size() == 1) author = trim(items(*creator).front()->text);
  compare("/Author", "dc:creator (a single item)", author);
  compare("/Subject", "dc:description", alt(kDc, "description"));
  compare("/Keywords", "pdf:Keywords", xmp->simple(kPdf, "Keywords"));
  compare("/Creator", "xmp:CreatorTool", xmp->simple(kXmp, "CreatorTool"));
  compare("/Producer", "pdf:Producer", xmp->simple(kPdf, "Producer"));
  for (auto [key, local] : {std::pair{"/CreationDate", "CreateDate"}, std::pair{"/ModDate", "ModifyDate"}}) {
    auto text = text_of(entry(info, key));
    if (!text) continue;
    auto value = xmp->simple(kXmp, local);
    auto a = instant(*text, true);
    auto b = value ? instant(*value, false) : std::nullopt;
    if (!value) problems.push_back(std::string("the Info ") + key + " has no xmp:" + local + " in the XMP");
    else if (!a || !b || *a != *b)
      problems.push_back(std::string("xmp:") + local + " '" + *value + "' differs from the Info " + key + " '" + *text + "'");
  }
  c.add_all("xmp-info-sync", problems);
}

}  // namespace rapport::pdfcheck
