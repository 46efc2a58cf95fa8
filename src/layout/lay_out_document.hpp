#pragma once
#include <limits>

#include "frames/frame.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenate.hpp"

namespace rapport {

// The whole layout stage: the report's flow, the table of contents iterated until its page
// numbers are the pages where the headings landed, the cover, footers and back page.
// Problems (unknown glyphs, unknown families) go to `diags`.
struct LayoutOptions {
  bool draft = true;  // drafts carry the layout's watermark
  // Inside a bound volume a report's pages are numbered through: its cover is page
  // `first_page_number` of `total_pages` (0: the report's own count), and it has no back page.
  int first_page_number = 1;
  int total_pages = 0;
  bool back_page = true;
  // A flow that grows past this many slabs (lines, table rows) keeps only their skeletons: it
  // is paginated from those, and the returned frames stream their pages, collecting the text
  // again a block at a time, so a long document is never held whole. The pages are the same.
  size_t stream_above_slabs = std::numeric_limits<size_t>::max();
};

// The pipeline's choice for a PDF: about 35 pages of body text (the 23-page example has 669
// slabs). Memory then stays near that of a 35-page document; the text is shaped twice.
constexpr size_t stream_above_slabs = 4000;

// The PDF's title, author, subject and dates, all from the report.
DocumentMetadata make_metadata(const Report& report);

DocumentFrames lay_out_document(const Report& report, const Style& style, const FontRegistry& fonts,
                                const Hyphenator* hyphenator, const LayoutOptions& options, Diagnostics& diags);

}  // namespace rapport
