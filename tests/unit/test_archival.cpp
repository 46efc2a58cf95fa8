// The signed-off PDF: tagged for screen readers, archival (PDF/A-2), reproducible, with its
// sign-off block and a manifest. The checks are the project's own (tests/pdfcheck), run on
// the real examples, and shown to fail on those same files broken on purpose.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>

#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport::test;

namespace {

const std::vector<std::string> final_examples = {"input/timra/kommunstyrelsen-delarsrapport-2021.yaml",
                                                 "input/timra/tjansteskrivelse-samverkan-2020.yaml",
                                                 "input/norrtalje/kommunstyrelsen-verksamhetsplan-2022.yaml"};

std::string render_final(const std::string& example, const std::string& dir) {
  std::string pdf = dir + "/" + std::filesystem::path(example).stem().string() + ".pdf";
  auto result = run_rapport("render " + shell_quote(source_dir() + "/" + example) + " --final -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  return pdf;
}

// The final Kommunstyrelsen report, rendered once for the cases that only read it.
const std::string& final_ks() {
  static const std::string pdf = render_final(final_examples[0], temp_dir());
  return pdf;
}

std::vector<std::string> rules_broken(const std::string& pdf) {
  std::vector<std::string> rules;
  for (const auto& finding : rapport::pdfcheck::check_pdf(pdf)) rules.push_back(finding.rule);
  return rules;
}

// A copy of `pdf` with one thing broken by `breaker`.
std::string broken_copy(const std::string& pdf, const std::string& name, const std::function<void(QPDF&)>& breaker) {
  QPDF document;
  document.processFile(pdf.c_str());
  breaker(document);
  std::string out = temp_dir() + "/" + name + ".pdf";
  QPDFWriter writer(document, out.c_str());
  writer.setDeterministicID(true);
  writer.setDecodeLevel(qpdf_dl_none);  // the data as rapport wrote it
  writer.setCompressStreams(false);
  writer.setNewlineBeforeEndstream(true);  // as rapport writes it: PDF/A-2 6.1.7.1
  writer.write();
  return out;
}

QPDFObjectHandle first_with_role(QPDFObjectHandle element, const std::string& role) {
  if (!element.isDictionary()) return QPDFObjectHandle::newNull();
  if (element.getKey("/S").isName() && element.getKey("/S").getName() == role) return element;
  QPDFObjectHandle kids = element.getKey("/K");
  if (!kids.isArray()) return QPDFObjectHandle::newNull();
  for (int i = 0; i < kids.getArrayNItems(); ++i)
    if (QPDFObjectHandle found = first_with_role(kids.getArrayItem(i), role); !found.isNull()) return found;
  return QPDFObjectHandle::newNull();
}

std::string struct_text(const std::string& pdf) { return run_command("pdfinfo -struct-text " + shell_quote(pdf)).output; }

}  // namespace

TEST_CASE("the three examples render final, and the archival and accessibility checks pass on them") {
  std::string dir = temp_dir();
  for (const auto& example : final_examples) {
    std::string pdf = render_final(example, dir);
    CHECK_MESSAGE(rules_broken(pdf).empty(), example << ": " << run_command(std::string(RAPPORT_PDFCHECK) + " " + shell_quote(pdf)).output);
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
  }
}

TEST_CASE("a draft and a bound volume pass the same checks") {
  std::string dir = temp_dir();
  REQUIRE(run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(dir + "/draft.pdf")).status == 0);
  CHECK(rules_broken(dir + "/draft.pdf").empty());
  std::string in = source_dir() + "/input/timra/2021-08";
  REQUIRE(run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(dir + "/out") + " --volume " + shell_quote(dir + "/v.pdf")).status == 0);
  CHECK(rules_broken(dir + "/v.pdf").empty());
}

TEST_CASE("two final renders are the same bytes, and the document ID comes from the content") {
  std::string again = render_final(final_examples[0], temp_dir());
  CHECK(read_file(again) == read_file(final_ks()));
  std::string raw = read_file(final_ks());
  static const std::regex id(R"(/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\])");
  std::smatch m;
  REQUIRE(std::regex_search(raw, m, id));
  // A different report (another date) gets another ID.
  std::string other = render_final(final_examples[1], temp_dir());
  CHECK(read_file(other).find(m[1].str()) == std::string::npos);
}

