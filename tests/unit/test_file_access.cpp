// What a report may read: files under its root (its folder, or --root), the shipped layouts and
// fonts, and the system folders the shipped layouts name; regular files only, within limits.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "test_support.hpp"

using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

std::string with_layout(const std::string& layout) {
  std::string text = report_preamble();
  return text.replace(text.find("content:\n"), 9, "  layout: " + layout + "\ncontent:\n") + "  - text: Hej.\n";
}

std::string csv_table(const std::string& csv) {
  return report_preamble() + "  - table:\n      columns: [A, B]\n      csv: " + csv + "\n";
}

std::string write_report(const std::string& dir, const std::string& text) {
  write_file(dir + "/r.yaml", text);
  return dir + "/r.yaml";
}

// rapport check, never waiting for ever (a FIFO blocked the render before it was refused).
CommandResult check(const std::string& arguments) {
  return run_command("timeout 30 " + shell_quote(RAPPORT_BINARY) + " check " + arguments);
}

bool has(const CommandResult& result, const std::string& text) { return result.output.find(text) != std::string::npos; }

void check_refused(const CommandResult& result, const std::string& at) {
  INFO(result.output);
  CHECK(result.status == 2);
  CHECK(has(result, at));
  CHECK(has(result, "lies outside the folders a report may read"));
  CHECK(has(result, "use --root to widen it"));
  CHECK_FALSE(has(result, "root:x:0:0"));  // nothing of /etc/passwd is ever quoted
}

const std::string layout_head = "name: eget\nextends: default\n";

}  // namespace

TEST_CASE("a CSV file outside the report's folder is refused at its key: ../, absolute, a symlink") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, csv_table("../../../../../../etc/passwd"));
  check_refused(check(shell_quote(input)), input + ":11:12: error: '");
  write_report(dir, csv_table("/etc/passwd"));
  check_refused(check(shell_quote(input)), input + ":11:12: error: '/etc/passwd' lies outside");
  fs::create_symlink("/etc/passwd", dir + "/ekonomi.csv");
  write_report(dir, csv_table("ekonomi.csv"));
  check_refused(check(shell_quote(input)), input + ":11:12: error: '");
}

TEST_CASE("--root widens what a report may read") {
  std::string shared = temp_dir(), dir = temp_dir();
  write_file(shared + "/ekonomi.csv", "A;B\nx;1\n");
  std::string input = write_report(dir, csv_table(shared + "/ekonomi.csv"));
  CHECK(check(shell_quote(input)).status == 2);
  auto widened = check(shell_quote(input) + " --root " + shell_quote(shared));
  CHECK_MESSAGE(widened.status == 0, widened.output);
  CHECK(check(shell_quote(input) + " --root /nonexistent-folder").status == 2);
}

TEST_CASE("devices, FIFOs and symlinks to devices are never read as a CSV or a layout") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, csv_table("/dev/zero"));
  check_refused(check(shell_quote(input)), input + ":11:12: error: '/dev/zero' lies outside");
  auto layout = check(shell_quote(input) + " --layout /dev/zero");
  CHECK(layout.status == 2);
  CHECK(has(layout, "lies outside the folders a report may read"));
  // Inside the root, a FIFO and a link to a device are still not regular files.
  fs::create_symlink("/dev/urandom", dir + "/slumpen.csv");
  write_report(dir, csv_table("slumpen.csv"));
  auto linked = check(shell_quote(input) + " --root /dev");
  INFO(linked.output);
  CHECK(linked.status == 2);
  CHECK(has(linked, input + ":11:12: error: '"));
  CHECK(has(linked, "is not a regular file"));
  REQUIRE(mkfifo((dir + "/ror.csv").c_str(), 0600) == 0);
  write_report(dir, csv_table("ror.csv"));
  auto fifo = check(shell_quote(input));
  INFO(fifo.output);
  CHECK(fifo.status == 2);
  CHECK(has(fifo, "is not a regular file"));
}

TEST_CASE("a CSV file larger than 20 MB is refused") {
  std::string dir = temp_dir();
  write_file(dir + "/stor.csv", "A;B\n" + std::string(21 * 1024 * 1024, 'x'));
  auto result = check(shell_quote(write_report(dir, csv_table("stor.csv"))));
  CHECK(result.status == 2);
  CHECK(has(result, "rapport reads files of at most 20 MB"));
}

