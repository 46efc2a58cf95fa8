// What rapport writes: never onto an input or a special file, never into a folder that is not
// there, a final PDF and its manifest together or not at all, and no temporaries left behind.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "test_support.hpp"

using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

const std::string small_report = report_preamble() + "  - text: Hej.\n";

bool has(const CommandResult& result, const std::string& text) { return result.output.find(text) != std::string::npos; }

void check_refused(const CommandResult& result, const std::string& line) {
  INFO(result.output);
  CHECK(result.status == 2);
  CHECK(has(result, line));
  CHECK(has(result, "  hint: "));
}

std::vector<std::string> temporaries_in(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().starts_with(".")) found.push_back(entry.path().string());
  return found;
}

}  // namespace

TEST_CASE("render never writes onto its own input") {
  std::string dir = temp_dir(), input = dir + "/r.yaml";
  write_file(input, small_report);
  check_refused(run_rapport("render " + shell_quote(input) + " -o " + shell_quote(input)),
                input + ": error: the output is an input of the render");
  CHECK(read_file(input) == small_report);
  // A report named r.pdf: the default output, r.pdf beside it, is the report itself.
  std::string named_pdf = dir + "/r.pdf";
  write_file(named_pdf, small_report);
  check_refused(run_rapport("render " + shell_quote(named_pdf)), named_pdf + ": error: the output is an input");
  CHECK(read_file(named_pdf) == small_report);
  // Nor onto a CSV file it reads, by another name.
  write_file(dir + "/e.csv", "A;B\nx;1\n");
  write_file(input, report_preamble() + "  - table:\n      columns: [A, B]\n      csv: e.csv\n");
  fs::create_symlink(dir + "/e.csv", dir + "/alias.pdf");
  check_refused(run_rapport("render " + shell_quote(input) + " -o " + shell_quote(dir + "/alias.pdf")),
                "error: the output is an input of the render");
  CHECK(read_file(dir + "/e.csv") == "A;B\nx;1\n");
}

TEST_CASE("render refuses an output that is not a regular file, or in a folder that does not exist") {
  std::string dir = temp_dir(), input = dir + "/r.yaml";
  write_file(input, small_report);
  REQUIRE(mkfifo((dir + "/ror.pdf").c_str(), 0600) == 0);
  check_refused(run_rapport("render " + shell_quote(input) + " -o " + shell_quote(dir + "/ror.pdf")),
                dir + "/ror.pdf: error: the output exists and is not a regular file");
  CHECK(fs::is_fifo(dir + "/ror.pdf"));
  fs::create_directories(dir + "/mapp.pdf");
  check_refused(run_rapport("render " + shell_quote(input) + " -o " + shell_quote(dir + "/mapp.pdf")),
                "error: the output exists and is not a regular file");
  CHECK(fs::is_directory(dir + "/mapp.pdf"));
  check_refused(run_rapport("render " + shell_quote(input) + " -o " + shell_quote(dir + "/saknas/djup/x.pdf")),
                "error: the folder " + dir + "/saknas/djup does not exist");
  CHECK_FALSE(fs::exists(dir + "/saknas"));
}

TEST_CASE("batch --volume onto an input is refused before anything renders") {
  std::string dir = temp_dir();
  fs::create_directories(dir + "/in");
  write_file(dir + "/in/r.yaml", small_report);
  auto result = run_rapport("batch " + shell_quote(dir + "/in") + " -o " + shell_quote(dir + "/out") + " --volume " +
                            shell_quote(dir + "/in/r.yaml"));
  check_refused(result, dir + "/in/r.yaml: error: the volume would overwrite the report");
  CHECK(read_file(dir + "/in/r.yaml") == small_report);
  CHECK_FALSE(fs::exists(dir + "/out/r.pdf"));
}

TEST_CASE("--final writes the PDF and its manifest together, or neither") {
  std::string dir = temp_dir();
  std::string pdf = dir + "/k.pdf", example = source_dir() + "/input/timra/kommunstyrelsen-delarsrapport-2021.yaml";
  write_file(pdf, "earlier");
  fs::create_directories(dir + "/k.manifest.json");  // the manifest cannot be written
  auto refused = run_rapport("render --final " + shell_quote(example) + " -o " + shell_quote(pdf));
  check_refused(refused, dir + "/k.manifest.json: error: the output exists and is not a regular file");
  CHECK(read_file(pdf) == "earlier");
  CHECK(temporaries_in(dir).empty());
  fs::remove(dir + "/k.manifest.json");
  auto written = run_rapport("render --final " + shell_quote(example) + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(written.status == 0, written.output);
  CHECK(read_file(pdf).starts_with("%PDF"));
  std::string manifest = read_file(dir + "/k.manifest.json");
  CHECK(manifest.find("\"path\": \"k.pdf\"") != std::string::npos);
  CHECK(manifest.find("\"path\": \"kommunstyrelsen-delarsrapport-2021.yaml\"") != std::string::npos);
  CHECK(manifest.find("\"path\": \"layouts/default.yaml\"") != std::string::npos);
  CHECK(manifest.find("\"path\": \"hyphen-sv:/usr/share/hyphen/hyph_sv_SE.dic\"") != std::string::npos);
  CHECK(manifest.find(source_dir()) == std::string::npos);  // no path of the build machine
  CHECK(temporaries_in(dir).empty());
}

TEST_CASE("a render killed by SIGINT, SIGTERM or SIGHUP leaves no temporary behind") {
  std::string dir = temp_dir();
  std::string example = source_dir() + "/input/timra/kommunstyrelsen-delarsrapport-2021.yaml";
  auto started = std::chrono::steady_clock::now();
  REQUIRE(run_rapport("render " + shell_quote(example) + " -o " + shell_quote(dir + "/timed.pdf")).status == 0);
  auto whole = std::chrono::steady_clock::now() - started;
  int killed = 0;
  // The temporary exists during the last part of a render; signals at several moments of it.
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP})
    for (double share : {0.5, 0.7, 0.8, 0.9, 0.95}) {
      pid_t child = fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        std::string out = dir + "/k.pdf";
        execl(RAPPORT_BINARY, RAPPORT_BINARY, "render", example.c_str(), "-o", out.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(whole * share));
      kill(child, signal_number);
      int status = 0;
      waitpid(child, &status, 0);
      if (WIFSIGNALED(status)) {
        ++killed;
        CHECK(WTERMSIG(status) == signal_number);  // died of the signal, as without the handler
      }
      CHECK_MESSAGE(temporaries_in(dir).empty(), "signal " << signal_number << " at " << share);
    }
  CHECK(killed > 0);
}
