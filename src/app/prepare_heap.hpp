#pragma once
// How the process asks the allocator for memory, set once before anything is read.

namespace rapport {

// Keeps freed memory for reuse and backs the main heap with transparent huge pages where the
// kernel offers them (`madvise` mode), so a render takes a few hundred page faults, not
// thousands. A no-op under AddressSanitizer, which brings its own allocator.
void prepare_heap();

}  // namespace rapport