TEST_CASE("the structure tree follows the document: headings, paragraphs, lists, tables, figures") {
  std::string tree = struct_text(final_ks());
  CHECK(tree.starts_with("Document\n"));
  CHECK(tree.find("  H1 (block)\n    \"Ekonomi\"") != std::string::npos);
  CHECK(count_occurrences(tree, "\n  H1 ") >= 6);
  CHECK(count_occurrences(tree, " H2 ") >= 10);
  CHECK(count_occurrences(tree, " LI (block)") >= 20);
  CHECK(count_occurrences(tree, " Lbl") == count_occurrences(tree, " LI (block)"));
  CHECK(count_occurrences(tree, " Table") >= 10);
  CHECK(count_occurrences(tree, "/Scope /Column") >= 30);
  CHECK(count_occurrences(tree, " Figure") >= 40);
  CHECK(tree.find("TOCI") != std::string::npos);
  // Running heads, page numbers and the footer are artifacts, not content.
  CHECK(tree.find("(24)") == std::string::npos);
  CHECK(tree.find("Kommunstyrelsen · Delårsrapport") == std::string::npos);
}

TEST_CASE("the cover's date and diarienummer are two paragraphs, read as two facts") {
  std::string tree = struct_text(final_ks());
  std::string cover_tree = tree.substr(0, tree.find("  H1 (block)"));  // the cover comes before the first heading
  CHECK(cover_tree.find("  P (block)\n    \"2021-09-21\"\n") != std::string::npos);
  CHECK(cover_tree.find("  P (block)\n    \"Diarienummer KS/2021:311\"\n") != std::string::npos);
  CHECK(count_occurrences(cover_tree, "  P (block)\n") == 6);  // municipality, title, subtitle, committee, date, diarienummer
  // As a text extractor reads the cover: each fact on a line of its own.
  std::string cover = run_command("pdftotext -layout -f 1 -l 1 " + shell_quote(final_ks()) + " -").output;
  CHECK(cover.find("2021-09-21\n") != std::string::npos);
  CHECK(cover.find("\nDiarienummer KS/2021:311\n") != std::string::npos);
}

TEST_CASE("every icon and the logo have their alternative text in the PDF") {
  QPDF document;
  document.processFile(final_ks().c_str());
  QPDFObjectHandle figure = first_with_role(document.getRoot().getKey("/StructTreeRoot"), "/Figure");
  REQUIRE(figure.isDictionary());
  CHECK(figure.getKey("/Alt").getUTF8Value().find(" – ") != std::string::npos);  // "Grön pil uppåt – …"
  CHECK(document.getRoot().getKey("/Lang").getUTF8Value() == "sv-SE");
  CHECK(document.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == "Delårsrapport 2021 – Kommunstyrelsen");
}

// The final PDF breaks no rule, and each break makes exactly its rule fire
// (test_pdf_checker_rapport.cpp has many more such breaks).
TEST_CASE("the checks fail on the same PDF broken on purpose") {
  const std::string& good = final_ks();
  REQUIRE(rules_broken(good).empty());
  auto added = [&](const std::string& pdf) {
    std::vector<std::string> out;
    for (const auto& rule : rules_broken(pdf))
      if (std::find(out.begin(), out.end(), rule) == out.end()) out.push_back(rule);
    return out;
  };
  auto no_lang = broken_copy(good, "no-lang", [](QPDF& pdf) { pdf.getRoot().removeKey("/Lang"); });
  CHECK(added(no_lang) == std::vector<std::string>{"lang"});
  auto no_alt = broken_copy(good, "no-alt", [](QPDF& pdf) {
    first_with_role(pdf.getRoot().getKey("/StructTreeRoot"), "/Figure").removeKey("/Alt");
  });
  CHECK(added(no_alt) == std::vector<std::string>{"figure-alt"});
  auto no_xmp = broken_copy(good, "no-xmp", [](QPDF& pdf) { pdf.getRoot().removeKey("/Metadata"); });
  CHECK(added(no_xmp) == std::vector<std::string>{"xmp"});
  auto no_scope = broken_copy(good, "no-scope", [](QPDF& pdf) {
    first_with_role(pdf.getRoot().getKey("/StructTreeRoot"), "/TH").removeKey("/A");
  });
  CHECK(added(no_scope) == std::vector<std::string>{"th-scope"});
}

