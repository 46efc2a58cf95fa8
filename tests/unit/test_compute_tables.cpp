// Budget arithmetic as pure functions on the model: what is computed, what is checked, and
// the exact messages for figures that do not add up.
#include <doctest/doctest.h>

#include "finance/compute_tables.hpp"
#include "finance/parse_number.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "test_support.hpp"

using namespace rapport;

namespace {

struct Computed {
  Report report;
  Diagnostics diags;
  const Table& table() const {
    const auto& section = *std::get<std::unique_ptr<Section>>(report.content[0]);
    return std::get<Table>(section.content[0]);
  }
  const Cell& cell(size_t row, size_t column) const { return table().rows[row].cells[column]; }
};

// A budget table with the given rows under the standard columns.
Computed compute(const std::string& rows, const std::string& extra = "") {
  std::string text = test::report_preamble() + R"(  - section: Ekonomi
    content:
      - table:
)" + extra + R"(          columns:
            - Resultaträkning (tkr)
            - {title: Budget period, id: budget, align: right}
            - {title: Utfall period, id: utfall, align: right}
            - {title: Avvikelse period, align: right, compute: utfall - budget}
          rows:
)" + rows;
  Computed c;
  YamlSource source = parse_yaml("b.yaml", text);
  c.report = build_report(source, c.diags);
  REQUIRE_MESSAGE(!c.diags.has_errors(), c.diags.format());
  compute_tables(c.report, c.diags);
  return c;
}

}  // namespace

TEST_CASE("a computed column is filled in where the author left it out") {
  auto c = compute("            - [INTÄKTER, 19978, 26448, ~]\n");
  CHECK(c.cell(0, 3).kind == Cell::Kind::number);
  CHECK(c.cell(0, 3).number == 6470);
  CHECK(c.cell(0, 3).check == Cell::Check::computed);
  CHECK(c.diags.empty());
}

TEST_CASE("a stated figure that agrees is left alone") {
  auto c = compute("            - [INTÄKTER, 19978, 26448, 6470]\n");
  CHECK(c.cell(0, 3).check == Cell::Check::none);
  CHECK(c.diags.empty());
  CHECK(c.table().notes.empty());
}

TEST_CASE("a total sums the rows since its group header, leaving varav rows out") {
  auto c = compute(R"(            - group: Första
            - [INTÄKTER, 100, 150, ~]
            - varav: [varav interna, 40, 60, ~]
            - [KOSTNADER (-), -300, -280, ~]
            - total: [NETTO]
            - group: Andra
            - [INTÄKTER, 1, 2, ~]
            - total: [NETTO]
            - total: {cells: [SUMMA], scope: table}
)");
  CHECK(c.cell(4, 1).number == -200);
  CHECK(c.cell(4, 2).number == -130);
  CHECK(c.cell(4, 3).number == 70);
  CHECK(c.cell(2, 3).number == 20);  // the varav row's own deviation
  CHECK(c.cell(7, 1).number == 1);
  CHECK(c.cell(8, 1).number == -199);  // every data row of the table, no varav, no totals
  CHECK(c.cell(8, 3).number == 71);
}

TEST_CASE("a difference within the tolerance is kept as stated, marked and explained") {
  auto c = compute("            - [KOSTNADER, 771, 1088, 316]\n");
  const Cell& cell = c.cell(0, 3);
  CHECK(cell.number == 316);
  CHECK(cell.computed == 317);
  CHECK(cell.check == Cell::Check::rounding);
  REQUIRE(c.table().notes.size() == 1);
  CHECK(c.table().notes[0].starts_with("† Avrundningsdifferens"));
  CHECK(c.diags.format() ==
        "b.yaml:18:38: note: 'Avvikelse period' of row 'KOSTNADER' is stated as 316 but computes to 317 (Utfall period − Budget period)\n"
        "  hint: within the table's tolerance of 1: printed as stated and marked †\n");
  CHECK_FALSE(c.diags.has_errors());
}

