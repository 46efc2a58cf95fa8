// Layout files beside the report (issue 13): where a layout name is looked for, the line that
// says which layout was used, and the accent colour a layout's other colours follow.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "app/run_pipeline.hpp"
#include "style/load_style.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// The preamble with `layout: NAME` in its document mapping, and one paragraph.
std::string report_with_layout(const std::string& layout) {
  std::string text = report_preamble();
  text.replace(text.find("content:\n"), 9, "  layout: " + layout + "\ncontent:\n");
  return text + "  - text: Hej.\n";
}

std::string error_of(const PipelineOptions& options) {
  try {
    run_pipeline(options);
  } catch (const InputError& e) {
    return e.diagnostics().format();
  }
  return "no error";
}

bool is_colour(const Color& c, int r, int g, int b) {
  return std::lround(c.r * 255) == r && std::lround(c.g * 255) == g && std::lround(c.b * 255) == b;
}

const std::string red_layout = "name: röd\nextends: default\ncolors: {accent: \"#aa0000\"}\n";

}  // namespace

TEST_CASE("a bare layout name is NAME.yaml beside the report, then a shipped layout") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_with_layout("eget"));
  write_file(dir + "/eget.yaml", red_layout);
  // From another folder: the name is looked for beside the report, not in the current folder.
  auto named_in_report = run_command("cd / && " + shell_quote(RAPPORT_BINARY) + " check " + shell_quote(dir + "/r.yaml"));
  CHECK_MESSAGE(named_in_report.status == 0, named_in_report.output);
  CHECK(named_in_report.output.find("rapport: layout " + dir + "/eget.yaml\n") != std::string::npos);
  auto on_command_line = run_command("cd / && " + shell_quote(RAPPORT_BINARY) + " check " + shell_quote(dir + "/r.yaml") +
                                     " --layout eget");
  CHECK_MESSAGE(on_command_line.status == 0, on_command_line.output);
  CHECK(on_command_line.output.find("rapport: layout " + dir + "/eget.yaml\n") != std::string::npos);
  // Nothing beside the report: the shipped layout of that name.
  auto shipped = run_rapport("check " + shell_quote(dir + "/r.yaml") + " --layout timra");
  CHECK(shipped.output.find("rapport: layout layouts/timra.yaml\n") != std::string::npos);
}

TEST_CASE("a layout path on the command line is relative to the current folder, in a report to the report") {
  std::string dir = temp_dir(), here = temp_dir();
  std::filesystem::create_directories(dir + "/sub");
  std::filesystem::create_directories(here + "/sub");
  write_file(dir + "/r.yaml", report_with_layout("sub/l.yaml"));
  write_file(dir + "/sub/l.yaml", "name: beside\nextends: default\n");
  write_file(here + "/sub/l.yaml", "name: here\nextends: default\n");
  auto from_report = run_command("cd " + shell_quote(here) + " && " + shell_quote(RAPPORT_BINARY) + " check " +
                                 shell_quote(dir + "/r.yaml"));
  CHECK(from_report.output.find("rapport: layout " + dir + "/sub/l.yaml\n") != std::string::npos);
  auto from_command_line = run_command("cd " + shell_quote(here) + " && " + shell_quote(RAPPORT_BINARY) + " check " +
                                       shell_quote(dir + "/r.yaml") + " --layout sub/l.yaml --root .");
  CHECK(from_command_line.output.find("rapport: layout sub/l.yaml\n") != std::string::npos);
}

TEST_CASE("a layout found nowhere: the error lists the paths tried, at the key that names it") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_with_layout("timr"));
  CHECK(error_of({dir + "/r.yaml", ""}) ==
        dir + "/r.yaml:8:11: error: no layout named 'timr': looked for " + dir + "/timr.yaml and " +
            resolve_layout_path("timr") +
            "\n  hint: did you mean 'timra'? shipped layouts are default, norrtalje or timra; or put timr.yaml beside the report\n");
  CHECK(error_of({dir + "/r.yaml", "nosuch"}) ==
        "rapport: error: no layout named 'nosuch': looked for " + dir + "/nosuch.yaml and " + resolve_layout_path("nosuch") +
            "\n  hint: shipped layouts are default, norrtalje or timra; or put nosuch.yaml beside the report\n");
}

