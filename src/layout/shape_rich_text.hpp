#pragma once
// The report's inline text (emphasis, links, footnote marks) as styled runs for the text stage.
#include "model/report.hpp"
#include "text/shape_text.hpp"

namespace rapport {

// Links are coloured and underlined and never hyphenated; a footnote's mark is raised and
// links to its note; `backticks` stay whole.
ShapedText shape_rich_text(PangoContext* context, const RichText& text, const ShapeRequest& request);

}  // namespace rapport
