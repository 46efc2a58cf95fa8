#pragma once
#include <cairo.h>

#include "frames/frame.hpp"

namespace rapport {

// Draws a set line run by run, each run's glyphs with the text they stand for, so copying,
// searching and screen readers meet the words the line sets.
void draw_text_line(cairo_t* cr, const TextLineItem& line);

}  // namespace rapport
