#pragma once
// JPEG through libjpeg(-turbo): decoded for drawing on image surfaces (previews), with the
// file's own bytes attached as the surface's JPEG MIME data, so that the PDF embeds the
// original stream (DCTDecode) rather than a re-encoded copy.
#include <cairo.h>

#include <string>

namespace rapport {

// An RGB24 surface of the JPEG in `bytes` carrying `bytes` as CAIRO_MIME_TYPE_JPEG; null with
// `why` set when the data is not a JPEG rapport can draw (corrupt, truncated, CMYK).
cairo_surface_t* decode_jpeg(const std::string& bytes, std::string& why);

}  // namespace rapport
