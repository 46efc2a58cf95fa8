// Figures in YAML cells written as a controller pastes them from the ledger (issue 13): digit
// groups, decimal commas, the minus sign, no-break and thin spaces. They are figures in every
// role a figure has, and text where a figure is needed is an error at the cell.
#include <doctest/doctest.h>

#include "finance/compute_tables.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

struct Computed {
  Report report;
  Diagnostics diags;
  const Table& table() const { return std::get<Table>(report.content[0]); }
  const Cell& cell(size_t row, size_t column) const { return table().rows[row].cells[column]; }
};

// `blocks` read as s.yaml (the report's content starts on line 9), through the model and the
// table computations.
Computed compute(const std::string& blocks) {
  Computed c;
  try {
    c.report = build_report(parse_yaml("s.yaml", report_preamble() + blocks), c.diags);
    compute_tables(c.report, c.diags);
  } catch (const InputError& e) {
    c.diags.append(e.diagnostics());
  }
  return c;
}

// Every diagnostic for `blocks`, formatted.
std::string problems(const std::string& blocks) { return compute(blocks).diags.format(); }

const std::string indicators = R"(  - table:
      columns:
        - Nyckeltal
        - {title: "2019", id: y2019, align: right}
        - {title: "2020", id: y2020, align: right}
        - {title: "2021", id: y2021, align: right}
        - {title: Trend, kind: trend, series: [y2019, y2020, y2021]}
      rows:
)";

const std::string budget = R"(  - table:
      columns:
        - Resultaträkning (tkr)
        - {title: Budget, id: budget, align: right}
        - {title: Utfall, id: utfall, align: right}
        - {title: Avvikelse, align: right, compute: utfall - budget}
      rows:
)";

const std::string figure_hint =
    "  hint: write the figure alone (-90486, -90 486, 4.06 or 4,06); a unit goes in the column's unit: or the cell's {value, unit}\n";

}  // namespace

TEST_CASE("a series rising 4,4 to 4,8 in Swedish figures gets a rising arrow") {
  auto c = compute(indicators + R"(        - ["Sjukfrånvaro, %", "4,4", "4,6", "4,8", lower]
        - - Väntetid, dagar
          - 1 850
          - 8 514
          - 9 020
          - higher
        - [Resultat, −1 500, "-1 850", "−2 000", higher]
        - [Nöjda, Saknas, "4,6", "4,8", higher]
)");
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.diags.format());
  CHECK(c.cell(0, 1).kind == Cell::Kind::number);
  CHECK(c.cell(0, 1).number == doctest::Approx(4.4));
  CHECK(c.cell(0, 1).decimals == 1);
  CHECK(c.cell(0, 4).status == "trend-up-bad");
  CHECK(c.cell(1, 2).number == 8514);
  CHECK(c.cell(1, 4).status == "trend-up-good");
  CHECK(c.cell(2, 1).number == -1500);
  CHECK(c.cell(2, 4).status == "trend-down-bad");
  CHECK(c.cell(3, 4).status == "trend-up-good");  // "Saknas" is a missing figure, as ~ is
}

TEST_CASE("Swedish figures are summed and computed, with no-break and thin spaces and in cell mappings") {
  auto c = compute(budget + "        - [INTÄKTER, \"8 514\", 8\u00A0600, ~]\n"
                            "        - [KOSTNADER, -1 850, \"\u22121\u202F900\", {value: \"\u221250\", note: jan-aug}]\n"
                            "        - [Övrigt, \"1\u2009234,5\", {value: \"1 234,5\"}, 0]\n"
                            "        - total: [SUMMA, \"7 898,5\", ~, ~]\n");
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.diags.format());
  CHECK(c.cell(0, 3).number == 86);
  CHECK(c.cell(1, 2).number == -1900);
  CHECK(c.cell(1, 3).check == Cell::Check::none);  // −50 stated, −50 computed
  CHECK(c.cell(2, 1).number == doctest::Approx(1234.5));
  CHECK(c.cell(3, 1).check == Cell::Check::none);   // 8 514 − 1 850 + 1 234,5 stated right
  CHECK(c.cell(3, 2).number == doctest::Approx(7934.5));
  CHECK(c.cell(3, 3).number == doctest::Approx(36));
}

TEST_CASE("a wrong Swedish total is an error, not a text cell left alone") {
  CHECK(problems(budget + "        - [A, -1 850, -1 800, ~]\n        - [B, 8 514, 8 500, ~]\n        - total: [SUMMA, \"6 000\"]\n") ==
        "s.yaml:18:26: error: 'Budget' of row 'SUMMA' is stated as 6 000 but computes to 6 664 (the sum of the 2 rows above)\n"
        "  hint: correct the figure, write ~ to let rapport compute it, or keep it with {value: 6000, accept: \"the reason\"}\n");
}

TEST_CASE("quoting keeps a plain figure text, but not a Swedish one") {
  auto c = compute(budget + "        - [A, \"999\", \"1 000\", ~]\n");
  CHECK(c.cell(0, 1).kind == Cell::Kind::text);
  CHECK(c.cell(0, 2).kind == Cell::Kind::number);
  CHECK(c.diags.format().find("s.yaml:16:15: error: 'Budget' of row 'A' must be a number, found '999'") == 0);
}

TEST_CASE("text in a series is an error naming the cell, never dropped from the trend") {
  CHECK(problems(indicators + "        - [Antal, 412, 8 514 st, 9 020, higher]\n") ==
        "s.yaml:17:24: error: '2020' of row 'Antal' must be a number, found '8 514 st'\n" + figure_hint);
}

