#include "export/draw_page.hpp"

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <cstdio>

#include "export/draw_text_line.hpp"
#include "frames/picture.hpp"

namespace rapport {
namespace {

std::string number(double v) {
  char buffer[32];
  // rapport never calls setlocale, so printf stays in the "C" locale and writes a decimal point.
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// The picture fitted into the box: an SVG stays vectors, a PNG is scaled.
void draw_picture(cairo_t* cr, const Picture& picture, double x, double y, double width, double height) {
  cairo_save(cr);
  if (picture.svg) {
    RsvgRectangle viewport{x, y, width, height};
    rsvg_handle_render_document(picture.svg, cr, &viewport, nullptr);
  } else if (picture.bitmap) {
    cairo_translate(cr, x, y);
    cairo_scale(cr, width / picture.width, height / picture.height);
    cairo_set_source_surface(cr, picture.bitmap, 0, 0);
    cairo_paint(cr);
  }
  cairo_restore(cr);
}

struct Painter {
  cairo_t* cr;
  StructureNotes* notes;
  bool with_links = notes != nullptr;

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
    if (!with_links) return;
    std::string attributes = "rect=[" + number(l.x) + " " + number(l.y) + " " + number(l.width) + " " + number(l.height) + "] ";
    attributes += l.target.starts_with("#") ? "dest=" + tag_quoted(l.target.substr(1)) : "uri=" + tag_quoted(l.target);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    notes->link_texts.push_back(l.text);
  }
  void operator()(const TagItem& tag) const {
    if (!with_links) return;
    // Cairo 1.16 refuses "Artifact"; finish_pdf turns its stand-in into artifact content.
    const char* role = tag.role == "Artifact" ? artifact_stand_in : tag.role.c_str();
    if (tag.kind == TagItem::Kind::end) {
      cairo_tag_end(cr, role);
      if (!notes->open.empty()) notes->open.pop_back();
      return;
    }
    cairo_tag_begin(cr, role, "");
    notes->open.push_back(notes->next_element++);
    if (tag.role == "Figure") notes->figure_alts.push_back(tag.alt);
    if (tag.role == "TH") notes->header_scopes.push_back(tag.scope);
  }
  void operator()(const ImageItem& image) const {
    if (image.picture) draw_picture(cr, *image.picture, image.x, image.y, image.width, image.height);
  }
  void operator()(const AnchorItem& a) const {
    if (!with_links) return;
    std::string attributes = "name=" + tag_quoted(a.name) + " x=" + number(a.x) + " y=" + number(a.y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
  }
};

}  // namespace

std::string tag_quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

namespace {

bool is_drawing(const Item& item) {
  return !std::holds_alternative<TagItem>(item) && !std::holds_alternative<LinkItem>(item) &&
         !std::holds_alternative<AnchorItem>(item);
}

// Would Cairo leave this drawing outside any marked content? (See StructureNotes.)
bool falls_outside_structure(const StructureNotes& notes) {
  return notes.open.empty() || notes.has_children.at(notes.open.back());
}

// A Span or an artifact drawn around content (in draw_page) never counts: it only goes into
// elements that have children already.
void wrapped(cairo_t* cr, StructureNotes* notes, const Item& item) {
  const char* wrapper = std::holds_alternative<TextLineItem>(item) ? "Span" : artifact_stand_in;
  cairo_tag_begin(cr, wrapper, "");
  std::visit(Painter{cr, notes}, item);
  cairo_tag_end(cr, wrapper);
}

}  // namespace

std::vector<bool> elements_with_children(const std::vector<Page>& pages) {
  std::vector<bool> has_children;
  std::vector<size_t> open;
  for (const auto& page : pages)
    for (const auto& item : page.items) {
      const auto* tag = std::get_if<TagItem>(&item);
      bool child = std::holds_alternative<LinkItem>(item) || (tag && tag->kind == TagItem::Kind::begin);
      if (child && !open.empty()) has_children[open.back()] = true;
      if (!tag) continue;
      if (tag->kind == TagItem::Kind::end) {
        if (!open.empty()) open.pop_back();
        continue;
      }
      open.push_back(has_children.size());
      has_children.push_back(false);
    }
  return has_children;
}

void draw_page(cairo_t* cr, const Page& page, StructureNotes* notes) {
  for (const auto& item : page.items) {
    if (notes && is_drawing(item) && falls_outside_structure(*notes)) {
      wrapped(cr, notes, item);
      continue;
    }
    std::visit(Painter{cr, notes}, item);
  }
}

}  // namespace rapport
