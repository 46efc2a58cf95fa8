// A report no committee adopts (issue 13): an office's or a consultant's `kind: rapport`. Its
// author stands where a committee would, and an official's approval signs it off.
#include <doctest/doctest.h>

#include <filesystem>

#include "diag/diagnostic.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// Lines 1–14; the content starts on line 15.
const std::string office_report = R"(version: 1
document:
  municipality: Timrå kommun
  kind: rapport
  title: En utvecklad samhällsbyggnadsprocess
  version: "1.0"
  date: 2022-01-05
  author: Samhällsbyggnadskontoret
  case_number: KS/2021:500
  decision:
    approved_by: Andreaz Strömgren
    role: beställare
    approved_on: 2022-01-07
content:
  - section: Bakgrund
    content:
      - text: Kommunen vill korta tiden från idé till färdig detaljplan.
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  REQUIRE(text.find(from) != std::string::npos);
  return text.replace(text.find(from), from.size(), to);
}

std::string without(const std::string& text, const std::string& line) { return replaced(text, line, ""); }

std::string diagnose(const std::string& text) {
  Diagnostics diags;
  try {
    build_report(parse_yaml("r.yaml", text), diags);
  } catch (const InputError& e) {
    return e.what();
  }
  return diags.format();
}

struct Rendered {
  std::string input, output;
  CommandResult result;
};

Rendered render(const std::string& text, const std::string& flags) {
  std::string dir = temp_dir();
  Rendered r{dir + "/rapport.yaml", dir + "/rapport.pdf", {}};
  write_file(r.input, text);
  r.result = run_rapport("render " + flags + " " + shell_quote(r.input) + " -o " + shell_quote(r.output));
  return r;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The value of one line of pdfinfo's output ("Title:   …").
std::string info_field(const std::string& pdfinfo, const std::string& label) {
  size_t at = pdfinfo.find(label + ":");
  if (at == std::string::npos) return {};
  at = pdfinfo.find_first_not_of(' ', at + label.size() + 1);
  return pdfinfo.substr(at, pdfinfo.find('\n', at) - at);
}

}  // namespace

TEST_CASE("office report: no committee; the author takes its place") {
  Diagnostics diags;
  Report report = build_report(parse_yaml("r.yaml", office_report), diags);
  CHECK_MESSAGE(!diags.has_errors(), diags.format());
  CHECK_FALSE(report.info.has_committee);
  CHECK(report.info.committee == "Samhällsbyggnadskontoret");
  CHECK(report.info.version == "1.0");
  REQUIRE(report.info.decision);
  CHECK(report.info.decision->kind == Decision::Kind::approval);
  CHECK(report.info.decision->role == "beställare");
  CHECK(report.info.decision->approved_on == "2022-01-07");
  CHECK(report.info.decision->approved_on_pos.line == 13);
  CHECK(report.info.decision->approved_on_pos.col == 18);
}

TEST_CASE("office report: without a committee it needs an author; other kinds still need the committee") {
  CHECK(diagnose(without(office_report, "  author: Samhällsbyggnadskontoret\n")) ==
        "r.yaml:3:3: error: a rapport without a 'committee' needs an 'author' (the office or consultant that wrote it)\n"
        "  hint: add to document: author: Samhällsbyggnadskontoret, or name the committee that adopts it\n");
  CHECK(diagnose(replaced(office_report, "kind: rapport", "kind: verksamhetsplan"))
            .starts_with("r.yaml:3:3: error: missing required key 'committee' in document\n"));
  // A rapport a committee does adopt keeps it.
  Diagnostics diags;
  Report adopted = build_report(parse_yaml("r.yaml", replaced(office_report, "  kind:", "  committee: Kommunstyrelsen\n  kind:")), diags);
  CHECK(adopted.info.has_committee);
  CHECK(adopted.info.committee == "Kommunstyrelsen");
}

TEST_CASE("office report: a decision is a meeting's or an official's approval, not both") {
  CHECK(diagnose(replaced(office_report, "    role: beställare\n", "    role: beställare\n    paragraph: \"§ 12\"\n")) ==
        "r.yaml:11:5: error: a decision is either a meeting's (body, meeting, paragraph) or an official's approval "
        "(role, approved_on), not both\n"
        "  hint: keep the keys of the one that adopted the report\n");
  CHECK(diagnose(replaced(office_report, "approved_on: 2022-01-07", "approved_on: 2022-02-30")) ==
        "r.yaml:13:18: error: 'approved_on' 2022-02-30 is not a day: February 2022 has 28 days\n"
        "  hint: the day the report was approved, e.g. approved_on: 2022-01-07\n");
}

