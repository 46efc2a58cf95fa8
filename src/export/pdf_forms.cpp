#include "export/pdf_forms.hpp"

#include <algorithm>

namespace rapport {
namespace {

bool same_color(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

bool same_path(const PathItem& a, const PathItem& b) {
  auto same_op = [](const PathOp& x, const PathOp& y) { return x.kind == y.kind && std::equal(x.a, x.a + 6, y.a); };
  return a.has_fill == b.has_fill && a.has_stroke == b.has_stroke && same_color(a.fill, b.fill) &&
         same_color(a.stroke, b.stroke) && a.stroke_width == b.stroke_width &&
         std::equal(a.ops.begin(), a.ops.end(), b.ops.begin(), b.ops.end(), same_op);
}

}  // namespace

std::string PdfForms::resource(const PathItem& path, const std::function<std::pair<std::string, Box>()>& draw) {
  for (const auto& form : forms_)
    if (same_path(form.path, path)) return form.name;
  auto [content, bounds] = draw();
  std::string entries = "/Type /XObject /Subtype /Form /BBox [";
  for (double v : {bounds.x1, bounds.y1, bounds.x2, bounds.y2}) {
    append_number(entries, v);
    entries += ' ';
  }
  entries.back() = ']';
  ObjectId id = file_.stream(entries, content);
  forms_.push_back({path, "Fm" + std::to_string(forms_.size() + 1), id});
  return forms_.back().name;
}

std::string PdfForms::entries() const {
  std::string out;
  for (const auto& form : forms_) out += "/" + form.name + " " + pdf_ref(form.id) + " ";
  return out;
}

}  // namespace rapport
