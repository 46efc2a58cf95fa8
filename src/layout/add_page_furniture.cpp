#include "layout/add_page_furniture.hpp"

#include <glib.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <vector>

#include "frames/picture.hpp"
#include "layout/lay_out_signoff.hpp"
#include "style/fill_template.hpp"

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;

// Places `text` as a block whose top is at y, a paragraph unless it is furniture (an
// artifact already); returns the y below it.
enum class Role { paragraph, furniture };
double text_block(const LayoutContext& ctx, const std::string& text, const TextStyle& style, double y, Page& page,
                  Align align = Align::left, Role role = Role::paragraph) {
  if (text.empty()) return y;
  ShapedText shaped = shape_plain_text(ctx.pango, text, ctx.request(style, ctx.text_width(), align));
  ctx.check_glyphs(shaped, {ctx.report.path, 0, 0});
  std::vector<Item> items;
  double height = place_text(ctx, shaped, style, ctx.left(), y, items);
  if (role == Role::paragraph) enclose(items, begin_tag("P"));
  page.items.insert(page.items.end(), items.begin(), items.end());
  return y + height;
}

std::string uppercase(const std::string& text) {
  gchar* upper = g_utf8_strup(text.c_str(), -1);
  std::string out(upper);
  g_free(upper);
  return out;
}

// "Rapport 1.0": the kind of document and its own version, when it has one.
std::string edition(const DocumentInfo& info) {
  if (info.version.empty() || info.kind.empty()) return info.version;
  const char* rest = g_utf8_next_char(info.kind.c_str());
  std::string first(info.kind.c_str(), static_cast<size_t>(rest - info.kind.c_str()));
  return uppercase(first) + rest + " " + info.version;
}

}  // namespace

Page make_cover(const LayoutContext& ctx) {
  const Style& s = ctx.style;
  const DocumentInfo& info = ctx.report.info;
  Page page;
  double y = s.page.top;
  if (!s.logo.empty()) {
    auto picture = load_picture(s.logo);
    double height = s.logo_width * picture->height / picture->width;
    std::vector<Item> logo = {ImageItem{picture, ctx.left(), y, s.logo_width, height}};
    enclose(logo, begin_tag("Figure", s.logo_alt.empty() ? info.municipality : s.logo_alt));
    page.items.insert(page.items.end(), logo.begin(), logo.end());
    y += height + 3 * points_per_mm;
  }
  y = text_block(ctx, uppercase(info.municipality), s.cover_municipality, y, page);
  page.items.push_back(RuleItem{ctx.left(), y + 3 * points_per_mm, ctx.left() + ctx.text_width(),
                                y + 3 * points_per_mm, 1.2, s.accent});
  y = s.page.height * s.cover_title_at;
  page.items.push_back(RectItem{0, y - 12 * points_per_mm, 9 * points_per_mm, 40 * points_per_mm, s.accent});
  y = text_block(ctx, info.title, s.cover_title, y, page);
  y = text_block(ctx, info.subtitle, s.cover_subtitle, y + 3 * points_per_mm, page);
  if (std::string line = edition(info); !line.empty()) y = text_block(ctx, line, s.cover_subtitle, y + 3 * points_per_mm, page);
  y = text_block(ctx, info.committee, s.cover_committee, y + 10 * points_per_mm, page);
  // A report no committee adopts names on its cover who approved it, where a committee's
  // report names the committee.
  if (info.decision && info.decision->kind == Decision::Kind::approval)
    text_block(ctx, signoff_statement(*info.decision), s.cover_subtitle, y + 3 * points_per_mm, page);

  // The date and the diarienummer at the foot: two facts, each a paragraph of its own, so that
  // read aloud or extracted they stay apart.
  TextStyle small = s.footer;
  y = s.page.height - s.page.bottom - 2 * ctx.pitch(small);
  y = text_block(ctx, info.date, small, y, page);
  if (!info.case_number.empty()) text_block(ctx, "Diarienummer " + info.case_number, small, y, page);
  return page;
}

Page make_back_page(const LayoutContext& ctx) {
  const Style& s = ctx.style;
  Page page;
  const auto& lines = ctx.report.info.address;
  TextStyle first = s.back_page;
  first.weight = 700;
  first.color = s.accent;
  double height = ctx.pitch(first) + (lines.size() > 1 ? static_cast<double>(lines.size() - 1) * ctx.pitch(s.back_page) : 0);
  double y = s.page.height - s.page.bottom - height;
  page.items.push_back(RuleItem{ctx.left(), y - 5 * points_per_mm, ctx.left() + ctx.text_width(), y - 5 * points_per_mm,
                                1.2, s.accent});
  for (size_t i = 0; i < lines.size(); ++i)
    y = text_block(ctx, lines[i], i == 0 ? first : s.back_page, y, page, Align::center);
  return page;
}

