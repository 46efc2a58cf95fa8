// Hostile and broken input (issue 11): each case once crashed, hung, ran out of memory or
// printed a figure nobody checked. Each now ends in a named error at file:line:col.
#include <doctest/doctest.h>

#include "finance/compute_tables.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "style/fill_template.hpp"
#include "style/load_style.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// Every error for `text` read as t.yaml, through the model and the table computations.
std::string diagnose(const std::string& text) {
  try {
    YamlSource source = parse_yaml("t.yaml", text);
    Diagnostics diags;
    Report report = build_report(source, diags);
    compute_tables(report, diags);
    return diags.format(Severity::error);
  } catch (const InputError& e) {
    return e.diagnostics().format(Severity::error);
  }
}

std::string with_content(const std::string& blocks) { return report_preamble() + blocks; }

const std::string two_columns = R"(  - table:
      columns: [Post, {title: A, id: a, align: right}, {title: B, id: b, align: right}, {title: C, compute: a - b, align: right}]
      rows:
)";

// The problems of a layout that extends the shipped default with `yaml`.
std::string layout_problems(const std::string& yaml) {
  std::string path = temp_dir() + "/layout.yaml";
  write_file(path, "name: hostile\nextends: default\n" + yaml);
  try {
    load_style(path);
    return "";
  } catch (const InputError& e) {
    return e.diagnostics().format(Severity::error);
  }
}

