#include <algorithm>

#include "text/paragraph.hpp"

namespace rapport {
namespace {

constexpr double to_points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
const std::string soft_hyphen = "\u00AD";

std::string without_soft_hyphens(std::string_view bytes) {
  std::string out;
  for (size_t at = 0; at < bytes.size();) {
    if (bytes.compare(at, soft_hyphen.size(), soft_hyphen) == 0) at += soft_hyphen.size();
    else out += bytes[at++];
  }
  return out;
}

struct LineSpan {
  int start = 0, end = 0;
  bool adds_hyphen = false;
  double ratio = 0;  // the word spaces' stretch (>0) or shrink (<0), justified lines only
};

// How a justified line's extra width is shared out: word spaces stretch up to twice their
// width; what a line still lacks then goes into the gaps between letters, at most
// `max_tracking` of the font size each (as a typesetter's letter-spacing range allows), and
// only what that cannot take widens the spaces further.
constexpr double max_space = 2.0, max_tracking = 0.04;

struct Spacing {
  double space = 0;     // extra per point of word space (ratio × stretch share)
  double tracking = 0;  // extra after each letter cluster but the line's last
};

bool breakable_space_at(const Paragraph& p, int byte) {
  auto c = std::lower_bound(p.char_bytes.begin(), p.char_bytes.end(), byte) - p.char_bytes.begin();
  return p.text[static_cast<size_t>(byte)] == ' ' && p.attrs[static_cast<size_t>(c) + 1].is_line_break;
}

Spacing spacing_of(const Paragraph& p, const LineSpan& span, double size) {
  Spacing s;
  if (span.ratio <= 0) {
    s.space = std::max(span.ratio, -1.0) * space_shrink;
    return s;
  }
  s.space = span.ratio * space_stretch;
  if (1 + s.space <= max_space) return s;
  double spaces = 0;
  int gaps = -1;
  for (const auto& item : p.items)
    for (const auto& cluster : item.clusters) {
      if (cluster.start < span.start || cluster.start >= span.end) continue;
      if (breakable_space_at(p, cluster.start)) spaces += cluster.width;
      else ++gaps;
    }
  if (gaps <= 0 || spaces <= 0) return s;
  double extra = spaces * s.space, beyond = extra - spaces * (max_space - 1);
  s.tracking = std::min(beyond / gaps, max_tracking * size);
  s.space = (extra - s.tracking * gaps) / spaces;
  return s;
}

struct LineBuilder {
  const Paragraph& p;
  TextLine line;
  double pen = 0;
  Spacing spacing;
  int line_end = 0;

  // Room for exactly the clusters that start in [from, to) and a hyphen after them: a report
  // keeps every line, and vectors grown by doubling held a third more than their glyphs.
  static void reserve(GlyphRun& run, const std::vector<ClusterSpan>& spans, int from, int to) {
    size_t glyphs = 1, clusters = 1;
    for (const auto& span : spans)
      if (span.start >= from && span.start < to) {
        glyphs += static_cast<size_t>(span.glyph_count);
        ++clusters;
      }
    run.glyphs.reserve(run.glyphs.size() + glyphs);
    run.clusters.reserve(run.clusters.size() + clusters);
  }

  // Clusters of `glyphs` that start in [from, to), in glyph order, appended to `run`.
  void add_clusters(GlyphRun& run, const PangoGlyphString* glyphs, const std::vector<ClusterSpan>& spans, int from, int to) {
    reserve(run, spans, from, to);
    for (const auto& span : spans) {
      if (span.start < from || span.start >= to) continue;
      GlyphCluster cluster;
      cluster.source = span.start;
      cluster.x = pen;
      std::string text = without_soft_hyphens(std::string_view(p.text).substr(static_cast<size_t>(span.start),
                                                                             static_cast<size_t>(std::min(span.end, to) - span.start)));
      for (int g = span.first_glyph; g < span.first_glyph + span.glyph_count; ++g) {
        const PangoGlyphInfo& info = glyphs->glyphs[g];
        bool visible = info.glyph != PANGO_GLYPH_EMPTY && !(info.glyph & PANGO_GLYPH_UNKNOWN_FLAG);
        if (visible) {
          run.glyphs.push_back({.id = info.glyph,
                                .y = static_cast<float>(to_points(info.geometry.y_offset)),
                                .x = pen + to_points(info.geometry.x_offset)});
          ++cluster.glyphs;
        }
        pen += to_points(info.geometry.width);
      }
      if (spacing.space != 0 && breakable_space_at(p, span.start)) {
        pen += spacing.space * span.width;
        line.space_ratio = std::max(line.space_ratio, 1 + spacing.space);
      } else if (spacing.tracking > 0 && span.end < line_end) {
        pen += spacing.tracking;
      }
      cluster.width = pen - cluster.x;
      cluster.bytes = static_cast<int>(text.size());
      // Cairo wants every cluster to cover some text or some glyphs; an empty one joins the one before.
      if (cluster.bytes == 0 && cluster.glyphs == 0) continue;
      if ((cluster.bytes == 0 || cluster.glyphs == 0) && !run.clusters.empty()) {
        run.clusters.back().bytes += cluster.bytes;
        run.clusters.back().glyphs += cluster.glyphs;
        run.clusters.back().width += cluster.width;
      } else {
        run.clusters.push_back(cluster);
      }
      run.text += text;
    }
  }

