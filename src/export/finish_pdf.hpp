#pragma once
#include <string>

#include "export/structure.hpp"
#include "frames/frame.hpp"

namespace rapport {

// Where the sRGB profile for the PDF/A OutputIntent comes from (Debian: icc-profiles-free).
inline constexpr const char* srgb_profile_path = "/usr/share/color/icc/sRGB.icc";

// Completes Cairo's PDF with marked content (`cairo_pdf`, the file's bytes) into one that
// declares and meets PDF/A-2a and PDF/UA-1, written to `path`: the structure tree and link
// annotations `structure` describes (write_structure_tree), CIDToGIDMaps, images that are not
// interpolated, /Lang sv-SE, the
// title in the viewer's title bar, XMP metadata that mirrors the document information, an
// sRGB OutputIntent, an end of line before every endstream, and a document ID derived from
// the content so the same input gives the same bytes. Throws std::runtime_error when the
// input is not what Cairo writes.
void finish_pdf(std::string cairo_pdf, const StructureRecord& structure, const DocumentMetadata& meta,
                const std::string& path);

}  // namespace rapport
