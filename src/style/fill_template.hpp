#pragma once
// Templates a layout writes with {fields}: running lines ("{committee} · {title}"), goal
// headings ("{label} {number}: {title}"), figure captions ("{label} {number}. {caption}").
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport {

using TemplateFields = std::vector<std::pair<std::string_view, std::string>>;

// `form` with each "{name}" of `fields` replaced by its value, in one pass: a value is never
// read again, so a title that itself says "{title}" or "{page}" prints as written. Where two
// names match ("{page}", "{pages}") the longer wins; unknown braces stay as they are.
std::string fill_template(std::string_view form, const TemplateFields& fields);

}  // namespace rapport
