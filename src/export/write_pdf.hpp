#pragma once
#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Draws the frames into a PDF at `path` (written atomically) with named destinations, links,
// a nested outline and the document metadata. Throws std::runtime_error when Cairo fails.
void write_pdf(const DocumentFrames& document, const std::string& path);

}  // namespace rapport
