#pragma once
// The pictures of a PDF rapport writes itself, each written once however often it is shown:
// a JPEG as its original bytes (DCTDecode), a PNG as deflated RGB with its alpha as a soft
// mask, an SVG as a form XObject of vectors (librsvg draws it into a one-page PDF in memory,
// whose page qpdf reads and this copies). Never interpolated (PDF/A-2 6.2.8).
#include <map>
#include <memory>
#include <string>

#include "export/pdf_file.hpp"
#include "frames/picture.hpp"

namespace rapport {

class PdfImages {
 public:
  explicit PdfImages(PdfFile& file);
  ~PdfImages();
  PdfImages(const PdfImages&) = delete;
  PdfImages& operator=(const PdfImages&) = delete;

  // The XObject's resource name, the XObject written on first use. Each fills the unit
  // square upright in PDF's own space (y upwards), as an image does (ISO 32000-1 8.9.5); a
  // form gets a /Matrix that makes it do the same. The page draws it into a box with
  //   q <width> 0 0 <-height> <x> <y + height> cm /Im1 Do Q
  // its own user space having y downwards. Throws std::runtime_error when the picture cannot
  // be written.
  std::string resource(const Picture& picture);  // "Im1"

  // The entries of an /XObject resource dictionary for every picture written so far:
  // "/Im1 20 0 R /Im2 23 0 R".
  std::string entries() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport
