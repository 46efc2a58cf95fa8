// rapport batch: every report rendered, in parallel by a pool of worker processes, one broken
// input, crash or hang stopping none of the others.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>

#include "app/run_batch.hpp"
#include "app/run_child.hpp"
#include "diag/diagnostic.hpp"
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

namespace {

// rapport run with `environment` ("NAME=value …") set for it alone: the batch's test hooks.
CommandResult run_rapport_with(const std::string& environment, const std::string& arguments) {
  return run_command("env " + environment + " " + shell_quote(RAPPORT_BINARY) + " " + arguments);
}

std::string good_committees() {
  std::string in = committees();
  std::filesystem::remove(in + "/trasig.yaml");
  return in;
}

// The names in `directory` that start with a dot: temporaries left behind.
std::vector<std::string> hidden_files(const std::string& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    if (entry.path().filename().string().starts_with(".")) names.push_back(entry.path().filename().string());
  return names;
}

// The summary table's row for `name` (collapsed to single spaces), empty when there is none.
std::string summary_row(const std::string& output, const std::string& name) {
  size_t at = output.find("\n" + name + " ");
  return at == std::string::npos ? "" : collapse_spaces(output.substr(at + 1, output.find('\n', at + 1) - at - 1));
}

}  // namespace

TEST_CASE("a batch report whose process crashes fails alone, named with its signal") {
  std::string in = good_committees(), out = in + "/../out";
  auto result = run_rapport_with("RAPPORT_TEST_CRASH=sn.yaml", "batch " + shell_quote(in) + " -o " + shell_quote(out) + " -j 2");
  CHECK(result.status == 1);
  CHECK(result.output.find(in + "/sn.yaml: FAILED\nrapport: error: crashed (SIGSEGV)\n") != std::string::npos);
  for (std::string name : {"bun", "ktn"}) CHECK_MESSAGE(std::filesystem::exists(out + "/" + name + ".pdf"), name);
  CHECK_FALSE(std::filesystem::exists(out + "/sn.pdf"));
  CHECK(result.output.find("3 reports, ") != std::string::npos);
  CHECK(result.output.find(", 1 failed, ") != std::string::npos);
  CHECK(summary_row(result.output, "sn.yaml").starts_with("sn.yaml 0 "));
  CHECK(summary_row(result.output, "sn.yaml").ends_with(" ms failed"));
}

TEST_CASE("a batch report that hangs is stopped at --timeout, its temporaries removed, and the others render") {
  std::string in = good_committees(), out = in + "/../out";
  std::filesystem::create_directories(out);
  // What a child killed in the middle of writing leaves (write_atomically's temporaries), and a
  // hidden file of someone else's that must stay.
  write_file(out + "/.sn.pdf.Ab12Cd", "%PDF-1.7 half");
  write_file(out + "/.sn.manifest.json.Xy34Zw", "{");
  write_file(out + "/.keep", "");
  auto started = std::chrono::steady_clock::now();
  auto result = run_rapport_with("RAPPORT_TEST_HANG=sn.yaml",
                                 "batch " + shell_quote(in) + " -o " + shell_quote(out) + " -j 2 --timeout 5");
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
  CHECK(result.status == 1);
  CHECK(result.output.find(in + "/sn.yaml: FAILED\nrapport: error: took longer than 5 s (--timeout)\n") != std::string::npos);
  CHECK(seconds < 60);
  for (std::string name : {"bun", "ktn"}) CHECK_MESSAGE(std::filesystem::exists(out + "/" + name + ".pdf"), name);
  CHECK_FALSE(std::filesystem::exists(out + "/sn.pdf"));
  CHECK(hidden_files(out) == std::vector<std::string>{".keep"});
  CHECK(summary_row(result.output, "sn.yaml").ends_with(" ms failed"));
}

