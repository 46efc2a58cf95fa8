// Tables as a reader meets them: CSV data, page breaks with repeated headers and keep rules,
// rows taller than a page, tables too wide, and the examples' figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "app/run_pipeline.hpp"
#include "load/read_csv.hpp"
#include "style/load_style.hpp"
#include "text/font_registry.hpp"
#include "text/shape_text.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// pdftotext's text with no-break spaces as spaces, blank lines dropped and lines joined by
// single newlines, so tests can compare against what a reader sees.
std::string flatten(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\u00A0") == 0) {
      out += ' ';
      ++i;
    } else if (text[i] == '\n' && (out.empty() || out.back() == '\n')) {
      continue;
    } else {
      out += text[i];
    }
  }
  return out;
}

struct Rendered {
  CommandResult result;
  std::vector<std::string> pages;
};

Rendered render(const std::string& body, const std::string& csv_name = "", const std::string& csv = "") {
  std::string dir = temp_dir();
  if (!csv_name.empty()) write_file(dir + "/" + csv_name, csv);
  write_file(dir + "/r.yaml", report_preamble() + body);
  Rendered r{run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf")), {}};
  if (r.result.status == 0)
    for (const auto& page : pdf_pages_text(dir + "/r.pdf")) r.pages.push_back(flatten(page));
  return r;
}

std::string table_of(int rows, const std::string& extra_rows = "") {
  std::string body = "  - table:\n      columns: [Rad, {title: Belopp, id: b, align: right}]\n      rows:\n";
  for (int i = 1; i <= rows; ++i) body += "        - [Rad " + std::to_string(i) + ", " + std::to_string(i * 10) + "]\n";
  return body + extra_rows;
}

}  // namespace

TEST_CASE("CSV: separators, quotes, a byte-order mark and positions") {
  auto records = parse_csv("a.csv", "\xEF\xBB\xBFnamn;belopp\n\"Kollektiv; trafik\";-11 560\n\"Säg \"\"hej\"\"\";4,06\r\n\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields[0].text == "Kollektiv; trafik");
  CHECK(records[1].fields[1].text == "-11 560");
  CHECK(records[1].fields[1].pos.line == 2);
  CHECK(records[1].fields[1].pos.col == 21);
  CHECK(records[2].fields[0].text == "Säg \"hej\"");
  CHECK(records[2].fields[1].text == "4,06");
  auto commas = parse_csv("b.csv", "a,b\n1,2\n");
  CHECK(commas[1].fields.size() == 2);
}

TEST_CASE("CSV: a broken quote is an error at its place") {
  try {
    parse_csv("a.csv", "namn;belopp\n\"Kollektiv;-11 560\n");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().format() == "a.csv:2:1: error: a quoted field is never closed\n"
                                      "  hint: end the field with a \" before the separator\n");
  }
}

TEST_CASE("a table takes its rows from a CSV file beside the report") {
  std::string csv = "rad;Verksamhet;Budget;Utfall\n;Räddningstjänst;-13 067;-13 702\n;Färdtjänst;-3 228;-1 495\n"
                    "varav;varav riksfärdtjänst;-228;-95\ntotal;SUMMA;;\n";
  std::string body = R"(  - table:
      columns: [Verksamhet, {title: Budget, id: b, align: right}, {title: Utfall, id: u, align: right}]
      csv: ekonomi.csv
)";
  auto r = render(body, "ekonomi.csv", csv);
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  std::string text = r.pages[1];
  CHECK(text.find("\u221216 295") != std::string::npos);  // -13 067 + -3 228, varav not summed
  CHECK(text.find("\u221215 197") != std::string::npos);
  CHECK(text.find("varav riksfärdtjänst") != std::string::npos);
}

