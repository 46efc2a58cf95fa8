#include "frames/picture.hpp"

#include <librsvg/rsvg.h>

#include <cctype>
#include <regex>

#include "frames/decode_jpeg.hpp"
#include "load/file_access.hpp"

namespace rapport {

Picture::~Picture() {
  if (svg) g_object_unref(svg);
  if (bitmap) cairo_surface_destroy(bitmap);
}

std::string external_reference(const std::string& svg) {
  // href="…", xlink:href='…', url(…) in styles, <!ENTITY … SYSTEM "…">, @import.
  static const std::regex reference(R"re((?:href\s*=\s*["']\s*([^"']*)["'])|(?:url\(\s*["']?\s*([^)"']*))|(<!ENTITY[^>]*SYSTEM)|(@import))re",
                                    std::regex::icase);
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), reference); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (m[3].matched || m[4].matched) return m.str(0).substr(0, 60);
    std::string target = m[1].matched ? m.str(1) : m.str(2);
    if (target.starts_with("#") || target.starts_with("data:")) continue;
    return target.substr(0, 60);
  }
  return "";
}

namespace {

bool has_extension(const std::string& path, const std::string& ext) {
  if (path.size() < ext.size()) return false;
  std::string tail = path.substr(path.size() - ext.size());
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ext;
}

}  // namespace

std::shared_ptr<const Picture> load_picture(const std::string& path, const SourcePos& named_at) {
  auto picture = std::make_shared<Picture>();
  picture->path = path;
  SourcePos at = named_at.file.empty() ? SourcePos{path, 0, 0} : named_at;
  auto fail = [&](const std::string& why, const std::string& hint = "give an SVG, PNG or JPEG file that exists") {
    Diagnostics diags;
    diags.error(at, "cannot use the picture '" + path + "': " + why, hint);
    throw InputError(diags);
  };
  check_image_size(path, at);  // before decoding: a huge PNG would take gigabytes
  if (has_extension(path, ".svg")) {
    std::string text = read_bounded_file(path, max_text_bytes);
    if (std::string ref = external_reference(text); !ref.empty())
      fail("the SVG refers to another file (" + ref + ")", "embed what it shows in the SVG itself, or convert it to PNG");
    GError* error = nullptr;
    picture->svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(text.data()), text.size(), &error);
    if (!picture->svg) {
      std::string why = error ? error->message : "unreadable";
      if (error) g_error_free(error);
      fail(why);
    }
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(picture->svg, &w, &h) || w <= 0 || h <= 0)
      fail("the SVG has no width and height", "give the <svg> element width and height, or a viewBox and a width");
    check_pixel_count(w, h, path, at);
    picture->width = w;
    picture->height = h;
  } else if (has_extension(path, ".png")) {
    picture->bitmap = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(picture->bitmap) != CAIRO_STATUS_SUCCESS)
      fail(cairo_status_to_string(cairo_surface_status(picture->bitmap)));
    picture->width = cairo_image_surface_get_width(picture->bitmap);
    picture->height = cairo_image_surface_get_height(picture->bitmap);
  } else if (has_extension(path, ".jpg") || has_extension(path, ".jpeg")) {
    std::string why;
    picture->bitmap = decode_jpeg(read_bounded_file(path, max_text_bytes), why);
    if (!picture->bitmap) fail(why);
    picture->width = cairo_image_surface_get_width(picture->bitmap);
    picture->height = cairo_image_surface_get_height(picture->bitmap);
  } else {
    fail("only .svg, .png, .jpg and .jpeg files are supported");
  }
  return picture;
}

}  // namespace rapport
