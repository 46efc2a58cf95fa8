#include "export/write_png.hpp"

#include <spng.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string_view>
#include <memory>
#include <stdexcept>
#include <vector>

#include "export/atomic_output.hpp"
#include "export/draw_page.hpp"

namespace rapport {
namespace {

// libspng at a low compression level: PNG encoding, not drawing, is what makes previews slow.
constexpr int compression_level = 2;

std::vector<unsigned char> rgb_pixels(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
  int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  std::vector<unsigned char> rgb(static_cast<size_t>(width) * static_cast<size_t>(height) * 3);
  size_t out = 0;
  for (int y = 0; y < height; ++y) {
    auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {  // CAIRO_FORMAT_RGB24: 0x00RRGGBB in native order
      uint32_t pixel = row[x];
      rgb[out++] = static_cast<unsigned char>(pixel >> 16);
      rgb[out++] = static_cast<unsigned char>(pixel >> 8);
      rgb[out++] = static_cast<unsigned char>(pixel);
    }
  }
  return rgb;
}

void encode_png(const std::vector<unsigned char>& rgb, int width, int height, const std::string& path) {
  std::unique_ptr<spng_ctx, decltype(&spng_ctx_free)> ctx(spng_ctx_new(SPNG_CTX_ENCODER), spng_ctx_free);
  std::unique_ptr<FILE, decltype(&fclose)> file(std::fopen(path.c_str(), "wb"), fclose);
  if (!ctx || !file) throw std::runtime_error("cannot write " + path);
  spng_ihdr header{};
  header.width = static_cast<uint32_t>(width);
  header.height = static_cast<uint32_t>(height);
  header.bit_depth = 8;
  header.color_type = SPNG_COLOR_TYPE_TRUECOLOR;
  spng_set_png_file(ctx.get(), file.get());
  spng_set_ihdr(ctx.get(), &header);
  spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_LEVEL, compression_level);
  int error = spng_encode_image(ctx.get(), rgb.data(), rgb.size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
  if (error) throw std::runtime_error("cannot encode " + path + ": " + spng_strerror(error));
}

}  // namespace

size_t write_page_png(const DocumentFrames& document, size_t page, double dpi, const std::string& path, size_t previous) {
  double scale = dpi / 72.0;
  const Page& sheet = document.pages.at(page);  // a landscape page is drawn the right way round
  int width = static_cast<int>(document.width_of(sheet) * scale + 0.5);
  int height = static_cast<int>(document.height_of(sheet) * scale + 0.5);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  draw_page(cr.get(), sheet);
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo could not draw the page: ") + cairo_status_to_string(cairo_status(cr.get())));
  auto rgb = rgb_pixels(surface.get());
  size_t hash = std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(rgb.data()), rgb.size())) ^
                (static_cast<size_t>(width) << 20) ^ static_cast<size_t>(height);
  if (hash == previous && std::filesystem::exists(path)) return hash;
  write_atomically(path, [&](const std::string& temporary) { encode_png(rgb, width, height, temporary); });
  return hash;
}

}  // namespace rapport
