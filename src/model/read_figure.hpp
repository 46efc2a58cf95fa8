#pragma once
#include "model/build_context.hpp"

namespace rapport {

// `figure: {file, width, caption, source, alt, placement, id}`; every problem is reported
// at its key (the picture file's under the report's file-access rules), the figure returned
// as far as it could be read.
Figure read_figure(BuildContext& ctx, const YAML::Node& node);

// `figures: {title: …}`, the list of figures (the plain word `figures` is read in build_report).
FiguresBlock read_figures(BuildContext& ctx, const YAML::Node& node);

}  // namespace rapport
