#pragma once
#include <functional>
#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Writes the frames as a PDF at `path` (atomically), page by page as the pages' content is
// made: embedded font subsets, pictures, named destinations, links, a nested outline, the
// document metadata and the tagged structure of PDF/A-2a and PDF/UA-1. Throws
// std::runtime_error when a font or picture cannot be written or the disk refuses the file.
// `before_rename`, when given, runs on the finished temporary before it is renamed into
// place: whatever it throws leaves `path` untouched (a final PDF's manifest is written there).
void write_pdf(const DocumentFrames& document, const std::string& path,
               const std::function<void(const std::string& temporary)>& before_rename = {});

}  // namespace rapport
