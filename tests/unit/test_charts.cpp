// The chart block: nice ticks, the alt text of each kind, bad input at file:line:col, the
// figures in the PDF's text layer, the tagged Figure, and a low-resolution pixel reference of
// each kind (tests/data/charts/ref/; RAPPORT_UPDATE_CHART_REFERENCES=1 writes them anew).
#include <doctest/doctest.h>

#include <cairo.h>
#include <qpdf/QPDF.hh>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "layout/chart_axis.hpp"
#include "layout/describe_chart.hpp"
#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// A driftbudget per activity, its NETTO rows and a computed Avvikelse, and a Nyckeltal table.
const std::string chart_tables = R"yaml(  - section: Ekonomi
    content:
      - table:
          id: drift
          columns:
            - Resultat per verksamhet (tkr)
            - {title: Budget period, id: budget, align: right}
            - {title: Utfall period, id: utfall, align: right}
            - {title: Avvikelse, id: avvikelse, align: right, compute: utfall - budget}
          rows:
            - group: Nämnd- och styrelseverksamhet
            - ["INTÄKTER", 0, 4, ~]
            - ["KOSTNADER (-)", -2556, -2702, ~]
            - total: ["NETTOKOSTNADER (-)", -2556, -2698]
            - group: Stöd till politiska partier
            - ["INTÄKTER", 0, 0, ~]
            - ["KOSTNADER (-)", -1267, -1231, ~]
            - total: ["NETTOKOSTNADER (-)", -1267, -1231]
      - table:
          id: nyckeltal
          columns:
            - Mått
            - {title: "2019", id: y2019, align: right}
            - {title: "2020", id: y2020, align: right}
            - {title: "2021", id: y2021, align: right}
          rows:
            - ["Antal UF-elever", 39, 29, 14]
            - ["Antal sommarlovsentreprenörer", 8, 11, 15]
            - ["Kommentar", "ej mätt", "", ""]
            - ["Deltagare", Saknas, –, 12]
)yaml";

// One chart of each kind, each on its own page.
const std::string one_chart_per_kind = R"yaml(      - chart:
          kind: column
          caption: Budget och utfall per verksamhet
          table: drift
          per_group: NETTOKOSTNADER (-)
          columns: [budget, utfall]
          labels: true
      - pagebreak
      - chart:
          kind: bar
          caption: Avvikelse per verksamhet
          table: drift
          per_group: NETTOKOSTNADER (-)
          columns: [avvikelse]
          labels: true
      - pagebreak
      - chart:
          kind: stacked
          caption: Intäkter
          unit: mnkr
          data:
            categories: [2019, 2020, 2021]
            series:
              - {name: Skatter, values: [12, 13, "14,5"]}
              - {name: Statsbidrag, values: [3, 4, 2]}
      - pagebreak
      - chart:
          kind: line
          caption: Entreprenörskap
          table: nyckeltal
          rows: [Antal UF-elever, Antal sommarlovsentreprenörer]
          columns: [y2019, y2020, y2021]
          series: rows
          labels: true
          source: "Källa: Kommunens elevregister"
)yaml";

std::string written_report(const std::string& blocks) {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + blocks);
  return dir;
}

std::string with_nbsp_as_space(std::string text) {
  for (size_t at; (at = text.find("\u00A0")) != std::string::npos;) text.replace(at, 2, " ");
  for (size_t at; (at = text.find("\u202F")) != std::string::npos;) text.replace(at, 3, " ");
  return text;
}

// Every Figure element's /Alt in the PDF's structure tree.
std::vector<std::string> figure_alts(const std::string& pdf) {
  QPDF doc;
  doc.processFile(pdf.c_str());
  std::vector<std::string> alts;
  for (auto& object : doc.getAllObjects())
    if (object.isDictionary() && object.getKey("/S").isName() && object.getKey("/S").getName() == "/Figure" &&
        object.getKey("/Alt").isString())
      alts.push_back(object.getKey("/Alt").getUTF8Value());
  return alts;
}

