#include "layout/layout_context.hpp"
#include "style/fill_template.hpp"

namespace rapport {
namespace {

// Until the pages settle, a reference prints a stand-in of a typical number's width, so the
// first round's lines break about where the last round's will.
const char* const unsettled_page = "00";

std::string filled(const std::string& text, const std::string& id, const References& references) {
  auto page = references.pages.find(id);
  auto target = references.targets.find(id);
  bool known = target != references.targets.end();
  return fill_template(text, {{"{page}", page == references.pages.end() ? unsettled_page : std::to_string(page->second)},
                              {"{number}", known ? target->second.number : ""},
                              {"{title}", known ? target->second.title : ""}});
}

}  // namespace

RichText LayoutContext::prepared(RichText text) const {
  if (references)
    for (auto& span : text)
      if (span.link.starts_with("#") && span.text.find('{') != std::string::npos)
        span.text = filled(span.text, span.link.substr(1), *references);
  return text;
}

}  // namespace rapport
