#include "layout/shape_rich_text.hpp"

namespace rapport {

ShapedText shape_rich_text(PangoContext* context, const RichText& text, const ShapeRequest& request) {
  std::vector<TextRun> runs;
  std::vector<LinkRange> links;
  int at = 0;
  for (const auto& span : text) {
    TextRun run;
    run.text = span.text;
    run.strong = span.strong;
    run.emphasis = span.emphasis;
    run.hyphenate = !span.keep_whole && span.link.empty();
    int start = at, end = at + static_cast<int>(span.text.size());
    at = end;
    if (!span.footnote.empty()) {
      run.raised = true;
      run.color = request.link_color;
      if (!span.link.empty()) links.push_back({start, end, span.link, true, span.anchor});
    } else if (!span.link.empty()) {
      run.color = request.link_color;
      run.underline = true;
      links.push_back({start, end, span.link, false, {}});
    }
    runs.push_back(std::move(run));
  }
  ShapedText shaped = shape_runs(context, runs, request);
  shaped.links = std::move(links);
  return shaped;
}

}  // namespace rapport
