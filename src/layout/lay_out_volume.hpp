#pragma once
#include <string>
#include <vector>

#include "layout/lay_out_document.hpp"

namespace rapport {

// One report bound into a volume; it keeps its own layout.
struct VolumePart {
  const Report* report = nullptr;
  const Style* style = nullptr;
  const Hyphenator* hyphenator = nullptr;
};

struct VolumeOptions {
  std::string title;  // empty: the first report's title
  bool draft = true;
};

// What the volume is laid out with: its own layout for the cover and contents, and one font
// registry per worker (Pango is not shared between threads); parts are laid out on all of
// them at once.
struct VolumeTools {
  const Style& style;
  const Hyphenator* hyphenator = nullptr;
  std::vector<const FontRegistry*> fonts;  // at least one
  // As LayoutOptions::stream_above_slabs, for the whole volume: each part gets its share, so a
  // long volume's pages stream and are laid out when they are written, with these fonts.
  size_t stream_above_slabs = std::numeric_limits<size_t>::max();
};

// Binds reports into one document: a common cover and table of contents in `style` (each
// report a part, its sections under it), then every report in its own layout with its pages
// numbered through the volume, an outline nested by report, and the volume's back page.
// Destinations are renamed per part, so two reports' sections with the same id stay apart.
DocumentFrames lay_out_volume(const std::vector<VolumePart>& parts, const VolumeTools& tools, const VolumeOptions& options,
                              Diagnostics& diags);

}  // namespace rapport
