#include "export/write_page_content.hpp"

#include <cmath>
#include <numbers>
#include <optional>

namespace rapport {

void ContentMarks::begin_mark(const std::string& tag, bool artifact) {
  if (artifact) {
    *out_ += "/Artifact BMC\n";
    return;
  }
  *out_ += pdf_name(tag) + " <</MCID " + std::to_string(next_mcid_++) + ">> BDC\n";
}

void ContentMarks::end_mark() { *out_ += "EMC\n"; }

namespace {

// A path of more operations than this is written once as a form when it recurs (the draft
// watermark on every page); smaller ones cost less inline than a form's object.
constexpr size_t form_threshold = 64;

bool same(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

void append_numbers(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    append_number(out, v);
    out += ' ';
  }
}

void append_color(std::string& out, const Color& c, const char* op) {
  append_numbers(out, {c.r, c.g, c.b});
  out += op;
  out += '\n';
}

// Cairo's arc (centre, radius, angles clockwise on the page from the x axis) as Bézier
// segments of at most a quarter turn, joined to the current point with a line as Cairo does.
void append_arc(std::string& out, const double a[6], bool has_point) {
  double cx = a[0], cy = a[1], r = a[2], from = a[3], to = a[4];
  while (to < from) to += 2 * std::numbers::pi;
  append_numbers(out, {cx + r * std::cos(from), cy + r * std::sin(from)});
  out += has_point ? "l\n" : "m\n";
  int segments = std::max(1, static_cast<int>(std::ceil((to - from) / (std::numbers::pi / 2) - 1e-9)));
  double step = (to - from) / segments;
  double k = 4.0 / 3.0 * std::tan(step / 4);
  for (int i = 0; i < segments; ++i) {
    double s = from + step * i, e = s + step;
    append_numbers(out, {cx + r * (std::cos(s) - k * std::sin(s)), cy + r * (std::sin(s) + k * std::cos(s)),
                         cx + r * (std::cos(e) + k * std::sin(e)), cy + r * (std::sin(e) - k * std::cos(e)),
                         cx + r * std::cos(e), cy + r * std::sin(e)});
    out += "c\n";
  }
}

void append_path(std::string& out, const PathItem& p) {
  bool has_point = false;
  for (const auto& op : p.ops) {
    switch (op.kind) {
      case PathOp::Kind::move: append_numbers(out, {op.a[0], op.a[1]}), out += "m\n"; break;
      case PathOp::Kind::line: append_numbers(out, {op.a[0], op.a[1]}), out += "l\n"; break;
      case PathOp::Kind::curve: append_numbers(out, {op.a[0], op.a[1], op.a[2], op.a[3], op.a[4], op.a[5]}), out += "c\n"; break;
      case PathOp::Kind::arc: append_arc(out, op.a, has_point); break;
      case PathOp::Kind::close: out += "h\n"; break;
    }
    has_point = op.kind != PathOp::Kind::close;
  }
}

// A path's operators with its own colours and line settings: the same however it is drawn.
std::string path_operators(const PathItem& p) {
  std::string out;
  if (p.has_fill) append_color(out, p.fill, "rg");
  if (p.has_stroke) {
    append_color(out, p.stroke, "RG");
    append_number(out, p.stroke_width);
    out += " w 1 J 1 j\n";
  }
  append_path(out, p);
  out += p.has_fill && p.has_stroke ? "B\n" : p.has_fill ? "f\n" : p.has_stroke ? "S\n" : "n\n";
  return out;
}

Box path_bounds(const PathItem& p) {
  Box box{1e9, 1e9, -1e9, -1e9};
  for (const auto& op : p.ops) {
    if (op.kind == PathOp::Kind::arc) {
      box.include({op.a[0] - op.a[2], op.a[1] - op.a[2], op.a[0] + op.a[2], op.a[1] + op.a[2]});
    } else if (op.kind != PathOp::Kind::close) {
      int points = op.kind == PathOp::Kind::curve ? 3 : 1;
      for (int i = 0; i < points; ++i) box.include({op.a[2 * i], op.a[2 * i + 1], op.a[2 * i], op.a[2 * i + 1]});
    }
  }
  double margin = (p.has_stroke ? p.stroke_width : 0) + 1;
  return {std::floor(box.x1 - margin), std::floor(box.y1 - margin), std::ceil(box.x2 + margin), std::ceil(box.y2 + margin)};
}

// Pango's empty glyph (a zero-width character) and its boxes for characters no font has draw
// nothing in a PDF, as in Cairo.
bool is_drawn(unsigned glyph) { return glyph < PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG); }

// One run of glyphs as TJ arrays: each glyph's position from layout, written as the font's
// own advance plus an adjustment where they differ (justified spaces, letter spacing, kerning).
// The pen position PDF will compute is tracked with the rounded adjustments, so rounding never
// accumulates along a line.
class RunWriter {
 public:
  RunWriter(std::string& out, PdfFonts& fonts, const PdfFonts::Use& use) : out_(out), fonts_(fonts), use_(use) {}

