#pragma once
#include <functional>
#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Draws the frames into a PDF at `path` (written atomically) with named destinations, links,
// a nested outline, the document metadata and the tagged structure, completed by finish_pdf
// into PDF/A-2a and PDF/UA-1. Throws std::runtime_error when Cairo or qpdf fails.
// `before_rename`, when given, runs on the finished temporary before it is renamed into
// place: whatever it throws leaves `path` untouched (a final PDF's manifest is written there).
void write_pdf(const DocumentFrames& document, const std::string& path,
               const std::function<void(const std::string& temporary)>& before_rename = {});

}  // namespace rapport
