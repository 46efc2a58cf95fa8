#include "export/draw_page.hpp"

#include <pango/pangocairo.h>

#include "export/draw_text_line.hpp"
#include "frames/load_rsvg.hpp"
#include "frames/picture.hpp"

namespace rapport {
namespace {

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// The picture fitted into the box: an SVG stays vectors, a PNG is scaled.
void draw_picture(cairo_t* cr, const Picture& picture, double x, double y, double width, double height) {
  cairo_save(cr);
  if (picture.svg) {
    RsvgRectangle viewport{x, y, width, height};
    rsvg().render_document(picture.svg, cr, &viewport, nullptr);
  } else if (picture.bitmap) {
    cairo_translate(cr, x, y);
    cairo_scale(cr, width / picture.width, height / picture.height);
    cairo_set_source_surface(cr, picture.bitmap, 0, 0);
    // A filled rectangle, not cairo_paint: Cairo 1.16 loses the structure tag around a paint
    // that is the first thing drawn on a PDF's page ("invalid tag nesting").
    cairo_rectangle(cr, 0, 0, picture.width, picture.height);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

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
  void operator()(const ImageItem& image) const {
    if (image.picture) draw_picture(cr, *image.picture, image.x, image.y, image.width, image.height);
  }
  // Nothing to see on an image.
  void operator()(const LinkItem&) const {}
  void operator()(const TagItem&) const {}
  void operator()(const AnchorItem&) const {}
};

}  // namespace

void draw_page(cairo_t* cr, const Page& page) {
  for (const auto& item : page.items) std::visit(Painter{cr}, item);
}

}  // namespace rapport
