// Every kind of input problem is reported as file:line:col: message, with the exact place.
#include <doctest/doctest.h>

#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "test_support.hpp"

using namespace rapport;
using rapport::test::report_preamble;

namespace {

const std::string valid_report = report_preamble() + R"(  - toc
  - section: Ekonomi
    id: ekonomi
    content:
      - text: |
          Första stycket med *betoning* och en [länk](#ekonomi).

          - punkt ett
          - punkt två
      - table:
          columns: [Mått, {title: "2021", align: right}]
          rows:
            - [Antal, 14]
)";

// All diagnostics for `text` read as the file t.yaml, one per line.
std::string diagnose(const std::string& text) {
  try {
    YamlSource source = parse_yaml("t.yaml", text);
    Diagnostics diags;
    build_report(source, diags);
    return diags.format();
  } catch (const InputError& e) {
    return e.diagnostics().format();
  }
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "test fixture lacks: " << from);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a valid report has no problems") { CHECK(diagnose(valid_report) == ""); }

TEST_CASE("the valid report reads into the model") {
  Diagnostics diags;
  Report report = build_report(parse_yaml("t.yaml", valid_report), diags);
  REQUIRE(report.content.size() == 2);
  const auto& section = *std::get<std::unique_ptr<Section>>(report.content[1]);
  CHECK(section.heading == "Ekonomi");
  CHECK(section.level == 1);
  const auto& text = std::get<TextBlock>(section.content[0]);
  REQUIRE(text.prose.size() == 2);
  CHECK(text.prose[0].text.size() == 5);
  CHECK(text.prose[0].text[1].emphasis);
  CHECK(text.prose[0].text[3].link == "#ekonomi");
  CHECK(text.prose[1].is_list);
  CHECK(text.prose[1].items.size() == 2);
  const auto& table = std::get<Table>(section.content[1]);
  CHECK(table.columns[1].align == Align::right);
  CHECK(table.rows[0].cells[1].kind == Cell::Kind::number);
  CHECK(table.rows[0].cells[1].number == 14);
}

TEST_CASE("YAML syntax errors point at the place") {
  CHECK(diagnose("version: 1\ncontent: [a,\n") ==
        "t.yaml:3:1: error: YAML syntax error: end of sequence flow not found\n"
        "  hint: check the indentation and quoting on this line and the one above\n");
}

TEST_CASE("an empty file is an error") {
  CHECK(diagnose("") == "t.yaml:1:1: error: the file is empty\n  hint: a report starts with 'version: 1'\n");
  CHECK(diagnose("# only a comment\n\n") ==
        "t.yaml:1:1: error: the file is empty\n  hint: a report starts with 'version: 1'\n");
}

TEST_CASE("invalid UTF-8 is reported at its line and column") {
  CHECK(diagnose("version: 1\ntitle: Tr\xE5\n") ==
        "t.yaml:2:10: error: the file is not valid UTF-8\n"
        "  hint: save the file as UTF-8 (most editors offer this under \"Save as\")\n");
}

TEST_CASE("unknown keys get a did-you-mean hint, and a misspelled required key is one error, not two") {
  std::string text = replace(valid_report, "  title: Delårsrapport 2021", "  titel: Delårsrapport 2021");
  CHECK(diagnose(text) == "t.yaml:6:3: error: unknown key 'titel' in document\n  hint: did you mean 'title'?\n");
  // Without a near spelling the key is simply missing.
  text = replace(valid_report, "  title: Delårsrapport 2021", "  rubrik: Delårsrapport 2021");
  CHECK(diagnose(text).find("t.yaml:3:3: error: missing required key 'title' in document\n") != std::string::npos);
}

TEST_CASE("messages come in source order, file by file") {
  std::string text = replace(valid_report, "  title: Delårsrapport 2021", "  rubrik: Delårsrapport 2021");
  std::string out = diagnose(text);
  size_t missing = out.find("t.yaml:3:3: error: missing required key 'title'");
  size_t unknown = out.find("t.yaml:6:3: error: unknown key 'rubrik'");
  REQUIRE(missing != std::string::npos);
  REQUIRE(unknown != std::string::npos);
  CHECK(missing < unknown);
}

TEST_CASE("a tab in YAML indentation says tab, at the tab") {
  std::string text = replace(valid_report, "  title: Delårsrapport 2021", "\ttitle: Delårsrapport 2021");
  CHECK(diagnose(text) == "t.yaml:6:1: error: a tab in the indentation (YAML indents with spaces only)\n"
                          "  hint: replace the tab with spaces\n");
}

TEST_CASE("an unquoted colon and space in a heading suggests quoting it") {
  std::string text = report_preamble() + "  - section: Mål: Fler i arbete\n    content:\n      - text: Hej\n";
  std::string out = diagnose(text);
  CHECK(out.find("error: 'section' has a colon and a space inside its value, which YAML reads as another key\n"
                 "  hint: quote the value: section: \"Mål: Fler i arbete\"\n") != std::string::npos);
}

TEST_CASE("an unknown key with no near match lists the valid keys") {
  std::string text = replace(valid_report, "    id: ekonomi", "    id: ekonomi\n    färg: blå");
  CHECK(diagnose(text) ==
        "t.yaml:12:5: error: unknown key 'färg' in section\n  hint: valid keys are section, id, toc, goal, number, orientation or content\n");
}

TEST_CASE("duplicate keys are errors, each reported") {
  std::string text = replace(valid_report, "  date: 2021-09-21", "  date: 2021-09-21\n  title: Igen");
  CHECK(diagnose(text) ==
        "t.yaml:8:3: error: duplicate key 'title'\n  hint: 'title' is already given at line 6; keep one of them\n");
}

TEST_CASE("wrong types name what was expected and what was found") {
  CHECK(diagnose(replace(valid_report, "date: 2021-09-21", "date: [2021]")) ==
        "t.yaml:7:9: error: 'date' must be text, found a list\n");
  CHECK(diagnose(replace(valid_report, "date: 2021-09-21", "date: 2021-09-21\n  keywords: {a: b}")) ==
        "t.yaml:8:13: error: 'keywords' must be a list (lines starting with '- '), found a mapping\n");
  CHECK(diagnose(replace(valid_report, "version: 1", "version: ett")) ==
        "t.yaml:1:10: error: 'version' must be a whole number, found 'ett'\n");
}

TEST_CASE("missing required fields are reported at their parent") {
  CHECK(diagnose(replace(valid_report, "  committee: Kommunstyrelsen\n", "")) ==
        "t.yaml:3:3: error: missing required key 'committee' in document\n");
  CHECK(diagnose(replace(valid_report, "version: 1\n", "")) == "t.yaml:1:1: error: missing required key 'version' in the report\n");
}

TEST_CASE("values are checked: dates, kinds, versions") {
  CHECK(diagnose(replace(valid_report, "2021-09-21", "2021-02-30")) ==
        "t.yaml:7:9: error: 'date' 2021-02-30 is not a day: February 2021 has 28 days\n");
  CHECK(diagnose(replace(valid_report, "kind: delårsrapport", "kind: delarsrapport")) ==
        "t.yaml:5:9: error: unknown kind of document 'delarsrapport'\n  hint: did you mean 'delårsrapport'?\n");
  CHECK(diagnose(replace(valid_report, "version: 1", "version: 2")) ==
        "t.yaml:1:10: error: unsupported format version 2\n  hint: this rapport reads version 1\n");
}

TEST_CASE("unknown blocks get a did-you-mean hint") {
  CHECK(diagnose(replace(valid_report, "      - table:", "      - tabel:")) ==
        "t.yaml:18:9: error: unknown block 'tabel'\n  hint: did you mean 'table'?\n");
  CHECK(diagnose(replace(valid_report, "  - toc", "  - tocc")) == "t.yaml:9:5: error: unknown block 'tocc'\n  hint: did you mean 'toc'?\n");
}

TEST_CASE("a table row must have one cell per column") {
  CHECK(diagnose(replace(valid_report, "[Antal, 14]", "[Antal, 14, 15]")) ==
        "t.yaml:21:15: error: the row has 3 cells but the table has 2 columns\n"
        "  hint: give one cell per column: ~ for a missing figure (printed –), \"\" for an empty cell (printed as nothing)\n");
}

TEST_CASE("Markdown problems are reported at their line in the YAML file") {
  std::string text = replace(valid_report, "          - punkt två", "          - punkt två\n\n          # Rubrik");
  CHECK(diagnose(text) ==
        "t.yaml:19:11: error: a Markdown heading is not supported in text\n"
        "  hint: start a new '- section:' for a heading\n");
}

TEST_CASE("links to sections must name an existing id") {
  CHECK(diagnose(replace(valid_report, "(#ekonomi)", "(#ekonomin)")) ==
        "t.yaml:14:11: error: the link target '#ekonomin' is not the id of any section or table\n"
        "  hint: did you mean '#ekonomi'?\n");
}

TEST_CASE("sections nest at most four levels") {
  std::string deep = R"(version: 1
document: {municipality: M, committee: C, kind: rapport, title: T, date: 2021-01-01}
content:
  - section: A
    content:
      - section: B
        content:
          - section: C
            content:
              - section: D
                content:
                  - section: E
)";
  CHECK(diagnose(deep) ==
        "t.yaml:12:21: error: sections nest at most 4 levels deep; this one is at level 5\n"
        "  hint: move it up a level, or write it as a paragraph with **strong** text\n");
}

TEST_CASE("check lists every problem, not just the first") {
  std::string text = replace(valid_report, "kind: delårsrapport", "kind: [x]");
  text = replace(text, "date: 2021-09-21", "datum: 2021-09-21");
  text = replace(text, "[Antal, 14]", "[Antal]");
  std::string out = diagnose(text);
  CHECK(out.find("t.yaml:5:9: error: 'kind' must be text, found a list") != std::string::npos);
  CHECK(out.find("t.yaml:7:3: error: unknown key 'datum' in document\n  hint: did you mean 'date'?") != std::string::npos);
  CHECK(out.find("t.yaml:21:15: error: the row has 1 cells but the table has 2 columns") != std::string::npos);
}

TEST_CASE("positions inside text are the same after a byte-order mark") {
  std::string text = report_preamble() + "  - text: \"Se ![bild](x.png) här\"\n  - text: |\n      Rad ett\n      och ![bild](y.png)\n";
  std::string plain = diagnose(text);
  CHECK(plain.find("t.yaml:9:12: error: an image is not supported in text") != std::string::npos);
  CHECK(plain.find("t.yaml:11:7: error: an image is not supported in text") != std::string::npos);
  CHECK(diagnose("\xEF\xBB\xBF" + text) == plain);
}