namespace {

// Five reports, each larger than the next, so that the batch hands them out as p1, p2, … p5.
std::string five_reports() {
  std::string dir = temp_dir() + "/five";
  std::filesystem::create_directories(dir);
  for (int i = 1; i <= 5; ++i)
    write_file(dir + "/p" + std::to_string(i) + ".yaml", small_report("Nämnd " + std::to_string(i), 12 - 2 * i));
  return dir;
}

// The distinct workers that took a report: each touches a file named by its PID there.
size_t worker_count(const std::string& pid_dir) {
  auto entries = std::filesystem::directory_iterator(pid_dir);
  return static_cast<size_t>(std::distance(begin(entries), end(entries)));
}

struct PoolRun {
  CommandResult result;
  std::string out;
  size_t workers = 0;
};

// The five reports rendered at -j 1 with the test hook `hook` ("RAPPORT_TEST_CRASH=p2.yaml") set.
PoolRun run_five(const std::string& hook, const std::string& options = "") {
  std::string in = five_reports(), out = in + "/../out", pids = in + "/../pids";
  std::filesystem::create_directories(pids);
  auto result = run_rapport_with(hook + " RAPPORT_TEST_PID_DIR=" + shell_quote(pids),
                                 "batch " + shell_quote(in) + " -o " + shell_quote(out) + " -j 1 " + options);
  return {result, out, worker_count(pids)};
}

void check_all_but_p2_rendered(const PoolRun& run, const std::string& problem) {
  const std::string& out = run.out;
  CHECK(run.result.status == 1);
  CHECK_MESSAGE(run.result.output.find("p2.yaml: FAILED\nrapport: error: " + problem + "\n") != std::string::npos,
                run.result.output);
  for (std::string name : {"p1", "p3", "p4", "p5"}) CHECK_MESSAGE(std::filesystem::exists(out + "/" + name + ".pdf"), name);
  CHECK_FALSE(std::filesystem::exists(out + "/p2.pdf"));
  CHECK(run.result.output.find("5 reports, ") != std::string::npos);
  CHECK(run.result.output.find(", 1 failed, ") != std::string::npos);
  CHECK(count_occurrences(run.result.output, "FAILED") == 1);
}

}  // namespace

TEST_CASE("a batch worker is replaced after a crash, and the reports after it still render") {
  auto run = run_five("RAPPORT_TEST_CRASH=p2.yaml");
  check_all_but_p2_rendered(run, "crashed (SIGSEGV)");
  CHECK(run.workers == 2);  // p1 and p2 in the first, p3 to p5 in its replacement
}

TEST_CASE("a batch worker is replaced after a hang, and the reports after it still render") {
  auto run = run_five("RAPPORT_TEST_HANG=p2.yaml", "--timeout 5");
  check_all_but_p2_rendered(run, "took longer than 5 s (--timeout)");
  CHECK(run.workers == 2);
}

TEST_CASE("a batch worker that runs out of memory reports it, retires, and its replacement renders the rest") {
  auto run = run_five("RAPPORT_TEST_BAD_ALLOC=p2.yaml");
  check_all_but_p2_rendered(run, "ran out of memory (--memory 4096 MiB)");
  CHECK(run.workers == 2);
}

TEST_CASE("batch workers are reused: one worker renders every report at -j 1, two at -j 2") {
  std::string in = good_committees(), pids = in + "/../pids";
  write_file(in + "/vn.yaml", small_report("Valnämnden", 2));
  for (int jobs : {1, 2}) {
    std::string out = in + "/../out" + std::to_string(jobs);
    std::filesystem::remove_all(pids);
    std::filesystem::create_directories(pids);
    auto result = run_rapport_with("RAPPORT_TEST_PID_DIR=" + shell_quote(pids),
                                   "batch " + shell_quote(in) + " -o " + shell_quote(out) + " -j " + std::to_string(jobs));
    CHECK(result.status == 0);
    CHECK(result.output.find("4 reports, ") != std::string::npos);
    if (jobs == 1) CHECK(worker_count(pids) == 1);
    else CHECK(worker_count(pids) <= 2);
  }
}