TEST_CASE("office report: signed off by the approval; author, version and approver on the cover, author in the footer") {
  Rendered r = render(office_report, "--final");
  INFO(r.result.output);
  REQUIRE(r.result.status == 0);
  std::vector<std::string> pages = pdf_pages_text(r.output);
  REQUIRE(pages.size() >= 2);
  const std::string &cover = pages.front(), &last = pages.back();
  CHECK(contains(collapse_spaces(cover), "En utvecklad samhällsbyggnadsprocess"));
  CHECK(contains(cover, "\nRapport 1.0\n"));
  CHECK(contains(cover, "\nSamhällsbyggnadskontoret\n"));
  CHECK(contains(cover, "\nGodkänd av beställare Andreaz Strömgren, 2022-01-07\n"));
  CHECK(contains(last, "\nGodkänd av beställare Andreaz Strömgren, 2022-01-07\n"));
  CHECK(contains(last, "\nAndreaz Strömgren, beställare\n"));  // under the signature line
  CHECK(contains(last, "\nSamhällsbyggnadskontoret · En utvecklad samhällsbyggnadsprocess\n"));  // the default footer
  for (const auto& page : pages) CHECK_FALSE(contains(page, "Kommunstyrelsen"));
  // The PDF's title and author name the office (pdfinfo pads the labels).
  CommandResult info = run_command("pdfinfo " + shell_quote(r.output));
  CHECK(info_field(info.output, "Title") == "En utvecklad samhällsbyggnadsprocess – Samhällsbyggnadskontoret");
  CHECK(info_field(info.output, "Author") == "Samhällsbyggnadskontoret, Timrå kommun");
}

TEST_CASE("office report: --final refuses a missing approval with a hint of placeholders, and the hint pasted") {
  std::string undecided = without(without(without(without(office_report, "  decision:\n"), "    approved_by: Andreaz Strömgren\n"),
                                          "    role: beställare\n"),
                                  "    approved_on: 2022-01-07\n");
  Rendered r = render(undecided, "--final");
  INFO(r.result.output);
  CHECK(r.result.status == 2);
  CHECK(contains(r.result.output, r.input + ":3:3: error: final: the document has no 'decision' (the official who approved it)\n"
                                            "  hint: add to document: decision: {approved_by: Namn Efternamn, role: beställare, "
                                            "approved_on: ÅÅÅÅ-MM-DD}\n"));
  CHECK_FALSE(std::filesystem::exists(r.output));

  std::string pasted = replaced(undecided, "content:",
                                "  decision: {approved_by: Namn Efternamn, role: beställare, approved_on: ÅÅÅÅ-MM-DD}\ncontent:");
  Rendered p = render(pasted, "--final");
  INFO(p.result.output);
  CHECK(p.result.status == 2);
  CHECK(contains(p.result.output, p.input + ":10:27: error: final: placeholder 'Namn Efternamn' left in 'approved_by' in decision\n"));
  CHECK(contains(p.result.output, p.input + ":10:75: error: final: placeholder 'ÅÅÅÅ-MM-DD' left in 'approved_on' in decision\n"));
  CHECK(render(pasted, "").result.status == 0);  // a draft may wait for the approval
}

TEST_CASE("office report: --final refuses an approval without its day, or dated before the report") {
  Rendered missing = render(without(office_report, "    approved_on: 2022-01-07\n"), "--final");
  CHECK(contains(missing.result.output, missing.input + ":11:5: error: final: the decision has no 'approved_on' (the day it was approved)\n"
                                                        "  hint: add to decision: approved_on: ÅÅÅÅ-MM-DD\n"));
  Rendered early = render(replaced(office_report, "approved_on: 2022-01-07", "approved_on: 2021-12-20"), "--final");
  CHECK(early.result.status == 2);
  CHECK(contains(early.result.output, early.input + ":13:18: error: final: 'approved_on' 2021-12-20 is before the report's own "
                                                    "date 2022-01-05\n"
                                                    "  hint: a report is adopted after it is written: correct 'approved_on', or "
                                                    "the 'date' at line 7\n"));
}
