// The structure tree and the PDF syntax of rapport's own output, read back with libqpdf: what
// a screen reader and an archive validator meet. Each case is one finding of an independent
// PDF/A-2 and PDF/UA-1 check of an earlier version (issue 12), so it fails on that version.
#include <doctest/doctest.h>

#include <cairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.hpp"

using namespace rapport::test;
using Handle = QPDFObjectHandle;

namespace {

std::string render(const std::string& example, const std::string& options) {
  std::string pdf = temp_dir() + "/" + std::filesystem::path(example).stem().string() + ".pdf";
  auto result = run_rapport("render " + shell_quote(source_dir() + "/" + example) + " " + options + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  return pdf;
}

const std::string& final_ks() {
  static const std::string pdf = render("input/timra/kommunstyrelsen-delarsrapport-2021.yaml", "--final");
  return pdf;
}

std::string role_of(Handle element) {
  Handle s = element.isDictionary() ? element.getKey("/S") : Handle::newNull();
  return s.isName() ? s.getName().substr(1) : "";
}

bool is_element(Handle h) { return h.isDictionary() && h.hasKey("/S"); }

std::vector<Handle> kids_of(Handle element) {
  Handle k = element.getKey("/K");
  if (k.isArray()) return k.getArrayAsVector();
  if (k.isNull()) return {};
  return {k};
}

std::vector<Handle> child_elements(Handle element) {
  std::vector<Handle> out;
  for (auto& kid : kids_of(element))
    if (is_element(kid)) out.push_back(kid);
  return out;
}

// Every structure element, depth first in reading order.
void collect(Handle element, std::vector<Handle>& out) {
  out.push_back(element);
  for (auto& kid : child_elements(element)) collect(kid, out);
}

struct Tree {
  QPDF pdf;
  std::vector<Handle> elements;
  explicit Tree(const std::string& path) {
    pdf.processFile(path.c_str());
    for (auto& top : kids_of(pdf.getRoot().getKey("/StructTreeRoot"))) collect(top, elements);
  }
  std::vector<Handle> with_role(const std::string& role) const {
    std::vector<Handle> out;
    for (const auto& e : elements)
      if (role_of(e) == role) out.push_back(e);
    return out;
  }
};

bool has_marked_content(Handle element) {
  for (auto& kid : kids_of(element))
    if (kid.isInteger() || (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR"))) return true;
  return false;
}

bool has_link_reference(Handle element) {
  for (auto& kid : kids_of(element))
    if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR") && kid.getKey("/Obj").getKey("/Subtype").isNameAndEquals("/Link"))
      return true;
  return false;
}

// The attribute dictionaries of an element, whether /A holds one or an array of them.
std::vector<Handle> attributes_of(Handle element) {
  Handle a = element.getKey("/A");
  if (a.isArray()) return a.getArrayAsVector();
  if (a.isDictionary()) return {a};
  return {};
}

Handle attribute(Handle element, const std::string& owner, const std::string& key) {
  for (auto& a : attributes_of(element))
    if (a.getKey("/O").isNameAndEquals(owner) && a.hasKey(key)) return a.getKey(key);
  return Handle::newNull();
}

int columns_of(Handle row) {
  int columns = 0;
  for (auto& cell : child_elements(row)) {
    Handle span = attribute(cell, "/Table", "/ColSpan");
    columns += span.isInteger() ? static_cast<int>(span.getIntValue()) : 1;
  }
  return columns;
}

std::vector<Handle> rows_of(Handle table) {
  std::vector<Handle> rows;
  for (auto& part : child_elements(table)) {
    if (role_of(part) == "TR") rows.push_back(part);
    if (role_of(part) == "THead" || role_of(part) == "TBody" || role_of(part) == "TFoot")
      for (auto& row : child_elements(part)) rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("structure: every CIDFontType2 font names its CIDToGIDMap (PDF/A-2 6.2.11.3.2)") {
  QPDF pdf;
  pdf.processFile(final_ks().c_str());
  int fonts = 0;
  for (auto& object : pdf.getAllObjects()) {
    if (!object.isDictionary() || !object.getKey("/Subtype").isNameAndEquals("/CIDFontType2")) continue;
    ++fonts;
    Handle map = object.getKey("/CIDToGIDMap");
    CHECK((map.isNameAndEquals("/Identity") || map.isStream()));
  }
  CHECK(fonts >= 2);
}

TEST_CASE("structure: every stream has an end of line before endstream (PDF/A-2 6.1.7.1)") {
  for (const std::string& pdf : {final_ks(), render("input/timra/tjansteskrivelse-samverkan-2020.yaml", "")}) {
    std::string bytes = read_file(pdf);
    size_t streams = 0, bare = 0;
    for (size_t at = 0; (at = bytes.find("endstream", at)) != std::string::npos; at += 9, ++streams)
      if (at == 0 || (bytes[at - 1] != '\n' && bytes[at - 1] != '\r')) ++bare;
    CHECK(streams >= 6);  // pages, fonts, ToUnicode maps, the XMP packet, the profile
    CHECK_MESSAGE(bare == 0, pdf);
  }
}

TEST_CASE("structure: every link annotation is printed, says its words, has a decodable appearance and belongs to a Link element") {
  QPDF pdf;
  pdf.processFile(final_ks().c_str());
  pdf.setSuppressWarnings(true);
  Handle parent_tree = pdf.getRoot().getKey("/StructTreeRoot").getKey("/ParentTree").getKey("/Nums");
  REQUIRE(parent_tree.isArray());
  std::map<long long, Handle> parents;
  for (int i = 0; i + 1 < parent_tree.getArrayNItems(); i += 2)
    parents[parent_tree.getArrayItem(i).getIntValue()] = parent_tree.getArrayItem(i + 1);
  int links = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    for (auto& annotation : page.getAnnotations("/Link")) {
      Handle a = annotation.getObjectHandle();
      ++links;
      CHECK((a.getKey("/F").getIntValue() & 4) == 4);
      CHECK(!a.getKey("/Contents").getUTF8Value().empty());
      Handle appearance = a.getKey("/AP").getKey("/N");
      REQUIRE(appearance.isStream());
      CHECK_NOTHROW(appearance.getStreamData(qpdf_dl_all));
      // Zero bytes are not a Flate stream (Ghostscript: "error reading a stream").
      if (appearance.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode")) CHECK(appearance.getRawStreamData()->getSize() > 0);
      REQUIRE(a.getKey("/StructParent").isInteger());
      Handle element = parents[a.getKey("/StructParent").getIntValue()];
      CHECK(role_of(element) == "Link");
      CHECK(has_link_reference(element));
    }
    CHECK(page.getObjectHandle().getKey("/Tabs").isNameAndEquals("/S"));
  }
  CHECK(links > 20);
  CHECK_FALSE(pdf.anyWarnings());
}

// The indentation of a line of `pdfinfo -struct-text`, which nests elements by two spaces.
size_t indent_of(const std::string& line) { return line.find_first_not_of(' '); }

TEST_CASE("structure: a Link element holds its annotation and its words") {
  Tree tree(final_ks());
  auto links = tree.with_role("Link");
  REQUIRE(links.size() > 20);
  for (auto& link : links) {
    CHECK(has_link_reference(link));
    CHECK_MESSAGE((has_marked_content(link) || link.hasKey("/Alt")), "a Link element without words");
  }
  // What poppler reads out of each Link element's marked content: never nothing.
  std::istringstream text(run_command("pdfinfo -struct-text " + shell_quote(final_ks())).output);
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  int read = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find("Link (inline)") == std::string::npos) continue;
    bool words = false;
    for (size_t j = i + 1; j < lines.size() && indent_of(lines[j]) > indent_of(lines[i]); ++j)
      words = words || std::regex_search(lines[j], std::regex("\"[^\"]+\""));
    CHECK_MESSAGE(words, "a Link without words after line " << i + 1);
    ++read;
  }
  CHECK(read == static_cast<int>(links.size()));
}

TEST_CASE("structure: a TOCI holds only what ISO 32000-1 table 333 allows, and its Link the entry's words") {
  Tree tree(final_ks());
  auto entries = tree.with_role("TOCI");
  REQUIRE(entries.size() > 10);
  const std::set<std::string> allowed = {"Lbl", "Reference", "NonStruct", "P", "TOC"};
  for (auto& entry : entries) {
    CHECK_FALSE(has_marked_content(entry));
    for (auto& kid : child_elements(entry)) CHECK_MESSAGE(allowed.count(role_of(kid)), role_of(kid));
  }
  Handle reference = child_elements(entries.front()).front();
  REQUIRE(role_of(reference) == "Reference");
  Handle link = child_elements(reference).front();
  CHECK(role_of(link) == "Link");
  CHECK(has_marked_content(link));
  CHECK(has_link_reference(link));
}

TEST_CASE("structure: every row of a table has a cell under every column, spans counted") {
  Tree tree(final_ks());
  auto tables = tree.with_role("Table");
  REQUIRE(tables.size() >= 10);
  int spanning = 0;
  for (auto& table : tables) {
    auto rows = rows_of(table);
    REQUIRE_FALSE(rows.empty());
    int columns = columns_of(rows.back());
    for (auto& row : rows) {
      CHECK(columns_of(row) == columns);
      for (auto& cell : child_elements(row)) {
        CHECK((role_of(cell) == "TH" || role_of(cell) == "TD"));
        if (attribute(cell, "/Table", "/ColSpan").isInteger()) ++spanning;
      }
    }
  }
  CHECK(spanning > 0);  // the group rows of the budget tables
}

TEST_CASE("structure: a table continued on the next page is one Table element with its header once") {
  Tree tree(final_ks());
  int across_pages = 0;
  for (auto& table : tree.with_role("Table")) {
    auto parts = child_elements(table);
    bool has_head = std::any_of(parts.begin(), parts.end(), [](Handle p) { return role_of(p) == "THead"; });
    CHECK(has_head);
    std::set<int> pages;  // object numbers of the pages its cells are on
    for (auto& row : rows_of(table))
      for (auto& cell : child_elements(row))
        if (cell.getKey("/Pg").isDictionary()) pages.insert(cell.getKey("/Pg").getObjGen().getObj());
    if (pages.size() > 1) ++across_pages;
  }
  CHECK(across_pages >= 1);
}

TEST_CASE("structure: the notes under a table are paragraphs after it, not cells in it") {
  std::string text = run_command("pdfinfo -struct-text " + shell_quote(final_ks())).output;
  size_t note = text.find("\"† Avrundnings");
  REQUIRE(note != std::string::npos);
  size_t line_start = text.rfind('\n', text.rfind('\n', note - 1) - 1) + 1;
  std::string element_line = text.substr(line_start, text.find('\n', line_start) - line_start);
  CHECK(element_line.find("P (block)") != std::string::npos);
  CHECK(element_line.find("  P") == 0);  // a child of the Document, beside the Table
}

TEST_CASE("structure: every Figure has its alternative text and a Layout BBox on its page") {
  Tree tree(final_ks());
  auto figures = tree.with_role("Figure");
  REQUIRE(figures.size() >= 40);
  for (auto& figure : figures) {
    CHECK(!figure.getKey("/Alt").getUTF8Value().empty());
    Handle box = attribute(figure, "/Layout", "/BBox");
    REQUIRE(box.isArray());
    REQUIRE(box.getArrayNItems() == 4);
    double x1 = box.getArrayItem(0).getNumericValue(), y1 = box.getArrayItem(1).getNumericValue();
    double x2 = box.getArrayItem(2).getNumericValue(), y2 = box.getArrayItem(3).getNumericValue();
    CHECK(x1 < x2);
    CHECK(y1 < y2);
    CHECK(x1 >= 0);
    CHECK(y2 <= 842);
  }
}

TEST_CASE("structure: empty table cells are elements, so later cells stay under their headers") {
  Tree tree(final_ks());
  int empty = 0;
  for (auto& cell : tree.with_role("TD"))
    if (kids_of(cell).empty()) ++empty;
  CHECK(empty > 0);
}

TEST_CASE("structure: a PNG logo in a final PDF is an image that does not ask to be interpolated (PDF/A-2 6.2.8)") {
  std::string dir = temp_dir();
  cairo_surface_t* png = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_surface_write_to_png(png, (dir + "/logo.png").c_str());
  cairo_surface_destroy(png);
  write_file(dir + "/png.yaml", "name: png\nextends: default\npage_furniture: {logo: {file: logo.png, width: 30mm, alt: Logga}}\n");
  std::string pdf_path = dir + "/with-logo.pdf";
  auto result = run_rapport("render " + shell_quote(example_report()) + " --final --root / --layout " + shell_quote(dir + "/png.yaml") +
                            " -o " + shell_quote(pdf_path));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  QPDF pdf;
  pdf.processFile(pdf_path.c_str());
  int images = 0;
  for (auto& object : pdf.getAllObjects()) {
    if (!object.isStream() || !object.getDict().getKey("/Subtype").isNameAndEquals("/Image")) continue;
    ++images;
    Handle interpolate = object.getDict().getKey("/Interpolate");
    CHECK_FALSE((interpolate.isBool() && interpolate.getBoolValue()));
  }
  CHECK(images >= 1);
}

TEST_CASE("structure: a link to a web address with Swedish letters is written as 7-bit ASCII, percent-encoded") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - text: \"Se [föreningarna](https://www.timra.se/kultur/föreningar).\"\n");
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  QPDF pdf;
  pdf.processFile((dir + "/r.pdf").c_str());
  std::vector<std::string> uris;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages())
    for (auto& annotation : page.getAnnotations("/Link")) {
      Handle action = annotation.getObjectHandle().getKey("/A");
      if (action.isDictionary()) uris.push_back(action.getKey("/URI").getStringValue());
    }
  CHECK(uris == std::vector<std::string>{"https://www.timra.se/kultur/f%C3%B6reningar"});
}