std::string repeated(const std::string& piece, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("a total row written without the space after the colon is an error with a hint, not a crash") {
  std::string problems = diagnose(with_content(two_columns + "        - [x, 2, 1, 1]\n        - total:[SUMMA]\n        - total: [Summa]\n"));
  CHECK(problems.find("t.yaml:13:11: error: a table row must be a list of cells or total: …, found 'total:[SUMMA]'") != std::string::npos);
  CHECK(problems.find("put a space after the colon: 'total: [SUMMA]'") != std::string::npos);
}

TEST_CASE("a plain-text row above a total row is an error, and the total still sums the other rows") {
  std::string problems = diagnose(with_content(two_columns + "        - [x, 2, 1, 1]\n        - Förändring i %\n        - total: [Summa, 5]\n"));
  CHECK(problems.find("t.yaml:13:11: error: a table row must be a mapping") != std::string::npos);
  // The sum over the one good row is 2, stated as 5.
  CHECK(problems.find("t.yaml:14:26: error: 'A' of row 'Summa' is stated as 5 but computes to 2 (the sum of the 1 rows above)") !=
        std::string::npos);
}

TEST_CASE("a quoted figure, .nan or .inf in a computed cell or a total is an error naming the cell") {
  std::string problems = diagnose(with_content(two_columns + R"(        - [x, 2, 1, 1]
        - [y, 3, 5, "999"]
        - [z, 3, 5, .nan]
        - total: [Summa, .inf, "999", 1]
)"));
  CHECK(problems.find("t.yaml:13:21: error: 'C' of row 'y' must be a number, found '999'") != std::string::npos);
  CHECK(problems.find("t.yaml:14:21: error: 'C' of row 'z' must be a number, found '.nan'") != std::string::npos);
  CHECK(problems.find("t.yaml:15:26: error: 'A' of row 'Summa' must be a number, found '.inf'") != std::string::npos);
  CHECK(problems.find("t.yaml:15:32: error: 'B' of row 'Summa' must be a number, found '999'") != std::string::npos);
}

TEST_CASE("figures beyond 15 digits or 6 decimals are errors at the cell, and so is a sum that outgrows them") {
  std::string problems = diagnose(with_content(two_columns + "        - [x, 10000000000000000000000000000000000000000, 1, ~]\n"
                                                             "        - [y, 1.1234567, 1, ~]\n"
                                                             "        - [z, 999999999999999, 1, ~]\n"
                                                             "        - [w, 999999999999999, 1, ~]\n"
                                                             "        - total: [Summa]\n"));
  CHECK(problems.find("t.yaml:12:15: error: a figure has at most 15 digits, found '1000000000") != std::string::npos);
  // A stated total too large to print is reported, not formatted (format_number threw).
  std::string total = diagnose(with_content(two_columns + "        - [x, 1, 1, ~]\n        - total: [Summa, -1000000000000000000000000000000000000000050]\n"));
  CHECK(total.find("t.yaml:13:26: error: a figure has at most 15 digits") != std::string::npos);
  // Quoted to 80 characters at most, and without stod's out_of_range.
  std::string long_figure = diagnose(with_content(two_columns + "        - [x, " + repeated("9", 400) + ", 1, ~]\n"));
  CHECK(long_figure.find("t.yaml:12:15: error: a figure has at most 15 digits, found '" + repeated("9", 80) + "…'") != std::string::npos);
  std::string tiny = diagnose(with_content(two_columns + "        - [x, 0." + repeated("0", 400) + "1, 1, ~]\n"));
  CHECK(tiny.find("t.yaml:12:15: error: a figure has at most 6 decimals, this one has 401") != std::string::npos);
  CHECK(problems.find("t.yaml:13:15: error: a figure has at most 6 decimals, this one has 7") != std::string::npos);
  CHECK(problems.find("'A' of row 'Summa' computes to more than 15 digits") != std::string::npos);
}

TEST_CASE("a tolerance too large to print is an error, not 'format_number: value too large'") {
  std::string problems = diagnose(with_content("  - table:\n      columns: [A]\n      tolerance: 1e308\n      rows: [[x]]\n"));
  CHECK(problems == "t.yaml:11:18: error: 'tolerance' must be between 0 and 1000000000, found '1e308'\n");
}

TEST_CASE("an alias inside its own anchor is refused, not followed for ever") {
  CHECK(diagnose("a: &a [*a]\n") ==
        "t.yaml:1:4: error: an alias refers to the value it is part of, which would repeat for ever\n"
        "  hint: an alias (*name) may only repeat a value defined before and outside it\n");
}

TEST_CASE("a billion laughs and a content alias bomb stop at the expansion limit") {
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  const std::string names = "abcdefghij";
  for (size_t level = 1; level < names.size(); ++level)
    laughs += std::string(1, names[level]) + ": &" + names[level] + " [" +
              repeated("*" + std::string(1, names[level - 1]) + ", ", 8) + "*" + names[level - 1] + "]\n";
  CHECK(diagnose(laughs).find("error: the file expands to more than 500000 values") != std::string::npos);

  std::string bomb = report_preamble();
  bomb.replace(bomb.find("content:\n"), 9, "blocks: &b0 [{text: x}, {text: x}, {text: x}, {text: x}, {text: x}, {text: x}, {text: x}, {text: x}, {text: x}, {text: x}]\n");
  for (int level = 1; level <= 7; ++level)
    bomb += "b" + std::to_string(level) + ": &b" + std::to_string(level) + " [" + repeated("*b" + std::to_string(level - 1) + ", ", 9) +
            "*b" + std::to_string(level - 1) + "]\n";
  bomb += "content: *b7\n";
  CHECK(diagnose(bomb).find("error: the file expands to more than 500000 values") != std::string::npos);
}

TEST_CASE("YAML nested past the limit is refused with a message about nesting") {
  CHECK(diagnose("a: " + repeated("[", 100) + repeated("]", 100) + "\n").find("error: values nest more than 64 levels deep") != std::string::npos);
  // yaml-cpp's own guard says only "bad file".
  std::string deep = diagnose("a: " + repeated("{b: ", 3000) + repeated("}", 3000) + "\n");
  CHECK(deep.find("error: brackets or mappings nest too deeply") != std::string::npos);
  CHECK(deep.find("bad file") == std::string::npos);
}

TEST_CASE("a stray ', b}' after a block ends in an error, not in yaml-cpp's endless stream of documents") {
  // Found by the fuzzer: YAML::LoadAll never returns on this, making empty documents until
  // memory runs out; the second document is found with a bounded parse instead.
  CHECK(diagnose("- a\n, b}\n") == "t.yaml:1:1: error: the report must be a mapping (key: value lines), found a list\n");
}

TEST_CASE("a second YAML document and YAML tags are refused, not ignored") {
  std::string second = diagnose(with_content("  - text: hej\n---\nversion: 2\n"));
  CHECK(second.find("t.yaml:11:1: error: the file holds more than one YAML document") != std::string::npos);
  std::string tags = diagnose(with_content("  - text: !!binary aGVq\n  - text: !custom hej\n"));
  CHECK(tags.find("t.yaml:9:11: error: YAML tags such as 'tag:yaml.org,2002:binary' are not part of the input format") != std::string::npos);
  CHECK(tags.find("t.yaml:10:11: error: YAML tags such as '!custom' are not part of the input format") != std::string::npos);
}

TEST_CASE("NUL and control characters, overlong UTF-8, encoded surrogates and code points past U+10FFFF are refused where they stand") {
  std::string nul = with_content("  - text: före");
  nul += '\0';
  nul += "efter\n";
  CHECK(diagnose(nul).find("t.yaml:9:15: error: the file holds the control character U+0000") != std::string::npos);
  for (const std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"}) {
    CAPTURE(bad.size());
    CHECK(diagnose(with_content("  - text: ab" + bad + "\n")).find("t.yaml:9:13: error: the file is not valid UTF-8") != std::string::npos);
  }
  // The largest code point and the last before the surrogates are fine.
  CHECK(diagnose(with_content("  - text: \"\xF4\x8F\xBF\xBF \xED\x9F\xBF\"\n")).find("UTF-8") == std::string::npos);
}

TEST_CASE("Markdown nested past the limit is an error, not a stack overflow") {
  std::string stars = diagnose(with_content("  - text: \"" + repeated("*", 10000) + "x" + repeated("*", 10000) + "\"\n"));
  CHECK(stars.find("error: emphasis, links or lists nest more than 16 levels deep") != std::string::npos);
  std::string lists = diagnose(with_content("  - text: \"" + repeated("- ", 200) + "x\"\n"));
  CHECK(lists.find("error: emphasis, links or lists nest more than 16 levels deep") != std::string::npos);
  CHECK(diagnose(with_content("  - text: \"- a\\n  - b\\n    - *c **d***\"\n")) == "");
}

TEST_CASE("titles and headings past 300 characters, and texts past 100 000, are errors with the length") {
  std::string long_title = report_preamble();
  const std::string title = "Delårsrapport 2021";
  long_title.replace(long_title.find(title), title.size(), repeated("x", 200000));
  CHECK(diagnose(long_title).find("t.yaml:6:10: error: 'title' is 200000 characters long; the limit is 300") != std::string::npos);
  CHECK(diagnose(with_content("  - section: " + repeated("å", 301) + "\n")).find("a section's heading is 301 characters long") !=
        std::string::npos);
  CHECK(diagnose(with_content("  - section: " + repeated("å", 300) + "\n")) == "");
  CHECK(diagnose(with_content("  - text: " + repeated("ord ", 25001) + "\n")).find("t.yaml:9:11: error: 'text' is 100003 characters long; the limit is 100000") !=
        std::string::npos);
}

TEST_CASE("a table past 30 columns or 10 000 rows is an error naming the limit") {
  std::string wide = "  - table:\n      columns: [" + repeated("K, ", 30) + "K]\n      rows: []\n";
  CHECK(diagnose(with_content(wide)).find("error: a table has at most 30 columns, this one has 31") != std::string::npos);
  std::string tall = "  - table:\n      columns: [A]\n      rows:\n" + repeated("        - [x]\n", 10001);
  CHECK(diagnose(with_content(tall)).find("t.yaml:10:7: error: a table has at most 10000 rows, this one has 10001") != std::string::npos);
}

TEST_CASE("column widths of zero, or beyond the page, are errors") {
  for (const std::string width : {"0mm", "0%", "1e50%", "100000000000000000000000000000000000000000000000000%", "101%"}) {
    CAPTURE(width);
    std::string problems = diagnose(with_content("  - table:\n      columns: [{title: A, width: \"" + width + "\"}]\n      rows: [[x]]\n"));
    CHECK(problems.find("error: 'width' must be a width such as 30mm (3–1000 mm), 25% (1–100 %) or auto") != std::string::npos);
  }
}

TEST_CASE("a layout's page, margins and type sizes are validated before anything is laid out") {
  std::string zero = layout_problems("page: {width: 0mm, height: 0mm, margins: {top: 0mm, bottom: 0mm, left: 0mm, right: 0mm}}\n");
  CHECK(zero.find("layout.yaml:3:15: error: 'width' must be between 50mm and 2000mm, found '0mm'") != std::string::npos);
  CHECK(zero.find("layout.yaml:3:28: error: 'height' must be between 50mm and 2000mm, found '0mm'") != std::string::npos);
  std::string margins = layout_problems("page: {width: 210mm, height: 297mm, margins: {top: 150mm, bottom: 150mm, left: 25mm, right: 25mm}}\n");
  CHECK(margins.find("layout.yaml:3:52: error: the margins leave a text area -2 mm high") != std::string::npos);
  std::string thin = layout_problems("page: {width: 210mm, height: 297mm, margins: {top: 148mm, bottom: 148mm, left: 25mm, right: 25mm}}\n");
  CHECK(thin.find("the margins leave a text area 1 mm high; it must be at least 40 mm") != std::string::npos);
  std::string narrow = layout_problems("page: {width: 210mm, height: 297mm, margins: {top: 20mm, bottom: 20mm, left: 100mm, right: 100mm}}\n");
  CHECK(narrow.find("the margins leave a text area 10 mm wide; it must be at least 30 mm") != std::string::npos);
  CHECK(layout_problems("page: {width: 100000000mm, height: 297mm, margins: {top: 20mm, bottom: 20mm, left: 20mm, right: 20mm}}\n")
            .find("'width' must be between 50mm and 2000mm, found '100000000mm'") != std::string::npos);
  std::string type = layout_problems("text:\n  body: {size: 0}\n  heading1: {size: 100000, line_height: 0}\n");
  CHECK(type.find("layout.yaml:4:16: error: 'size' must be between 4pt and 100pt, found '0'") != std::string::npos);
  CHECK(type.find("layout.yaml:5:20: error: 'size' must be between 4pt and 100pt, found '100000'") != std::string::npos);
  CHECK(type.find("layout.yaml:5:41: error: 'line_height' must be between 0.8 and 3") != std::string::npos);
  CHECK(layout_problems("text:\n  body: {size: 11}\n") == "");
  // Found by the fuzzer: a page without margins (or not a mapping) once threw from yaml-cpp.
  CHECK(layout_problems("page: {width: 210mm, height: 297mm, margin: 20mm}\n").find("layout.yaml:3:37: error: unknown key 'margin' in page") !=
        std::string::npos);
  CHECK(layout_problems("page: A4\n").find("layout.yaml:3:7: error: page must be a mapping") != std::string::npos);
}

TEST_CASE("a table whose header rows are taller than the page is an error, not an endless loop") {
  std::string path = temp_dir() + "/tall.yaml";
  std::string yaml = with_content("  - table:\n      columns: [Post, {title: A, align: right}]\n      header:\n");
  for (int i = 0; i < 60; ++i) yaml += "        - [{text: Rubrik " + std::to_string(i) + ", span: 2}]\n";
  write_file(path, yaml + "      rows:\n        - [x, 1]\n");
  CommandResult result = run_rapport("check " + shell_quote(path));
  CHECK(result.status == 2);
  CHECK(result.output.find("tall.yaml:10:7: error: the table's header rows are taller than the page's text area") != std::string::npos);
}

TEST_CASE("--pages and --dpi out of range are usage errors, not 'stoul' or a NaN resolution") {
  std::string report = shell_quote(example_report());
  std::string out = shell_quote(temp_dir());
  CommandResult pages = run_rapport("preview " + report + " -o " + out + " --pages 99999999999999999999");
  CHECK(pages.status == 2);
  CHECK(pages.output.find("--pages must be a page or a range such as 3-5") != std::string::npos);
  CHECK(pages.output.find("stoul") == std::string::npos);
  for (const std::string dpi : {"nan", "inf", "-nan", "96x"}) {
    CommandResult result = run_rapport("preview " + report + " -o " + out + " --dpi " + dpi);
    CHECK(result.status == 2);
    CHECK(result.output.find("--dpi must be a number, found '" + dpi + "'") != std::string::npos);
  }
}

TEST_CASE("a title that itself says {title} or {page} prints as written in the running lines, and does not hang") {
  // The running line filled field by field once found "{title}" again in the title it had
  // just put in, and never stopped.
  std::string dir = temp_dir();
  std::string report = report_preamble();
  const std::string title = "title: Delårsrapport 2021";
  report.replace(report.find(title), title.size(), "title: \"Plan {title} {page}\"");
  write_file(dir + "/r.yaml", report + "  - text: Text.\n");
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE(result.status == 0);
  auto pages = pdf_pages_text(dir + "/r.pdf");
  REQUIRE(pages.size() >= 2);
  CHECK(pages[1].find("Kommunstyrelsen · Plan {title} {page}") != std::string::npos);  // the running header
}

TEST_CASE("a layout template is filled in one pass: values are never read again, unknown braces stay") {
  CHECK(fill_template("{committee} · {title} {x}", {{"{title}", "Plan {title} {committee}"}, {"{committee}", "KS"}}) ==
        "KS · Plan {title} {committee} {x}");
  CHECK(fill_template("{page} ({pages})", {{"{page}", "3"}, {"{pages}", "24"}}) == "3 (24)");
  CHECK(fill_template("{page} ({pages})", {{"{pages}", "24"}, {"{page}", "3"}}) == "3 (24)");  // in any order
  CHECK(fill_template("", {{"{page}", "3"}}).empty());
}