  void add_piece(const ShapedItem& item, int from, int to) {
    const TextRun& style = p.runs[item.run];
    const FontInfo& font = p.fonts->info(item.item->analysis.font);
    GlyphRun run;
    run.font = font.font;
    run.start = from;
    run.end = to;
    run.x = pen;
    run.rise = style.raised ? p.raise : 0;
    run.color = style.color;
    run.underline = style.underline;
    run.underline_position = font.underline_position;
    run.underline_thickness = font.underline_thickness;
    bool cuts_cluster = std::any_of(item.clusters.begin(), item.clusters.end(), [&](const ClusterSpan& s) {
      return (s.start < from && from < s.end) || (s.start < to && to < s.end);
    });
    if (cuts_cluster) {
      // A break inside a ligature or other cluster: this piece is shaped on its own.
      PangoGlyphString* glyphs = pango_glyph_string_new();
      pango_shape_with_flags(p.text.data() + from, to - from, p.text.data(), static_cast<int>(p.text.size()), &item.item->analysis,
                             glyphs, PANGO_SHAPE_NONE);
      add_clusters(run, glyphs, clusters_of(glyphs, from, to - from), from, to);
      pango_glyph_string_free(glyphs);
    } else {
      add_clusters(run, item.glyphs, item.clusters, from, to);
    }
    run.width = pen - run.x;
    line.ascent = std::max(line.ascent, font.ascent + run.rise);
    line.descent = std::max(line.descent, font.descent - run.rise);
    line.runs.push_back(std::move(run));
  }

  void add_hyphen(int at) {
    if (line.runs.empty()) return;
    const ShapedItem* item = p.item_at(std::max(at - 1, 0));
    if (!item) return;
    const FontInfo& font = p.fonts->info(item->item->analysis.font, item->item->analysis);
    if (!font.has_hyphen) return;
    GlyphRun& run = line.runs.back();
    run.glyphs.push_back({.id = font.hyphen_glyph, .y = 0, .x = pen});
    run.clusters.push_back({static_cast<int>(soft_hyphen.size()), 1, at, pen, font.hyphen_width});
    run.text += soft_hyphen;
    pen += font.hyphen_width;
    run.width = pen - run.x;
    line.hyphenated = true;
  }
};

std::vector<LineSpan> line_spans(const Paragraph& p, const BreakInput& input, const std::vector<LineBreak>& breaks, bool justify) {
  std::vector<LineSpan> spans;
  int start = 0;
  for (const auto& brk : breaks) {
    const BreakItem& at = input.items[brk.item];
    LineSpan span;
    span.start = start;
    span.end = std::max(start, input.bytes[brk.item]);
    auto c = std::lower_bound(p.char_bytes.begin(), p.char_bytes.end(), span.end) - p.char_bytes.begin();
    while (span.end > span.start && c > 0 && p.attrs[static_cast<size_t>(c) - 1].is_white) {
      --c;
      span.end = p.char_bytes[static_cast<size_t>(c)];
    }
    span.adds_hyphen = at.type == BreakItem::Type::penalty && at.flagged && at.width > 0;
    bool ends_paragraph = at.type == BreakItem::Type::penalty && at.penalty <= forced_break;
    span.ratio = justify && !ends_paragraph ? brk.ratio : 0;
    spans.push_back(span);
    size_t next = brk.item + 1;
    while (next < input.items.size() && input.items[next].type != BreakItem::Type::box) ++next;
    start = next < input.items.size() ? input.bytes[next] : input.bytes[brk.item];
  }
  return spans;
}

}  // namespace

std::vector<std::shared_ptr<const TextLine>> set_lines(const Paragraph& p, const BreakInput& input,
                                                       const std::vector<LineBreak>& breaks, const ShapeRequest& request) {
  std::vector<std::shared_ptr<const TextLine>> lines;
  auto paragraph = std::make_shared<const std::string>(p.text);
  const auto spans = line_spans(p, input, breaks, request.justify);
  for (const LineSpan& span : spans) {
    LineBuilder b{p, {}, 0, spacing_of(p, span, request.style.size), span.end};
    b.line.paragraph = paragraph;
    b.line.index = static_cast<int>(lines.size());
    b.line.count = static_cast<int>(spans.size());
    b.line.start = span.start;
    b.line.end = span.end;
    for (const auto& item : p.items) {
      int from = std::max(span.start, item.start), to = std::min(span.end, item.end);
      if (from < to) b.add_piece(item, from, to);
    }
    if (span.adds_hyphen) b.add_hyphen(span.end);
    b.line.width = b.pen;
    if (b.line.runs.empty() && p.base_font) {
      const FontInfo& font = p.fonts->info(p.base_font);
      b.line.ascent = font.ascent;
      b.line.descent = font.descent;
    }
    lines.push_back(std::make_shared<const TextLine>(std::move(b.line)));
  }
  return lines;
}

}  // namespace rapport
