#include "app/write_volume.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "app/check_output.hpp"
#include "export/write_manifest.hpp"
#include "export/write_pdf.hpp"
#include "layout/lay_out_volume.hpp"
#include "style/layout_files.hpp"
#include "style/load_style.hpp"

namespace rapport {

namespace {

// Every part's archive inputs, each file once, in the order the parts name them.
std::vector<std::string> volume_inputs(const std::vector<PreparedReport>& prepared, const FontRegistry& fonts) {
  std::vector<std::string> files;
  for (const auto& part : prepared)
    for (auto& file : archive_inputs(part, fonts))
      if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(std::move(file));
  return files;
}

}  // namespace

size_t write_volume(const VolumeRequest& request, SharedResources& shared, Diagnostics& warnings) {
  std::vector<std::unique_ptr<FontRegistry>> registries;
  for (unsigned j = 0; j < std::max(1u, request.jobs); ++j) registries.push_back(std::make_unique<FontRegistry>(default_font_list()));
  const FontRegistry& fonts = *registries.front();
  std::vector<PreparedReport> prepared;
  for (const auto& input : request.reports) prepared.push_back(prepare_report({input, request.layout, request.final, request.roots, true}, fonts, shared));
  std::vector<VolumePart> parts;
  for (const auto& p : prepared) parts.push_back({&p.report, p.style.get(), p.hyphenator});

  // Without --layout the volume's own pages take the first report's layout; --layout is read
  // under the first report's root, as that report's own layout would be.
  FileAccess volume_access = FileAccess::for_report(request.reports.front(), request.roots);
  std::shared_ptr<const Style> style =
      request.layout.empty() ? prepared.front().style : shared.style(locate_layout(request.layout, "", {}, volume_access, request.reports.front()),
                                                                     volume_access, warnings);
  const Hyphenator* hyphenator = style->hyphenate ? shared.hyphenator(style->hyphenation) : nullptr;
  Diagnostics diags;
  VolumeTools tools{*style, hyphenator, {}, stream_above_slabs};
  for (const auto& registry : registries) tools.fonts.push_back(registry.get());
  DocumentFrames volume = lay_out_volume(parts, tools, {request.title, !request.final}, diags);
  throw_if_errors(diags);
  warnings.append(diags);
  std::vector<std::string> inputs = volume_inputs(prepared, fonts);
  check_output(request.output, inputs);
  if (request.final) check_output(manifest_path_for(request.output), inputs);
  // Named relative to the first report's folder, as a single report's manifest is to its own.
  if (request.final)
    write_final_pdf(volume, request.output, inputs,
                    std::filesystem::path(request.reports.front()).parent_path().string());
  else
    write_pdf(volume, request.output);
  return volume.page_count();
}

}  // namespace rapport
