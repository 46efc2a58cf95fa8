#pragma once
// What a signed-off report must have. A draft may be unfinished; the PDF of `render --final` is
// the one that is published, sent to the council and the auditors and archived, so it is refused
// while anything is unresolved, with every reason at once.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/report.hpp"
#include "style/style.hpp"

namespace rapport {

// Every reason the report may not be signed off, as errors in `diags`. `warnings` are the
// validation warnings found so far (layout, vocabulary, report); each becomes a refusal.
// `warnings` and `diags` may be the same object.
void check_final(const Report& report, const Style& style, const Diagnostics& warnings, Diagnostics& diags);

// The marks in `text` that an author left for later ("TODO", "FIXME", "XXX", "TBD",
// "[fyll i]", "???", a lone "…"), as written, in the order they appear.
std::vector<std::string> find_placeholders(const std::string& text);

}  // namespace rapport
