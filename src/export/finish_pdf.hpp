#pragma once
#include <string>

#include "export/draw_page.hpp"
#include "frames/frame.hpp"

namespace rapport {

// Where the sRGB profile for the PDF/A OutputIntent comes from (Debian: icc-profiles-free).
inline constexpr const char* srgb_profile_path = "/usr/share/color/icc/sRGB.icc";

// Completes Cairo's tagged PDF (`cairo_pdf`, the file's bytes) into one that declares and
// meets PDF/A-2a and PDF/UA-1, written to `path`: /Alt on every Figure, scope on every TH,
// words on every link, artifacts taken out of the structure tree, /Lang sv-SE, the title
// in the viewer's title bar, XMP metadata that mirrors the document information, an sRGB
// OutputIntent, print flags on annotations, and a document ID derived from the content so
// the same input gives the same bytes. Throws std::runtime_error when the input is not
// what Cairo writes.
void finish_pdf(const std::string& cairo_pdf, const StructureNotes& notes, const DocumentMetadata& meta,
                const std::string& path);

}  // namespace rapport