// The mean absolute difference per channel (0–255) of two PNGs of the same size; -1 when
// their sizes differ or one cannot be read.
double mean_difference(const std::string& a, const std::string& b) {
  cairo_surface_t* x = cairo_image_surface_create_from_png(a.c_str());
  cairo_surface_t* y = cairo_image_surface_create_from_png(b.c_str());
  double result = -1;
  int w = cairo_image_surface_get_width(x), h = cairo_image_surface_get_height(x);
  if (cairo_surface_status(x) == CAIRO_STATUS_SUCCESS && cairo_surface_status(y) == CAIRO_STATUS_SUCCESS &&
      w == cairo_image_surface_get_width(y) && h == cairo_image_surface_get_height(y)) {
    cairo_surface_flush(x);
    cairo_surface_flush(y);
    const unsigned char* p = cairo_image_surface_get_data(x);
    const unsigned char* q = cairo_image_surface_get_data(y);
    int sx = cairo_image_surface_get_stride(x), sy = cairo_image_surface_get_stride(y);
    double sum = 0;
    for (int row = 0; row < h; ++row)
      for (int col = 0; col < w * 4; ++col) sum += std::abs(p[row * sx + col] - q[row * sy + col]);
    result = sum / (static_cast<double>(w) * h * 4);
  }
  cairo_surface_destroy(x);
  cairo_surface_destroy(y);
  return result;
}

Chart sample(Chart::Kind kind) {
  Chart chart;
  chart.kind = kind;
  chart.unit = "tkr";
  chart.categories = {"Nämnd- och styrelseverksamhet", "Stöd till politiska partier"};
  chart.series = {{"Budget", {-2556, -1267}, {}, {}}, {"Utfall", {-2698, NAN}, {}, {}}};
  return chart;
}

}  // namespace

TEST_CASE("chart axis: nice ticks of 1, 2 or 5 × 10ⁿ over a range that holds zero") {
  struct Case {
    double least, most;
    double low, high, step;
    int decimals;
  };
  for (const auto& c : std::vector<Case>{{0, 5, 0, 5, 1, 0},
                                         {0, 4, 0, 4, 1, 0},
                                         {0, 87, 0, 100, 20, 0},
                                         {3, 87, 0, 100, 20, 0},  // zero is always on the scale
                                         {0, 1, 0, 1, 0.2, 1},
                                         {0, 0.3, 0, 0.3, 0.05, 2},
                                         {0, 4.06, 0, 5, 1, 0},
                                         {-15300, 0, -20000, 0, 5000, 0},
                                         {-15300, -1231, -20000, 0, 5000, 0},
                                         {-142, 3289, -500, 3500, 500, 0},
                                         {-2.5, 2.5, -3, 3, 1, 0},
                                         {-0.04, 0.01, -0.04, 0.01, 0.01, 2},
                                         {0, 0, 0, 1, 0.2, 1},  // nothing but zeros
                                         {0, 1e9, 0, 1e9, 2e8, 0},
                                         {-70508, 34947, -80000, 40000, 20000, 0}}) {
    CAPTURE(c.least);
    CAPTURE(c.most);
    AxisScale s = nice_scale(c.least, c.most);
    CHECK(s.low == doctest::Approx(c.low));
    CHECK(s.high == doctest::Approx(c.high));
    CHECK(s.step == doctest::Approx(c.step));
    CHECK(s.decimals == c.decimals);
    REQUIRE(!s.ticks.empty());
    CHECK(s.ticks.front() == doctest::Approx(s.low));
    CHECK(s.ticks.back() == doctest::Approx(s.high));
    CHECK(s.ticks.size() >= 3);
    CHECK(s.ticks.size() <= 11);
    // The steps are nice: 1, 2 or 5 times a power of ten.
    double mantissa = s.step / std::pow(10.0, std::floor(std::log10(s.step) + 1e-9));
    CHECK((std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 5) < 1e-9));
    bool has_zero = false;
    for (double t : s.ticks) has_zero = has_zero || t == 0;
    CHECK(has_zero);
    CHECK(s.position(0) >= 0);
    CHECK(s.position(0) <= 1);
  }
}

