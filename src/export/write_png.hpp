#pragma once
#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Draws one page at `dpi` and writes it as PNG (atomically). Layout is shared with the PDF,
// so the page breaks exactly as the PDF's does. Throws std::runtime_error on failure.
void write_page_png(const DocumentFrames& document, size_t page, double dpi, const std::string& path);

}  // namespace rapport
