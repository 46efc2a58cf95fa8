#include "app/run_batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <numeric>
#include <ostream>
#include <thread>

#include "app/run_child.hpp"
#include "app/run_pipeline.hpp"
#include "app/write_volume.hpp"

namespace rapport {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  std::string input, output, committee;
  size_t pages = 0;
  long long milliseconds = 0;
  int status = 0;  // 0 rendered, 2 bad input, 1 other failure
  std::string problem;
};

// Where each report's PDF goes; two inputs must not write the same file.
std::vector<std::string> output_paths(const std::vector<std::string>& reports, const std::string& directory) {
  std::vector<std::string> outputs;
  std::map<std::string, std::string> taken;
  Diagnostics diags;
  for (const auto& report : reports) {
    std::string output = (fs::path(directory) / fs::path(report).filename().replace_extension(".pdf")).string();
    auto [it, inserted] = taken.emplace(output, report);
    if (!inserted)
      diags.error({report, 0, 0}, "would write the same file as " + it->second + ": " + output,
                  "give the reports different file names, or render them in separate batches");
    outputs.push_back(output);
  }
  throw_if_errors(diags);
  return outputs;
}

void check_writable(const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  std::string probe = (fs::path(directory) / ".rapport-probe-XXXXXX").string();
  int fd = error ? -1 : mkstemp(probe.data());
  if (fd < 0) throw_input_error({directory, 0, 0}, "the output directory cannot be written", "check that it exists and that you may write in it");
  close(fd);
  fs::remove(probe, error);
}

// The volume is bound only when every report rendered: a volume missing a committee is not
// one to publish.
int bind_volume(const std::vector<std::string>& reports, const BatchOptions& options, unsigned jobs, SharedResources& shared,
                int status, std::ostream& log) {
  if (status != 0) {
    log << "rapport: the volume " << options.volume << " was not written, since a report failed\n";
    return status;
  }
  auto started = std::chrono::steady_clock::now();
  try {
    Diagnostics warnings;
    size_t pages =
        write_volume({reports, options.volume, options.layout, options.volume_title, options.final, jobs, options.roots}, shared, warnings);
    log << warnings.format(Severity::warning);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    log << "volume: " << reports.size() << " reports, " << pages << " pages, " << ms << " ms → " << options.volume << "\n";
    return 0;
  } catch (const InputError& e) {
    log << e.diagnostics().format(Severity::error);
    return 2;
  } catch (const std::exception& e) {
    log << "rapport: error: the volume: " << e.what() << "\n";
    return 1;
  }
}

// Before anything renders: the reports are known now (their CSV files and layouts only once
// each has been read, so those are checked again before the volume is written).
void check_volume_path(const std::string& volume, const std::vector<std::string>& outputs, const std::vector<std::string>& reports) {
  if (volume.empty()) return;
  std::error_code error;
  for (const auto& output : outputs)
    if (fs::weakly_canonical(volume, error) == fs::weakly_canonical(output, error))
      throw_input_error({volume, 0, 0}, "the volume would overwrite a report's own PDF", "write the volume elsewhere, or under another name");
  for (const auto& report : reports)
    if (fs::equivalent(volume, report, error))
      throw_input_error({volume, 0, 0}, "the volume would overwrite the report " + report, "write the volume elsewhere, or under another name");
  fs::file_status status = fs::status(volume, error);
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw_input_error({volume, 0, 0}, "the volume exists and is not a regular file", "write the volume to a file name, not a folder, device or pipe");
  fs::path directory = fs::path(volume).parent_path();
  check_writable(directory.empty() ? "." : directory.string());
}

std::string progress_bar(size_t done, size_t total) {
  const size_t width = 30;
  size_t filled = total ? done * width / total : width;
  return "\r[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " + std::to_string(done) + "/" +
         std::to_string(total);
}

std::string outcome_line(const Outcome& o) {
  if (o.status == 0)
    return o.committee + ": " + std::to_string(o.pages) + " pages, " + std::to_string(o.milliseconds) + " ms → " + o.output;
  return o.input + ": FAILED\n" + o.problem;
}

// Characters, not bytes: "Överförmyndarnämnden" lines up with "Socialnämnden".
size_t display_width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, size_t width) {
  return text + std::string(width > display_width(text) ? width - display_width(text) : 0, ' ');
}

void print_summary(const std::vector<Outcome>& outcomes, long long total_ms, std::ostream& log) {
  auto name_of = [](const Outcome& o) { return o.status == 0 ? o.committee : fs::path(o.input).filename().string(); };
  size_t width = 9;
  for (const auto& o : outcomes) width = std::max(width, display_width(name_of(o)));
  char line[512];
  std::snprintf(line, sizeof line, " %6s %8s  %s\n", "Pages", "Time", "Result");
  log << "\n" << padded("Committee", width) << line;
  size_t pages = 0, failed = 0;
  for (const auto& o : outcomes) {
    std::snprintf(line, sizeof line, " %6zu %6lld ms  %s\n", o.pages, o.milliseconds,
                  o.status == 0 ? "ok" : o.status == 2 ? "bad input" : "failed");
    log << padded(name_of(o), width) << line;
    pages += o.pages;
    failed += o.status != 0;
  }
  std::snprintf(line, sizeof line, "%zu reports, %zu pages, %zu failed, %lld ms in all\n", outcomes.size(), pages, failed,
                total_ms);
  log << line;
}

// Largest reports first, so no worker is left with a long one at the end.
std::vector<size_t> largest_first(const std::vector<std::string>& reports) {
  std::vector<size_t> order(reports.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<uintmax_t> sizes;
  for (const auto& r : reports) {
    std::error_code error;
    sizes.push_back(fs::file_size(r, error));
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

}  // namespace

int run_batch(const BatchOptions& options, std::ostream& log) {
  auto started = std::chrono::steady_clock::now();
  std::vector<std::string> skipped;
  std::vector<std::string> reports = find_reports(options.paths, &skipped);
  // Said, not passed over in silence: a report whose document key is misspelled lands here.
  for (const auto& file : skipped) log << file << ": skipped, not a report (no 'document:' key)\n";
  std::vector<std::string> outputs = output_paths(reports, options.output_directory);
  check_writable(options.output_directory);
  check_volume_path(options.volume, outputs, reports);

  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(reports.size()));
  std::vector<Outcome> outcomes(reports.size());
  std::vector<ReportTask> tasks;
  for (size_t i = 0; i < reports.size(); ++i) tasks.push_back({reports[i], outputs[i]});
  size_t done = 0;
  auto report_done = [&](size_t i, const ReportOutcome& result, long long ms) {
    outcomes[i] = {reports[i], outputs[i], result.committee, result.pages, ms, result.status, result.problem};
    ++done;
    if (options.terminal) log << "\r\033[K";
    log << outcome_line(outcomes[i]) << "\n";
    if (options.terminal) log << progress_bar(done, reports.size()) << std::flush;
  };
  SharedResources shared;
  run_in_children(tasks, largest_first(reports),
                  {options.layout, options.final, options.roots, jobs, options.timeout_seconds, options.memory_mib}, shared,
                  report_done);
  if (options.terminal) log << "\r\033[K";
  auto total = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  print_summary(outcomes, total, log);
  int status = 0;
  for (const auto& o : outcomes)
    if (o.status == 2 || (o.status == 1 && status == 0)) status = o.status;
  if (!options.volume.empty()) status = bind_volume(reports, options, jobs, shared, status, log);
  return status;
}

}  // namespace rapport
