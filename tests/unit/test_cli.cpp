// The command line as a user meets it: exit statuses, messages, and files left alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "test_support.hpp"

using namespace rapport::test;

namespace {

const std::string small_report = report_preamble() + R"(  - section: Mål
    content:
      - assessment:
          status: bidrar-till-malet
          text: Det går bra.
)";

std::string write_report(const std::string& dir, const std::string& text) {
  std::string path = dir + "/rapport.yaml";
  write_file(path, text);
  return path;
}

}  // namespace

TEST_CASE("--version and --help") {
  auto version = run_rapport("--version");
  CHECK(version.status == 0);
  CHECK(version.output == "rapport " RAPPORT_VERSION "\n");
  auto help = run_rapport("--help");
  CHECK(help.status == 0);
  CHECK(help.output.find("render REPORT.yaml") != std::string::npos);
  for (std::string command : {"render", "check"}) {
    auto sub = run_rapport(command + " --help");
    CHECK(sub.status == 0);
    CHECK(sub.output.find("usage: rapport " + command) != std::string::npos);
  }
}

TEST_CASE("usage errors exit with status 2") {
  CHECK(run_rapport("").status == 2);
  auto unknown = run_rapport("rendr x.yaml");
  CHECK(unknown.status == 2);
  CHECK(unknown.output.find("unknown command 'rendr'") != std::string::npos);
  CHECK(run_rapport("render").status == 2);
  CHECK(run_rapport("render a.yaml --bogus").status == 2);
}

TEST_CASE("render writes beside the input by default") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, small_report);
  auto result = run_rapport("render " + shell_quote(input));
  CHECK_MESSAGE(result.status == 0, result.output);
  CHECK(std::filesystem::exists(dir + "/rapport.pdf"));
  CHECK(result.output.find("rapport: wrote " + dir + "/rapport.pdf") != std::string::npos);
}

TEST_CASE("bad input: status 2, file:line:col, no output, an earlier output untouched") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, small_report);
  std::string output = dir + "/out.pdf";
  write_file(output, "an earlier render");
  write_file(input, std::string(small_report).replace(small_report.find("bidrar-till-malet"), 17, "bidrar-till-malen"));
  auto result = run_rapport("render " + shell_quote(input) + " -o " + shell_quote(output));
  CHECK(result.status == 2);
  CHECK(result.output == input + ":12:19: error: unknown status 'bidrar-till-malen' in layout 'default'\n"
                                 "  hint: did you mean 'bidrar-till-malet'? valid statuses are bidrar-till-malet, "
                                 "bidrar-delvis, bidrar-ej, pagar-enligt-plan, slutfort, genomfort, paborjat-enligt-plan, "
                                 "paborjat-med-avvikelse, ej-paborjat, uppfyllt, delvis-uppfyllt, ej-uppfyllt or gar-ej-att-bedoma\n");
  CHECK(read_file(output) == "an earlier render");
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    CHECK_MESSAGE(entry.path().filename().string()[0] != '.', "temporary file left behind: " << entry.path());
}

TEST_CASE("a missing input file is bad input") {
  auto result = run_rapport("render /nonexistent/r.yaml -o /tmp/never.pdf");
  CHECK(result.status == 2);
  CHECK(result.output == "/nonexistent/r.yaml: error: cannot read the file\n  hint: check the path and that the file is readable\n");
}

TEST_CASE("an output that cannot be written is status 1 and says why") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, small_report);
  auto result = run_rapport("render " + shell_quote(input) + " -o /proc/out.pdf");  // /proc exists and is not writable
  CHECK(result.status == 1);
  CHECK(result.output.find("rapport: error:") != std::string::npos);
}

