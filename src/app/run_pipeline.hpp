#pragma once
// The pipeline end to end, as the commands use it: load → model → compute → layout → frames.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "diag/diagnostic.hpp"
#include "frames/frame.hpp"
#include "load/file_access.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenate.hpp"

namespace rapport {

struct PipelineOptions {
  std::string input;
  std::string layout;  // name or file; empty: the report's own, else "default"
  bool final = false;  // a final render carries no draft watermark
  std::vector<std::string> roots = {};  // --root: folders beyond the report's own it may read from
  // The frames will be written as a PDF: an SVG figure's vectors are drawn for it on a second
  // thread while the report is laid out, and a long document's frames stream their pages
  // (DocumentFrames::stream). Previews and checks never draw them.
  bool pdf = false;
};

struct PipelineResult {
  // With PipelineOptions::pdf, they may stream their pages: write them before the fonts and
  // resources given to run_pipeline go.
  DocumentFrames frames;
  Diagnostics warnings;
  std::vector<std::string> inputs;  // every file the result depends on (report, CSVs, layout chain)
  // …and every other file that shaped the PDF's bytes: logo, hyphenation dictionary, font
  // list and fonts, colour profile. The manifest of a final PDF names them all.
  std::vector<std::string> archive_inputs;
  std::string committee;
  std::string layout;  // the layout file used, for "rapport: layout …"
};

// What renders can share read-only: layouts and hyphenation dictionaries, each loaded once.
// Safe to use from several threads.
class SharedResources {
 public:
  // A layout read under `access`; cached per path and policy, so a batch's reports with
  // different roots never share a layout one of them may not read.
  std::shared_ptr<const Style> style(const std::string& path, const FileAccess& access, Diagnostics& warnings);
  const Hyphenator* hyphenator(const HyphenationRules& rules);

 private:
  struct LoadedStyle {
    std::shared_ptr<const Style> style;
    Diagnostics warnings;
  };
  std::mutex mutex_;
  std::map<std::string, LoadedStyle> styles_;
  std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators_;
};

// A report loaded, validated against its layout and computed: ready to lay out.
struct PreparedReport {
  Report report;
  std::shared_ptr<const Style> style;
  const Hyphenator* hyphenator = nullptr;  // owned by the SharedResources
  Diagnostics warnings;
  std::vector<std::string> inputs;  // every file it depends on (report, CSVs, layout chain)
};
// Throws InputError listing every problem found.
PreparedReport prepare_report(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared);

// Every file that shaped a report's PDF: its inputs, logo, hyphenation dictionary, font list
// and fonts, colour profile. The manifest of a final PDF names them all.
std::vector<std::string> archive_inputs(const PreparedReport& prepared, const FontRegistry& fonts);

// Loads, validates and lays out a report. Throws InputError listing every problem found.
PipelineResult run_pipeline(const PipelineOptions& options);
// The same with a caller's fonts (one registry per thread: Pango is not shared) and resources.
PipelineResult run_pipeline(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared);

}  // namespace rapport
