// rapport batch: every report rendered, in parallel, one broken input stopping none of the others.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.hpp"

using namespace rapport::test;

namespace {

std::string small_report(const std::string& committee, int paragraphs) {
  std::string text = "version: 1\ndocument: {municipality: Timrå kommun, committee: " + committee +
                     ", kind: delårsrapport, title: Delårsrapport 2021, date: 2021-09-21}\ncontent:\n  - toc\n";
  for (int i = 1; i <= paragraphs; ++i)
    text += "  - section: Avsnitt " + std::to_string(i) + "\n    content:\n      - text: Nämnden följer upp verksamheten enligt plan.\n";
  return text;
}

// A folder with three good reports and a broken one.
std::string committees() {
  std::string dir = temp_dir() + "/in";
  std::filesystem::create_directories(dir + "/sub");
  write_file(dir + "/bun.yaml", small_report("Barn- och utbildningsnämnden", 6));
  write_file(dir + "/sn.yaml", small_report("Socialnämnden", 4));
  write_file(dir + "/sub/ktn.yaml", small_report("Kultur- och tekniknämnden", 3));
  write_file(dir + "/trasig.yaml", small_report("Valnämnden", 1) + "      - tabel: {}\n");
  write_file(dir + "/notes.txt", "not a report");
  return dir;
}

}  // namespace

TEST_CASE("a batch renders every good report and names the broken one at its place") {
  std::string in = committees();
  std::string out = in + "/../out";
  auto result = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(out) + " -j 2");
  CHECK(result.status == 2);
  CHECK(result.output.find("trasig.yaml:8:9: error: unknown block 'tabel'") != std::string::npos);
  for (std::string name : {"bun", "sn", "ktn"}) CHECK_MESSAGE(std::filesystem::exists(out + "/" + name + ".pdf"), name);
  CHECK_FALSE(std::filesystem::exists(out + "/trasig.pdf"));
  CHECK(result.output.find("4 reports,") != std::string::npos);
  CHECK(result.output.find("1 failed") != std::string::npos);
  CHECK(result.output.find("Socialnämnden: ") != std::string::npos);
}

TEST_CASE("batch outputs equal single renders, and -j 1 equals -j 2") {
  std::string in = committees();
  std::filesystem::remove(in + "/trasig.yaml");
  std::string one = in + "/../one", two = in + "/../two", single = in + "/../single.pdf";
  REQUIRE(run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(one) + " -j 1").status == 0);
  REQUIRE(run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(two) + " -j 2").status == 0);
  for (std::string name : {"bun", "sn", "ktn"}) CHECK(read_file(one + "/" + name + ".pdf") == read_file(two + "/" + name + ".pdf"));
  REQUIRE(run_rapport("render " + shell_quote(in + "/sn.yaml") + " -o " + shell_quote(single)).status == 0);
  CHECK(read_file(single) == read_file(one + "/sn.pdf"));
}

TEST_CASE("batch input problems are reported before anything is rendered") {
  std::string dir = temp_dir();
  auto missing = run_rapport("batch " + shell_quote(dir + "/nothing") + " -o " + shell_quote(dir + "/out"));
  CHECK(missing.status == 2);
  CHECK(missing.output == dir + "/nothing: error: no such file or directory\n  hint: check the path\n");

  std::filesystem::create_directories(dir + "/empty");
  write_file(dir + "/empty/readme.txt", "no reports here");
  auto empty = run_rapport("batch " + shell_quote(dir + "/empty") + " -o " + shell_quote(dir + "/out"));
  CHECK(empty.status == 2);
  CHECK(empty.output.find("the directory holds no reports") != std::string::npos);

  std::filesystem::create_directories(dir + "/a");
  std::filesystem::create_directories(dir + "/b");
  write_file(dir + "/a/r.yaml", small_report("A", 1));
  write_file(dir + "/b/r.yaml", small_report("B", 1));
  auto clash = run_rapport("batch " + shell_quote(dir + "/a") + " " + shell_quote(dir + "/b") + " -o " + shell_quote(dir + "/out"));
  CHECK(clash.status == 2);
  CHECK(clash.output.find("would write the same file as " + dir + "/a/r.yaml") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/out/r.pdf"));

  auto unwritable = run_rapport("batch " + shell_quote(dir + "/a") + " -o /proc/rapport-out");
  CHECK(unwritable.status == 2);
  CHECK(unwritable.output.find("/proc/rapport-out: error: the output directory cannot be written") != std::string::npos);
}
