#pragma once
#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Draws the frames into a PDF at `path` (written atomically) with named destinations, links,
// a nested outline, the document metadata and the tagged structure, completed by finish_pdf
// into PDF/A-2a and PDF/UA-1. Throws std::runtime_error when Cairo or qpdf fails.
void write_pdf(const DocumentFrames& document, const std::string& path);

}  // namespace rapport
