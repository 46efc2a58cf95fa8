#pragma once
// `rapport preview`: PNG pages that break exactly as the PDF does, and a contact sheet.
#include <string>

#include "frames/frame.hpp"

namespace rapport {

struct PreviewOptions {
  std::string directory;
  size_t first_page = 1, last_page = 0;  // 1-based, inclusive; 0: to the end
  double dpi = 96;
};

// Writes page-001.png … and index.html into the directory; returns the number of pages written.
size_t write_preview(const DocumentFrames& document, const std::string& title, const PreviewOptions& options);

// "3-5", "4" or "2-" as a 1-based inclusive range; throws std::invalid_argument when malformed.
std::pair<size_t, size_t> parse_page_range(const std::string& text);

}  // namespace rapport
