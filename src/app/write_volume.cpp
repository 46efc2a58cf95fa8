#include "app/write_volume.hpp"

#include "export/write_pdf.hpp"
#include "layout/lay_out_volume.hpp"
#include "style/load_style.hpp"

namespace rapport {

size_t write_volume(const VolumeRequest& request, SharedResources& shared, Diagnostics& warnings) {
  FontRegistry fonts(default_font_list());
  std::vector<PreparedReport> prepared;
  for (const auto& input : request.reports) prepared.push_back(prepare_report({input, request.layout, request.final}, fonts, shared));
  std::vector<VolumePart> parts;
  for (const auto& p : prepared) parts.push_back({&p.report, p.style.get(), p.hyphenator});

  // Without --layout the volume's own pages take the first report's layout.
  std::shared_ptr<const Style> style =
      request.layout.empty() ? prepared.front().style : shared.style(resolve_layout_path(request.layout), warnings);
  const Hyphenator* hyphenator = style->hyphenate ? shared.hyphenator(style->hyphenation) : nullptr;
  Diagnostics diags;
  DocumentFrames volume = lay_out_volume(parts, *style, hyphenator, fonts, {request.title, !request.final}, diags);
  throw_if_errors(diags);
  warnings.append(diags);
  write_pdf(volume, request.output);
  return volume.pages.size();
}

}  // namespace rapport
