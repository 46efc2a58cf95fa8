#pragma once
#include <cairo.h>

#include "frames/frame.hpp"

namespace rapport {

// Draws a page's items on a Cairo surface (the page images of previews). Tags, links and
// named places mean nothing on an image and are skipped; the PDF is written by write_pdf.
void draw_page(cairo_t* cr, const Page& page);

}  // namespace rapport
