#include "app/run_pipeline.hpp"

#include "finance/compute_tables.hpp"
#include "layout/lay_out_document.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
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

PipelineResult run_pipeline(const PipelineOptions& options, const FontRegistry& fonts, SharedResources& shared) {
  YamlSource source = load_yaml_file(options.input);
  Diagnostics diags;
  Report report = build_report(source, diags);
  std::string layout = !options.layout.empty() ? options.layout : !report.info.layout.empty() ? report.info.layout : "default";
  std::shared_ptr<const Style> style = shared.style(resolve_layout_path(layout), diags);
  resolve_with_layout(report, *style, fonts, diags);
  compute_tables(report, diags);
  throw_if_errors(diags);

  const Hyphenator* hyphenator = style->hyphenate ? shared.hyphenator(style->hyphenation) : nullptr;
  PipelineResult result;
  result.frames = lay_out_document(report, *style, fonts, hyphenator, {!options.final}, diags);
  throw_if_errors(diags);
  result.warnings = std::move(diags);
  result.committee = report.info.committee;
  result.inputs = {options.input};
  result.inputs.insert(result.inputs.end(), report.data_files.begin(), report.data_files.end());
  result.inputs.insert(result.inputs.end(), style->files.begin(), style->files.end());
  return result;
}

PipelineResult run_pipeline(const PipelineOptions& options) {
  FontRegistry fonts(default_font_list());
  SharedResources shared;
  return run_pipeline(options, fonts, shared);
}

}  // namespace rapport
