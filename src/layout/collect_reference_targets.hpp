#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

// Every section and table with an id, with what a page reference can print of it, and whether
// any text of the report refers to a page (then layout must settle the text, not just the TOC).
struct ReferenceTargets {
  std::map<std::string, ReferenceTarget> targets;
  bool used = false;
};
ReferenceTargets collect_reference_targets(const Report& report);

}  // namespace rapport
