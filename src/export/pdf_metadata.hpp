#pragma once
// What makes the file an archival, accessible document beyond its pages: the document
// information, XMP metadata that mirrors it and declares PDF/A-2a and PDF/UA-1, the sRGB
// OutputIntent, the language and the title shown in the viewer's title bar.
#include <string>

#include "export/pdf_file.hpp"
#include "frames/frame.hpp"

namespace rapport {

// Where the sRGB profile for the PDF/A OutputIntent comes from (Debian: icc-profiles-free).
inline constexpr const char* srgb_profile_path = "/usr/share/color/icc/sRGB.icc";

// The document information dictionary (dates from the report, never the clock).
ObjectId write_info(PdfFile& file, const DocumentMetadata& meta);

// Writes the XMP packet and the OutputIntent with its profile; returns the catalog's entries
// for them and for /Lang, /MarkInfo and /ViewerPreferences.
std::string write_catalog_metadata(PdfFile& file, const DocumentMetadata& meta);

}  // namespace rapport
