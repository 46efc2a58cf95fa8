#pragma once
#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Draws one page at `dpi` and writes it as PNG (atomically). Layout is shared with the PDF,
// so the page breaks exactly as the PDF's does. Throws std::runtime_error on failure.
// Returns a hash of the page's pixels; when it equals `previous` and the file exists, the page
// is not encoded again (a watch re-render of an unchanged page costs only its drawing).
size_t write_page_png(const DocumentFrames& document, size_t page, double dpi, const std::string& path,
                      size_t previous = 0);

}  // namespace rapport