namespace {

std::string expand(const LayoutContext& ctx, const std::string& line, int page, int pages) {
  const DocumentInfo& info = ctx.report.info;
  return fill_template(line, {{"{title}", info.title},
                              {"{committee}", info.committee},
                              {"{municipality}", info.municipality},
                              {"{kind}", info.kind},
                              {"{period}", info.period},
                              {"{date}", info.date},
                              {"{case_number}", info.case_number},
                              {"{page}", std::to_string(page)},
                              {"{pages}", std::to_string(pages)}});
}

void running_line(const LayoutContext& ctx, const RunningLine& line, double y, int page, int pages, Page& out) {
  const TextStyle& style = ctx.style.footer;
  text_block(ctx, expand(ctx, line.left, page, pages), style, y, out, Align::left, Role::furniture);
  text_block(ctx, expand(ctx, line.center, page, pages), style, y, out, Align::center, Role::furniture);
  text_block(ctx, expand(ctx, line.right, page, pages), style, y, out, Align::right, Role::furniture);
}

// The header and footer at the edges of `ctx`'s page geometry.
void running_lines(const LayoutContext& ctx, int number, int total, Page& page) {
  const Style& s = ctx.style;
  double footer_rule = ctx.page.height - ctx.page.bottom + 6 * points_per_mm;
  double header_rule = ctx.page.top - 6 * points_per_mm;
  page.items.push_back(begin_tag("Artifact"));
  if (!s.running_footer.empty()) {
    page.items.push_back(RuleItem{ctx.left(), footer_rule, ctx.left() + ctx.text_width(), footer_rule, 0.5, s.rule});
    running_line(ctx, s.running_footer, footer_rule + 1.5 * points_per_mm, number, total, page);
  }
  if (!s.running_header.empty()) {
    page.items.push_back(RuleItem{ctx.left(), header_rule, ctx.left() + ctx.text_width(), header_rule, 0.5, s.rule});
    running_line(ctx, s.running_header, header_rule - ctx.pitch(s.footer) - 1 * points_per_mm, number, total, page);
  }
  page.items.push_back(end_tag("Artifact"));
}

}  // namespace

void add_running_lines(const LayoutContext& ctx, std::vector<Page>& pages, size_t first, size_t last,
                       const PageNumbering& numbering) {
  int total = numbering.total > 0 ? numbering.total : static_cast<int>(pages.size());
  for (size_t i = first; i <= last && i < pages.size(); ++i) add_running_lines(ctx, pages[i], numbering.first + static_cast<int>(i), total);
}

void add_running_lines(const LayoutContext& ctx, Page& page, int number, int total) {
  running_lines(page.landscape ? ctx.turned() : ctx, number, total, page);  // a landscape page's lines sit on its own edges
}

namespace {

// The outline of a shaped line as a path, turned by `angle` about (x, y). A watermark is drawn
// as shapes, not text, so it never enters copied or searched text or what a screen reader reads.
PathItem outline(const TextLine& line, double x, double y, double angle) {
  cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cairo_t* cr = cairo_create(scratch);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, angle);
  for (const auto& run : line.runs) {
    cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run.font.get()));
    cairo_set_scaled_font(cr, font);
    std::vector<cairo_glyph_t> glyphs;
    for (const auto& g : run.glyphs) glyphs.push_back({g.id, g.x, g.y - run.rise});
    cairo_glyph_path(cr, glyphs.data(), static_cast<int>(glyphs.size()));
  }
  cairo_identity_matrix(cr);  // read the path back in page coordinates
  cairo_path_t* path = cairo_copy_path(cr);
  PathItem item;
  for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
    const cairo_path_data_t* d = &path->data[i];
    switch (d->header.type) {
      case CAIRO_PATH_MOVE_TO: item.ops.push_back({PathOp::Kind::move, {d[1].point.x, d[1].point.y}}); break;
      case CAIRO_PATH_LINE_TO: item.ops.push_back({PathOp::Kind::line, {d[1].point.x, d[1].point.y}}); break;
      case CAIRO_PATH_CURVE_TO:
        item.ops.push_back({PathOp::Kind::curve,
                            {d[1].point.x, d[1].point.y, d[2].point.x, d[2].point.y, d[3].point.x, d[3].point.y}});
        break;
      case CAIRO_PATH_CLOSE_PATH: item.ops.push_back({PathOp::Kind::close, {}}); break;
    }
  }
  cairo_path_destroy(path);
  cairo_destroy(cr);
  cairo_surface_destroy(scratch);
  return item;
}

// The draft mark across `ctx`'s page geometry, corner to corner.
std::vector<Item> watermark(const LayoutContext& ctx) {
  const Style& s = ctx.style;
  const PageStyle& sheet = ctx.page;
  TextStyle style = s.body;
  style.size = s.page.width * 0.16;  // of the layout's own page: the same mark on a landscape one
  style.weight = 700;
  ShapedText shaped = shape_plain_text(ctx.pango, s.watermark, ctx.request(style, -1));
  PlacedLine line = place_lines(shaped, ctx.pitch(style)).front();
  double width = logical_width(shaped);
  double angle = -std::atan2(sheet.height, sheet.width);
  // Turned about the page centre: the text's own centre lands there.
  double half_x = width / 2, half_y = -style.size * 0.35;
  double cx = sheet.width / 2, cy = sheet.height / 2;
  double ox = cx - (half_x * std::cos(angle) - half_y * std::sin(angle));
  double oy = cy - (half_x * std::sin(angle) + half_y * std::cos(angle));
  PathItem mark = outline(*line.line, ox, oy, angle);
  mark.has_fill = true;
  mark.fill = s.watermark_color;
  std::vector<Item> artifact = {mark};
  enclose(artifact, begin_tag("Artifact"));
  return artifact;
}

}  // namespace

Watermark::Watermark(const LayoutContext& ctx) : ctx_(ctx) {
  if (!ctx.style.watermark.empty()) portrait_ = watermark(ctx);
}

void Watermark::add_to(Page& page) {
  if (ctx_.style.watermark.empty()) return;
  if (page.landscape && landscape_.empty()) landscape_ = watermark(ctx_.turned());
  const auto& mark = page.landscape ? landscape_ : portrait_;
  page.items.insert(page.items.begin(), mark.begin(), mark.end());  // beneath the content
}

void add_watermark(const LayoutContext& ctx, std::vector<Page>& pages) {
  Watermark mark(ctx);
  for (auto& page : pages) mark.add_to(page);
}

}  // namespace rapport
