// Real readers on every PDF the examples give, draft and final: Ghostscript renders each page
// without a complaint, `qpdf --check` finds no error and no warning, and the project's checker
// (tests/pdfcheck) no finding. A reader that has to repair a file is a reader that might not
// manage the next time; an archive wants none.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport::test;

namespace {

const std::vector<std::string> kExamples = {"input/timra/kommunstyrelsen-delarsrapport-2021.yaml",
                                            "input/norrtalje/kommunstyrelsen-verksamhetsplan-2022.yaml",
                                            "input/timra/tjansteskrivelse-samverkan-2020.yaml"};
const std::string kMonthDir = "input/timra/2021-08";

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Ghostscript's and qpdf's verdicts on one file, as doctest checks that name it.
void check_readers(const std::string& label, const std::string& pdf) {
  INFO(label << " (" << pdf << ")");
  // Not -q: Ghostscript 10 keeps its closing "errors that were repaired or ignored" to itself
  // under -q. Its banner and page lines name none of the words looked for.
  auto gs = run_command("gs -o /dev/null -sDEVICE=nullpage " + shell_quote(pdf));
  std::string said = lowercase(gs.output);
  CHECK_MESSAGE(gs.status == 0, "gs exit status " << gs.status << ": " << gs.output);
  for (std::string word : {"error", "repaired", "ignored"})
    CHECK_MESSAGE(said.find(word) == std::string::npos, "gs says '" << word << "':\n" << gs.output);
  auto qpdf = run_command("qpdf --check " + shell_quote(pdf));
  CHECK_MESSAGE(qpdf.status == 0, "qpdf --check exit status " << qpdf.status << ":\n" << qpdf.output);
  CHECK_MESSAGE(qpdf.output.find("WARNING") == std::string::npos, "qpdf --check warns:\n" << qpdf.output);
  for (const auto& finding : rapport::pdfcheck::check_pdf(pdf)) CHECK_MESSAGE(false, finding.rule << ": " << finding.detail);
}

std::string render(const std::string& example, const std::string& dir, bool final) {
  std::string pdf = dir + "/" + std::filesystem::path(example).stem().string() + (final ? "-final" : "-draft") + ".pdf";
  auto result = run_rapport("render " + shell_quote(source_dir() + "/" + example) + (final ? " --final" : "") + " -o " +
                            shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, example << ": " << result.output);
  return pdf;
}

}  // namespace

TEST_CASE("pdf readers: Ghostscript and qpdf read the three examples, draft and final, without a complaint") {
  std::string dir = temp_dir();
  for (const auto& example : kExamples)
    for (bool final : {false, true}) check_readers(example + (final ? " --final" : " draft"), render(example, dir, final));
}

TEST_CASE("pdf readers: Ghostscript and qpdf read each 2021-08 report and their volume, drafts, without a complaint") {
  std::string dir = temp_dir();
  auto result = run_rapport("batch " + shell_quote(source_dir() + "/" + kMonthDir) + " -j 2 -o " + shell_quote(dir + "/out") +
                            " --volume " + shell_quote(dir + "/volume.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  size_t reports = 0;
  for (const auto& file : std::filesystem::directory_iterator(source_dir() + "/" + kMonthDir)) {
    if (file.path().extension() != ".yaml") continue;
    std::string pdf = dir + "/out/" + file.path().stem().string() + ".pdf";
    REQUIRE_MESSAGE(std::filesystem::exists(pdf), pdf);
    check_readers(file.path().filename().string() + " draft", pdf);
    ++reports;
  }
  CHECK(reports == 8);
  check_readers("2021-08 volume draft", dir + "/volume.pdf");
}

// What the municipality's office sends before a council meeting: every committee's signed-off
// report and the bound volume of them all.
TEST_CASE("pdf readers: Ghostscript and qpdf read each final 2021-08 report and the final volume without a complaint") {
  std::string dir = temp_dir();
  auto result = run_rapport("batch " + shell_quote(source_dir() + "/" + kMonthDir) + " --final -j 2 -o " +
                            shell_quote(dir + "/out") + " --volume " + shell_quote(dir + "/volume.pdf"));
  REQUIRE_MESSAGE(result.status == 0, "rapport refused the final volume:\n" << result.output);
  size_t reports = 0;
  for (const auto& file : std::filesystem::directory_iterator(source_dir() + "/" + kMonthDir)) {
    if (file.path().extension() != ".yaml") continue;
    check_readers(file.path().filename().string() + " --final", dir + "/out/" + file.path().stem().string() + ".pdf");
    ++reports;
  }
  CHECK(reports == 8);
  check_readers("2021-08 volume --final", dir + "/volume.pdf");
}
