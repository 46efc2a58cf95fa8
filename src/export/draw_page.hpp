#pragma once
#include <cairo.h>

#include <string>

#include "frames/frame.hpp"

namespace rapport {

// Draws a page's items on any Cairo surface. Links and named destinations are written only
// `with_links` (PDF); an image has no use for them.
void draw_page(cairo_t* cr, const Page& page, bool with_links);

// A string for a Cairo tag attribute: single-quoted, quotes and backslashes escaped.
std::string tag_quoted(const std::string& value);

}  // namespace rapport