TEST_CASE("a CSV line with the wrong number of fields is an error in the CSV file") {
  std::string dir = temp_dir();
  write_file(dir + "/e.csv", "Verksamhet;Budget\nA;1\nB;2;3\n");
  write_file(dir + "/r.yaml", report_preamble() + "  - table:\n      columns: [Verksamhet, Budget]\n      csv: e.csv\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output == dir + "/e.csv:3:1: error: the line has 3 fields but 2 were expected (2 columns)\n"
                                "  hint: check the separators on this line\n");
}

TEST_CASE("a 300-row table repeats its header on every page it runs over") {
  auto r = render(table_of(300, "        - total: [SUMMA]\n"));
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  size_t pages_with_rows = 0, rows_seen = 0;
  for (size_t p = 1; p < r.pages.size(); ++p) {
    size_t rows = count_occurrences(r.pages[p], "Rad ");
    if (rows == 0) continue;
    ++pages_with_rows;
    rows_seen += rows;
    CHECK_MESSAGE(r.pages[p].starts_with("Rad\nBelopp\n"), "page " << p + 1 << " does not start with the header");
  }
  CHECK(pages_with_rows >= 5);
  CHECK(rows_seen == 300);
  CHECK(r.pages.back().find("451 500") != std::string::npos);  // the computed SUMMA of 10+20+…+3000
}

TEST_CASE("a total row never starts a page alone; a group header keeps two rows") {
  // Find the row count that puts the last data row at a page foot, then check the total went along.
  for (int rows : {38, 39, 40, 41, 42, 43, 44, 45}) {
    auto r = render(table_of(rows, "        - total: [SUMMA]\n"));
    REQUIRE(r.result.status == 0);
    for (size_t p = 2; p < r.pages.size(); ++p) {
      if (r.pages[p].find("SUMMA") == std::string::npos) continue;
      CHECK_MESSAGE(count_occurrences(r.pages[p], "Rad ") >= 1, rows << " rows: SUMMA alone on page " << p + 1);
    }
  }
  for (int rows : {38, 39, 40, 41, 42, 43, 44}) {
    auto r = render(table_of(rows, "        - group: Gruppen\n        - [Första, 1]\n        - [Andra, 2]\n        - [Tredje, 3]\n"));
    REQUIRE(r.result.status == 0);
    for (size_t p = 1; p < r.pages.size(); ++p) {
      if (r.pages[p].find("Gruppen") == std::string::npos) continue;
      CHECK_MESSAGE(r.pages[p].find("Andra") != std::string::npos, rows << " rows: the group header left without two rows");
    }
  }
}

TEST_CASE("a row taller than a page is split, not lost") {
  std::string long_text;
  for (int i = 1; i <= 150; ++i) long_text += "Mening " + std::to_string(i) + " om verksamheten. ";
  auto r = render("  - table:\n      columns: [Åtgärd, {title: Beskrivning, width: 60mm}]\n      rows:\n        - [Lång, \"" +
                  long_text + "\"]\n");
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  std::string all;
  for (const auto& p : r.pages) all += p + "\n";
  all = std::regex_replace(all, std::regex(R"(\s+)"), " ");
  for (int i = 1; i <= 150; ++i) CHECK_MESSAGE(all.find("Mening " + std::to_string(i) + " om") != std::string::npos, i);
  CHECK(r.pages.size() >= 3);  // the cover, then the one row over at least two pages
}

TEST_CASE("a table too wide for the page is an error saying by how much") {
  auto r = render("  - table:\n      columns: [{title: A, width: 100mm}, {title: B, width: 80mm}]\n      rows:\n        - [a, b]\n");
  CHECK(r.result.status == 2);
  CHECK(r.result.output.find("r.yaml:10:7: error: the table is 18 mm wider than the text width") != std::string::npos);
}

