#pragma once
// A decoded picture file (SVG through librsvg, PNG through Cairo, JPEG through libjpeg),
// shared by the frames that show it. Backends draw it (export/draw_page.cpp).
#include <cairo.h>

#include <future>
#include <memory>
#include <string>

#include "diag/diagnostic.hpp"

struct _RsvgHandle;

namespace rapport {

struct Picture {
  std::string path;
  _RsvgHandle* svg = nullptr;         // SVG: drawn as vectors
  cairo_surface_t* bitmap = nullptr;  // PNG, or JPEG with its original bytes as MIME data
  double width = 0, height = 0;       // natural size, for the aspect ratio
  ~Picture();

  // An SVG's vectors as a one-page PDF of its natural size, as librsvg draws through Cairo
  // (the PDF backend copies the page as a form). Drawn on a second thread from the moment
  // the file is read, with a handle of its own, so it is ready when the pages are written;
  // throws std::runtime_error when it cannot be drawn.
  const std::string& vector_pdf() const { return vector_pdf_.get(); }
  std::shared_future<std::string> vector_pdf_;
};

// Reads an .svg, .png, .jpg or .jpeg file; throws InputError at `named_at` (the key that
// names the file; the file itself when not given) when it cannot be used: unreadable,
// corrupt, too many pixels, or an SVG that refers to other files.
std::shared_ptr<const Picture> load_picture(const std::string& path, const SourcePos& named_at = {});

// The first reference in an SVG's text to something outside it (an href or url() that is not
// a `#fragment` or a `data:` URI, an external entity); "" for none.
std::string external_reference(const std::string& svg);

}  // namespace rapport