  void show(unsigned glyph, double x, double y) {
    if (!positioned_ || std::abs(y - pen_y_) > 1e-6) {
      close();
      append_numbers(out_, {1, 0, -use_.skew, -1, x, y});
      out_ += "Tm\n";
      pen_x_ = x, pen_y_ = y;
      positioned_ = true;
    }
    open();
    long adjustment = std::lround(-(x - pen_x_) * 1000 / use_.size);
    if (adjustment != 0) {
      if (in_hex_) out_ += '>', in_hex_ = false;
      out_ += std::to_string(adjustment);
      pen_x_ -= static_cast<double>(adjustment) * use_.size / 1000;
    }
    if (!in_hex_) out_ += '<', in_hex_ = true;
    append_hex4(out_, glyph);
    pen_x_ += fonts_.advance(use_.font, glyph) * use_.size / 1000;
  }

  // Glyphs that stand for `text` where the font's ToUnicode cannot say so (ISO 32000-1 14.9.4).
  void begin_actual_text(const std::string& text) {
    close();
    out_ += "/Span <</ActualText " + pdf_text_string(text) + ">> BDC\n";
  }
  void end_actual_text() {
    close();
    out_ += "EMC\n";
  }

  void close() {
    if (!open_) return;
    if (in_hex_) out_ += '>', in_hex_ = false;
    out_ += "] TJ\n";
    open_ = false;
  }

 private:
  void open() {
    if (open_) return;
    out_ += '[';
    open_ = true;
  }

  std::string& out_;
  PdfFonts& fonts_;
  const PdfFonts::Use& use_;
  bool positioned_ = false, open_ = false, in_hex_ = false;
  double pen_x_ = 0, pen_y_ = 0;
};

class Painter {
 public:
  Painter(std::string& out, PageContext& ctx) : out_(out), ctx_(ctx) {}

  void operator()(const TextLineItem& t) {
    for (const auto& run : t.line->runs)
      if (run.start >= t.from && run.start < t.to) glyph_run(run, t.x, t.baseline, t.color);
  }
  void operator()(const RuleItem& r) {
    stroke_color(r.color);
    append_number(out_, r.width);
    out_ += " w 0 J\n";
    append_numbers(out_, {r.x1, r.y1});
    out_ += "m ";
    append_numbers(out_, {r.x2, r.y2});
    out_ += "l S\n";
  }
  void operator()(const RectItem& r) {
    fill_color(r.fill);
    append_numbers(out_, {r.x, r.y, r.width, r.height});
    out_ += "re f\n";
  }
  void operator()(const PathItem& p) {
    if (p.ops.size() > form_threshold) {
      auto draw = [&p] { return std::pair{path_operators(p), path_bounds(p)}; };
      out_ += "/" + ctx_.resources.forms.resource(p, draw) + " Do\n";
    } else {
      out_ += "q\n" + path_operators(p) + "Q\n";  // its colours stay its own
    }
  }
  void operator()(const ImageItem& image) {
    if (!image.picture) return;
    std::string name = ctx_.resources.images.resource(*image.picture);
    out_ += "q ";
    append_numbers(out_, {image.width, 0, 0, -image.height, image.x, image.y + image.height});
    out_ += "cm /" + name + " Do Q\n";
  }
  void operator()(const LinkItem&) {}
  void operator()(const AnchorItem&) {}
  void operator()(const TagItem&) {}