TEST_CASE("a larger difference is an error naming row, column, stated and computed value") {
  auto c = compute("            - group: KOMMUNLEDNINGSKONTORET\n            - [KOSTNADER (-), -59051, -58347, 708]\n");
  CHECK(c.diags.format() ==
        "b.yaml:19:47: error: 'Avvikelse period' of row 'KOSTNADER (-)' in group 'KOMMUNLEDNINGSKONTORET' is stated as 708 "
        "but computes to 704 (Utfall period − Budget period)\n"
        "  hint: correct the figure, write ~ to let rapport compute it, or keep it with {value: 708, accept: \"the reason\"}\n");
}

TEST_CASE("the tolerance is settable per table") {
  auto strict = compute("            - [KOSTNADER, 771, 1088, 316]\n", "          tolerance: 0\n");
  CHECK(strict.diags.has_errors());
  auto loose = compute("            - [KOSTNADER, -59051, -58347, 708]\n", "          tolerance: 5\n");
  CHECK_FALSE(loose.diags.has_errors());
  CHECK(loose.cell(0, 3).check == Cell::Check::rounding);
}

TEST_CASE("an accepted difference is printed as stated with a numbered note giving the reason") {
  auto c = compute("            - [KOSTNADER (-), -59051, -58347, {value: 708, accept: Enligt huvudboken.}]\n");
  CHECK_FALSE(c.diags.has_errors());
  CHECK(c.cell(0, 3).check == Cell::Check::accepted);
  CHECK(c.cell(0, 3).note_number == 1);
  REQUIRE(c.table().notes.size() == 1);
  CHECK(c.table().notes[0] ==
        "1. Avvikelse period, KOSTNADER (-): uppgivet 708, beräknat 704 (Utfall period − Budget period). Enligt huvudboken.");
}

TEST_CASE("a total that does not add up is an error that says what it sums") {
  auto c = compute("            - [A, 10, 10, ~]\n            - [B, 20, 20, ~]\n            - total: [SUMMA, 40]\n");
  CHECK(c.diags.format() ==
        "b.yaml:20:30: error: 'Budget period' of row 'SUMMA' is stated as 40 but computes to 30 (the sum of the 2 rows above)\n"
        "  hint: correct the figure, write ~ to let rapport compute it, or keep it with {value: 40, accept: \"the reason\"}\n");
}

TEST_CASE("a figure that is not a number is an error where it is summed") {
  auto c = compute("            - [A, 10, tio, ~]\n            - total: [SUMMA]\n");
  CHECK(c.diags.format().find("b.yaml:18:23: error: 'Utfall period' of row 'A' must be a number, found 'tio'") == 0);
  auto fine = compute("            - [A, 10, 12, ~]\n            - total: [SUMMA]\n            - [Förändring i %, \"12,0%\", \"\", \"\"]\n");
  CHECK_FALSE(fine.diags.has_errors());  // text after the total is summed by nothing
}

TEST_CASE("a varav row needs a row above it to be part of") {
  auto c = compute("            - group: G\n            - varav: [varav x, 1, 1, ~]\n");
  CHECK(c.diags.format() ==
        "b.yaml:19:15: error: a varav row must follow the row it is a part of\n"
        "  hint: put it directly under its parent row (a data or total row)\n");
}

TEST_CASE("compute expressions must name columns of the table") {
  std::string text = test::report_preamble() + R"(  - table:
      columns: [A, {title: B, id: b}, {title: C, compute: b - d}]
      rows: []
)";
  Diagnostics diags;
  build_report(parse_yaml("c.yaml", text), diags);
  CHECK(diags.format() == "c.yaml:10:59: error: 'compute' names 'd', which is not the id of a column\n"
                          "  hint: did you mean 'b'?\n");
}

TEST_CASE("decimals of computed figures follow their operands") {
  auto c = compute("            - [A, 1.25, 2.5, ~]\n");
  CHECK(c.cell(0, 3).number == doctest::Approx(1.25));
  CHECK(c.cell(0, 3).decimals == 2);
}

