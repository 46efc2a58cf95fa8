#include "export/write_pdf.hpp"

#include <cairo-pdf.h>

#include <memory>
#include <utility>
#include <stdexcept>

#include "export/atomic_output.hpp"
#include "export/draw_page.hpp"
#include "export/finish_pdf.hpp"

namespace rapport {
namespace {

void add_outline(cairo_surface_t* surface, const std::vector<OutlineEntry>& outline) {
  std::vector<int> parents = {CAIRO_PDF_OUTLINE_ROOT};  // parents[level - 1]
  for (const auto& entry : outline) {
    size_t level = static_cast<size_t>(std::max(1, entry.level));
    if (parents.size() > level) parents.resize(level);
    while (parents.size() < level) parents.push_back(parents.back());
    std::string link = "dest=" + tag_quoted(entry.anchor);
    auto flags = entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0);
    int id = cairo_pdf_surface_add_outline(surface, parents.back(), entry.title.c_str(), link.c_str(), flags);
    parents.push_back(id);
  }
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Cairo's PDF with marked content, in memory; `structure` receives what was drawn where.
std::string draw_document(const DocumentFrames& document, StructureRecord& structure) {
  std::string bytes;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(append_bytes, &bytes, document.width, document.height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  StructureRecorder recorder(cr.get());
  bool landscape = false;  // the surface's current size
  for (const auto& page : document.pages) {
    // A landscape page gets its own MediaBox; Cairo 1.16 takes the size before anything is drawn on the page.
    if (page.landscape != landscape)
      cairo_pdf_surface_set_size(surface.get(), document.width_of(page), document.height_of(page));
    landscape = page.landscape;
    draw_page(cr.get(), page, &recorder);
    cairo_show_page(cr.get());
  }
  structure = recorder.finish();
  add_outline(surface.get(), document.outline);
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo could not write the PDF: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
  return bytes;
}

}  // namespace

void write_pdf(const DocumentFrames& document, const std::string& path,
               const std::function<void(const std::string& temporary)>& before_rename) {
  StructureRecord structure;
  std::string drawn = draw_document(document, structure);
  write_atomically(path, [&](const std::string& temporary) {
    finish_pdf(std::move(drawn), structure, document.metadata, temporary);
    if (before_rename) before_rename(temporary);
  });
}

}  // namespace rapport
