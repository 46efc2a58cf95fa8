#pragma once
// `rapport preview`: PNG pages that break exactly as the PDF does, and a contact sheet.
#include <map>
#include <string>

#include "frames/frame.hpp"

namespace rapport {

struct PreviewOptions {
  std::string directory;
  size_t first_page = 1, last_page = 0;  // 1-based, inclusive; 0: to the end
  double dpi = 96;
};

// Pixel hashes of the pages written last time, by page number.
using PreviewCache = std::map<size_t, size_t>;

struct PreviewResult {
  size_t pages = 0;    // page images in the range
  size_t encoded = 0;  // of those, written anew (the rest were unchanged)
};

// Writes page-001.png … and index.html into the directory. With a cache, pages whose pixels
// did not change since the last call are not encoded again.
PreviewResult write_preview(const DocumentFrames& document, const std::string& title, const PreviewOptions& options,
                            PreviewCache* cache = nullptr);

// "3-5", "4" or "2-" as a 1-based inclusive range; throws std::invalid_argument when malformed.
std::pair<size_t, size_t> parse_page_range(const std::string& text);

}  // namespace rapport
