#include "layout/add_page_furniture.hpp"

#include <glib.h>

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;

// Places `text` as a block whose top is at y; returns the y below it.
double text_block(const LayoutContext& ctx, const std::string& text, const TextStyle& style, double y, Page& page,
                  Align align = Align::left) {
  if (text.empty()) return y;
  ShapedText shaped = shape_plain_text(ctx.pango, text, ctx.request(style, ctx.text_width(), align));
  ctx.check_glyphs(shaped, {ctx.report.path, 0, 0});
  return y + place_text(ctx, shaped, style, ctx.left(), y, page.items);
}

std::string uppercase(const std::string& text) {
  gchar* upper = g_utf8_strup(text.c_str(), -1);
  std::string out(upper);
  g_free(upper);
  return out;
}

}  // namespace

Page make_cover(const LayoutContext& ctx) {
  const Style& s = ctx.style;
  const DocumentInfo& info = ctx.report.info;
  Page page;
  double y = s.page.top;
  y = text_block(ctx, uppercase(info.municipality), s.cover_municipality, y, page);
  page.items.push_back(RuleItem{ctx.left(), y + 3 * points_per_mm, ctx.left() + ctx.text_width(),
                                y + 3 * points_per_mm, 1.2, s.accent});
  y = s.page.height * 0.36;
  page.items.push_back(RectItem{0, y - 12 * points_per_mm, 9 * points_per_mm, 40 * points_per_mm, s.accent});
  y = text_block(ctx, info.title, s.cover_title, y, page);
  y = text_block(ctx, info.subtitle, s.cover_subtitle, y + 3 * points_per_mm, page);
  text_block(ctx, info.committee, s.cover_committee, y + 10 * points_per_mm, page);

  std::string details = info.date;
  if (!info.case_number.empty()) details += "\nDiarienummer " + info.case_number;
  TextStyle small = s.footer;
  double block = 2 * ctx.pitch(small);
  text_block(ctx, details, small, s.page.height - s.page.bottom - block, page);
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

void add_footers(const LayoutContext& ctx, std::vector<Page>& pages, size_t first, size_t last) {
  const Style& s = ctx.style;
  const TextStyle& style = s.footer;
  const DocumentInfo& info = ctx.report.info;
  double rule_y = s.page.height - s.page.bottom + 6 * points_per_mm;
  double text_y = rule_y + 1.5 * points_per_mm;
  std::string left = info.committee + " · " + info.title;
  for (size_t i = first; i <= last && i < pages.size(); ++i) {
    Page& page = pages[i];
    page.items.push_back(RuleItem{ctx.left(), rule_y, ctx.left() + ctx.text_width(), rule_y, 0.5, s.rule});
    text_block(ctx, left, style, text_y, page);
    std::string number = std::to_string(i + 1) + " (" + std::to_string(pages.size()) + ")";
    text_block(ctx, number, style, text_y, page, Align::right);
  }
}

}  // namespace rapport
