#include "app/watch_preview.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <ostream>
#include <thread>

namespace rapport {
namespace {

using FileTimes = std::map<std::string, std::filesystem::file_time_type>;
constexpr auto poll_interval = std::chrono::milliseconds(150);

FileTimes times_of(const std::vector<std::string>& files) {
  FileTimes times;
  for (const auto& f : files) {
    std::error_code error;
    times[f] = std::filesystem::last_write_time(f, error);  // a missing file reads as the epoch
  }
  return times;
}

void wait_for_change(const std::vector<std::string>& files) {
  FileTimes before = times_of(files);
  while (times_of(files) == before) std::this_thread::sleep_for(poll_interval);
  std::this_thread::sleep_for(poll_interval);  // let an editor finish writing
}

}  // namespace

int watch_preview(const PipelineOptions& pipeline, const PreviewOptions& preview, size_t limit, std::ostream& log) {
  PreviewCache cache;
  std::vector<std::string> inputs = {pipeline.input};
  for (size_t renders = 1;; ++renders) {
    auto started = std::chrono::steady_clock::now();
    try {
      PipelineResult result = run_pipeline(pipeline);
      inputs = result.inputs;
      log << result.warnings.format(Severity::warning);
      PreviewResult written = write_preview(result.frames, result.frames.metadata.title, preview, &cache);
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
      log << "rapport: rendered in " << ms << " ms; " << written.encoded << " of " << written.pages
          << " page images changed" << std::endl;
    } catch (const InputError& e) {
      log << e.diagnostics().format() << "rapport: waiting for the next save" << std::endl;
    }
    if (limit != 0 && renders >= limit) return 0;
    wait_for_change(inputs);
  }
}

}  // namespace rapport
