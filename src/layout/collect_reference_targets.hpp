#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

// Every section and table with an id, with what a page reference can print of it, and whether
// any text of the report prints a page ({page}): only then must layout settle the text, not
// just the TOC, collecting it again each round; {number} and {title} are known beforehand.
struct ReferenceTargets {
  std::map<std::string, ReferenceTarget> targets;
  bool used = false;
};
ReferenceTargets collect_reference_targets(const Report& report);

}  // namespace rapport
