// Fonts are pinned: the renderer sees only what fonts/fonts.yaml names, and a character those
// fonts cannot draw is an error, never a silent substitute from the machine.
#include <doctest/doctest.h>

#include "app/run_pipeline.hpp"
#include "test_support.hpp"
#include "text/font_registry.hpp"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("the registry holds exactly the families of the named files") {
  FontRegistry fonts(default_font_list());
  CHECK(fonts.files().size() == 10);
  CHECK(fonts.families() == std::vector<std::string>{"Carlito", "Open Sans", "DejaVu Sans"});
  CHECK(fonts.has_family("Carlito"));
  CHECK_FALSE(fonts.has_family("Liberation Sans"));  // installed on many machines, never seen here
}

TEST_CASE("a font list naming a missing file is an error at its line") {
  std::string dir = temp_dir();
  write_file(dir + "/fonts.yaml", "files:\n  - /usr/share/fonts/none/Nothing.ttf\n");
  try {
    FontRegistry fonts(dir + "/fonts.yaml");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().format() ==
          dir + "/fonts.yaml:2:5: error: the font file '/usr/share/fonts/none/Nothing.ttf' does not exist\n"
                "  hint: run .ci/install-deps to install the font packages\n");
  }
}

TEST_CASE("a character no pinned font has is reported where it was written") {
  std::string dir = temp_dir();
  std::string path = dir + "/r.yaml";
  write_file(path, R"(version: 1
document: {municipality: Timrå kommun, committee: KS, kind: rapport, title: T, date: 2021-01-01}
content:
  - text: Kanji 漢 is not in the fonts.
)");
  auto result = run_rapport("render " + shell_quote(path) + " -o " + shell_quote(dir + "/r.pdf"));
  CHECK(result.status == 2);
  CHECK(result.output == path + ":4:11: error: the pinned fonts have no glyph for U+6F22\n"
                                "  hint: add a font with these characters to fonts/fonts.yaml, or replace the characters\n");
}