TEST_CASE("chart alt text: each kind in Swedish, from the figures; the author's alt wins") {
  NumberFormat numbers;
  Chart column = sample(Chart::Kind::column);
  CHECK(describe_chart(column, numbers) ==
        "Stapeldiagram: budget och utfall, tkr. Nämnd- och styrelseverksamhet: budget −2\u00A0556, utfall −2\u00A0698; "
        "Stöd till politiska partier: budget −1\u00A0267, utfall saknas.");
  Chart stacked = sample(Chart::Kind::stacked);
  stacked.caption = "Kostnader per verksamhet";
  CHECK(describe_chart(stacked, numbers).starts_with("Staplat stapeldiagram: Kostnader per verksamhet, tkr. Nämnd- och"));
  Chart bar = sample(Chart::Kind::bar);
  bar.series.pop_back();  // one series: its name is left out of each figure
  CHECK(describe_chart(bar, numbers) ==
        "Liggande stapeldiagram: budget, tkr. Nämnd- och styrelseverksamhet: −2\u00A0556; Stöd till politiska partier: −1\u00A0267.");
  Chart line;
  line.kind = Chart::Kind::line;
  line.unit = "%";
  line.decimals = 1;  // for figures whose series does not say
  line.categories = {"2019", "2020", "2021"};
  line.series = {{"DVU- Har rökt", {18, 12.5, 11}, {}, {0, 1}}};  // each figure as written
  CHECK(describe_chart(line, numbers) == "Linjediagram: DVU- Har rökt, %. DVU- Har rökt: 2019 18, 2020 12,5, 2021 11,0.");
  line.alt = "Andelen som röker minskar.";
  CHECK(describe_chart(line, numbers) == "Andelen som röker minskar.");
}

TEST_CASE("chart errors: each named at file:line:col with a hint, exit 2 and no PDF") {
  struct Case {
    std::string blocks, message, hint;
  };
  const std::string table_chart = chart_tables + "      - chart:\n          kind: column\n";
  for (const auto& c : std::vector<Case>{
           {table_chart + "          table: drfit\n          columns: [budget]\n",
            "r.yaml:41:18: error: the chart names the table 'drfit', but no table has that id", "did you mean 'drift'?"},
           {table_chart + "          table: drift\n          columns: [budgett]\n",
            "r.yaml:42:20: error: the table 'drift' has no column with the id 'budgett'", "did you mean 'budget'?"},
           {table_chart + "          table: drift\n          columns: [budget]\n          rows: [INTÄKTR]\n",
            "r.yaml:43:17: error: the table 'drift' has no row 'INTÄKTR'", "did you mean 'INTÄKTER'?"},
           {table_chart + "          table: nyckeltal\n          columns: [y2019]\n          rows: [Kommentar]\n",
            "r.yaml:37:29: error: the chart at line 40 needs a figure here, but the cell is text 'ej mätt'", "hint: chart another row"},
           {table_chart, "r.yaml:40:11: error: the chart has nothing to draw", "name a table of the report"},
           {table_chart + "          table: drift\n          columns: []\n", "r.yaml:40:11: error: the chart has nothing to draw", "hint:"},
           {"  - chart: {kind: pie, data: {categories: [a], series: [{name: x, values: [1]}]}}\n",
            "r.yaml:9:19: error: unknown chart kind 'pie'", "a chart's kind is column, stacked, bar or line"},
           {"  - chart: {kind: colum, data: {categories: [a], series: [{name: x, values: [1]}]}}\n",
            "r.yaml:9:19: error: unknown chart kind 'colum'", "did you mean 'column'?"},
           {"  - chart: {kind: line, data: {categories: [a, b, c], series: [{name: x, values: [1, 2]}]}}\n",
            "r.yaml:9:82: error: the series 'x' has 2 values but the chart has 3 categories", "give one value per category"},
           {"  - chart: {kind: line, data: {categories: [a], series: [{name: x, values: [lite]}]}}\n",
            "r.yaml:9:77: error: a chart needs a figure here, found 'lite'", "hint:"},
       }) {
    CAPTURE(c.message);
    std::string dir = written_report(c.blocks);
    auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
    CHECK(result.status == 2);
    CHECK_MESSAGE(result.output.find(c.message) != std::string::npos, result.output);
    CHECK_MESSAGE(result.output.find(c.hint) != std::string::npos, result.output);
    CHECK(!std::filesystem::exists(dir + "/r.pdf"));
  }
}