TEST_CASE("thousands of rows sum exactly") {
  std::string rows;
  for (int i = 0; i < 3000; ++i) rows += "            - [R" + std::to_string(i) + ", " + std::to_string(i) + ", 1, ~]\n";
  rows += "            - total: [SUMMA]\n";
  auto c = compute(rows);
  CHECK(c.cell(3000, 1).number == 3000.0 * 2999 / 2);
  CHECK(c.cell(3000, 2).number == 3000);
}

TEST_CASE("Swedish figures from finance exports parse") {
  CHECK(parse_swedish_number("-90 486")->value == -90486);
  CHECK(parse_swedish_number("\u221290\u00A0486")->value == -90486);
  CHECK(parse_swedish_number("4,06")->value == doctest::Approx(4.06));
  CHECK(parse_swedish_number("4,06")->decimals == 2);
  CHECK(parse_swedish_number(" 1 224 339 ")->value == 1224339);
  CHECK(parse_swedish_number("12.5")->value == doctest::Approx(12.5));
  CHECK_FALSE(parse_swedish_number("12,0%"));
  CHECK_FALSE(parse_swedish_number("1 22"));
  CHECK_FALSE(parse_swedish_number("Saknas"));
  CHECK_FALSE(parse_swedish_number(""));
  CHECK(parse_swedish_number("1\u2009234,5")->value == doctest::Approx(1234.5));  // a thin space
  CHECK(parse_swedish_number("\u22121\u202F850")->value == -1850);
  // Too long to be a figure: a value the 15-digit limit reports, never text.
  CHECK_FALSE(figure_range_problem(parse_swedish_number(std::string(400, '9'))->value, 0).empty());
}

TEST_CASE("varav rows marked complete must add up to their parent row") {
  auto wrong = compute(R"(            - [KOSTNADER (-), -52000, -51000, ~]
            - varav: {cells: [varav personal, -40000, -39000, ~], complete: true}
            - varav: [varav lokaler, -12062, -12000, ~]
)");
  CHECK(wrong.diags.format() ==
        "b.yaml:18:31: error: 'Budget period' of row 'KOSTNADER (-)' is -52 000 but its 2 varav rows sum to -52 062 (complete: true)\n"
        "  hint: correct the figures, add the missing varav row, or drop complete: true if the varav rows are only a part\n");
  auto right = compute(R"(            - [KOSTNADER (-), -52062, -51000, ~]
            - varav: {cells: [varav personal, -40000, -39000, ~], complete: true}
            - varav: [varav lokaler, -12062, -12001, ~]
)");
  CHECK_FALSE(right.diags.has_errors());  // 1 off in Utfall: within the tolerance, a note
  CHECK(right.diags.format() ==
        "b.yaml:18:39: note: 'Utfall period' of row 'KOSTNADER (-)' is -51 000 but its 2 varav rows sum to -51 001\n"
        "  hint: within the table's tolerance of 1\n");
  auto partial = compute(R"(            - [KOSTNADER (-), -52000, -51000, ~]
            - varav: [varav personal, -40000, -39000, ~]
)");
  CHECK(partial.diags.empty());  // without complete: true a varav row is only a part
}

TEST_CASE("a complete breakdown under a total row is checked against the computed total") {
  auto c = compute(R"(            - [A, -30000, -30000, ~]
            - [B, -22062, -21000, ~]
            - total: [SUMMA]
            - varav: {cells: [varav personal, -52000, -51000, ~], complete: true}
)");
  CHECK(c.diags.format(Severity::error) ==
        "b.yaml:20:22: error: 'Budget period' of row 'SUMMA' is -52 062 but its 1 varav rows sum to -52 000 (complete: true)\n"
        "  hint: correct the figures, add the missing varav row, or drop complete: true if the varav rows are only a part\n");
}
