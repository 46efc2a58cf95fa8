// The page model together, read back from the PDF with poppler and qpdf: a report with a
// landscape section, footnotes and page references gets landscape pages where it asked for
// them, a TOC, an outline and page references that point at the pages where their targets
// are, and each footnote on the page of its mark.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "test_support.hpp"

using namespace rapport::test;

namespace {

std::string wide_table() {
  std::string t = "      - table:\n          id: aktiviteter\n          caption: Aktiviteter per verksamhet\n          columns: [Aktivitet";
  for (int c = 0; c < 8; ++c) t += ", {title: \"Kvartal " + std::to_string(c + 1) + "\", align: right}";
  t += "]\n          rows:\n";
  for (int r = 0; r < 12; ++r) {
    t += "            - [Aktivitet " + std::to_string(r + 1);
    for (int c = 0; c < 8; ++c) t += ", " + std::to_string((r + 1) * (c + 3) * 17);
    t += "]\n";
  }
  return t;
}

std::string page_model_report() {
  return report_preamble() + "  - toc\n" +
         "  - section: Inledning\n    id: inledning\n    content:\n"
         "      - text: |\n"
         "          Kommunstyrelsen är kommunens förvaltningsorgan[^organ]. Aktiviteterna står på [sidan {page}](#aktiviteter).\n\n"
         "          [^organ]: Se reglemente för kommunstyrelsen.\n" +
         filler_paragraphs(12) +
         "  - section: Aktiviteter\n    id: bred\n    orientation: landscape\n    content:\n" + wide_table() +
         "      - text: |\n"
         "          Siffrorna är preliminära[^prel] och stäms av i bokslutet.\n\n"
         "          [^prel]: Enligt huvudboken den 31 augusti.\n" +
         filler_paragraphs(3) +
         "  - section: Uppföljning\n    id: uppfoljning\n    content:\n" + filler_paragraphs(6) +
         "      - text: |\n"
         "          Uppföljningen görs varje tertial[^tertial], se [avsnittet på sidan {page}](#bred).\n\n"
         "          [^tertial]: Januari–april, maj–augusti och september–december.\n" +
         filler_paragraphs(4);
}

struct Rendered {
  std::string pdf;
  std::vector<std::string> pages;
};

const Rendered& rendered() {
  static const Rendered r = [] {
    std::string dir = temp_dir();
    write_file(dir + "/r.yaml", page_model_report());
    auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
    REQUIRE_MESSAGE(result.status == 0, result.output);
    return Rendered{dir + "/r.pdf", pdf_pages_text(dir + "/r.pdf")};
  }();
  return r;
}

// Each page's width and height in points, from pdfinfo.
std::vector<std::pair<double, double>> page_sizes(const std::string& pdf) {
  auto info = run_command("pdfinfo -f 1 -l 999 " + shell_quote(pdf));
  std::vector<std::pair<double, double>> out;
  std::regex size(R"(Page +\d+ size: +([\d.]+) x ([\d.]+) pts)");
  for (std::sregex_iterator it(info.output.begin(), info.output.end(), size), end; it != end; ++it)
    out.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  return out;
}

// The 1-based page whose text holds `what` (words compared across line breaks); 0 for none.
int page_with(const Rendered& r, const std::string& what, int from = 1) {
  for (size_t p = static_cast<size_t>(from) - 1; p < r.pages.size(); ++p)
    if (collapse_spaces(r.pages[p]).find(what) != std::string::npos) return static_cast<int>(p) + 1;
  return 0;
}

int number_after(const Rendered& r, const std::string& pattern) {
  std::smatch m;
  for (const auto& page : r.pages) {
    std::string text = collapse_spaces(page);
    if (std::regex_search(text, m, std::regex(pattern))) return std::stoi(m[1]);
  }
  return -1;
}

}  // namespace

TEST_CASE("page model: the landscape section is on landscape pages, the rest portrait") {
  const auto& r = rendered();
  auto sizes = page_sizes(r.pdf);
  REQUIRE(sizes.size() == r.pages.size());
  int table_page = page_with(r, "Aktiviteter per verksamhet", 3);
  REQUIRE(table_page > 0);
  CHECK(sizes[static_cast<size_t>(table_page) - 1].first > sizes[static_cast<size_t>(table_page) - 1].second);
  int portrait = 0, landscape = 0;
  for (auto [w, h] : sizes) (w > h ? landscape : portrait)++;
  CHECK(landscape >= 1);
  CHECK(portrait >= 3);
  CHECK(sizes[static_cast<size_t>(page_with(r, "Uppföljningen görs")) - 1].first < sizes[0].second);
}

TEST_CASE("page model: TOC, outline and page references point at the pages of their targets") {
  const auto& r = rendered();
  int landscape_start = page_with(r, "Aktiviteter per verksamhet", 3);
  CHECK(number_after(r, "Aktiviteter \\.*\\s*(\\d+)") == landscape_start);
  CHECK(number_after(r, "Aktiviteterna står på sidan (\\d+)") == landscape_start);
  CHECK(number_after(r, "avsnittet på sidan (\\d+)") == landscape_start);
  auto json = nlohmann::json::parse(run_command("qpdf --json --json-key=outlines " + shell_quote(r.pdf)).output);
  bool found = false;
  for (const auto& item : json["outlines"])
    if (item["title"] == "Aktiviteter") {
      CHECK(item["destpageposfrom1"].get<int>() == landscape_start);
      found = true;
    }
  CHECK(found);
}

TEST_CASE("page model: each footnote is at the foot of its mark's page") {
  const auto& r = rendered();
  int mark = page_with(r, "förvaltningsorgan");
  CHECK(mark > 0);
  CHECK(page_with(r, "Se reglemente för kommunstyrelsen") == mark);
  int second = page_with(r, "Uppföljningen görs varje tertial");
  CHECK(page_with(r, "maj–augusti och september–december") == second);
  int landscape_mark = page_with(r, "Siffrorna är preliminära");  // on a landscape page
  CHECK(landscape_mark > 0);
  CHECK(page_with(r, "Enligt huvudboken den 31 augusti") == landscape_mark);
  auto sizes = page_sizes(r.pdf);
  CHECK(sizes[static_cast<size_t>(landscape_mark) - 1].first > sizes[static_cast<size_t>(landscape_mark) - 1].second);
}
