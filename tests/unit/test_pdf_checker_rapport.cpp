// The checker on rapport's own output: the final Kommunstyrelsen report, which breaks no
// rule, broken one way at a time through libqpdf; each broken copy must break exactly the
// rule it was broken for.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <functional>
#include <set>

#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport::test;
using Handle = QPDFObjectHandle;

namespace {

using Breaker = std::function<void(QPDF&)>;

const std::string& final_report() {
  static const std::string pdf = [] {
    std::string out = temp_dir() + "/ks-final.pdf";
    auto result = run_rapport("render " + shell_quote(example_report()) + " --final -o " + shell_quote(out));
    if (result.status != 0) throw std::runtime_error("rapport render --final failed: " + result.output);
    return out;
  }();
  return pdf;
}

// The report rewritten by qpdf, broken by `breaker` first (unbroken when it is empty). The
// writer keeps the data as it is and ends every stream with an EOL, so rewriting alone
// changes no finding.
std::string rewritten(const std::string& name, const Breaker& breaker, const std::string& appended = "") {
  QPDF pdf;
  pdf.processFile(final_report().c_str());
  if (breaker) breaker(pdf);
  std::string out = temp_dir() + "/" + name + ".pdf";
  QPDFWriter writer(pdf, out.c_str());
  writer.setDeterministicID(true);
  writer.setDecodeLevel(qpdf_dl_none);
  writer.setCompressStreams(false);
  writer.setNewlineBeforeEndstream(true);
  writer.write();
  if (!appended.empty()) write_file(out, read_file(out) + appended);
  return out;
}

std::set<std::string> rules(const std::string& pdf) {
  std::set<std::string> out;
  for (const auto& finding : rapport::pdfcheck::check_pdf(pdf)) out.insert(finding.rule);
  return out;
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Depth first, the first structure element of type `role` (as written).
Handle first_element(Handle element, const std::string& role, int depth = 0) {
  if (!element.isDictionary() || depth > 200) return Handle::newNull();
  if (element.getKey("/S").isName() && element.getKey("/S").getName() == role) return element;
  Handle kids = element.getKey("/K");
  for (auto kid : kids.isArray() ? kids.getArrayAsVector() : std::vector<Handle>{kids})
    if (Handle found = first_element(kid, role, depth + 1); !found.isNull()) return found;
  return Handle::newNull();
}

Handle first_of(QPDF& pdf, const std::string& role) {
  Handle found = first_element(pdf.getRoot().getKey("/StructTreeRoot"), role);
  REQUIRE_MESSAGE(found.isDictionary(), "no " << role << " element");
  return found;
}

Handle first_link(QPDF& pdf) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages())
    for (auto& annotation : page.getAnnotations("/Link")) return annotation.getObjectHandle();
  FAIL("no link annotation");
  return Handle::newNull();
}

// The first font of the given /Subtype on any page.
Handle first_font(QPDF& pdf, const std::string& subtype) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    Handle fonts = page.getAttribute("/Resources", false).getKey("/Font");
    if (!fonts.isDictionary()) continue;
    for (auto& [name, font] : fonts.getDictAsMap())
      if (font.getKey("/Subtype").isName() && font.getKey("/Subtype").getName() == subtype) return font;
  }
  FAIL("no " << subtype << " font");
  return Handle::newNull();
}

Handle cid_font(QPDF& pdf) { return first_font(pdf, "/Type0").getKey("/DescendantFonts").getArrayItem(0); }

