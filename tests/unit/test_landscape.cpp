// Landscape pages (issue 14): a section or a table that asks for `orientation: landscape` is
// laid out at the turned page's width, set on A4 landscape pages of the same PDF with its own
// header and footer, numbered on, reached from the TOC and outline, and previewed wider than
// tall; a wrong word is an error at its place, and a too-wide table is told when landscape helps.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "layout/collect_flow.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "model/resolve_with_layout.hpp"
#include "style/load_style.hpp"
#include "text/font_registry.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr double a4_short = 595.28, a4_long = 841.89;

// A report with a portrait section, a landscape section, a portrait section holding a
// landscape table, and a last portrait section; each level-1 section starts a page.
std::string mixed_report() {
  std::string wide = "      - table:\n          orientation: landscape\n          caption: Aktiviteter\n"
                     "          columns: [Aktivitet, Ansvarig, Start, Slut, Status, Kostnad, Budget, Avvikelse, Kommentar]\n"
                     "          rows:\n";
  for (int i = 1; i <= 6; ++i)
    wide += "            - [Aktivitet " + std::to_string(i) + ", Förvaltningen, 2021-01-01, 2021-12-31, pågår, 100, 120, 20, "
            "Enligt plan]\n";
  return report_preamble() +
         "  - toc\n"
         "  - section: Inledning\n"
         "    content:\n"
         "      - text: Den första sidan står upp.\n"
         "  - section: Bred översikt\n"
         "    id: bred\n"
         "    orientation: landscape\n"
         "    content:\n"
         "      - text: Den här sidan ligger ner.\n"
         "      - section: Underavsnitt i liggande\n"
         "        orientation: landscape\n"
         "        content:\n"
         "          - text: Även det här ligger ner.\n"
         "  - section: Ekonomi\n"
         "    content:\n"
         "      - text: Texten före tabellen står upp.\n" +
         wide +
         "      - text: Texten efter tabellen står upp igen.\n"
         "  - section: Avslutning\n"
         "    content:\n"
         "      - text: Sista sidan står upp.\n";
}

struct Rendered {
  std::string dir, pdf;
  CommandResult result;
};

Rendered render(const std::string& yaml, const std::string& extra = "") {
  Rendered r;
  r.dir = temp_dir();
  r.pdf = r.dir + "/r.pdf";
  write_file(r.dir + "/r.yaml", yaml);
  r.result = run_rapport("render " + shell_quote(r.dir + "/r.yaml") + " -o " + shell_quote(r.pdf) + extra);
  return r;
}

const Rendered& mixed() {
  static const Rendered r = render(mixed_report());
  return r;
}

struct Size {
  double width = 0, height = 0;
  bool landscape() const { return width > height; }
};

std::vector<Size> media_boxes(const std::string& pdf) {
  QPDF document;
  document.processFile(pdf.c_str());
  std::vector<Size> sizes;
  for (auto& page : QPDFPageDocumentHelper(document).getAllPages()) {
    auto box = page.getAttribute("/MediaBox", false);
    REQUIRE(box.isArray());
    sizes.push_back({box.getArrayItem(2).getNumericValue() - box.getArrayItem(0).getNumericValue(),
                     box.getArrayItem(3).getNumericValue() - box.getArrayItem(1).getNumericValue()});
  }
  return sizes;
}

// The index (from 0) of the first page whose text holds `words`.
size_t page_with(const std::vector<std::string>& pages, const std::string& words) {
  for (size_t p = 0; p < pages.size(); ++p)
    if (collapse_spaces(pages[p]).find(words) != std::string::npos) return p;
  FAIL("'" << words << "' is on no page");
  return 0;
}

struct Word {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};

// The words of one page (from 1) with their boxes, by pdftotext -bbox.
std::vector<Word> page_words(const std::string& pdf, size_t page) {
  std::string n = std::to_string(page);
  std::string html = run_command("pdftotext -bbox -f " + n + " -l " + n + " " + shell_quote(pdf) + " -").output;
  static const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  for (std::sregex_iterator it(html.begin(), html.end(), word), end; it != end; ++it)
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
  return words;
}

