#include "app/run_pipeline.hpp"

#include "finance/compute_tables.hpp"
#include "layout/lay_out_document.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "model/resolve_with_layout.hpp"
#include "style/load_style.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenate.hpp"

#include <memory>

namespace rapport {

PipelineResult run_pipeline(const PipelineOptions& options) {
  YamlSource source = load_yaml_file(options.input);
  Diagnostics diags;
  Report report = build_report(source, diags);
  std::string layout = !options.layout.empty() ? options.layout : !report.info.layout.empty() ? report.info.layout : "default";
  Style style = load_style(resolve_layout_path(layout), diags);
  FontRegistry fonts(default_font_list());
  resolve_with_layout(report, style, fonts, diags);
  compute_tables(report, diags);
  throw_if_errors(diags);

  std::unique_ptr<Hyphenator> hyphenator;
  if (style.hyphenate) hyphenator = std::make_unique<Hyphenator>(style.hyphenation);
  PipelineResult result;
  result.frames = lay_out_document(report, style, fonts, hyphenator.get(), {!options.final}, diags);
  throw_if_errors(diags);
  result.warnings = std::move(diags);
  result.inputs = {options.input};
  result.inputs.insert(result.inputs.end(), report.data_files.begin(), report.data_files.end());
  result.inputs.insert(result.inputs.end(), style.files.begin(), style.files.end());
  return result;
}

}  // namespace rapport
