#include "frames/decode_jpeg.hpp"

#include <jpeglib.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace rapport {
namespace {

// libjpeg reports a fatal error through error_exit, which must not return: jump back to the
// decoder, whose frame holds only plain C data (no destructor is skipped).
struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* error = reinterpret_cast<JpegError*>(info->err);
  (*info->err->format_message)(info, error->message);
  std::longjmp(error->jump, 1);
}

void on_warning(j_common_ptr info, int level) {
  // A corrupt-data warning (level -1) means a damaged file: treat it as the error it is.
  if (level < 0) on_error(info);
}

// Decodes into `surface`'s rows; false with error->message on failure. Kept free of C++
// objects with destructors because of the longjmp.
bool decode_into(const unsigned char* data, unsigned long size, JpegError* error, cairo_surface_t** surface) {
  jpeg_decompress_struct info;
  info.err = jpeg_std_error(&error->manager);
  error->manager.error_exit = on_error;
  error->manager.emit_message = on_warning;
  if (setjmp(error->jump)) {
    jpeg_destroy_decompress(&info);
    if (*surface) cairo_surface_destroy(*surface);
    *surface = nullptr;
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, size);
  jpeg_read_header(&info, TRUE);
  if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
    std::snprintf(error->message, sizeof error->message, "a CMYK JPEG; save it as RGB");
    jpeg_destroy_decompress(&info);
    return false;
  }
  info.out_color_space = JCS_EXT_BGRX;  // Cairo's RGB24 on a little-endian machine
  jpeg_start_decompress(&info);
  *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(info.output_width),
                                        static_cast<int>(info.output_height));
  if (cairo_surface_status(*surface) != CAIRO_STATUS_SUCCESS) {
    std::snprintf(error->message, sizeof error->message, "the image is too large to decode");
    jpeg_destroy_decompress(&info);
    cairo_surface_destroy(*surface);
    *surface = nullptr;
    return false;
  }
  cairo_surface_flush(*surface);
  unsigned char* pixels = cairo_image_surface_get_data(*surface);
  int stride = cairo_image_surface_get_stride(*surface);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = pixels + static_cast<long>(info.output_scanline) * stride;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  cairo_surface_mark_dirty(*surface);
  return true;
}

}  // namespace

cairo_surface_t* decode_jpeg(const std::string& bytes, std::string& why) {
  JpegError error{};
  cairo_surface_t* surface = nullptr;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (!decode_into(data, bytes.size(), &error, &surface)) {
    why = error.message[0] ? error.message : "not a JPEG file";
    return nullptr;
  }
  // The PDF backend embeds these bytes as they are; Cairo frees them with the surface.
  auto* copy = static_cast<unsigned char*>(std::malloc(bytes.size()));
  if (!copy) {
    cairo_surface_destroy(surface);
    why = "out of memory";
    return nullptr;
  }
  std::memcpy(copy, bytes.data(), bytes.size());
  cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy, bytes.size(), std::free, copy);
  return surface;
}

}  // namespace rapport
