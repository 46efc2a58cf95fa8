// `figure:` blocks: a picture file read under the report's file-access rules, like a CSV file.
#include <filesystem>
#include <algorithm>
#include <regex>

#include "diag/suggest.hpp"
#include "frames/picture.hpp"
#include "model/build_context.hpp"
#include "model/format_keys.hpp"
#include "model/read_figure.hpp"

namespace rapport {
namespace {

// Every byte is read before decoding: a picture file is held to the limit of text inputs.
constexpr std::uintmax_t max_picture_bytes = max_text_bytes;

// `width: 80%` or `width: 120mm`; the width against the text is checked with the layout.
void read_width(BuildContext& ctx, const YAML::Node& node, Figure& figure) {
  figure.width_pos = ctx.reader.pos(node);
  static const std::regex pattern(R"((-?\d{1,5}(?:[.,]\d{1,3})?)\s*(mm|%))");
  std::string written = text_or_empty(ctx, node, "'width'");
  std::smatch m;
  if (!std::regex_match(written, m, pattern)) {
    ctx.reader.diags().error(figure.width_pos, "'width' must be a share of the text width such as 80% or a length such as 120mm, found " +
                                                   quote_excerpt(written),
                             "write a number followed by % or mm");
    return;
  }
  std::string number = m.str(1);
  std::replace(number.begin(), number.end(), ',', '.');
  double value = std::stod(number);
  bool mm = m.str(2) == "mm";
  if (value <= 0) {
    ctx.reader.diags().error(figure.width_pos, "the figure's 'width' must be more than zero, found " + quote_excerpt(written),
                             mm ? "give its width in mm, up to the text width" : "give a share of the text width, 1–100 %");
    return;
  }
  if (!mm && value > 100) {
    ctx.reader.diags().error(figure.width_pos, "the figure's 'width' is " + quote_excerpt(written) + ", more than the text width",
                             "give at most 100%: a figure is never wider than the text");
    return;
  }
  figure.width_kind = mm ? Figure::WidthKind::millimetres : Figure::WidthKind::percent;
  figure.width = value;
}

void read_placement(BuildContext& ctx, const YAML::Node& node, Figure& figure) {
  std::string placement = text_or_empty(ctx, node, "'placement'");
  if (placement == "auto" || placement == "here") {
    figure.here = placement == "here";
    return;
  }
  std::string guess = closest_match(placement, {"auto", "here"});
  ctx.reader.diags().error(ctx.reader.pos(node), "unknown placement " + quote_excerpt(placement),
                           guess.empty() ? "write 'placement: auto' (the text that follows may fill the page first) or 'placement: here'"
                                         : "did you mean '" + guess + "'?");
}

// The file, decoded now so that a missing, refused, corrupt or too large picture is an input
// error at the key that names it.
void read_file(BuildContext& ctx, const YAML::Node& node, Figure& figure) {
  std::string name = text_or_empty(ctx, node, "'file'");
  if (name.empty()) {
    ctx.reader.diags().error(ctx.reader.pos(node), "the figure's 'file' is empty", "name an SVG, PNG or JPEG file beside the report");
    return;
  }
  SourcePos at = ctx.reader.pos(node);
  figure.file = (std::filesystem::path(ctx.reader.source().path).parent_path() / name).string();
  ctx.data_files.push_back(figure.file);
  std::error_code ec;
  if (!std::filesystem::exists(figure.file, ec)) {
    ctx.reader.diags().error(at, "the figure file '" + figure.file + "' does not exist",
                             "name an SVG, PNG or JPEG file relative to the report's folder");
    return;
  }
  try {
    check_readable(*ctx.access, figure.file, at, max_picture_bytes);
    figure.picture = load_picture(figure.file, at);
    ctx.pictures.push_back(figure.picture);
    if (figure.picture->svg_text.find("<text") != std::string::npos)
      ctx.reader.diags().warning(at, "the figure has SVG text, which would be set in whatever fonts a machine has",
                                 "convert the text to paths in the drawing program, or put the words in the caption");
  } catch (const InputError& e) {
    ctx.reader.diags().append(e.diagnostics());
  }
}

}  // namespace

Figure read_figure(BuildContext& ctx, const YAML::Node& node) {
  Figure figure;
  figure.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "figure", format_keys("figure"));
  if (!fields.valid()) return figure;
  if (YAML::Node file = fields.get("file"); file.IsDefined()) read_file(ctx, file, figure);
  else
    ctx.reader.diags().error(figure.pos, "the figure has no 'file'", "name the picture: - figure: {file: diagram.svg, …}");
  if (YAML::Node width = fields.get("width"); width.IsDefined()) read_width(ctx, width, figure);
  figure.caption = title_or_empty(ctx, fields.get("caption"), "'caption'");
  figure.source = title_or_empty(ctx, fields.get("source"), "'source'");
  figure.alt = text_or_empty(ctx, fields.get("alt"), "'alt'");
  if (YAML::Node placement = fields.get("placement"); placement.IsDefined()) read_placement(ctx, placement, figure);
  if (YAML::Node id = fields.get("id"); id.IsDefined()) figure.id = read_block_id(ctx, id);
  return figure;
}

FiguresBlock read_figures(BuildContext& ctx, const YAML::Node& node) {
  FiguresBlock figures;
  figures.pos = ctx.reader.pos(node);
  figures.title = read_block_title(ctx, node, "figures");
  return figures;
}

}  // namespace rapport
