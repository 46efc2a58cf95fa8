#include "app/run_pipeline.hpp"

#include "export/finish_pdf.hpp"
#include "finance/compute_tables.hpp"
#include "layout/lay_out_document.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "model/check_final.hpp"
#include "model/resolve_with_layout.hpp"
#include "style/load_style.hpp"

namespace rapport {

std::shared_ptr<const Style> SharedResources::style(const std::string& path, Diagnostics& warnings) {
  std::lock_guard lock(mutex_);
  auto it = styles_.find(path);
  if (it == styles_.end()) {
    LoadedStyle loaded;
    loaded.style = std::make_shared<const Style>(load_style(path, loaded.warnings));
    it = styles_.emplace(path, std::move(loaded)).first;
  }
  warnings.append(it->second.warnings);
  return it->second.style;
}

const Hyphenator* SharedResources::hyphenator(const HyphenationRules& rules) {
  std::string key = rules.dictionary + "|" + std::to_string(rules.min_word) + "|" + std::to_string(rules.left) + "|" +
                    std::to_string(rules.right);
  std::lock_guard lock(mutex_);
  auto& slot = hyphenators_[key];
  if (!slot) slot = std::make_unique<Hyphenator>(rules);
  return slot.get();
}

PreparedReport prepare_report(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared) {
  YamlSource source = load_yaml_file(options.input);
  PreparedReport prepared;
  Diagnostics& diags = prepared.warnings;
  prepared.report = build_report(source, diags);
  Report& report = prepared.report;
  std::string layout = !options.layout.empty() ? options.layout : !report.info.layout.empty() ? report.info.layout : "default";
  prepared.style = shared.style(resolve_layout_path(layout), diags);
  resolve_with_layout(report, *prepared.style, fonts, diags);
  compute_tables(report, diags);
  if (options.final) check_final(report, *prepared.style, diags, diags);
  throw_if_errors(diags);

  if (prepared.style->hyphenate) prepared.hyphenator = shared.hyphenator(prepared.style->hyphenation);
  prepared.inputs = {options.input};
  prepared.inputs.insert(prepared.inputs.end(), report.data_files.begin(), report.data_files.end());
  prepared.inputs.insert(prepared.inputs.end(), prepared.style->files.begin(), prepared.style->files.end());
  return prepared;
}

std::vector<std::string> archive_inputs(const PreparedReport& prepared, const FontRegistry& fonts) {
  std::vector<std::string> files = prepared.inputs;
  const Style& style = *prepared.style;
  if (!style.logo.empty()) files.push_back(style.logo);
  if (prepared.hyphenator) files.push_back(style.hyphenation.dictionary);
  files.push_back(default_font_list());
  files.insert(files.end(), fonts.files().begin(), fonts.files().end());
  files.push_back(srgb_profile_path);
  return files;
}

PipelineResult run_pipeline(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared) {
  PreparedReport prepared = prepare_report(options, fonts, shared);
  Diagnostics& diags = prepared.warnings;
  PipelineResult result;
  LayoutOptions layout;
  layout.draft = !options.final;
  result.frames = lay_out_document(prepared.report, *prepared.style, fonts, prepared.hyphenator, layout, diags);
  throw_if_errors(diags);
  result.warnings = std::move(diags);
  result.committee = prepared.report.info.committee;
  result.inputs = prepared.inputs;
  result.archive_inputs = archive_inputs(prepared, fonts);
  return result;
}

PipelineResult run_pipeline(const PipelineOptions& options) {
  FontRegistry fonts(default_font_list());
  SharedResources shared;
  return run_pipeline(options, fonts, shared);
}

}  // namespace rapport