TEST_CASE("extra header rows span their columns and repeat with the header") {
  std::string body = "  - table:\n      header: [[\"\", {text: Period, span: 2}]]\n"
                     "      columns: [Rad, {title: Budget, align: right}, {title: Utfall, align: right}]\n      rows:\n";
  for (int i = 1; i <= 120; ++i) body += "        - [Rad " + std::to_string(i) + ", 1, 2]\n";
  auto r = render(body);
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  for (size_t p = 1; p < r.pages.size(); ++p) CHECK(r.pages[p].starts_with("Period\n"));
  auto bad = render("  - table:\n      header: [[{text: X, span: 3}]]\n      columns: [A, B]\n      rows: []\n");
  CHECK(bad.result.output.find("r.yaml:10:16: error: the header row spans 3 columns but the table has 2") != std::string::npos);
}

TEST_CASE("the Timrå example surfaces the ledger's differences") {
  auto pages = pdf_pages_text([] {
    std::string pdf = temp_dir() + "/t.pdf";
    REQUIRE(run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(pdf)).status == 0);
    return pdf;
  }());
  std::string all;
  for (const auto& p : pages) all += flatten(p);
  std::replace(all.begin(), all.end(), '\n', ' ');
  CHECK(all.find("708¹") != std::string::npos);
  CHECK(all.find("uppgivet 708, beräknat 704") != std::string::npos);
  CHECK(all.find("uppgivet 16 400, beräknat 16 500") != std::string::npos);
  CHECK(count_occurrences(all, "† Avrundningsdifferens") == 2);  // one note under each table with a rounding difference
  CHECK(count_occurrences(all, "†") == 2 + 8);  // the two notes and the eight marked figures
}

TEST_CASE("the Norrtälje example computes the seed's totals") {
  std::string pdf = temp_dir() + "/n.pdf";
  auto result = run_rapport("render " + shell_quote(source_dir() + "/input/norrtalje/kommunstyrelsen-verksamhetsplan-2022.yaml") +
                            " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  std::string all;
  for (const auto& p : pdf_pages_text(pdf)) all += flatten(p);
  std::replace(all.begin(), all.end(), '\n', ' ');
  // Summa nämnd and Netto, computed by rapport (the input leaves them out), equal the seed's.
  for (std::string figure : {"\u2212227 166", "\u2212241 200", "\u2212281 600", "\u2212282 000",
                             "\u2212286 200", "\u2212128 748", "\u2212144 250", "\u2212152 445"})
    CHECK_MESSAGE(all.find(figure) != std::string::npos, figure);
  // A long column title is printed whole; its lines may interleave with a neighbour's, whose
  // lines stand on the same bottom line.
  std::vector<std::string> printed = words_of(all);
  for (const auto& word : words_of("Vad som ska ske för att åtgärden ska anses slutförd"))
    CHECK_MESSAGE(std::count(printed.begin(), printed.end(), word) > 0, word);
}

TEST_CASE("a CSV file that cannot be read is an error naming it") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - table:\n      columns: [A, B]\n      csv: saknas.csv\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output == dir + "/saknas.csv: error: cannot read the file\n  hint: check the path and that the file is readable\n");
}

TEST_CASE("cells carry units and notes: 17 % (2018)") {
  auto r = render("  - table:\n      columns: [Mått, {title: '2019', align: right}, {title: Andel, unit: '%', decimals: 1}]\n"
                  "      rows:\n        - [LUPP, {value: 17, unit: '%', note: '2018'}, 12]\n");
  REQUIRE_MESSAGE(r.result.status == 0, r.result.output);
  CHECK(r.pages[1].find("17 % (2018)") != std::string::npos);
  CHECK(r.pages[1].find("12,0 %") != std::string::npos);
}

TEST_CASE("table figures are set on tabular (equal-width) digits") {
  FontRegistry fonts(default_font_list());
  Style style = load_style(resolve_layout_path("default"));
  auto width = [&](const std::string& digits, bool tabular = true) {
    ShapeRequest request{style.table, -1, Align::left, {}, tabular};
    return logical_width(shape_plain_text(fonts.context(), digits, request));
  };
  CHECK(width("1111", false) == doctest::Approx(width("1111")));
  CHECK(width("1111") == doctest::Approx(width("0000")));
  CHECK(width("1111") == doctest::Approx(width("8888")));
}

