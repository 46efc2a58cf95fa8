#include "frames/picture.hpp"

#include <cairo-pdf.h>

#include <cctype>
#include <stdexcept>

#include "frames/decode_jpeg.hpp"
#include "frames/load_rsvg.hpp"
#include "load/file_access.hpp"

namespace rapport {

Picture::~Picture() {
  if (svg) g_object_unref(svg);
  if (bitmap) cairo_surface_destroy(bitmap);
}

namespace {

std::string lowercase_ascii(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

size_t skip_spaces(const std::string& text, size_t at) {
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  return at;
}

// A reference that stays inside the SVG: a #fragment, or data embedded as a data: URI.
bool is_internal(const std::string& target) { return target.empty() || target.starts_with("#") || target.starts_with("data:"); }

// The value of the href= or url( at `at` (just past the word); "" when it is internal.
std::string referenced(const std::string& text, size_t at, bool url) {
  at = skip_spaces(text, at);
  if (!url) {
    if (at >= text.size() || text[at] != '=') return "";
    at = skip_spaces(text, at + 1);
  }
  char quote = at < text.size() && (text[at] == '"' || text[at] == '\'') ? text[at] : '\0';
  if (quote) ++at;
  at = skip_spaces(text, at);
  size_t end = at;
  while (end < text.size() && text[end] != (quote ? quote : (url ? ')' : ' ')) && !(url && text[end] == ')')) ++end;
  std::string target = text.substr(at, std::min<size_t>(end - at, 60));
  return is_internal(target) ? "" : target;
}

}  // namespace

std::string external_reference(const std::string& svg) {
  // A plain scan, not a regex: an SVG may embed megabytes of data: URI, which std::regex
  // would match by recursion deep enough to overflow the stack.
  const std::string text = lowercase_ascii(svg);
  for (size_t at = text.find("href"); at != std::string::npos; at = text.find("href", at + 4))
    if (std::string target = referenced(svg, at + 4, false); !target.empty()) return target;
  for (size_t at = text.find("url("); at != std::string::npos; at = text.find("url(", at + 4))
    if (std::string target = referenced(svg, at + 4, true); !target.empty()) return target;
  for (size_t at = text.find("<!entity"); at != std::string::npos; at = text.find("<!entity", at + 8)) {
    size_t close = text.find('>', at);
    std::string declaration = text.substr(at, close == std::string::npos ? std::string::npos : close - at);
    if (declaration.find("system") != std::string::npos || declaration.find("public") != std::string::npos)
      return svg.substr(at, std::min<size_t>(declaration.size(), 60));
  }
  if (size_t at = text.find("@import"); at != std::string::npos) return svg.substr(at, 60);
  return "";
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_NO_MEMORY;
  }
}

// librsvg draws only through Cairo, so an SVG's vectors are had as Cairo's PDF of it.
std::string svg_as_pdf(const std::string& text, double width, double height) {
  GError* error = nullptr;
  RsvgHandle* svg = rsvg().new_from_data(reinterpret_cast<const guint8*>(text.data()), text.size(), &error);
  if (!svg) {
    std::string why = error ? error->message : "librsvg could not read it";
    if (error) g_error_free(error);
    throw std::runtime_error(why);
  }
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, width, height);
  cairo_t* cr = cairo_create(surface);
  RsvgRectangle viewport{0, 0, width, height};
  bool drawn = rsvg().render_document(svg, cr, &viewport, &error);
  std::string why = error ? error->message : "librsvg could not draw it";
  if (error) g_error_free(error);
  g_object_unref(svg);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!drawn) throw std::runtime_error(why);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("Cairo: ") + cairo_status_to_string(status));
  return pdf;
}

bool has_extension(const std::string& path, const std::string& ext) {
  return path.size() >= ext.size() && lowercase_ascii(path.substr(path.size() - ext.size())) == ext;
}

}  // namespace

void Picture::prefetch_vector_pdf() const {
  if (!svg) return;
  std::call_once(vector_started_, [this] { vector_pdf_ = std::async(std::launch::async, svg_as_pdf, svg_text, width, height).share(); });
}

const std::string& Picture::vector_pdf() const {
  prefetch_vector_pdf();
  if (!vector_pdf_.valid()) throw std::runtime_error("the picture is not an SVG");
  return vector_pdf_.get();
}

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
    picture->svg = rsvg().new_from_data(reinterpret_cast<const guint8*>(text.data()), text.size(), &error);
    if (!picture->svg) {
      std::string why = error ? error->message : "unreadable";
      if (error) g_error_free(error);
      fail(why);
    }
    gdouble w = 0, h = 0;
    if (!rsvg().intrinsic_size_in_pixels(picture->svg, &w, &h) || w <= 0 || h <= 0)
      fail("the SVG has no width and height", "give the <svg> element width and height, or a viewBox and a width");
    check_pixel_count(w, h, path, at);
    picture->width = w;
    picture->height = h;
    picture->svg_text = std::move(text);
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
