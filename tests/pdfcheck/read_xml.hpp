#pragma once
// A strict XML 1.0 well-formedness reader, with namespaces, for XMP packets: tags balanced,
// attributes quoted and unique, entity and character references valid, UTF-8 valid, one root,
// every prefix declared. No DTD (XMP allows none), so no entities beyond the five predefined.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::pdfcheck {

struct XmlAttribute {
  std::string qname, ns, local, value;  // value with references replaced
};

struct XmlElement {
  std::string qname, ns, local;
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> children;
  std::string text;  // the character data directly inside, references replaced
  std::vector<std::string> instructions;  // processing instructions directly inside ("xpacket begin=…")

  const XmlAttribute* attribute(const std::string& ns, const std::string& local) const;
};

struct XmlDocument {
  std::optional<XmlElement> root;
  std::vector<std::string> instructions;  // processing instructions outside the root
  std::string error;                      // "line 3: …" when not well-formed; then root is empty
};

XmlDocument read_xml(std::string_view text);

}  // namespace rapport::pdfcheck
