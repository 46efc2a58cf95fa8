#include "style/fill_template.hpp"

namespace rapport {

std::string fill_template(std::string_view form, const TemplateFields& fields) {
  std::string out;
  out.reserve(form.size());
  for (size_t at = 0; at < form.size();) {
    const std::pair<std::string_view, std::string>* match = nullptr;
    if (form[at] == '{')
      for (const auto& field : fields)
        if (form.substr(at).starts_with(field.first) && (!match || field.first.size() > match->first.size()))
          match = &field;  // the longest name: "{pages}" is more than "{page}"
    if (match) {
      out += match->second;
      at += match->first.size();
    } else {
      out += form[at++];
    }
  }
  return out;
}

}  // namespace rapport
