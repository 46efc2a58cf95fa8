#pragma once
#include <functional>

#include "layout/layout_context.hpp"

namespace rapport {

// Walks the report's sections and blocks in reading order and lays each out into slabs,
// leaving a place for the table of contents (built once page numbers are known).
// `block_done`, when given, is called after each block (at any depth) with the flow so far:
// the items of every slab it then holds are final (later blocks may still set a slab's flags),
// so it may take them (a long document's pages are completed and written as it goes).
using BlockDone = std::function<void(Flow&)>;
Flow collect_flow(const LayoutContext& ctx, const BlockDone& block_done = {});

}  // namespace rapport