void replace_metadata(QPDF& pdf, const std::function<std::string(std::string)>& edit) {
  Handle metadata = pdf.getRoot().getKey("/Metadata");
  auto data = metadata.getStreamData(qpdf_dl_all);
  std::string xml(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  metadata.replaceStreamData(edit(xml), Handle::newNull(), Handle::newNull());
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

struct Break {
  std::string rule;
  std::string name;
  Breaker breaker;
};

std::vector<Break> breaks() {
  return {
      {"lang", "no /Lang", [](QPDF& pdf) { pdf.getRoot().removeKey("/Lang"); }},
      {"mark-info", "/Marked false", [](QPDF& pdf) { pdf.getRoot().replaceKey("/MarkInfo", Handle::parse("<< /Marked false >>")); }},
      {"display-doc-title", "no DisplayDocTitle", [](QPDF& pdf) { pdf.getRoot().removeKey("/ViewerPreferences"); }},
      {"actions", "a JavaScript OpenAction",
       [](QPDF& pdf) { pdf.getRoot().replaceKey("/OpenAction", Handle::parse("<< /S /JavaScript /JS (1) >>")); }},
      {"additional-actions", "a Catalog /AA",
       [](QPDF& pdf) { pdf.getRoot().replaceKey("/AA", Handle::parse("<< /WC << /S /URI /URI (x) >> >>")); }},
      {"output-intent", "an ICC profile with /N 4",
       [](QPDF& pdf) {
         pdf.getRoot().getKey("/OutputIntents").getArrayItem(0).getKey("/DestOutputProfile").getDict().replaceKey(
             "/N", Handle::newInteger(4));
       }},
      {"xmp", "no /Metadata", [](QPDF& pdf) { pdf.getRoot().removeKey("/Metadata"); }},
      {"xmp-well-formed", "an XMP packet cut short", [](QPDF& pdf) { replace_metadata(pdf, [](std::string x) { return x.substr(0, 400); }); }},
      {"xmp-extension-schemas", "no extension schema for pdfuaid",
       [](QPDF& pdf) {
         replace_metadata(pdf, [](std::string x) {
           return replaced(x, "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/", "<pdfaSchema:namespaceURI>http://example.org/");
         });
       }},
      {"xmp-info-sync", "an Info /Title that differs",
       [](QPDF& pdf) { pdf.getTrailer().getKey("/Info").replaceKey("/Title", Handle::newString("Annan titel")); }},
      {"fonts-embedded", "a font program removed",
       [](QPDF& pdf) { cid_font(pdf).getKey("/FontDescriptor").removeKey("/FontFile2"); }},
      {"cid-system-info", "a CIDFont without CIDSystemInfo", [](QPDF& pdf) { cid_font(pdf).removeKey("/CIDSystemInfo"); }},
      {"to-unicode", "a Type0 font without ToUnicode", [](QPDF& pdf) { first_font(pdf, "/Type0").removeKey("/ToUnicode"); }},
      {"glyph-widths", "a wrong glyph width",
       [](QPDF& pdf) {
         // Every width of the first run (CID 0, .notdef, is never shown).
         Handle widths = cid_font(pdf).getKey("/W").getArrayItem(1);
         for (int i = 0; i < widths.getArrayNItems(); ++i)
           widths.setArrayItem(i, Handle::newInteger(widths.getArrayItem(i).getIntValue() + 100));
       }},
      {"role-map", "a standard type remapped",
       [](QPDF& pdf) {
         Handle root = pdf.getRoot().getKey("/StructTreeRoot");
         if (!root.getKey("/RoleMap").isDictionary()) root.replaceKey("/RoleMap", Handle::newDictionary());
         root.getKey("/RoleMap").replaceKey("/Note", Handle::newName("/P"));
       }},
      {"figure-alt", "a Figure without /Alt", [](QPDF& pdf) { first_of(pdf, "/Figure").removeKey("/Alt"); }},
      {"headings", "the first H1 made H3", [](QPDF& pdf) { first_of(pdf, "/H1").replaceKey("/S", Handle::newName("/H3")); }},
      {"th-scope", "a TH without /Scope", [](QPDF& pdf) { first_of(pdf, "/TH").removeKey("/A"); }},
      {"table-structure", "a TD retagged as P", [](QPDF& pdf) { first_of(pdf, "/TD").replaceKey("/S", Handle::newName("/P")); }},
      {"table-spans", "a TD with /ColSpan 0",
       [](QPDF& pdf) { first_of(pdf, "/TD").replaceKey("/A", Handle::parse("<< /O /Table /ColSpan 0 >>")); }},
      {"list-structure", "an LI retagged as Div", [](QPDF& pdf) { first_of(pdf, "/LI").replaceKey("/S", Handle::newName("/Div")); }},
      {"tagged-content", "a line painted outside marked content",
       [](QPDF& pdf) {
         QPDFPageObjectHelper page = QPDFPageDocumentHelper(pdf).getAllPages().front();
         page.addPageContents(pdf.newStream("0 0 m 10 10 l S\n"), false);
       }},
      {"mcid-parent-tree", "page 1 without /StructParents",
       [](QPDF& pdf) { QPDFPageDocumentHelper(pdf).getAllPages().front().getObjectHandle().removeKey("/StructParents"); }},
      {"mcid-claims", "an H1 claiming a P's marked content too",
       [](QPDF& pdf) {
         Handle h1 = first_of(pdf, "/H1"), p = first_of(pdf, "/P");
         Handle kids = Handle::newArray();
         for (Handle element : {h1, p}) {
           Handle k = element.getKey("/K");
           for (auto kid : k.isArray() ? k.getArrayAsVector() : std::vector<Handle>{k})
             if (kid.isInteger()) kids.appendItem(kid);
         }
         h1.replaceKey("/K", kids);
       }},
      {"parent-tree", "a ParentTreeNextKey of 0",
       [](QPDF& pdf) { pdf.getRoot().getKey("/StructTreeRoot").replaceKey("/ParentTreeNextKey", Handle::newInteger(0)); }},
      {"link-annotations", "a link without /StructParent", [](QPDF& pdf) { first_link(pdf).removeKey("/StructParent"); }},
      {"annotation-print", "a link that does not print", [](QPDF& pdf) { first_link(pdf).replaceKey("/F", Handle::newInteger(0)); }},
      {"annotation-contents", "a link without /Contents", [](QPDF& pdf) { first_link(pdf).removeKey("/Contents"); }},
      {"tabs", "a page with links and no /Tabs",
       [](QPDF& pdf) {
         for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages())
           if (!page.getAnnotations().empty()) return page.getObjectHandle().removeKey("/Tabs");
       }},
      {"stream-keys", "a content stream with /F",
       [](QPDF& pdf) {
         QPDFPageDocumentHelper(pdf).getAllPages().front().getPageContents().front().getDict().replaceKey(
             "/F", Handle::newString("extern.dat"));
       }},
  };
}

}  // namespace

TEST_CASE("pdf checker on rapport output: the final report breaks no rule, and each break exactly its own") {
  auto baseline = rules(rewritten("baseline", nullptr));
  // The untouched file and its rewrite through libqpdf (which the breaks go through) are clean.
  REQUIRE_MESSAGE(rules(final_report()).empty(), joined(rules(final_report())));
  REQUIRE_MESSAGE(baseline.empty(), joined(baseline));
  std::set<std::string> tested;
  for (const auto& b : breaks()) {
    INFO(b.name);
    std::set<std::string> added;
    for (const auto& rule : rules(rewritten(b.rule, b.breaker)))
      if (!baseline.count(rule)) added.insert(rule);
    CHECK(joined(added) == b.rule);
    // A rule the baseline already breaks could not show that the break was seen.
    CHECK(baseline.count(b.rule) == 0);
  }
  std::set<std::string> appended;
  for (const auto& rule : rules(rewritten("eof", nullptr, "trailing bytes\n"))) appended.insert(rule);
  CHECK(joined(appended) == "file-structure");
}
