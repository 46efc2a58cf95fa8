#pragma once
#include <string>
#include <vector>

#include "style/style.hpp"

namespace rapport {

// Reads layouts/vocabularies/NAME.yaml (or a path). Throws InputError for a duplicate id, an
// unknown shape, a colour that is not a colour, and two statuses of one colour with the same
// shape (colour must never be the only thing that tells them apart).
std::vector<StatusStyle> load_vocabulary(const std::string& name_or_file, Diagnostics& warnings);

// layouts/vocabularies/NAME.yaml, or the path itself when it names a file.
std::string vocabulary_path(const std::string& name_or_file);

// The shipped vocabulary (layouts/vocabularies/NAME.yaml) that has the status `id`, or "": so
// that a report using a status its layout does not enable is told where the status is.
std::string shipped_vocabulary_with(const std::string& id);

// WCAG contrast ratio of `c` against white: graphics need at least 3:1.
double contrast_on_white(const Color& c);

}  // namespace rapport
