#pragma once
#include <cairo.h>

#include "frames/frame.hpp"

namespace rapport {

// Draws a shaped line with the text it stands for, run by run. Soft hyphens the line did not
// break at are left out of that text, and the one it broke at reads "-", so copying,
// searching and screen readers meet whole words ("vatten", not "vat\u00ADten").
void draw_text_line(cairo_t* cr, const TextLineItem& line);

}  // namespace rapport
