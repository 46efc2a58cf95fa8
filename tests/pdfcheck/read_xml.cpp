// A recursive-descent reader. It stops at the first error and says where; it never reads past
// the end of its input (the packet is the file's, so it may be cut short anywhere).
#include "pdfcheck/read_xml.hpp"

#include <map>
#include <set>
#include <stdexcept>

namespace rapport::pdfcheck {
namespace {

constexpr int kMaxXmlDepth = 200;
const std::string kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

struct XmlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Whether `s` is valid UTF-8 without overlong forms, surrogates, or control characters XML forbids.
std::optional<size_t> invalid_utf8_at(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return i;
      ++i;
      continue;
    }
    size_t n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return i;
    uint32_t code = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return i;
      code = (code << 6) | (c & 0x3F);
    }
    if ((n == 3 && code < 0x800) || (n == 4 && (code < 0x10000 || code > 0x10FFFF)) || (code >= 0xD800 && code <= 0xDFFF) ||
        code == 0xFFFE || code == 0xFFFF)
      return i;
    i += n;
  }
  return std::nullopt;
}

void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  XmlDocument document() {
    XmlDocument doc;
    try {
      if (auto bad = invalid_utf8_at(s_)) {
        at_ = *bad;
        fail("not valid UTF-8, or a character XML does not allow");
      }
      if (s_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
      if (s_.substr(at_, 5) == "<?xml" && at_ + 5 < s_.size() && is_space(s_[at_ + 5])) skip_past("?>", "the XML declaration");
      misc(doc.instructions);
      if (s_.substr(at_, 9) == "<!DOCTYPE") fail("a DOCTYPE, which XMP does not allow");
      if (at_ >= s_.size() || s_[at_] != '<') fail("no root element");
      std::vector<std::map<std::string, std::string>> scopes = {{{"xml", kXmlNamespace}}};
      XmlElement root = element(scopes, 0);
      misc(doc.instructions);
      if (at_ < s_.size()) fail("content after the root element");
      doc.root = std::move(root);
    } catch (const XmlError& e) {
      doc.error = e.what();
    }
    return doc;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    size_t line = 1;
    for (size_t i = 0; i < at_ && i < s_.size(); ++i) line += s_[i] == '\n';
    throw XmlError("line " + std::to_string(line) + ": " + what);
  }

  bool starts(std::string_view what) const { return s_.substr(at_, what.size()) == what; }
  void skip_spaces() {
    while (at_ < s_.size() && is_space(s_[at_])) ++at_;
  }
  std::string_view skip_past(std::string_view end, const char* what) {
    size_t found = s_.find(end, at_);
    if (found == std::string_view::npos) fail(std::string(what) + " is not closed");
    auto inside = s_.substr(at_, found - at_);
    at_ = found + end.size();
    return inside;
  }

  // Comments, processing instructions and white space, outside or between elements.
  void misc(std::vector<std::string>& instructions) {
    for (;;) {
      skip_spaces();
      if (starts("<!--")) comment();
      else if (starts("<?")) instructions.push_back(instruction());
      else return;
    }
  }

  void comment() {
    at_ += 4;
    auto text = skip_past("-->", "a comment");
    if (text.find("--") != std::string_view::npos || (!text.empty() && text.back() == '-')) fail("'--' inside a comment");
  }

  std::string instruction() {
    at_ += 2;
    std::string target = name();
    std::string lower;
    for (char c : target) lower += static_cast<char>(c | 0x20);
    if (lower == "xml") fail("an XML declaration that is not at the start");
    return target + std::string(skip_past("?>", "a processing instruction"));
  }

  std::string name() {
    size_t start = at_;
    if (at_ >= s_.size() || !is_name_start(s_[at_])) fail("a name was expected");
    while (at_ < s_.size() && is_name_char(s_[at_])) ++at_;
    return std::string(s_.substr(start, at_ - start));
  }

  // Text up to `end` (one of '<', a quote) with references replaced; '<' inside a value fails.
  std::string characters(char end) {
    std::string out;
    while (at_ < s_.size() && s_[at_] != end) {
      char c = s_[at_];
      if (c == '<') fail("'<' inside an attribute value");
      if (c == '&') {
        reference(out);
        continue;
      }
      if (end == '<' && starts("]]>")) fail("']]>' in character data");
      out += c;
      ++at_;
    }
    if (at_ >= s_.size()) fail(end == '<' ? "the document ends inside an element" : "an attribute value is not closed");
    return out;
  }

  void reference(std::string& out) {
    size_t semicolon = s_.find(';', at_);
    if (semicolon == std::string_view::npos || semicolon - at_ > 12) fail("'&' that does not start a reference");
    std::string_view ref = s_.substr(at_ + 1, semicolon - at_ - 1);
    static const std::map<std::string_view, char> named = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    if (auto found = named.find(ref); found != named.end()) {
      out += found->second;
    } else if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) fail("an empty character reference");
      uint32_t code = 0;
      for (char d : digits) {
        int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10 : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
        if (v < 0) fail("a character reference with a bad digit");
        code = code * (hex ? 16 : 10) + static_cast<uint32_t>(v);
        if (code > 0x10FFFF) fail("a character reference past U+10FFFF");
      }
      bool allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
                     (code >= 0xE000 && code <= 0xFFFD) || code >= 0x10000;
      if (!allowed) fail("a character reference to a character XML does not allow");
      append_utf8(out, code);
    } else {
      fail("the undefined entity &" + std::string(ref) + ";");
    }
    at_ = semicolon + 1;
  }

  static std::pair<std::string, std::string> split(const std::string& qname) {
    size_t colon = qname.find(':');
    if (colon == std::string::npos) return {"", qname};
    return {qname.substr(0, colon), qname.substr(colon + 1)};
  }

  std::string resolve(const std::vector<std::map<std::string, std::string>>& scopes, const std::string& prefix, bool attribute) {
    if (prefix.empty() && attribute) return "";
    for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope)
      if (auto found = scope->find(prefix); found != scope->end()) return found->second;
    if (prefix.empty()) return "";
    fail("the namespace prefix '" + prefix + "' is not declared");
  }

  std::vector<XmlAttribute> attributes(std::map<std::string, std::string>& scope) {
    std::vector<XmlAttribute> out;
    std::set<std::string> seen;
    for (;;) {
      size_t before = at_;
      skip_spaces();
      if (at_ >= s_.size()) fail("the document ends inside a tag");
      if (s_[at_] == '>' || s_[at_] == '/') return out;
      if (at_ == before) fail("attributes must be separated by white space");
      std::string qname = name();
      if (!seen.insert(qname).second) fail("the attribute " + qname + " appears twice");
      skip_spaces();
      if (at_ >= s_.size() || s_[at_] != '=') fail("the attribute " + qname + " has no '='");
      ++at_;
      skip_spaces();
      if (at_ >= s_.size() || (s_[at_] != '"' && s_[at_] != '\'')) fail("the attribute " + qname + " is not quoted");
      char quote = s_[at_++];
      std::string value = characters(quote);
      ++at_;
      if (qname == "xmlns") scope[""] = value;
      else if (qname.rfind("xmlns:", 0) == 0) scope[qname.substr(6)] = value;
      out.push_back({qname, "", "", value});
    }
  }

  XmlElement element(std::vector<std::map<std::string, std::string>>& scopes, int depth) {
    if (depth > kMaxXmlDepth) fail("elements nested deeper than " + std::to_string(kMaxXmlDepth));
    ++at_;  // '<'
    XmlElement e;
    e.qname = name();
    scopes.emplace_back();
    e.attributes = attributes(scopes.back());
    auto [prefix, local] = split(e.qname);
    e.ns = resolve(scopes, prefix, false);
    e.local = local;
    for (auto& a : e.attributes) {
      auto [a_prefix, a_local] = split(a.qname);
      if (a.qname != "xmlns" && a_prefix != "xmlns") a.ns = resolve(scopes, a_prefix, true);
      a.local = a_local;
    }
    if (starts("/>")) {
      at_ += 2;
      scopes.pop_back();
      return e;
    }
    ++at_;  // '>'
    content(e, scopes, depth);
    scopes.pop_back();
    return e;
  }

  void content(XmlElement& e, std::vector<std::map<std::string, std::string>>& scopes, int depth) {
    for (;;) {
      e.text += characters('<');
      if (starts("</")) {
        at_ += 2;
        std::string closing = name();
        if (closing != e.qname) fail("</" + closing + "> closes <" + e.qname + ">");
        skip_spaces();
        if (at_ >= s_.size() || s_[at_] != '>') fail("the end tag </" + closing + "> is not closed");
        ++at_;
        return;
      }
      if (starts("<!--")) comment();
      else if (starts("<![CDATA[")) at_ += 9, e.text += skip_past("]]>", "a CDATA section");
      else if (starts("<?")) e.instructions.push_back(instruction());
      else if (starts("<!")) fail("a declaration inside an element");
      else e.children.push_back(element(scopes, depth + 1));
    }
  }

  std::string_view s_;
  size_t at_ = 0;
};

}  // namespace

const XmlAttribute* XmlElement::attribute(const std::string& namespace_uri, const std::string& local_name) const {
  for (const auto& a : attributes)
    if (a.ns == namespace_uri && a.local == local_name) return &a;
  return nullptr;
}

XmlDocument read_xml(std::string_view text) { return Parser(text).document(); }

}  // namespace rapport::pdfcheck
