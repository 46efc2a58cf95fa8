#include "layout/layout_context.hpp"

namespace rapport {
namespace {

// Until the pages settle, a reference prints a stand-in of a typical number's width, so the
// first round's lines break about where the last round's will.
const char* const unsettled_page = "00";

void replace_all(std::string& text, const std::string& field, const std::string& value) {
  for (size_t at = 0; (at = text.find(field, at)) != std::string::npos; at += value.size()) text.replace(at, field.size(), value);
}

std::string filled(std::string text, const std::string& id, const References& references) {
  auto page = references.pages.find(id);
  replace_all(text, "{page}", page == references.pages.end() ? unsettled_page : std::to_string(page->second));
  auto target = references.targets.find(id);
  replace_all(text, "{number}", target == references.targets.end() ? "" : target->second.number);
  replace_all(text, "{title}", target == references.targets.end() ? "" : target->second.title);
  return text;
}

}  // namespace

RichText LayoutContext::prepared(RichText text) const {
  if (references)
    for (auto& span : text)
      if (span.link.starts_with("#") && span.text.find('{') != std::string::npos)
        span.text = filled(span.text, span.link.substr(1), *references);
  return hyphenated(std::move(text));
}

}  // namespace rapport
