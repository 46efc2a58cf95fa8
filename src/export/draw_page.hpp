#pragma once
#include <cairo.h>

#include <string>

#include "export/record_structure.hpp"
#include "frames/frame.hpp"

namespace rapport {

// Draws a page's items on any Cairo surface. For a PDF, `recorder` follows the structure tags
// and links and marks the content; named destinations are written only then; an image has no
// use for any of them.
void draw_page(cairo_t* cr, const Page& page, StructureRecorder* recorder);

// A string for a Cairo tag attribute: single-quoted, quotes and backslashes escaped.
std::string tag_quoted(const std::string& value);

}  // namespace rapport