TEST_CASE("chart figures are text in the PDF, each chart a Figure with its alt, and the checker finds nothing") {
  std::string dir = written_report(chart_tables + one_chart_per_kind);
  std::string pdf = dir + "/r.pdf";
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  auto pages = pdf_pages_text(pdf);
  REQUIRE(pages.size() >= 5);
  std::string column = with_nbsp_as_space(pages[1]);
  for (const char* figure : {"−2 556", "−2 698", "−1 267", "−1 231", "−3 000", "tkr", "Budget period", "Utfall period"})
    CHECK_MESSAGE(column.find(figure) != std::string::npos, figure);
  std::string bar = with_nbsp_as_space(pages[2]);
  CHECK(bar.find("−142") != std::string::npos);  // the computed Avvikelse, as the table prints it
  CHECK(bar.find("36") != std::string::npos);
  std::string line = with_nbsp_as_space(pages[4]);
  for (const char* figure : {"39", "29", "14", "Källa: Kommunens elevregister", "Antal UF-elever"})
    CHECK_MESSAGE(line.find(figure) != std::string::npos, figure);

  auto alts = figure_alts(pdf);
  std::vector<std::string> charts;
  for (const auto& alt : alts)
    if (alt.find("diagram") != std::string::npos) charts.push_back(with_nbsp_as_space(alt));
  REQUIRE(charts.size() == 4);
  CHECK(std::count(charts.begin(), charts.end(),
                   "Stapeldiagram: Budget och utfall per verksamhet, tkr. Nämnd- och styrelseverksamhet: budget period −2 556, "
                   "utfall period −2 698; Stöd till politiska partier: budget period −1 267, utfall period −1 231.") == 1);
  CHECK(std::count(charts.begin(), charts.end(),
                   "Liggande stapeldiagram: Avvikelse per verksamhet, tkr. Nämnd- och styrelseverksamhet: −142; "
                   "Stöd till politiska partier: 36.") == 1);
  CHECK(std::count(charts.begin(), charts.end(),
                   "Linjediagram: Entreprenörskap. Antal UF-elever: 2019 39, 2020 29, 2021 14; "
                   "Antal sommarlovsentreprenörer: 2019 8, 2020 11, 2021 15.") == 1);
  std::string findings;
  for (const auto& finding : pdfcheck::check_pdf(pdf)) findings += finding.rule + ": " + finding.detail + "\n";
  CHECK_MESSAGE(findings.empty(), findings);
}

TEST_CASE("chart pixels: each kind drawn as its reference, at 30 dpi") {
  std::string dir = written_report(chart_tables + one_chart_per_kind);
  std::string out = dir + "/png";
  auto result = run_rapport("preview " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(out) + " --pages 2-5 --dpi 30");
  REQUIRE_MESSAGE(result.status == 0, result.output);
  const std::string references = source_dir() + "/tests/data/charts/ref";  // .gitignore keeps PNGs only under ref/
  bool update = std::getenv("RAPPORT_UPDATE_CHART_REFERENCES") != nullptr;
  int page = 2;
  for (const std::string kind : {"column", "bar", "stacked", "line"}) {
    CAPTURE(kind);
    char name[32];
    std::snprintf(name, sizeof name, "/page-%03d.png", page++);
    std::string reference = references + "/" + kind + ".png";
    if (update) {
      std::filesystem::create_directories(references);
      std::filesystem::copy_file(out + name, reference, std::filesystem::copy_options::overwrite_existing);
    }
    REQUIRE_MESSAGE(std::filesystem::exists(reference), "no reference: run with RAPPORT_UPDATE_CHART_REFERENCES=1");
    double difference = mean_difference(out + name, reference);
    CHECK(difference >= 0);
    CHECK(difference < 0.2);  // antialiasing may shift a little; a moved bar, axis or legend does not pass
  }
  // The tolerance tells charts apart: two kinds' references, mostly the same white page, differ by far more.
  CHECK(mean_difference(references + "/column.png", references + "/stacked.png") > 0.2);
  CHECK(mean_difference(references + "/line.png", references + "/bar.png") > 0.2);
}