Report built(const std::string& yaml, Diagnostics& diags) { return build_report(parse_yaml("r.yaml", yaml), diags); }

}  // namespace

TEST_CASE("landscape: orientation is read on sections and tables") {
  Diagnostics diags;
  Report report = built(mixed_report(), diags);
  REQUIRE_MESSAGE(!diags.has_errors(), diags.format());
  const auto& inledning = *std::get<std::unique_ptr<Section>>(report.content[1]);
  const auto& bred = *std::get<std::unique_ptr<Section>>(report.content[2]);
  const auto& ekonomi = *std::get<std::unique_ptr<Section>>(report.content[3]);
  CHECK_FALSE(inledning.landscape);
  CHECK(bred.landscape);
  CHECK(std::get<std::unique_ptr<Section>>(bred.content[1])->landscape);
  CHECK_FALSE(ekonomi.landscape);
  CHECK(std::get<Table>(ekonomi.content[1]).landscape);
  Diagnostics portrait;
  Report written = built(report_preamble() + "  - section: A\n    orientation: portrait\n    content: []\n", portrait);
  CHECK_MESSAGE(!portrait.has_errors(), portrait.format());
  CHECK_FALSE(std::get<std::unique_ptr<Section>>(written.content[0])->landscape);
}

TEST_CASE("landscape: an unknown orientation is an error at its place, with a hint") {
  Diagnostics diags;
  built(report_preamble() + "  - section: A\n    orientation: landscap\n    content: []\n", diags);
  CHECK(diags.format() == "r.yaml:10:18: error: unknown orientation 'landscap'\n"
                          "  hint: did you mean 'orientation: landscape'?\n");
  Diagnostics other;
  built(report_preamble() + "  - table:\n      orientation: sideways\n      columns: [A]\n      rows: [[a]]\n", other);
  CHECK(other.format() == "r.yaml:10:20: error: unknown orientation 'sideways'\n"
                          "  hint: write 'orientation: portrait' or 'orientation: landscape'\n");
  // The Swedish words point at the English ones.
  Diagnostics swedish;
  built(report_preamble() + "  - section: A\n    orientation: liggande\n    content: []\n", swedish);
  CHECK(swedish.format() == "r.yaml:10:18: error: unknown orientation 'liggande'\n"
                            "  hint: did you mean 'orientation: landscape'?\n");
  Diagnostics standing;
  built(report_preamble() + "  - section: A\n    orientation: stående\n    content: []\n", standing);
  CHECK(standing.format().find("hint: did you mean 'orientation: portrait'?") != std::string::npos);
  // From the command line: exit status 2, nothing written.
  Rendered r = render(report_preamble() + "  - section: A\n    orientation: Landskap\n    content: []\n");
  CHECK(r.result.status == 2);
  CHECK(r.result.output.find("r.yaml:10:18: error: unknown orientation 'Landskap'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(r.pdf));
}

TEST_CASE("landscape: the slabs of a landscape section and table are laid out at the landscape width") {
  Diagnostics diags;
  Report report = built(mixed_report(), diags);
  Style style = load_style(resolve_layout_path("default"));
  FontRegistry fonts(default_font_list());
  resolve_with_layout(report, style, fonts.families(), diags);
  LayoutContext ctx{report, style, fonts.context(), diags};
  Flow flow = collect_flow(ctx);
  REQUIRE_MESSAGE(!diags.has_errors(), diags.format());
  const double portrait_right = style.page.width - style.page.right;
  const double landscape_right = style.page.height - style.page.right;
  // The widest a slab reaches to the right: rules and fills say where the text area ends.
  auto right_edge = [](const Slab& slab) {
    double right = 0;
    for (const auto& item : slab.items) {
      if (auto* rule = std::get_if<RuleItem>(&item)) right = std::max(right, std::max(rule->x1, rule->x2));
      if (auto* rect = std::get_if<RectItem>(&item)) right = std::max(right, rect->x + rect->width);
    }
    return right;
  };
  size_t landscape = 0, wide = 0;
  for (const auto& slab : flow.slabs) {
    landscape += slab.landscape;
    double right = right_edge(slab);
    if (!slab.landscape) CHECK(right <= portrait_right + 0.5);
    if (slab.landscape && right > portrait_right + 0.5) {
      ++wide;
      CHECK(right <= landscape_right + 0.5);
    }
  }
  CHECK(landscape > 8);  // the section's heading and text, the subsection, the table's rows
  CHECK(wide >= 7);      // the table's header and rows fill the landscape width
  CHECK_FALSE(flow.slabs.front().landscape);
  CHECK_FALSE(flow.slabs.back().landscape);  // "Sista sidan står upp."
  REQUIRE(flow.table_headers.size() == 1);
  for (const auto& header : flow.table_headers.front()) CHECK(header.landscape);  // repeated on landscape pages
  // A table the layout lays out landscape fills exactly the turned text width.
  Diagnostics one;
  Report table = built(report_preamble() + "  - table:\n      orientation: landscape\n"
                                           "      columns: [{title: A, width: 50%}, {title: B, width: 50%}]\n"
                                           "      rows: [[a, b]]\n",
                       one);
  resolve_with_layout(table, style, fonts.families(), one);
  LayoutContext table_ctx{table, style, fonts.context(), one};
  Flow table_flow = collect_flow(table_ctx);
  REQUIRE(!table_flow.slabs.empty());
  CHECK(right_edge(table_flow.slabs.front()) == doctest::Approx(landscape_right).epsilon(0.001));
}

TEST_CASE("landscape: pages of the right size in one PDF, numbered on") {
  const Rendered& r = mixed();
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  auto sizes = media_boxes(r.pdf);
  auto pages = pdf_pages_text(r.pdf);
  REQUIRE(sizes.size() == pages.size());
  size_t bred = page_with(pages, "Den här sidan ligger ner"), sub = page_with(pages, "Även det här ligger ner");
  size_t before = page_with(pages, "Texten före tabellen står upp"), table = page_with(pages, "Aktivitet 1");
  size_t after = page_with(pages, "Texten efter tabellen står upp igen"), last = page_with(pages, "Sista sidan står upp");
  for (size_t p : {bred, sub, table}) {
    CHECK_MESSAGE(sizes[p].width == doctest::Approx(a4_long).epsilon(0.002), "page " << p + 1);
    CHECK_MESSAGE(sizes[p].height == doctest::Approx(a4_short).epsilon(0.002), "page " << p + 1);
  }
  for (size_t p : {size_t{0}, page_with(pages, "Den första sidan står upp"), before, after, last}) {
    CHECK_MESSAGE(sizes[p].width == doctest::Approx(a4_short).epsilon(0.002), "page " << p + 1);
    CHECK_MESSAGE(sizes[p].height == doctest::Approx(a4_long).epsilon(0.002), "page " << p + 1);
  }
  // The table and the text around it are on pages of their own orientation.
  CHECK(before < table);
  CHECK(table < after);
  // Every page after the cover carries "n (N)" (its words "n N"), n running on through the
  // landscape pages.
  for (size_t p = 1; p < pages.size(); ++p)
    CHECK_MESSAGE(collapse_spaces(pages[p]).find(std::to_string(p + 1) + " " + std::to_string(pages.size())) != std::string::npos,
                  "page " << p + 1 << ": " << pages[p]);
}

TEST_CASE("landscape: the footer sits inside the landscape page's own edges") {
  const Rendered& r = mixed();
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  auto pages = pdf_pages_text(r.pdf);
  auto sizes = media_boxes(r.pdf);
  size_t p = page_with(pages, "Den här sidan ligger ner");
  REQUIRE(sizes[p].landscape());
  auto words = page_words(r.pdf, p + 1);
  std::string total = "(" + std::to_string(pages.size()) + ")";
  bool found = false;
  for (const auto& w : words) {
    if (w.text != total) continue;
    found = true;
    CHECK(w.x_max <= sizes[p].width);
    CHECK(w.x_max > sizes[p].width * 0.75);  // at the right edge of the long side
    CHECK(w.y_max <= sizes[p].height);
    CHECK(w.y_min > sizes[p].height * 0.85);  // at the foot of the short side
  }
  CHECK_MESSAGE(found, "no page number on the landscape page");
  for (const auto& w : words) {  // nothing drawn off the page
    CHECK(w.x_max <= sizes[p].width + 0.5);
    CHECK(w.y_max <= sizes[p].height + 0.5);
  }
}

TEST_CASE("landscape: the TOC and the outline point at the landscape pages") {
  const Rendered& r = mixed();
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  auto pages = pdf_pages_text(r.pdf);
  size_t bred = page_with(pages, "Den här sidan ligger ner");
  size_t toc = page_with(pages, "Innehållsförteckning");
  std::smatch m;
  std::string contents = collapse_spaces(pages[toc]);
  REQUIRE(std::regex_search(contents, m, std::regex(R"(Bred översikt (\d+))")));
  CHECK(std::stoul(m[1]) == bred + 1);
  REQUIRE(std::regex_search(contents, m, std::regex(R"(Underavsnitt i liggande (\d+))")));
  CHECK(std::stoul(m[1]) == page_with(pages, "Även det här ligger ner") + 1);
  auto json = nlohmann::json::parse(run_command("qpdf --json --json-key=outlines " + shell_quote(r.pdf)).output);
  bool found = false;
  for (const auto& item : json["outlines"])
    if (item["title"] == "Bred översikt") {
      found = true;
      CHECK(item["destpageposfrom1"].get<size_t>() == bred + 1);
    }
  CHECK(found);
  // The named destination lies on the landscape page, within its height.
  std::string dests = run_command("pdfinfo -dests " + shell_quote(r.pdf)).output;
  std::istringstream lines(dests);
  bool dest = false;
  for (std::string line; std::getline(lines, line);)
    if (line.find("\"bred\"") != std::string::npos) {
      dest = true;
      std::istringstream fields(line);
      size_t page = 0;
      fields >> page;
      CHECK(page == bred + 1);
      std::smatch xyz;
      REQUIRE(std::regex_search(line, xyz, std::regex(R"([\[ ]XYZ\s+([-\d.]+)\s+([-\d.]+))")));
      CHECK(std::stod(xyz[2]) <= a4_short + 0.5);
      CHECK(std::stod(xyz[2]) > a4_short / 2);  // near the page's top: the heading opens it
    }
  CHECK_MESSAGE(dest, dests);
}

TEST_CASE("landscape: the PDF is archival and reads cleanly") {
  const Rendered& r = mixed();
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  CommandResult check = run_command(std::string(RAPPORT_PDFCHECK) + " " + shell_quote(r.pdf));
  CHECK_MESSAGE(check.status == 0, check.output);
  CommandResult qpdf = run_command("qpdf --check " + shell_quote(r.pdf));
  CHECK_MESSAGE(qpdf.status == 0, qpdf.output);
  CommandResult gs = run_command("gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage " + shell_quote(r.pdf) + " 2>&1");
  CHECK_MESSAGE(gs.status == 0, gs.output);
  CHECK_MESSAGE(gs.output.find("rror") == std::string::npos, gs.output);
}

TEST_CASE("landscape: the preview draws a landscape page wider than tall") {
  Rendered r;
  r.dir = temp_dir();
  write_file(r.dir + "/r.yaml", mixed_report());
  CommandResult preview = run_rapport("preview " + shell_quote(r.dir + "/r.yaml") + " -o " + shell_quote(r.dir + "/p") + " --dpi 30");
  REQUIRE_MESSAGE(preview.status == 0, preview.output);
  const Rendered& pdf = mixed();
  REQUIRE_MESSAGE(pdf.result.status == 0, pdf.result.output);
  auto pages = pdf_pages_text(pdf.pdf);
  size_t bred = page_with(pages, "Den här sidan ligger ner");
  auto png_size = [&](size_t page) {  // from the PNG's IHDR chunk
    char name[32];
    std::snprintf(name, sizeof name, "/p/page-%03zu.png", page);
    std::string bytes = read_file(r.dir + name);
    REQUIRE(bytes.size() > 24);
    auto be32 = [&](size_t at) {
      return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
    };
    return std::pair<unsigned, unsigned>{be32(16), be32(20)};
  };
  auto [width, height] = png_size(bred + 1);
  CHECK(width > height);
  auto [cover_width, cover_height] = png_size(1);
  CHECK(cover_width < cover_height);
  CHECK(width == cover_height);
  std::string html = read_file(r.dir + "/p/index.html");
  std::string landscape_page = "page-" + std::string(bred + 1 < 10 ? "00" : "0") + std::to_string(bred + 1) + ".png";
  CHECK(html.find("<img src=\"" + landscape_page + "\" class=\"landscape\"") != std::string::npos);
  CHECK(html.find("<img src=\"page-001.png\" alt=") != std::string::npos);  // portrait as before
}

TEST_CASE("landscape: a table too wide for a portrait page is told when landscape would hold it") {
  // 180 mm of fixed columns: wider than A4 portrait's text area, narrower than landscape's.
  Rendered fits = render(report_preamble() + "  - table:\n      columns: [{title: A, width: 100mm}, {title: B, width: 80mm}]\n"
                                             "      rows:\n        - [a, b]\n");
  CHECK(fits.result.status == 2);
  CHECK(fits.result.output.find("r.yaml:10:7: error: the table is 18 mm wider than the text width\n"
                                "  hint: it fits on a landscape page: write 'orientation: landscape' in the table "
                                "(or its section)") != std::string::npos);
  // Too wide even for landscape: the old advice, never a landscape it would not fit.
  Rendered never = render(report_preamble() + "  - table:\n      columns: [{title: A, width: 200mm}, {title: B, width: 100mm}]\n"
                                              "      rows:\n        - [a, b]\n");
  CHECK(never.result.status == 2);
  CHECK(never.result.output.find("orientation") == std::string::npos);
  CHECK(never.result.output.find("hint: narrow the fixed column widths") != std::string::npos);
  // Already landscape: told how much wider than the landscape text width, no landscape advice.
  Rendered turned = render(report_preamble() + "  - table:\n      orientation: landscape\n"
                                               "      columns: [{title: A, width: 200mm}, {title: B, width: 100mm}]\n"
                                               "      rows:\n        - [a, b]\n");
  CHECK(turned.result.status == 2);
  CHECK(turned.result.output.find("wider than the text width") != std::string::npos);
  CHECK(turned.result.output.find("write 'orientation") == std::string::npos);
  // In landscape the 180 mm table fits.
  Rendered fixed = render(report_preamble() + "  - table:\n      orientation: landscape\n"
                                              "      columns: [{title: A, width: 100mm}, {title: B, width: 80mm}]\n"
                                              "      rows:\n        - [a, b]\n");
  CHECK_MESSAGE(fixed.result.status == 0, fixed.result.output);
}

TEST_CASE("landscape: the sign-off block stays with a landscape section that ends the report") {
  const std::string decision = "  decision: {body: Kommunstyrelsen, meeting: 2021-10-04, paragraph: \"§ 175\", approved_by: Stefan Dalin}\n";
  Style style = load_style(resolve_layout_path("default"));
  FontRegistry fonts(default_font_list());
  auto slabs = [&](const std::string& orientation, bool decided) {
    std::string yaml = report_preamble();
    if (decided) yaml.insert(yaml.find("content:"), decision);
    yaml += "  - section: Bilaga\n    orientation: " + orientation + "\n    content:\n      - text: Sista texten.\n";
    Diagnostics diags;
    Report report = built(yaml, diags);
    resolve_with_layout(report, style, fonts.families(), diags);
    LayoutContext ctx{report, style, fonts.context(), diags};
    Flow flow = collect_flow(ctx);
    REQUIRE_MESSAGE(!diags.has_errors(), diags.format());
    return flow.slabs;
  };
  for (const std::string orientation : {"landscape", "portrait"}) {
    size_t content = slabs(orientation, false).size();
    std::vector<Slab> signed_off = slabs(orientation, true);
    REQUIRE(signed_off.size() > content);  // the sign-off block's slabs follow the content's
    for (size_t i = content; i < signed_off.size(); ++i)
      CHECK_MESSAGE(signed_off[i].landscape == (orientation == "landscape"), orientation << " slab " << i);
  }
}

TEST_CASE("landscape: a layout whose page is already landscape has nothing to turn") {
  std::string dir = temp_dir();
  write_file(dir + "/wide.yaml", "name: wide\nextends: default\npage: {width: 297mm, height: 210mm}\n");
  Style style = load_style(dir + "/wide.yaml");
  FontRegistry fonts(default_font_list());
  Diagnostics diags;
  Report report = built(mixed_report(), diags);
  resolve_with_layout(report, style, fonts.families(), diags);
  LayoutContext ctx{report, style, fonts.context(), diags};
  Flow flow = collect_flow(ctx);
  REQUIRE_MESSAGE(!diags.has_errors(), diags.format());
  for (const auto& slab : flow.slabs) CHECK_FALSE(slab.landscape);  // turning it would make it portrait
  // Nor is landscape suggested for a table too wide for it.
  write_file(dir + "/r.yaml", report_preamble() + "  - table:\n      columns: [{title: A, width: 200mm}, {title: B, width: 100mm}]\n"
                                                  "      rows:\n        - [a, b]\n");
  CommandResult r = run_rapport("render " + shell_quote(dir + "/r.yaml") + " --layout " + shell_quote(dir + "/wide.yaml") +
                                " -o " + shell_quote(dir + "/r.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output.find("wider than the text width") != std::string::npos);
  CHECK(r.output.find("write 'orientation") == std::string::npos);
}

TEST_CASE("landscape: a volume keeps each report's landscape pages") {
  std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/in");
  write_file(dir + "/in/a.yaml", mixed_report());
  std::string other = report_preamble();
  other.replace(other.find("Kommunstyrelsen"), std::string("Kommunstyrelsen").size(), "Valnämnden");
  write_file(dir + "/in/b.yaml", other + "  - section: Annan nämnd\n    content:\n      - text: Står upp.\n");
  std::string volume = dir + "/v.pdf";
  CommandResult r = run_rapport("batch " + shell_quote(dir + "/in") + " -o " + shell_quote(dir + "/out") + " -j 1 --volume " +
                                shell_quote(volume));
  REQUIRE_MESSAGE(r.status == 0, r.output);
  auto sizes = media_boxes(volume);
  auto report = media_boxes(dir + "/out/a.pdf");
  auto turned = [](const std::vector<Size>& pages) {
    return static_cast<size_t>(std::count_if(pages.begin(), pages.end(), [](const Size& s) { return s.landscape(); }));
  };
  CHECK(turned(report) == 2);  // the landscape section's page and the table's
  CHECK(turned(sizes) == turned(report));
  auto pages = pdf_pages_text(volume);
  REQUIRE(pages.size() == sizes.size());
  CHECK(sizes[page_with(pages, "Den här sidan ligger ner")].landscape());
  CHECK(sizes[page_with(pages, "Aktivitet 1")].landscape());
  CHECK_FALSE(sizes[page_with(pages, "Står upp")].landscape());
  CommandResult check = run_command(std::string(RAPPORT_PDFCHECK) + " " + shell_quote(volume));
  CHECK_MESSAGE(check.status == 0, check.output);
}