 private:
  void fill_color(const Color& c) {
    if (fill_ && same(*fill_, c)) return;
    append_color(out_, c, "rg");
    fill_ = c;
  }
  void stroke_color(const Color& c) {
    if (stroke_ && same(*stroke_, c)) return;
    append_color(out_, c, "RG");
    stroke_ = c;
  }

  void glyph_run(const GlyphRun& run, double x, double baseline, const Color& fallback) {
    fill_color(run.color ? *run.color : fallback);
    double y = baseline - run.rise;
    if (!run.glyphs.empty()) {
      PdfFonts::Use use = ctx_.resources.fonts.use(run.font.get());
      out_ += "BT\n/" + use.resource + " ";
      append_number(out_, use.size);
      out_ += " Tf\n";
      RunWriter writer(out_, ctx_.resources.fonts, use);
      show_clusters(run, x, y, use, writer);
      writer.close();
      out_ += "ET\n";
    }
    if (run.underline) {
      append_numbers(out_, {x + run.x, y + run.underline_position, run.width, run.underline_thickness});
      out_ += "re f\n";
    }
  }

  void show_clusters(const GlyphRun& run, double x, double y, const PdfFonts::Use& use, RunWriter& writer) {
    PdfFonts& fonts = ctx_.resources.fonts;
    auto show = [&](size_t g) {
      if (is_drawn(run.glyphs[g].id)) writer.show(run.glyphs[g].id, x + run.glyphs[g].x, y + run.glyphs[g].y);
    };
    auto map = [&](size_t g, const std::string& text) { return !is_drawn(run.glyphs[g].id) || fonts.map_glyph(use.font, run.glyphs[g].id, text); };
    if (run.clusters.empty()) {
      for (size_t g = 0; g < run.glyphs.size(); ++g) map(g, ""), show(g);
      return;
    }
    size_t glyph = 0, byte = 0;
    for (const auto& cluster : run.clusters) {
      std::string text = run.text.substr(std::min(byte, run.text.size()), static_cast<size_t>(cluster.bytes));
      byte += static_cast<size_t>(cluster.bytes);
      size_t end = std::min(run.glyphs.size(), glyph + static_cast<size_t>(cluster.glyphs));
      bool actual = end - glyph != 1;
      for (size_t g = glyph; g < end; ++g)
        if (!map(g, end - glyph == 1 ? text : std::string())) actual = true;
      actual = actual && end > glyph && !text.empty();
      if (actual) writer.begin_actual_text(text);
      for (size_t g = glyph; g < end; ++g) show(g);
      if (actual) writer.end_actual_text();
      glyph = end;
    }
  }

  std::string& out_;
  PageContext& ctx_;
  std::optional<Color> fill_, stroke_;
};

}  // namespace

std::string write_page_content(const Page& page, double height, size_t index, PageContext& ctx) {
  std::string out = "1 0 0 -1 0 ";
  append_number(out, height);
  out += " cm\n";  // the frames' coordinates: points from the top-left, y downwards
  ctx.marks.start_page(out);
  ctx.recorder.begin_page();
  Painter painter(out, ctx);
  for (const auto& item : page.items) {
    if (auto* tag = std::get_if<TagItem>(&item)) {
      ctx.recorder.tag(*tag);
    } else if (auto* link = std::get_if<LinkItem>(&item)) {
      ctx.recorder.link(*link);
    } else if (auto* anchor = std::get_if<AnchorItem>(&item)) {
      ctx.anchors.push_back({anchor->name, index, anchor->x, anchor->y});
    } else {
      ctx.recorder.before_drawing(item);
      std::visit(painter, item);
    }
  }
  ctx.recorder.end_page();
  return out;
}

}  // namespace rapport