TEST_CASE("check validates without writing and lists every problem") {
  std::string dir = temp_dir();
  std::string bad = small_report;
  bad.replace(bad.find("  title:"), 8, "  titel:");
  bad.replace(bad.find("bidrar-till-malet"), 17, "bidrar");
  auto result = run_rapport("check " + shell_quote(write_report(dir, bad)));
  CHECK(result.status == 2);
  CHECK(result.output.find(":6:3: error: unknown key 'titel' in document") != std::string::npos);
  // One mistake, one message: the misspelling's hint already names the missing key.
  CHECK(result.output.find("missing required key 'title'") == std::string::npos);
  CHECK(result.output.find(":12:19: error: unknown status 'bidrar'") != std::string::npos);
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);

  auto good = run_rapport("check " + shell_quote(write_report(dir, small_report)));
  CHECK(good.status == 0);
  CHECK(good.output.find("is valid") != std::string::npos);
}

TEST_CASE("--layout takes a name or a file, and a bad layout is reported in its own file") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, small_report);
  CHECK(run_rapport("check " + shell_quote(input) + " --layout default").status == 0);
  std::string layout = dir + "/broken.yaml";
  write_file(layout, "name: broken\npage: {width: 210mm, height: 297mm, margins: {top: 1mm, bottom: 1mm, left: 1mm, rigth: 1mm}}\n");
  auto result = run_rapport("check " + shell_quote(input) + " --layout " + shell_quote(layout));
  CHECK(result.status == 2);
  CHECK(result.output.find(layout + ":2:81: error: unknown key 'rigth' in margins\n  hint: did you mean 'right'?") !=
        std::string::npos);
  auto missing = run_rapport("check " + shell_quote(input) + " --layout nosuchlayout");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("rapport: error: no layout named 'nosuchlayout': looked for " + dir + "/nosuchlayout.yaml and ") !=
        std::string::npos);
}

TEST_CASE("the same input gives byte-identical PDFs") {
  std::string dir = temp_dir();
  auto a = run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(dir + "/a.pdf"));
  auto b = run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(dir + "/b.pdf"));
  REQUIRE(a.status == 0);
  REQUIRE(b.status == 0);
  CHECK(read_file(dir + "/a.pdf") == read_file(dir + "/b.pdf"));
}

TEST_CASE("the README's examples are valid") {
  std::string readme = read_file(source_dir() + "/README.md");
  auto start = readme.find("```yaml\nversion: 1");
  REQUIRE(start != std::string::npos);
  start += 8;
  std::string dir = temp_dir();
  write_file(dir + "/readme.yaml", readme.substr(start, readme.find("```", start) - start));
  auto result = run_rapport("render " + shell_quote(dir + "/readme.yaml"));
  CHECK_MESSAGE(result.status == 0, result.output);

  // The computing-table example is a block; indent it into a report (its CSV file aside).
  auto table = readme.find("```yaml\n- table:", readme.find("### Computing tables"));
  REQUIRE(table != std::string::npos);
  table += 8;
  std::istringstream lines(readme.substr(table, readme.find("```", table) - table));
  std::string report = report_preamble();
  for (std::string line; std::getline(lines, line);)
    if (line.find("csv:") == std::string::npos) report += "  " + line + "\n";
  write_file(dir + "/tables.yaml", report);
  auto tables = run_rapport("check " + shell_quote(dir + "/tables.yaml"));
  CHECK_MESSAGE(tables.status == 0, tables.output);
}

TEST_CASE("a legend with no status in use is left out, with a warning, not printed as a bare heading") {
  std::string dir = temp_dir();
  std::string text = report_preamble() + "  - text: Inga mål i det här dokumentet.\n  - legend\n";
  auto result = run_rapport("render " + shell_quote(write_report(dir, text)) + " -o " + shell_quote(dir + "/out.pdf"));
  CHECK(result.status == 0);
  CHECK(result.output.find("warning: the legend is left out: the document uses no status") != std::string::npos);
  std::string all;
  for (const auto& page : pdf_pages_text(dir + "/out.pdf")) all += page;
  CHECK(all.find("Inga mål") != std::string::npos);
  CHECK(all.find("Teckenförklaring") == std::string::npos);
}
