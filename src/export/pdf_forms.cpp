#include "export/pdf_forms.hpp"

#include <algorithm>
#include <vector>

namespace rapport {

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
