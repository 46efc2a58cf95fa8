#pragma once
// A decoded picture file (SVG through librsvg, PNG through Cairo, JPEG through libjpeg),
// shared by the frames that show it. Backends draw it (export/draw_page.cpp).
#include <cairo.h>

#include <future>
#include <memory>
#include <mutex>
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

  std::string svg_text;                // an SVG's file, for a handle of the drawing thread's own

  // An SVG's vectors as a one-page PDF of its natural size, as librsvg draws through Cairo
  // (the PDF backend copies the page as a form); throws std::runtime_error when it cannot be
  // drawn. Drawn once, on a thread of its own from the first call of either function: a PDF
  // render asks early (prefetch_vector_pdf), so it is drawn while the report is laid out;
  // previews never ask.
  const std::string& vector_pdf() const;
  void prefetch_vector_pdf() const;

 private:
  mutable std::once_flag vector_started_;
  mutable std::shared_future<std::string> vector_pdf_;
};

// Reads an .svg, .png, .jpg or .jpeg file; throws InputError at `named_at` (the key that
// names the file; the file itself when not given) when it cannot be used: unreadable,
// corrupt, too many pixels, or an SVG that refers to other files.
std::shared_ptr<const Picture> load_picture(const std::string& path, const SourcePos& named_at = {});

// The first reference in an SVG's text to something outside it (an href or url() that is not
// a `#fragment` or a `data:` URI, an external entity); "" for none.
std::string external_reference(const std::string& svg);

}  // namespace rapport