TEST_CASE("Swedish figures in YAML keep the limits of 15 digits and 6 decimals") {
  auto c = compute(budget + "        - [A, 1 000 000 000 000 000, \"1,1234567\", ~]\n        - [B, \"" + std::string(400, '9') + ",5\", 1, ~]\n");
  std::string errors = c.diags.format(Severity::error);
  CHECK(errors.find("s.yaml:16:15: error: a figure has at most 15 digits, found '1 000 000 000 000 000'\n") != std::string::npos);
  CHECK(errors.find("s.yaml:16:38: error: a figure has at most 6 decimals, this one has 7, found '1,1234567'\n") != std::string::npos);
  CHECK(errors.find("s.yaml:17:15: error: a figure has at most 15 digits, found '999") != std::string::npos);
}

TEST_CASE("a computed figure over text is an error, over missing figures it stays missing") {
  auto c = compute(budget + "        - [A, tio, elva, 5]\n        - [B, ~, ~, ~]\n");
  // In source order: the first operand's error comes first.
  CHECK(c.diags.format(Severity::error).find("s.yaml:16:15: error: 'Budget' of row 'A' must be a number, found 'tio'") == 0);
  CHECK(c.diags.format(Severity::error).find("s.yaml:16:20: error: 'Utfall' of row 'A' must be a number, found 'elva'") != std::string::npos);
  CHECK(c.cell(1, 3).kind == Cell::Kind::missing);  // printed "–", not a computed 0
}

TEST_CASE("text where a computed column asks for a figure with ~ is an error, not a silent skip") {
  CHECK(problems(budget + "        - [A, tio, elva, ~]\n        - [Förändring i %, \"12,0%\", \"\", \"\"]\n") ==
        "s.yaml:16:15: error: 'Budget' of row 'A' must be a number, found 'tio'\n" + figure_hint +
        "s.yaml:16:20: error: 'Utfall' of row 'A' must be a number, found 'elva'\n" + figure_hint);
}

TEST_CASE("a series that lists titles instead of ids is told the table's column ids") {
  CHECK(problems(R"(  - table:
      columns:
        - Nyckeltal
        - {title: "2019", id: y2019}
        - {title: "2020", id: y2020}
        - {title: Trend, kind: trend, series: ["2019", "2020"]}
      rows: []
)") ==
        "s.yaml:14:47: error: 'series' must list column ids\n"
        "  hint: list ids of this table's columns, which are y2019, y2020: series: [y2019, y2020]\n");
  auto unknown = compute(R"(  - table:
      columns:
        - Nyckeltal
        - {title: "2019", id: y2019}
        - {title: "2020", id: y2020}
        - {title: Trend, kind: trend, series: [forra, y2020]}
      rows: []
)");
  CHECK(unknown.diags.format() ==
        "s.yaml:14:47: error: 'series' names 'forra', which is not the id of a column\n"
        "  hint: give the column an 'id: forra'; the table's column ids are y2019, y2020\n");
}

TEST_CASE("a flow list split at its decimal commas gets a hint to quote the figures") {
  CHECK(problems(indicators + "        - [Andel, 7,5, 9,2, 10,4, higher]\n") ==
        "s.yaml:17:11: error: the row has 8 cells but the table has 5 columns\n"
        "  hint: in [a, b] a comma separates cells, so 7,5 became two: quote figures with a decimal comma, \"7,5\"\n");
}

TEST_CASE("a flow list split at a decimal comma into just as many cells as columns is a warning, not silence") {
  // "[Intäkter, 7,5, 9]" in a three-column table: YAML reads the cells Intäkter, 7, 5, 9.
  CHECK(problems(budget + "        - [Intäkter, 7,5, ~]\n") ==
        "s.yaml:16:11: warning: '7,5' reads as two cells: in [a, b] a comma separates cells\n"
        "  hint: quote a figure with a decimal comma, \"7,5\"; write two cells with a space after the comma\n");
  CHECK(problems(budget + "        - [Intäkter, 7, 5, ~]\n") == "");
}

TEST_CASE("a row with too few cells says how to write a missing figure and an empty cell") {
  CHECK(problems(budget + "        - [A, 10]\n") ==
        "s.yaml:16:11: error: the row has 2 cells but the table has 4 columns\n"
        "  hint: give one cell per column: ~ for a missing figure (printed –), \"\" for an empty cell (printed as nothing)\n");
}

TEST_CASE("rapport check reports a Swedish report's figures and nothing else") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + indicators + "        - [\"Sjukfrånvaro, %\", \"4,4\", \"4,6\", \"4,8\", lower]\n" +
                                  budget + "        - [A, -1 850, -1 800, ~]\n        - [B, 8 514, 8 500, ~]\n        - total: [SUMMA, 6 664]\n");
  auto ok = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK_MESSAGE(ok.status == 0, ok.output);
  CHECK(ok.output == "rapport: layout layouts/default.yaml\nrapport: " + dir + "/r.yaml is valid (2 pages)\n");
  write_file(dir + "/e.yaml", report_preamble() + indicators + "        - [Antal, 412, 8 514 st, 9 020, higher]\n");
  auto bad = run_rapport("check " + shell_quote(dir + "/e.yaml"));
  CHECK(bad.status == 2);
  CHECK(bad.output.find(dir + "/e.yaml:17:24: error: '2020' of row 'Antal' must be a number, found '8 514 st'\n") == 0);
}
