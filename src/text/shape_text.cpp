#include "text/shape_text.hpp"

#include <algorithm>

#include "text/paragraph.hpp"

namespace rapport {
namespace {

// How the breaker weighs a paragraph. Ragged lines fall short of the measure by `ragged_slack`
// of it at badness 100. A first pass without the dictionary accepts lines up to badness 200
// (TeX's \tolerance: ragged lines a quarter short, justified spaces 1.6 times their width);
// only a paragraph that cannot be set so is set again with dictionary breaks. Their penalties
// keep a compound's boundary well ahead of a syllable's; a syllable break costs as much as a
// line at badness 1000, which took justified Norrtälje text from 10.4 % hyphenated lines (at
// 400/100) to 9.3 %, its spaces still at most twice their width.
struct Tuning {
  double ragged_slack = 0.2;
  double first_tolerance = 200;
  double ragged_second_tolerance = 1000;
  double justified_second_tolerance = 800;  // spaces at most twice their width
  double syllable_penalty = 1000;
  double compound_penalty = 400;
  double hard_hyphen_penalty = 60;
  double emergency_penalty = 5000;  // inside a word wider than the measure
  double inside_compound_penalty = 2500;  // the last resort: "fyramåna-dersrapporten"
};

BreakParams params_for(const ShapeRequest& request, const Tuning& t, double tolerance, bool emergency) {
  BreakParams params;
  params.width = request.width;
  params.justify = request.justify;
  params.ragged_stretch = request.width * t.ragged_slack;
  params.tolerance = tolerance;
  params.emergency = emergency;
  return params;
}

std::vector<LineBreak> forced_breaks_only(const BreakInput& input) {
  std::vector<LineBreak> breaks;
  for (size_t i = 0; i < input.items.size(); ++i)
    if (input.items[i].type == BreakItem::Type::penalty && input.items[i].penalty <= forced_break) breaks.push_back({i, 0});
  return breaks;
}

// Whether the breaks take a break meant for the last resort (inside a word without a hyphen,
// or between a compound's syllables): then a later pass, with the dictionary, may do better.
bool uses_last_resort(const BreakInput& input, const std::vector<LineBreak>& breaks, double threshold) {
  return std::any_of(breaks.begin(), breaks.end(), [&](const LineBreak& b) {
    const BreakItem& item = input.items[b.item];
    return item.type == BreakItem::Type::penalty && item.penalty >= threshold && item.penalty < no_break;
  });
}

bool is_invisible(uint32_t cp) { return cp < 0x20 || cp == 0xAD || cp == 0x2028 || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F); }

std::vector<uint32_t> missing_in(const Paragraph& p) {
  std::vector<uint32_t> missing;
  for (const auto& item : p.items)
    for (int i = 0; i < item.glyphs->num_glyphs; ++i) {
      PangoGlyph glyph = item.glyphs->glyphs[i].glyph;
      if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG)) continue;
      uint32_t cp = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
      if (!is_invisible(cp)) missing.push_back(cp);
    }
  return missing;
}

std::vector<double> alignment_offsets(const std::vector<std::shared_ptr<const TextLine>>& lines, const ShapeRequest& request) {
  double measure = request.width;
  if (measure < 0)
    for (const auto& line : lines) measure = std::max(measure, line->width);
  std::vector<double> offsets;
  for (const auto& line : lines) {
    double room = std::max(0.0, measure - line->width);
    offsets.push_back(request.align == Align::right ? room : request.align == Align::center ? room / 2 : 0);
  }
  return offsets;
}

}  // namespace

ShapedText shape_runs(PangoContext* context, const std::vector<TextRun>& runs, const ShapeRequest& request) {
  const Tuning tuning;
  std::shared_ptr<const Paragraph> shared = shaped_paragraph(context, runs, request);
  const Paragraph& p = *shared;
  Hyphenation hyphenation{nullptr, tuning.syllable_penalty, tuning.compound_penalty, tuning.hard_hyphen_penalty,
                          tuning.emergency_penalty, tuning.inside_compound_penalty};
  BreakInput input = break_input(p, request, hyphenation);
  ShapedText shaped;
  shaped.text = p.text;
  shaped.widest_word = input.widest_word;
  std::vector<LineBreak> breaks;
  shaped.widest_piece = input.widest_word;
  if (request.width < 0) {
    if (request.hyphenator) {
      hyphenation.hyphenator = request.hyphenator;
      shaped.widest_piece = break_input(p, request, hyphenation).widest_piece;
      hyphenation.hyphenator = nullptr;
    }
    breaks = forced_breaks_only(input);
  } else {
    breaks = break_lines(input.items, params_for(request, tuning, tuning.first_tolerance, false));
    if (request.hyphenator && (breaks.empty() || uses_last_resort(input, breaks, tuning.emergency_penalty / 2))) {
      hyphenation.hyphenator = request.hyphenator;
      input = break_input(p, request, hyphenation);
      double second = request.justify ? tuning.justified_second_tolerance : tuning.ragged_second_tolerance;
      breaks = break_lines(input.items, params_for(request, tuning, second, false));
      if (uses_last_resort(input, breaks, tuning.emergency_penalty)) breaks.clear();
    }
    if (breaks.empty()) {
      // The last resort: the last word may break too, and lines may be loose or overfull.
      hyphenation.hyphenator = request.hyphenator;
      hyphenation.last_word = true;
      input = break_input(p, request, hyphenation);
      breaks = break_lines(input.items, params_for(request, tuning, 0, true));
    }
    if (breaks.empty()) {  // only hyphens on three lines in a row could set it
      BreakParams params = params_for(request, tuning, 0, true);
      params.max_hyphens_in_row = 1000;
      breaks = break_lines(input.items, params);
    }
  }
  shaped.lines = set_lines(p, input, breaks, request);
  shaped.offsets = alignment_offsets(shaped.lines, request);
  shaped.missing = missing_in(p);
  return shaped;
}

ShapedText shape_plain_text(PangoContext* context, const std::string& text, const ShapeRequest& request) {
  TextRun run;
  run.text = text;
  return shape_runs(context, {run}, request);
}

std::vector<PlacedLine> place_lines(const ShapedText& shaped, double pitch) {
  std::vector<PlacedLine> placed;
  double top = 0;
  for (size_t i = 0; i < shaped.lines.size(); ++i) {
    const auto& line = shaped.lines[i];
    double own = line->ascent + line->descent;
    double box = std::max(pitch, own);
    placed.push_back({line, shaped.offsets[i], top, box, top + (box - own) / 2 + line->ascent});
    top += box;
  }
  return placed;
}

double logical_width(const ShapedText& shaped) {
  double width = 0;
  for (const auto& line : shaped.lines) width = std::max(width, line->width);
  return width;
}

std::vector<std::pair<double, double>> line_ranges(const TextLine& line, int start, int end) {
  std::vector<std::pair<double, double>> out;
  for (const auto& run : line.runs)
    for (const auto& cluster : run.clusters) {
      if (cluster.source < start || cluster.source >= end) continue;
      if (!out.empty() && std::abs(out.back().first + out.back().second - cluster.x) < 1e-6) out.back().second += cluster.width;
      else out.emplace_back(cluster.x, cluster.width);
    }
  return out;
}

}  // namespace rapport
