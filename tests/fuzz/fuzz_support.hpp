#pragma once
// What the harnesses share. Header-only so each harness stays one translation unit that the
// libFuzzer build and the plain replay build compile the same way.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace rapport::fuzz {

inline std::string as_text(const uint8_t* data, size_t size) {
  return size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
}

// An input problem is a normal outcome. RAPPORT_FUZZ_VERBOSE=1 prints it, to see why an input
// meant for a deeper stage (a regression being written) stops early.
inline void input_problem(const InputError& e) {
  if (std::getenv("RAPPORT_FUZZ_VERBOSE")) std::fprintf(stderr, "%s", e.diagnostics().format().c_str());
}

// The style reader only takes a path (load_style resolves `extends` and vocabularies from
// it), so a layout under test is written to a file of this process's own: the pid keeps
// parallel fuzzers (-jobs=N) and replays from overwriting each other's input.
class TempLayout {
 public:
  explicit TempLayout(const std::string& text)
      : path_((std::filesystem::temp_directory_path() / ("rapport-fuzz-" + std::to_string(::getpid()) + ".yaml")).string()) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << text;
  }
  ~TempLayout() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempLayout(const TempLayout&) = delete;
  TempLayout& operator=(const TempLayout&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The pipeline harness's input: a report, then optionally a line `#---layout---` and a layout
// file (a YAML comment, so a report with it is still valid YAML to every other tool).
struct ReportAndLayout {
  std::string report;
  std::string layout;
  bool has_layout = false;
};

inline ReportAndLayout split_report_and_layout(std::string_view text) {
  constexpr std::string_view marker = "#---layout---";
  size_t at = text.find(marker);
  while (at != std::string_view::npos && at != 0 && text[at - 1] != '\n') at = text.find(marker, at + 1);
  ReportAndLayout out;
  out.report = std::string(text.substr(0, at));
  if (at == std::string_view::npos) return out;
  size_t line_end = text.find('\n', at);
  if (line_end != std::string_view::npos) out.layout = std::string(text.substr(line_end + 1));
  out.has_layout = true;
  return out;
}

}  // namespace rapport::fuzz
