#pragma once
// A decoded picture file (SVG through librsvg, or PNG through Cairo), shared by the frames
// that show it. Backends draw it (export/draw_page.cpp).
#include <cairo.h>

#include <memory>
#include <string>

struct _RsvgHandle;

namespace rapport {

struct Picture {
  std::string path;
  _RsvgHandle* svg = nullptr;         // SVG: drawn as vectors
  cairo_surface_t* bitmap = nullptr;  // PNG
  double width = 0, height = 0;       // natural size, for the aspect ratio
  ~Picture();
};

// Reads an .svg or .png file; throws InputError naming the file when it cannot be used.
std::shared_ptr<const Picture> load_picture(const std::string& path);

}  // namespace rapport