namespace {

const std::string csv_budget = R"(  - table:
      columns: [Verksamhet, {title: Budget, id: b, align: right}, {title: Utfall, id: u, align: right}, {title: Avvikelse, compute: u - b, align: right}]
      csv: e.csv
)";

CommandResult check_with_csv(const std::string& csv) {
  std::string dir = temp_dir();
  write_file(dir + "/e.csv", csv);
  write_file(dir + "/r.yaml", report_preamble() + csv_budget);
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  // Paths differ per run: the messages are compared from the file name on.
  for (size_t at; (at = result.output.find(dir + "/")) != std::string::npos;) result.output.erase(at, dir.size() + 1);
  return result;
}

}  // namespace

TEST_CASE("~ in a CSV cell is a missing figure, as in YAML") {
  auto r = check_with_csv("rad;Verksamhet;Budget;Utfall;Avvikelse\n;Räddningstjänst;-13 067;-13 702;~\n;Färdtjänst;~;~;~\ntotal;SUMMA;-13 000;~;~\n");
  CHECK(r.status == 2);
  CHECK(r.output == "e.csv:4:13: error: 'Budget' of row 'SUMMA' is stated as -13 000 but computes to -13 067 (the sum of the 2 rows above)\n"
                    "  hint: correct the figure, write ~ to let rapport compute it, or keep it with {value: -13000, accept: \"the reason\"}\n");
}

TEST_CASE("a tab-separated CSV file is read like a semicolon-separated one") {
  auto r = check_with_csv("rad\tVerksamhet\tBudget\tUtfall\tAvvikelse\n\tRäddningstjänst\t-13 067\t-13 702\t~\n"
                          "\tFärdtjänst\t-3 228\t-1 495\t1 733\ntotal\tSUMMA\t-16 000\t~\t~\n");
  CHECK(r.status == 2);
  CHECK(r.output == "e.csv:4:13: error: 'Budget' of row 'SUMMA' is stated as -16 000 but computes to -16 295 (the sum of the 2 rows above)\n"
                    "  hint: correct the figure, write ~ to let rapport compute it, or keep it with {value: -16000, accept: \"the reason\"}\n");
  auto records = parse_csv("t.csv", "a\tb;c\t4,06\n");
  REQUIRE(records[0].fields.size() == 2);  // a semicolon on the first line wins: ';' separated
  CHECK(records[0].fields[0].text == "a\tb");
  CHECK(parse_csv("t.csv", "a\t4,06\n")[0].fields[1].text == "4,06");
}

TEST_CASE("Markdown in a table's text cells is rendered, figures stay figures") {
  std::string body = R"y(  - section: Ekonomi
    id: ekonomi
    content:
      - table:
          columns: [Post, {title: Belopp, align: right}]
          rows:
            - ["*Viktigt:* se [avsnittet](#ekonomi) och **Kolada**", 1 850]
            - [Källa, "[Timrå](https://www.timra.se)"]
)y";
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + body);
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  std::string text;
  for (const auto& page : pdf_pages_text(dir + "/r.pdf")) text += flatten(page);
  CHECK(text.find("Viktigt: se avsnittet och Kolada") != std::string::npos);
  CHECK(text.find('*') == std::string::npos);
  CHECK(text.find("[Timrå]") == std::string::npos);
  CHECK(text.find("1 850") != std::string::npos);
  auto targets = link_destinations(dir + "/r.pdf");
  CHECK(std::count(targets.begin(), targets.end(), "ekonomi") == 1);
}

TEST_CASE("a link in a table cell to an id that does not exist is an error at the cell") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - table:\n      columns: [Post]\n      rows:\n        - [\"se [avsnittet](#ekonomy)\"]\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output == dir + "/r.yaml:12:12: error: the link target '#ekonomy' is not the id of any section or table\n"
                               "  hint: give the section or table an 'id: ekonomy'\n");
}
