#pragma once
// The pipeline end to end, as the commands use it: load → model → layout → frames → export.
#include <iosfwd>
#include <string>

#include "diag/diagnostic.hpp"
#include "frames/frame.hpp"

namespace rapport {

struct PipelineOptions {
  std::string input;
  std::string layout;  // name or file; empty: the report's own, else "default"
  bool final = false;  // a final render carries no draft watermark
};

struct PipelineResult {
  DocumentFrames frames;
  Diagnostics warnings;
  std::vector<std::string> inputs;  // every file the result depends on (report, CSVs, layout chain)
};

// Loads, validates and lays out a report. Throws InputError listing every problem found.
PipelineResult run_pipeline(const PipelineOptions& options);

}  // namespace rapport