TEST_CASE("a final PDF has a manifest with the SHA-256 of the PDF and of every input; a draft has none") {
  std::string dir = temp_dir();
  std::string pdf = render_final(final_examples[0], dir);
  std::string manifest = read_file(dir + "/kommunstyrelsen-delarsrapport-2021.manifest.json");
  std::string sum = run_command("sha256sum " + shell_quote(pdf)).output.substr(0, 64);
  std::string pdf_name = std::filesystem::path(pdf).filename().string();  // beside the manifest
  CHECK(manifest.find("\"pdf\": {\"path\": \"" + pdf_name + "\", \"sha256\": \"" + sum + "\"}") != std::string::npos);
  std::string report_sum = run_command("sha256sum " + shell_quote(example_report())).output.substr(0, 64);
  CHECK(manifest.find(report_sum) != std::string::npos);
  for (std::string input : {"layouts/default.yaml", "vocabularies/timra-bidrag.yaml", "fonts/fonts.yaml", "Carlito-Regular.ttf",
                            "hyph_sv_SE.dic", "sRGB.icc"})
    CHECK_MESSAGE(manifest.find(input + "\", \"sha256\": \"") != std::string::npos, input);
  CHECK(manifest.find("\"rapport\": \"") != std::string::npos);
  REQUIRE(run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(dir + "/draft.pdf")).status == 0);
  CHECK_FALSE(std::filesystem::exists(dir + "/draft.manifest.json"));
}

TEST_CASE("the sign-off block carries the decision; a minutes extract has the signing boxes") {
  std::string dir = temp_dir();
  auto memo = pdf_pages_text(render_final(final_examples[1], dir));
  std::string last = memo.back();
  CHECK(last.find("Godkänd av Kommunstyrelsen 2020-12-07, § 262") != std::string::npos);
  CHECK(last.find("Diarienummer KS/2019:210") != std::string::npos);
  CHECK(last.find("Stefan Dalin, ordförande") != std::string::npos);
  CHECK(last.find("Justerandes sign") != std::string::npos);
  CHECK(last.find("Utdragsbestyrkande") != std::string::npos);
  std::string ks;
  for (const auto& page : pdf_pages_text(final_ks())) ks += page;
  CHECK(ks.find("Godkänd av Kommunstyrelsen 2021-10-04, § 175") != std::string::npos);
  CHECK(ks.find("Justerandes sign") == std::string::npos);  // not a minutes extract
}

TEST_CASE("a layout can leave the sign-off block out") {
  std::string dir = temp_dir();
  write_file(dir + "/plain.yaml", "name: plain\nextends: timra\npage_furniture: {signoff: none}\n");
  std::string pdf = dir + "/memo.pdf";
  REQUIRE(run_rapport("render " + shell_quote(source_dir() + "/" + final_examples[1]) + " --root " + shell_quote(dir) + " --layout " + shell_quote(dir + "/plain.yaml") +
                      " -o " + shell_quote(pdf)).status == 0);
  std::string text;
  for (const auto& page : pdf_pages_text(pdf)) text += page;
  CHECK(text.find("Godkänd av") == std::string::npos);
  write_file(dir + "/wrong.yaml", "name: wrong\nextends: timra\npage_furniture: {signoff: cover}\n");
  auto wrong = run_rapport("check " + shell_quote(source_dir() + "/" + final_examples[1]) + " --root " + shell_quote(dir) + " --layout " + shell_quote(dir + "/wrong.yaml"));
  CHECK(wrong.status == 2);
  CHECK(wrong.output.find("wrong.yaml:3:27: error: unknown place for the sign-off block 'cover'") != std::string::npos);
}
