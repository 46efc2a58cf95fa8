#include "export/write_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <stdexcept>

#include "export/atomic_output.hpp"
#include "export/draw_text_line.hpp"

namespace rapport {
namespace {

// Cairo's tag attributes quote strings with single quotes; backslash-escape what would end them.
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string number(double v) {
  char buffer[32];
  // rapport never calls setlocale, so printf stays in the "C" locale and writes a decimal point.
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

struct Painter {
  cairo_t* cr;

  void operator()(const TextLineItem& t) const { draw_text_line(cr, t); }
  void operator()(const RuleItem& r) const {
    set_color(cr, r.color);
    cairo_set_line_width(cr, r.width);
    cairo_move_to(cr, r.x1, r.y1);
    cairo_line_to(cr, r.x2, r.y2);
    cairo_stroke(cr);
  }
  void operator()(const RectItem& r) const {
    set_color(cr, r.fill);
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    cairo_fill(cr);
  }
  void operator()(const PathItem& p) const {
    cairo_new_path(cr);
    for (const auto& op : p.ops) {
      switch (op.kind) {
        case PathOp::Kind::move: cairo_move_to(cr, op.a[0], op.a[1]); break;
        case PathOp::Kind::line: cairo_line_to(cr, op.a[0], op.a[1]); break;
        case PathOp::Kind::curve: cairo_curve_to(cr, op.a[0], op.a[1], op.a[2], op.a[3], op.a[4], op.a[5]); break;
        case PathOp::Kind::arc: cairo_arc(cr, op.a[0], op.a[1], op.a[2], op.a[3], op.a[4]); break;
        case PathOp::Kind::close: cairo_close_path(cr); break;
      }
    }
    if (p.has_fill) {
      set_color(cr, p.fill);
      p.has_stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
    }
    if (p.has_stroke) {
      set_color(cr, p.stroke);
      cairo_set_line_width(cr, p.stroke_width);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke(cr);
    }
  }
  void operator()(const LinkItem& l) const {
    std::string attributes = "rect=[" + number(l.x) + " " + number(l.y) + " " + number(l.width) + " " + number(l.height) + "] ";
    attributes += l.target.starts_with("#") ? "dest=" + quoted(l.target.substr(1)) : "uri=" + quoted(l.target);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
  void operator()(const AnchorItem& a) const {
    std::string attributes = "name=" + quoted(a.name) + " x=" + number(a.x) + " y=" + number(a.y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
  }
};

void set_metadata(cairo_surface_t* surface, const DocumentMetadata& meta) {
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, meta.creator.c_str());
  // Dates from the report, never the clock: the same input gives the same bytes.
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, meta.date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, meta.date.c_str());
}

void add_outline(cairo_surface_t* surface, const std::vector<OutlineEntry>& outline) {
  std::vector<int> parents = {CAIRO_PDF_OUTLINE_ROOT};  // parents[level - 1]
  for (const auto& entry : outline) {
    size_t level = static_cast<size_t>(std::max(1, entry.level));
    if (parents.size() > level) parents.resize(level);
    while (parents.size() < level) parents.push_back(parents.back());
    std::string link = "dest=" + quoted(entry.anchor);
    auto flags = entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0);
    int id = cairo_pdf_surface_add_outline(surface, parents.back(), entry.title.c_str(), link.c_str(), flags);
    parents.push_back(id);
  }
}

void draw_document(const DocumentFrames& document, const std::string& path) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create(path.c_str(), document.width, document.height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  set_metadata(surface.get(), document.metadata);
  // Links must sit inside a structure element or Cairo 1.16 writes a damaged file.
  cairo_tag_begin(cr.get(), "Document", "");
  for (const auto& page : document.pages) {
    for (const auto& item : page.items) std::visit(Painter{cr.get()}, item);
    cairo_show_page(cr.get());
  }
  cairo_tag_end(cr.get(), "Document");
  add_outline(surface.get(), document.outline);
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo could not write the PDF: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
}

}  // namespace

void write_pdf(const DocumentFrames& document, const std::string& path) {
  write_atomically(path, [&](const std::string& temporary) { draw_document(document, temporary); });
}

}  // namespace rapport