TEST_CASE("extends: NAME is a shipped layout; none of that name is an error at the key") {
  std::string dir = temp_dir();
  write_file(dir + "/l.yaml", "name: l\nextends: timr\n");
  write_file(dir + "/r.yaml", report_preamble() + "  - text: Hej.\n");
  CHECK(error_of({dir + "/r.yaml", dir + "/l.yaml"}) == dir + "/l.yaml:2:10: error: no layout named 'timr': looked for " +
                                                            resolve_layout_path("timr") +
                                                            "\n  hint: did you mean 'timra'? shipped layouts are default, norrtalje or timra\n");
}

TEST_CASE("a layout beside the report is read under the file-access root") {
  std::string dir = temp_dir(), elsewhere = temp_dir();
  write_file(elsewhere + "/eget.yaml", red_layout);
  std::filesystem::create_symlink(elsewhere + "/eget.yaml", dir + "/eget.yaml");
  write_file(dir + "/r.yaml", report_with_layout("eget"));
  std::string error = error_of({dir + "/r.yaml", ""});
  CHECK_MESSAGE(error.starts_with(dir + "/r.yaml:8:11: error: '"), error);
  CHECK_MESSAGE(error.find("eget.yaml' lies outside the folders a report may read") != std::string::npos, error);
}

TEST_CASE("check and render say which layout they used") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - text: Hej.\n");
  auto check = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(check.output.find("rapport: layout layouts/default.yaml\nrapport: " + dir + "/r.yaml is valid") != std::string::npos);
  auto render = run_rapport("render " + shell_quote(dir + "/r.yaml") + " --layout norrtalje -o " + shell_quote(dir + "/r.pdf"));
  CHECK(render.output.find("rapport: layout layouts/norrtalje.yaml\nrapport: wrote " + dir + "/r.pdf") != std::string::npos);
}

TEST_CASE("a layout's accent carries to headings, cover, TOC and table header fill unless each is set") {
  std::string dir = temp_dir();
  write_file(dir + "/red.yaml", red_layout);
  Style red = load_style(dir + "/red.yaml");
  for (const TextStyle* text : {&red.headings[0], &red.headings[1], &red.toc_title, &red.cover_title, &red.cover_municipality})
    CHECK(is_colour(text->color, 0xaa, 0, 0));
  CHECK(is_colour(red.headings[2].color, 0x1b, 0x1b, 0x1b));  // never the accent in the base: kept
  CHECK(is_colour(red.table_header_fill, 0xf2, 0xd9, 0xd9));  // a pale tint of the accent
  // Set explicitly, in the layout itself: kept.
  write_file(dir + "/own.yaml", "name: egen\nextends: default\ntext: {heading1: {color: \"#006600\"}}\n"
                                "colors: {accent: \"#aa0000\", table_header_fill: \"#eeeeee\"}\n");
  Style own = load_style(dir + "/own.yaml");
  CHECK(is_colour(own.headings[0].color, 0, 0x66, 0));
  CHECK(is_colour(own.headings[1].color, 0xaa, 0, 0));
  CHECK(is_colour(own.table_header_fill, 0xee, 0xee, 0xee));
  // Over a base that set them itself (timra): they follow the new accent too.
  write_file(dir + "/over-timra.yaml", "name: t2\nextends: timra\ncolors: {accent: \"#aa0000\"}\n");
  Style over = load_style(dir + "/over-timra.yaml");
  CHECK(is_colour(over.headings[0].color, 0xaa, 0, 0));
  CHECK(is_colour(over.cover_title.color, 0xaa, 0, 0));
  // The shipped layouts themselves are unchanged.
  CHECK(is_colour(load_style(resolve_layout_path("default")).table_header_fill, 0xdc, 0xe7, 0xf0));
}