TEST_CASE("layouts, bases and vocabularies outside the root are refused, and none is printed whole") {
  std::string dir = temp_dir();
  std::string input = write_report(dir, with_layout("/etc/passwd"));
  check_refused(check(shell_quote(input)), input + ":8:11: error: '/etc/passwd' lies outside");
  write_report(dir, with_layout("default"));
  check_refused(check(shell_quote(input) + " --layout /etc/passwd"), "/etc/passwd: error: '/etc/passwd' lies outside");
  write_file(dir + "/l.yaml", "name: eget\nextends: /etc/passwd\n");
  check_refused(check(shell_quote(input) + " --layout " + shell_quote(dir + "/l.yaml")), dir + "/l.yaml:2:10: error:");
  write_file(dir + "/l.yaml", layout_head + "statuses: [/etc/passwd]\n");
  check_refused(check(shell_quote(input) + " --layout " + shell_quote(dir + "/l.yaml")), dir + "/l.yaml:3:12: error:");
  // A layout that is not a mapping is quoted by its first line, at most 80 characters.
  write_file(dir + "/text.yaml", std::string(100, 'a') + "\nhemligt på rad två\n");
  auto text = check(shell_quote(input) + " --layout " + shell_quote(dir + "/text.yaml"));
  INFO(text.output);
  CHECK(text.status == 2);
  CHECK(has(text, "'" + std::string(80, 'a') + "…'"));
  CHECK_FALSE(has(text, std::string(81, 'a')));
  CHECK_FALSE(has(text, "hemligt"));
}

TEST_CASE("a layout's logo and dictionary must be readable files of the root; bare names stay shipped") {
  std::string dir = temp_dir(), elsewhere = temp_dir();
  std::string input = write_report(dir, with_layout("default"));
  write_file(elsewhere + "/logo.svg", read_file(source_dir() + "/layouts/logos/exempel.svg"));
  write_file(dir + "/l.yaml", layout_head + "page_furniture: {logo: {file: " + elsewhere + "/logo.svg, width: 20mm}}\n");
  check_refused(check(shell_quote(input) + " --layout " + shell_quote(dir + "/l.yaml")), dir + "/l.yaml:3:31: error:");
  write_file(dir + "/l.yaml", layout_head + "typography: {dictionary: /etc/passwd}\n");
  check_refused(check(shell_quote(input) + " --layout " + shell_quote(dir + "/l.yaml")), dir + "/l.yaml:3:26: error:");
  write_file(dir + "/l.yaml", "name: eget\nextends: timra\nstatuses: [timra-bidrag, trend]\n");
  CHECK(check(shell_quote(input) + " --layout " + shell_quote(dir + "/l.yaml")).status == 0);
}

TEST_CASE("extends: ./base.yaml is relative to the layout that says it, like logo:") {
  std::string dir = temp_dir();
  fs::create_directories(dir + "/layouts");
  write_file(dir + "/layouts/base.yaml", "name: bas\nextends: default\n"
                                         "page_furniture: {logo: {file: logo.svg, width: 20mm, alt: Logga}}\n");
  write_file(dir + "/layouts/logo.svg", read_file(source_dir() + "/layouts/logos/exempel.svg"));
  write_file(dir + "/layouts/eget.yaml", "name: eget\nextends: ./base.yaml\n");
  std::string input = write_report(dir, with_layout("layouts/eget.yaml"));
  auto result = run_command("cd / && " + shell_quote(RAPPORT_BINARY) + " check " + shell_quote(input));
  CHECK_MESSAGE(result.status == 0, result.output);
}

TEST_CASE("a PNG logo over 50 megapixels is refused from its header, before it is decoded") {
  std::string dir = temp_dir();
  // The signature and an IHDR chunk saying 20000 × 20000: nothing more needs to be read.
  std::string png = "\x89PNG\r\n\x1a\n" + std::string("\0\0\0\x0dIHDR", 8) + std::string("\0\0\x4e\x20\0\0\x4e\x20\x08\x06\0\0\0", 13);
  write_file(dir + "/huge.png", png + std::string(4, '\0'));
  write_file(dir + "/l.yaml", layout_head + "page_furniture: {logo: {file: huge.png, width: 20mm, alt: Logga}}\n");
  std::string input = write_report(dir, with_layout("l.yaml"));
  auto result = check(shell_quote(input));
  INFO(result.output);
  CHECK(result.status == 2);
  CHECK(has(result, dir + "/l.yaml:3:31: error: the image"));
  CHECK(has(result, "20000×20000 pixels, more than the 50 megapixels"));
}

TEST_CASE("links may only be http, https, mailto or #id") {
  std::string dir = temp_dir();
  for (std::string scheme : {"file", "javascript", "smb", "data", "FILE"}) {
    std::string input = write_report(dir, report_preamble() + "  - text: Se [här](" + scheme + ":x).\n");
    auto result = check(shell_quote(input));
    INFO(result.output);
    CHECK(result.status == 2);
    std::string lower = scheme == "FILE" ? "file" : scheme;
    CHECK(has(result, input + ":9:11: error: the link uses the scheme '" + lower + ":', which is not allowed"));
    CHECK(has(result, "links may use http:, https: or mailto:, or go to a section with #id"));
  }
  std::string input = write_report(dir, report_preamble() + "  - text: Se [här](../hemligt.pdf).\n");
  CHECK(has(check(shell_quote(input)), "is a relative path"));
  write_report(dir, report_preamble() + "  - section: Mål\n    id: mal\n    content:\n      - text: "
                                        "\"[a](https://a.se) [b](http://b.se) [c](mailto:c@d.se) [d](#mal)\"\n");
  auto good = check(shell_quote(input));
  CHECK_MESSAGE(good.status == 0, good.output);
}