TEST_CASE("chart errors: taller than a page, or too many columns to tell apart") {
  std::string categories, values;
  for (int i = 0; i < 80; ++i) {
    categories += (i ? ", k" : "k") + std::to_string(i);
    values += (i ? ", " : "") + std::to_string(i);
  }
  std::string data = "data: {categories: [" + categories + "], series: [{name: x, values: [" + values + "]}]}}\n";
  auto bars = run_rapport("check " + shell_quote(written_report("  - chart: {kind: bar, " + data) + "/r.yaml"));
  CHECK(bars.status == 2);
  CHECK_MESSAGE(bars.output.find("r.yaml:9:12: error: the chart is taller than a page: 80 categories of bars") != std::string::npos, bars.output);
  auto columns = run_rapport("check " + shell_quote(written_report("  - chart: {kind: column, " + data) + "/r.yaml"));
  CHECK(columns.status == 2);
  CHECK_MESSAGE(columns.output.find("r.yaml:9:12: error: the chart has 80 categories, too many to tell apart") != std::string::npos, columns.output);
}

TEST_CASE("a chart leaves a gap where the table says a figure is missing: ~, Saknas or a dash") {
  std::string dir = written_report(chart_tables + "      - chart: {kind: line, table: nyckeltal, rows: [Deltagare], columns: [y2019, y2020, y2021], series: rows}\n");
  std::string pdf = dir + "/r.pdf";
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  auto alts = figure_alts(pdf);
  CHECK(std::count(alts.begin(), alts.end(), "Linjediagram: deltagare. Deltagare: 2019 saknas, 2020 saknas, 2021 12.") == 1);
}

TEST_CASE("a chart may name a table defined later in the report") {
  std::string dir = written_report(R"yaml(  - chart: {kind: column, table: later, columns: [n]}
  - table:
      id: later
      columns: [Mått, {title: Antal, id: n}]
      rows:
        - [Äpplen, 3]
        - [Päron, 5]
)yaml");
  std::string pdf = dir + "/r.pdf";
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  auto alts = figure_alts(pdf);
  CHECK(std::count(alts.begin(), alts.end(), "Stapeldiagram: antal. Äpplen: 3; Päron: 5.") == 1);
}

TEST_CASE("chart palette: read from the layout, strictly") {
  std::string dir = written_report("  - chart: {kind: line, data: {categories: [a, b], series: [{name: x, values: [1, 2]}]}}\n");
  auto with_layout = [&](const std::string& charts) {
    write_file(dir + "/eget.yaml", "name: eget\nextends: default\n" + charts);
    return run_rapport("check " + shell_quote(dir + "/r.yaml") + " --layout " + shell_quote(dir + "/eget.yaml"));
  };
  CHECK(with_layout("charts: {palette: [\"#000000\", \"#ffffff\"]}\n").status == 0);
  auto one = with_layout("charts: {palette: [\"#000000\"]}\n");
  CHECK(one.status == 2);
  CHECK_MESSAGE(one.output.find("eget.yaml:3:19: error: a chart palette needs at least two colours") != std::string::npos, one.output);
  auto typo = with_layout("charts: {palete: [\"#000000\", \"#ffffff\"]}\n");
  CHECK(typo.status == 2);
  CHECK_MESSAGE(typo.output.find("palete") != std::string::npos, typo.output);
  auto colour = with_layout("charts: {palette: [\"#000000\", blå]}\n");
  CHECK(colour.status == 2);
  CHECK_MESSAGE(colour.output.find("#rrggbb") != std::string::npos, colour.output);
}
