#include "frames/picture.hpp"

#include <librsvg/rsvg.h>

#include "diag/diagnostic.hpp"
#include "load/file_access.hpp"

namespace rapport {

Picture::~Picture() {
  if (svg) g_object_unref(svg);
  if (bitmap) cairo_surface_destroy(bitmap);
}

std::shared_ptr<const Picture> load_picture(const std::string& path) {
  auto picture = std::make_shared<Picture>();
  picture->path = path;
  auto fail = [&](const std::string& why) {
    Diagnostics diags;
    diags.error({path, 0, 0}, "cannot use the picture: " + why, "give an SVG or PNG file that exists");
    throw InputError(diags);
  };
  check_image_size(path, {path, 0, 0});  // before decoding: a huge PNG would take gigabytes
  if (path.ends_with(".svg")) {
    GError* error = nullptr;
    picture->svg = rsvg_handle_new_from_file(path.c_str(), &error);
    if (!picture->svg) {
      std::string why = error ? error->message : "unreadable";
      if (error) g_error_free(error);
      fail(why);
    }
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(picture->svg, &w, &h) || w <= 0 || h <= 0)
      fail("the SVG has no width and height");
    check_pixel_count(w, h, path, {path, 0, 0});
    picture->width = w;
    picture->height = h;
  } else if (path.ends_with(".png")) {
    picture->bitmap = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(picture->bitmap) != CAIRO_STATUS_SUCCESS)
      fail(cairo_status_to_string(cairo_surface_status(picture->bitmap)));
    picture->width = cairo_image_surface_get_width(picture->bitmap);
    picture->height = cairo_image_surface_get_height(picture->bitmap);
  } else {
    fail("only .svg and .png files are supported");
  }
  return picture;
}

}  // namespace rapport