TEST_CASE("a batch's --timeout and --memory take whole numbers from 1") {
  std::string in = good_committees(), out = in + "/../out";
  for (std::string bad : {"0", "-5", "abc", "5s", "", "99999999999"}) {
    auto timeout = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(out) + " --timeout " + shell_quote(bad));
    CHECK_MESSAGE(timeout.status == 2, bad);
    CHECK_MESSAGE(timeout.output.find("rapport: --timeout must be a number of seconds from 1 to 86400, found '" + bad + "'") !=
                      std::string::npos,
                  timeout.output);
    auto memory = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(out) + " --memory " + shell_quote(bad));
    CHECK_MESSAGE(memory.status == 2, bad);
    CHECK_MESSAGE(memory.output.find("rapport: --memory must be a number of MiB from 1 to ") != std::string::npos, memory.output);
  }
  CHECK_FALSE(std::filesystem::exists(out));
  auto help = run_rapport("batch --help");
  CHECK(help.output.find("--timeout SECONDS") != std::string::npos);
  CHECK(help.output.find("--memory MIB") != std::string::npos);
}

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("a batch report that needs more than --memory fails, and says so") {
  std::string in = good_committees(), out = in + "/../out";
  auto result = run_rapport("batch " + shell_quote(in + "/sn.yaml") + " -o " + shell_quote(out) + " --memory 8");
  CHECK(result.status == 1);
  CHECK(result.output.find(in + "/sn.yaml: FAILED\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out + "/sn.pdf"));
  auto roomy = run_rapport("batch " + shell_quote(in + "/sn.yaml") + " -o " + shell_quote(out) + " --memory 2048");
  CHECK(roomy.status == 0);
}
#endif

TEST_CASE("a batch walk follows directory symlinks, but round a loop only once") {
  namespace fs = std::filesystem;
  std::string dir = temp_dir() + "/in";
  fs::create_directories(dir + "/a");
  fs::create_directories(dir + "/b");
  write_file(dir + "/a/ra.yaml", small_report("Nämnd A", 1));
  write_file(dir + "/b/rb.yaml", small_report("Nämnd B", 1));
  // Two loops from every directory: without a memory of where it has been, the walk doubles at
  // each level and never ends.
  fs::create_directory_symlink("../b", dir + "/a/to-b");
  fs::create_directory_symlink("../a", dir + "/b/to-a");
  fs::create_directory_symlink(".", dir + "/a/self");
  fs::create_symlink("nowhere.yaml", dir + "/gone.yaml");
  fs::create_directory_symlink("nowhere", dir + "/gone");
  auto result = run_command("timeout 60 " + shell_quote(RAPPORT_BINARY) + " batch " + shell_quote(dir) + " -o " +
                            shell_quote(dir + "/../out"));
  CHECK(result.status == 0);
  CHECK(result.output.find("2 reports, ") != std::string::npos);
  CHECK(fs::exists(dir + "/../out/ra.pdf"));
  CHECK(fs::exists(dir + "/../out/rb.pdf"));
  CHECK(count_occurrences(result.output, "Nämnd A: ") == 1);
}

TEST_CASE("a batch takes a report by its YAML, however it spells the document key") {
  namespace fs = std::filesystem;
  std::string dir = temp_dir() + "/in";
  fs::create_directories(dir);
  std::string plain = small_report("Nämnd S", 1);
  write_file(dir + "/space.yaml", "version: 1\ndocument : " + plain.substr(plain.find("document: ") + 10));
  write_file(dir + "/json.yaml",
             R"({"version": 1, "document": {"municipality": "Timrå kommun", "committee": "Nämnd J", "kind": "delårsrapport",)"
             R"( "title": "Delårsrapport 2021", "date": "2021-09-21"}, "content": ["toc"]})");
  write_file(dir + "/bom.yaml", "\xEF\xBB\xBF" + small_report("Nämnd B", 1));
  write_file(dir + "/short.yml", small_report("Nämnd Y", 1));
  // YAML that is not a report: a vocabulary, a comment naming document:, a broken file that
  // never mentions one.
  write_file(dir + "/vocabulary.yaml", "statuses:\n  - id: klar\n    label: Klar\n");
  write_file(dir + "/comment.yaml", "# document: not a key here\nname: x\n");
  write_file(dir + "/nested.yaml", "layout:\n  document: {}\n");
  write_file(dir + "/junk.yaml", "name: [unclosed\n");
  auto result = run_rapport("batch " + shell_quote(dir) + " -o " + shell_quote(dir + "/../out"));
  CHECK(result.status == 0);
  CHECK(result.output.find("4 reports, ") != std::string::npos);
  for (std::string name : {"space", "json", "bom", "short"})
    CHECK_MESSAGE(fs::exists(dir + "/../out/" + name + ".pdf"), name);
  CHECK(rapport::is_report_text("\xEF\xBB\xBF" "document: {}\n"));
  CHECK_FALSE(rapport::is_report_text("- document: {}\n"));
  CHECK_FALSE(rapport::is_report_text("document\n"));
}

TEST_CASE("a batch reports a report it cannot parse or read as failed, and renders the others") {
  namespace fs = std::filesystem;
  std::string in = good_committees(), out = in + "/../out";
  // Starts like a report, then is neither UTF-8 nor YAML.
  write_file(in + "/trasig.yaml", "version: 1\ndocument: {committee: \xFF\xFE [\n");
  fs::create_directories(in + "/mapp.yaml");  // a directory with a report's name is walked, not read
  write_file(in + "/mapp.yaml/inne.yaml", small_report("Inne", 1));
  bool unreadable = geteuid() != 0;  // root reads a file whatever its mode
  if (unreadable) {
    write_file(in + "/last.yaml", small_report("Låst", 1));
    fs::permissions(in + "/last.yaml", fs::perms::none);
  }
  auto result = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(out) + " -j 2");
  CHECK(result.status == 2);
  CHECK(result.output.find(in + "/trasig.yaml: FAILED\n" + in + "/trasig.yaml:") != std::string::npos);
  CHECK(summary_row(result.output, "trasig.yaml").ends_with(" ms bad input"));
  for (std::string name : {"bun", "sn", "ktn", "inne"}) CHECK_MESSAGE(fs::exists(out + "/" + name + ".pdf"), name);
  CHECK(result.output.find(unreadable ? "6 reports, " : "5 reports, ") != std::string::npos);
  if (unreadable) CHECK(result.output.find(in + "/last.yaml: FAILED\n") != std::string::npos);
}

TEST_CASE("the batch of a whole municipality finds its eight reports and no layout") {
  auto reports = rapport::find_reports({source_dir() + "/input/timra/2021-08"});
  CHECK(reports.size() == 8);
  CHECK(reports.front() == source_dir() + "/input/timra/2021-08/barn-och-utbildningsnamnden.yaml");
  CHECK_THROWS_AS(rapport::find_reports({source_dir() + "/layouts"}), rapport::InputError);
}

TEST_CASE("a batch worker's message survives any text, and a message cut short is refused") {
  using rapport::decode_outcome;
  rapport::ReportOutcome outcome{2, "Socialnämnden: 3,5", 17, "x.yaml:1:2: error: a \"bad\"\n  hint: 12:ab,\n"};
  std::string message = rapport::encode_outcome(outcome);
  auto decoded = decode_outcome(message);
  REQUIRE(decoded);
  CHECK(decoded->status == 2);
  CHECK(decoded->committee == outcome.committee);
  CHECK(decoded->pages == 17);
  CHECK(decoded->problem == outcome.problem);
  for (size_t length = 0; length < message.size(); ++length) CHECK_FALSE_MESSAGE(decode_outcome(message.substr(0, length)), length);
  CHECK_FALSE(decode_outcome(message + "1"));
  CHECK_FALSE(decode_outcome("1:7,0:,1:0,0:,"));    // no such status
  CHECK_FALSE(decode_outcome("1:0,0:,2:-1,0:,"));   // no such page count
  CHECK_FALSE(decode_outcome("1:0,0:,1:0,99:abc,"));
  CHECK(decode_outcome("1:0,0:,1:0,0:,"));
  CHECK(rapport::signal_name(SIGSEGV) == "SIGSEGV");

  // A worker's reply: a whole one is told from one still arriving and from garbage.
  using State = rapport::Reply::State;
  std::string reply = rapport::encode_reply(outcome, true);
  CHECK(rapport::decode_reply(reply).state == State::whole);
  CHECK(rapport::decode_reply(reply).last);
  CHECK(rapport::decode_reply(reply).outcome.problem == outcome.problem);
  CHECK_FALSE(rapport::decode_reply(rapport::encode_reply(outcome, false)).last);
  for (size_t length = 0; length < reply.size(); ++length)
    CHECK_MESSAGE(rapport::decode_reply(reply.substr(0, length)).state == State::partial, length);
  CHECK(rapport::decode_reply(reply + "1").state == State::garbled);  // a worker says nothing after its reply
  CHECK(rapport::decode_reply("x").state == State::garbled);
  CHECK(rapport::decode_reply("1234567890").state == State::garbled);
  CHECK(rapport::decode_reply("3:abc,4:more,").state == State::garbled);  // no outcome inside
  CHECK(rapport::decode_reply("14:1:0,0:,1:0,0:,4:some,").state == State::garbled);
  CHECK(rapport::signal_name(SIGABRT) == "SIGABRT");
}

TEST_CASE("a .yaml file that is not a report is listed as skipped; a missing CSV names the report and the resolved path") {
  std::string in = temp_dir() + "/in";
  std::filesystem::create_directories(in + "/data");
  write_file(in + "/sn.yaml", small_report("Socialnämnden", 1));
  // "documnet": a misspelled top-level key makes the file look like no report at all.
  write_file(in + "/bmn.yaml", "version: 1\ndocumnet: {municipality: Timrå kommun}\ncontent: []\n");
  write_file(in + "/kn.yaml", small_report("Kultur- och tekniknämnden", 1) +
                                  "  - table:\n      csv: data/saknas.csv\n      columns: [{title: A}]\n");
  auto result = run_rapport("batch " + shell_quote(in) + " -o " + shell_quote(in + "/../out") + " -j 2");
  CHECK(result.output.find(in + "/bmn.yaml: skipped, not a report (no 'document:' key)\n") != std::string::npos);
  CHECK(result.output.find(in + "/kn.yaml: FAILED") != std::string::npos);
  CHECK(result.output.find(in + "/data/saknas.csv: error: cannot read the file") != std::string::npos);
  CHECK(result.output.find("2 reports,") != std::string::npos);
}
