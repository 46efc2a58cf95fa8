#include "app/run_pipeline.hpp"

#include <future>

#include "export/pdf_metadata.hpp"
#include "frames/picture.hpp"
#include "finance/compute_tables.hpp"
#include "layout/lay_out_document.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "model/check_final.hpp"
#include "model/resolve_charts.hpp"
#include "model/resolve_with_layout.hpp"
#include "style/layout_files.hpp"
#include "style/load_style.hpp"

namespace rapport {

std::shared_ptr<const Style> SharedResources::style(const std::string& path, const FileAccess& access, Diagnostics& warnings) {
  std::lock_guard lock(mutex_);
  std::string key = path + "\n" + access.key();
  auto it = styles_.find(key);
  if (it == styles_.end()) {
    LoadedStyle loaded;
    loaded.style = std::make_shared<const Style>(load_style(path, access, loaded.warnings));
    it = styles_.emplace(key, std::move(loaded)).first;
  }
  warnings.append(it->second.warnings);
  return it->second.style;
}

const Hyphenator* SharedResources::hyphenator(const HyphenationRules& rules) {
  std::string key = rules.dictionary + "|" + rules.words + "|" + std::to_string(rules.min_word) + "|" + std::to_string(rules.left) +
                    "|" + std::to_string(rules.right);
  for (const auto& word : rules.exceptions) key += "|" + word;
  std::lock_guard lock(mutex_);
  auto& slot = hyphenators_[key];
  if (!slot) slot = std::make_unique<Hyphenator>(rules);
  return slot.get();
}

namespace {

// --layout (relative to the current folder) wins over the report's document.layout (relative
// to the report); a bare name in either is looked for beside the report first. Either must be a
// file the report may read.
std::string chosen_layout(const PipelineOptions& options, const YamlSource& source, const Report& report,
                          const FileAccess& access) {
  if (!options.layout.empty()) return locate_layout(options.layout, "", {}, access, options.input);
  if (report.info.layout.empty()) return resolve_layout_path("default");
  const YAML::Node& root = source.root;
  SourcePos at = root.IsMap() && root["document"].IsMap() ? position_of(source, root["document"]["layout"]) : SourcePos{};
  return locate_layout(report.info.layout, source.path, at, access, options.input);
}

// The first half of preparing: the report read and built, its layout loaded. Needs no fonts.
PreparedReport read_report(const PipelineOptions& options, SharedResources& shared) {
  YamlSource source = load_yaml_file(options.input);
  FileAccess access = FileAccess::for_report(options.input, options.roots);
  PreparedReport prepared;
  Diagnostics& diags = prepared.warnings;
  prepared.report = build_report(source, access, diags);
  prepared.style = shared.style(chosen_layout(options, source, prepared.report, access), access, diags);
  if (prepared.style->hyphenate) {
    prepared.hyphenator = shared.hyphenator(prepared.style->hyphenation);
    prepared.hyphenator->prefetch();  // read on a second core while the report is resolved and laid out
  }
  return prepared;
}

// The second half: checked against the layout and the fonts there are, and computed.
void resolve_report(PreparedReport& prepared, const PipelineOptions& options, const FontRegistry& fonts) {
  Report& report = prepared.report;
  Diagnostics& diags = prepared.warnings;
  resolve_with_layout(report, *prepared.style, fonts.families(), diags);
  compute_tables(report, diags);
  resolve_charts(report, diags);  // after compute_tables: a chart shows the figures as printed
  if (options.final) check_final(report, *prepared.style, diags, diags);
  throw_if_errors(diags);
  if (options.pdf)
    for (const auto& picture : report.pictures) picture->prefetch_vector_pdf();
  prepared.inputs = {options.input};
  prepared.inputs.insert(prepared.inputs.end(), report.data_files.begin(), report.data_files.end());
  prepared.inputs.insert(prepared.inputs.end(), prepared.style->files.begin(), prepared.style->files.end());
}

// `owner` keeps alive what the fonts and the hyphenator belong to, for a streamed document,
// which lays out its pages only when they are written.
PipelineResult lay_out_prepared(PreparedReport prepared, const PipelineOptions& options, const FontRegistry& fonts,
                                std::shared_ptr<const void> owner = {}) {
  auto held = std::make_shared<PreparedReport>(std::move(prepared));
  Diagnostics& diags = held->warnings;
  PipelineResult result;
  LayoutOptions layout;
  layout.draft = !options.final;
  if (options.pdf) layout.stream_above_slabs = stream_above_slabs;
  result.frames = lay_out_document(held->report, *held->style, fonts, held->hyphenator, layout, diags);
  throw_if_errors(diags);
  if (result.frames.stream)
    result.frames.stream = [stream = std::move(result.frames.stream), held, owner = std::move(owner)](const PageSink& sink) { stream(sink); };
  result.warnings = std::move(diags);
  result.committee = held->report.info.committee;
  result.layout = held->style->path;
  result.inputs = held->inputs;
  result.archive_inputs = archive_inputs(*held, fonts);
  return result;
}

}  // namespace

PreparedReport prepare_report(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared) {
  PreparedReport prepared = read_report(options, shared);
  resolve_report(prepared, options, fonts);
  return prepared;
}

std::vector<std::string> archive_inputs(const PreparedReport& prepared, const FontRegistry& fonts) {
  std::vector<std::string> files = prepared.inputs;
  const Style& style = *prepared.style;
  if (!style.logo.empty()) files.push_back(style.logo);
  if (prepared.hyphenator) files.push_back(style.hyphenation.dictionary);
  if (prepared.hyphenator && !style.hyphenation.words.empty()) files.push_back(style.hyphenation.words);
  files.push_back(default_font_list());
  files.insert(files.end(), fonts.files().begin(), fonts.files().end());
  files.push_back(srgb_profile_path);
  return files;
}

PipelineResult run_pipeline(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared) {
  return lay_out_prepared(prepare_report(options, fonts, shared), options, fonts);
}

namespace {

// What run_pipeline makes for itself and a streamed document still lays out with.
struct Owned {
  std::shared_ptr<FontRegistry> fonts;
  std::shared_ptr<SharedResources> shared;
};

}  // namespace

PipelineResult run_pipeline(const PipelineOptions& options) {
  // Fontconfig and Pango start on a second core while the report is read: 6 ms of a 200 ms
  // render. The registry is handed over once built, never used by two threads at once.
  auto loading = std::async(std::launch::async, [] { return std::make_shared<FontRegistry>(default_font_list()); });
  auto shared = std::make_shared<SharedResources>();
  PreparedReport prepared = read_report(options, *shared);
  std::shared_ptr<FontRegistry> fonts = loading.get();
  resolve_report(prepared, options, *fonts);
  const FontRegistry& used = *fonts;
  return lay_out_prepared(std::move(prepared), options, used, std::make_shared<Owned>(Owned{std::move(fonts), std::move(shared)}));
}

}  // namespace rapport
