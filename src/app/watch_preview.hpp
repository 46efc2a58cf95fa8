#pragma once
#include <iosfwd>

#include "app/run_pipeline.hpp"
#include "app/write_preview.hpp"

namespace rapport {

// `preview --watch`: renders, then waits for the report, a CSV it reads or its layout files to
// change and renders again, re-encoding only the pages that changed. An input problem is shown
// and the watch waits for the next save. Stops after `limit` renders (0: never; for tests).
int watch_preview(const PipelineOptions& pipeline, const PreviewOptions& preview, size_t limit, std::ostream& log);

}  // namespace rapport
