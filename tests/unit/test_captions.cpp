// A table's caption above it (the default) or below it (`caption_at: below`, as a source line
// stands under a table), in the page and in the structure tree.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace rapport::test;

namespace {

std::string report_with_caption(const std::string& at) {
  return report_preamble() + "  - table:\n      caption: \"Källa: Kolada, 2021\"\n" + at +
         "      columns: [{title: Indikator}, {title: Värde}]\n      rows:\n        - [Andel nöjda, 78]\n";
}

}  // namespace

TEST_CASE("captions: caption_at: below puts the caption under the table, inside its Table element") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_with_caption("      caption_at: below\n"));
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  std::string text = collapse_spaces(pdf_pages_text(dir + "/r.pdf").back());
  size_t row = text.find("Andel nöjda"), caption = text.find("Kolada");
  REQUIRE(row != std::string::npos);
  REQUIRE(caption != std::string::npos);
  CHECK(row < caption);
  std::string tree = run_command("pdfinfo -struct-text " + shell_quote(dir + "/r.pdf")).output;
  size_t table = tree.find("Table"), body = tree.find("TBody", table), in_table = tree.find("Caption", body);
  REQUIRE(in_table != std::string::npos);
  CHECK(tree.find("Caption") == in_table);  // the only caption, after the body
}

TEST_CASE("captions: above is the default, and an unknown place is an error at its value") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_with_caption(""));
  REQUIRE(run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf")).status == 0);
  std::string text = collapse_spaces(pdf_pages_text(dir + "/r.pdf").back());
  CHECK(text.find("Kolada") < text.find("Andel nöjda"));
  write_file(dir + "/bad.yaml", report_with_caption("      caption_at: under\n"));
  auto result = run_rapport("check " + shell_quote(dir + "/bad.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output.find("bad.yaml:11:19: error: unknown place for a caption 'under'\n"
                           "  hint: write 'caption_at: above' or 'caption_at: below'\n") != std::string::npos);
}
