// What rapport's own PDF writer promises beyond a valid file (issue 17): what recurs is
// written once (the draft watermark as one form, each font as one subset), and an SVG stays
// vectors.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.hpp"

using namespace rapport::test;
using Handle = QPDFObjectHandle;

namespace {

std::string render_example(const std::string& flags) {
  std::string pdf = temp_dir() + "/r.pdf";
  auto result = run_rapport("render " + shell_quote(example_report()) + " " + flags + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  return pdf;
}

std::string page_content(QPDFPageObjectHelper& page) {
  std::string out;
  for (auto& part : page.getPageContents()) {
    auto data = part.getStreamData(qpdf_dl_generalized);
    out.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  }
  return out;
}

// The forms a page's content draws ("/Fm1 Do"), by name.
std::set<std::string> forms_drawn(const std::string& content) {
  static const std::regex drawn(R"(/(Fm\d+) Do)");
  std::set<std::string> names;
  for (std::sregex_iterator it(content.begin(), content.end(), drawn), end; it != end; ++it) names.insert((*it)[1]);
  return names;
}

}  // namespace

TEST_CASE("pdf writer: the draft watermark is one form every page draws, and a final render has none") {
  QPDF pdf;
  pdf.processFile(render_example("").c_str());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  REQUIRE(pages.size() > 10);
  std::map<std::string, size_t> pages_drawing;
  for (auto& page : pages)
    for (const auto& name : forms_drawn(page_content(page))) ++pages_drawing[name];
  // One form is on every page: the watermark, its outline written once.
  auto every = std::find_if(pages_drawing.begin(), pages_drawing.end(), [&](const auto& p) { return p.second == pages.size(); });
  REQUIRE(every != pages_drawing.end());
  Handle form = pages.front().getAttribute("/Resources", false).getKey("/XObject").getKey("/" + every->first);
  CHECK(form.getDict().getKey("/Subtype").isNameAndEquals("/Form"));
  auto data = form.getStreamData(qpdf_dl_generalized);
  std::string drawing(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  CHECK(drawing.find(" c\n") != std::string::npos);  // curves: the letters' outlines

  QPDF final_pdf;
  final_pdf.processFile(render_example("--final").c_str());
  auto final_pages = QPDFPageDocumentHelper(final_pdf).getAllPages();
  std::map<std::string, size_t> final_drawing;
  for (auto& page : final_pages)
    for (const auto& name : forms_drawn(page_content(page))) ++final_drawing[name];
  for (const auto& [name, count] : final_drawing) CHECK_MESSAGE(count < final_pages.size(), name << " is on every page");
}

TEST_CASE("pdf writer: each font is embedded once, as a subset with a ToUnicode map, and an SVG figure stays vectors") {
  std::string pdf = render_example("--final");
  auto fonts = run_command("pdffonts " + shell_quote(pdf));
  REQUIRE(fonts.status == 0);
  std::set<std::string> names;
  size_t rows = 0;
  std::istringstream lines(fonts.output);
  std::string line;
  for (int skip = 0; skip < 2 && std::getline(lines, line); ++skip) {}
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++rows;
    std::istringstream fields(line);
    std::string name;
    fields >> name;
    CHECK_MESSAGE(std::regex_search(name, std::regex("^[A-Z]{6}\\+")), name);  // a subset's tag
    names.insert(name.substr(7));
    CHECK_MESSAGE(std::regex_search(line, std::regex("CID TrueType +Identity-H +yes +yes +yes")), line);
  }
  CHECK(rows >= 3);
  CHECK(names.size() == rows);  // no face twice
  // The styrmodell figure (an SVG) is a form of vectors: the report has no raster image at all.
  auto images = run_command("pdfimages -list " + shell_quote(pdf));
  REQUIRE(images.status == 0);
  size_t image_rows = 0;
  std::istringstream image_lines(images.output);
  for (int skip = 0; skip < 2 && std::getline(image_lines, line); ++skip) {}
  while (std::getline(image_lines, line)) image_rows += line.empty() ? 0 : 1;
  CHECK(image_rows == 0);
}
