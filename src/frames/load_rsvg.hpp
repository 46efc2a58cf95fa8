#pragma once
// librsvg, loaded when the first SVG is met rather than when rapport starts: it and what it
// alone needs (libxml2, ICU, gdk-pixbuf, liblzma) are nine of the libraries a render would map
// and relocate at start, and 8 MiB of memory, for the reports that have no SVG.
#include <librsvg/rsvg.h>

namespace rapport {

// The functions rapport calls, from the loaded library.
struct Rsvg {
  decltype(&rsvg_handle_new_from_data) new_from_data = nullptr;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsic_size_in_pixels = nullptr;
  decltype(&rsvg_handle_render_document) render_document = nullptr;
};

// Loads librsvg on the first call (from any thread); throws std::runtime_error when it cannot.
const Rsvg& rsvg();

}  // namespace rapport
