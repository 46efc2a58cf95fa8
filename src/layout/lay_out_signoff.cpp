#include "layout/lay_out_signoff.hpp"

namespace rapport {
namespace {

constexpr double points_per_mm = 72.0 / 25.4;

// A paragraph of `text` at (x, y) in a box `width` wide; returns its height.
double paragraph(const LayoutContext& ctx, const std::string& text, const TextStyle& style, double x, double y, double width,
                 std::vector<Item>& out) {
  ShapedText shaped = shape_plain_text(ctx.pango, text, ctx.request(style, width));
  ctx.check_glyphs(shaped, ctx.report.info.decision->pos);
  std::vector<Item> items;
  double height = place_text(ctx, shaped, style, x, y, items);
  enclose(items, begin_tag("P"));
  out.insert(out.end(), items.begin(), items.end());
  return height;
}

// Decoration a screen reader should skip: a signature line, the outline of a box.
void artifact(Item item, std::vector<Item>& out) {
  std::vector<Item> items = {std::move(item)};
  enclose(items, begin_tag("Artifact"));
  out.insert(out.end(), items.begin(), items.end());
}

PathItem box_outline(double x, double y, double width, double height, const Color& color) {
  PathItem box;
  box.has_stroke = true;
  box.stroke = color;
  box.stroke_width = 0.6;
  box.ops = {{PathOp::Kind::move, {x, y}},
             {PathOp::Kind::line, {x + width, y}},
             {PathOp::Kind::line, {x + width, y + height}},
             {PathOp::Kind::line, {x, y + height}},
             {PathOp::Kind::close, {}}};
  return box;
}

// A box to sign in by hand, its label in the top-left corner.
double signing_box(const LayoutContext& ctx, const std::string& label, double x, double width, Slab& slab) {
  const double height = 18 * points_per_mm;
  artifact(box_outline(x, 0, width, height, ctx.style.body.color), slab.items);
  paragraph(ctx, label, ctx.style.footer, x + 1.5 * points_per_mm, 1 * points_per_mm, width - 3 * points_per_mm, slab.items);
  return height;
}

// Who signs on the line: the meeting's approver as written ("Stefan Dalin, ordförande"), an
// official with the role after the name ("Andreaz Strömgren, beställare").
std::string signatory(const Decision& decision) {
  if (decision.kind == Decision::Kind::meeting || decision.role.empty()) return decision.approved_by;
  return decision.approved_by + ", " + decision.role;
}

}  // namespace

std::string signoff_statement(const Decision& decision) {
  if (decision.kind == Decision::Kind::approval) {
    std::string by = decision.role.empty() ? decision.approved_by : decision.role + " " + decision.approved_by;
    return "Godkänd av " + by + (decision.approved_on.empty() ? "" : ", " + decision.approved_on);
  }
  std::string approved = "Godkänd av " + decision.body + " " + decision.meeting;
  if (!decision.paragraph.empty()) approved += ", " + decision.paragraph;
  return approved;
}

std::vector<Slab> lay_out_signoff(const LayoutContext& ctx) {
  const DocumentInfo& info = ctx.report.info;
  if (!info.decision) return {};
  const Decision& decision = *info.decision;
  TextStyle strong = ctx.style.body;
  strong.weight = 700;
  double width = ctx.text_width();
  double x = ctx.left();

  Slab statement;
  std::string approved = signoff_statement(decision);
  double y = 0;
  statement.items.push_back(RuleItem{x, y, x + width, y, 0.8, ctx.style.accent});
  y += 2.5 * points_per_mm;
  y += paragraph(ctx, approved, strong, x, y, width, statement.items);
  if (!info.case_number.empty()) y += paragraph(ctx, "Diarienummer " + info.case_number, ctx.style.body, x, y, width, statement.items);
  statement.height = y;
  statement.keep_with_next = true;

  Slab signature;
  const double line_at = 14 * points_per_mm, line_width = 70 * points_per_mm;
  artifact(RuleItem{x, line_at, x + line_width, line_at, 0.5, ctx.style.body.color}, signature.items);
  signature.height = line_at + 1 * points_per_mm +
                     paragraph(ctx, signatory(decision), ctx.style.body, x, line_at + 1 * points_per_mm, line_width, signature.items);

  std::vector<Slab> slabs = {std::move(statement), std::move(signature)};
  if (decision.minutes_extract) {
    slabs.back().keep_with_next = true;
    Slab boxes;
    boxes.space_before = 5 * points_per_mm;
    double gap = 6 * points_per_mm, box_width = (width - gap) / 2;
    boxes.height = signing_box(ctx, "Justerandes sign", x, box_width, boxes);
    signing_box(ctx, "Utdragsbestyrkande", x + box_width + gap, box_width, boxes);
    slabs.push_back(std::move(boxes));
  }
  return slabs;
}

}  // namespace rapport
