#pragma once
#include "layout/layout_context.hpp"

namespace rapport {

// Walks the report's sections and blocks in reading order and lays each out into slabs,
// leaving a place for the table of contents (built once page numbers are known).
Flow collect_flow(const LayoutContext& ctx);

}  // namespace rapport
