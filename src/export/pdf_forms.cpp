#include "export/pdf_forms.hpp"

#include <algorithm>
#include <vector>

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
  for (const auto& [known, name] : paths_)
    if (same_path(known, path)) return name;
  auto [content, bounds] = draw();
  std::string name = resource(content, bounds);
  paths_.emplace_back(path, name);
  return name;
}

std::string PdfForms::resource(const std::string& content, const Box& bounds) {
  auto found = forms_.find(content);
  if (found != forms_.end()) return found->second.first;
  std::string name = "Fm" + std::to_string(forms_.size() + 1);
  std::string entries = "/Type /XObject /Subtype /Form /BBox [";
  for (double v : {bounds.x1, bounds.y1, bounds.x2, bounds.y2}) {
    append_number(entries, v);
    entries += ' ';
  }
  entries.back() = ']';
  ObjectId id = file_.stream(entries, content);
  forms_.emplace(content, std::pair{name, id});
  return name;
}

std::string PdfForms::entries() const {
  // In the order the forms were first used, so the file does not depend on their content's order.
  std::vector<std::pair<ObjectId, std::string>> by_use;
  for (const auto& [content, form] : forms_) by_use.emplace_back(form.second, form.first);
  std::sort(by_use.begin(), by_use.end());
  std::string out;
  for (const auto& [id, name] : by_use) out += "/" + name + " " + pdf_ref(id) + " ";
  return out;
}

}  // namespace rapport
