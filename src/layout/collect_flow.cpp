#include "layout/collect_flow.hpp"

#include <algorithm>

#include "layout/draw_chart.hpp"
#include "layout/describe_chart.hpp"
#include "layout/draw_status_icon.hpp"
#include "layout/lay_out_figure.hpp"
#include "layout/lay_out_footnotes.hpp"
#include "layout/lay_out_overview.hpp"
#include "layout/lay_out_signoff.hpp"
#include "layout/lay_out_table.hpp"
#include "frames/picture.hpp"

namespace rapport {
namespace {

constexpr double list_item_gap = 2;
constexpr double fact_gap = 1;

class FlowBuilder {
 public:
  // `ctx` is copied: its page turns for landscape spans.
  FlowBuilder(const LayoutContext& ctx, const BlockDone& block_done) : ctx_(ctx), block_done_(block_done) {}

  Flow finish() { return std::move(flow_); }

  void blocks(const std::vector<Block>& content) {
    for (size_t i = 0; i < content.size(); ++i) {
      find_grid_run(content, i);
      std::visit([this](const auto& b) { add(b); }, content[i]);
      if (block_done_) block_done_(flow_);
    }
  }

  // The layout places the sign-off block after the content.
  void add_signoff() {
    if (!ctx_.style.signoff_at_end || !ctx_.report.info.decision) return;
    // Never alone on the last page: the content's last lines come along, on their page's orientation.
    if (!flow_.slabs.empty() && flow_.slabs.back().landscape && !ctx_.landscape) return on_landscape([this] { add_signoff(); });
    if (!flow_.slabs.empty()) flow_.slabs.back().keep_with_next = true;
    const TextStyle& body = ctx_.style.body;
    push_all(lay_out_signoff(ctx_), body.space_before + 3 * body.space_after);
  }

 private:
  // Opens a block: the first slab it adds is spaced max(gap left by the block above, `before`).
  void open(double before) { opening_gap_ = std::max(gap_, before); }
  void close(double after) { gap_ = after; }

  // Whether a section or table that asks for landscape turns the page: not inside a landscape
  // span, nor on a layout whose own page is already wider than tall.
  bool turns(bool landscape) const {
    return landscape && !ctx_.landscape && ctx_.style.page.width < ctx_.style.page.height;
  }

  // Lays out what `lay_out` adds on the layout's page turned to landscape; everything inside
  // stays landscape (a portrait table in a landscape section included).
  template <class LayOut>
  void on_landscape(LayOut&& lay_out) {
    const PageStyle portrait = ctx_.page;
    ctx_.page = ctx_.style.page.turned();
    ctx_.landscape = true;
    lay_out();
    ctx_.page = portrait;
    ctx_.landscape = false;
  }

  void push(Slab slab) {
    if (opening_gap_) {
      slab.space_before = *opening_gap_;
      opening_gap_.reset();
    }
    if (break_pending_) {
      slab.page_break_before = true;
      break_pending_ = false;
    }
    slab.landscape = ctx_.landscape;
    flow_.slabs.push_back(std::move(slab));
  }

  // Lines of text pushed as slabs, enclosed in the structure element `role` opens.
  void push_lines(const ShapedText& shaped, const TextStyle& text, double x, const TagItem& role) {
    size_t first = flow_.slabs.size();
    std::vector<Slab> lines;
    append_lines(ctx_, shaped, text, x, lines);
    for (auto& s : lines) push(std::move(s));
    tag_since(first, role);
  }

  // Encloses the slabs from `first` to the last one pushed in a structure element.
  void tag_since(size_t first, const TagItem& begin) {
    if (first >= flow_.slabs.size()) return;
    auto& head = flow_.slabs[first].items;
    head.insert(head.begin(), begin);
    flow_.slabs.back().items.push_back(end_tag(begin.role));
  }

  void paragraph(const RichText& text, const TextStyle& style, double x, const SourcePos& pos) {
    ShapeRequest request = ctx_.hyphenating(style, ctx_.left() + ctx_.text_width() - x);
    request.justify = ctx_.style.justify;
    ShapedText shaped = shape_rich_text(ctx_.pango, ctx_.prepared(text), request);
    ctx_.check_glyphs(shaped, pos);
    push_lines(shaped, style, x, begin_tag("P"));
  }

  // A list marker ("•", "3.") set in the indent before the item's first line, as its label.
  void add_marker(size_t slab_index, const std::string& marker, double x) {
    if (slab_index >= flow_.slabs.size()) return;
    const TextStyle& body = ctx_.style.body;
    ShapedText shaped = shape_plain_text(ctx_.pango, marker, ctx_.request(body, -1));
    Slab& first = flow_.slabs[slab_index];
    double baseline = 0;
    for (const auto& item : first.items)
      if (auto* line = std::get_if<TextLineItem>(&item)) {
        baseline = line->baseline;
        break;
      }
    auto placed = place_lines(shaped, ctx_.pitch(body));
    std::vector<Item> label = {TextLineItem{placed.front().line, x, baseline, body.color}};
    enclose(label, begin_tag("Lbl"));
    first.items.insert(first.items.begin(), label.begin(), label.end());
  }

  void prose(const std::vector<Prose>& items, double x) {
    const TextStyle& body = ctx_.style.body;
    for (const auto& p : items) {
      open(body.space_after);
      if (p.is_list) list(p, x);
      else paragraph(p.text, body, x, p.pos);
      close(body.space_after);
    }
  }

  void list(const Prose& list, double x) {
    const double indent = ctx_.style.list_indent;
    size_t list_first = flow_.slabs.size();
    int number = list.start;
    for (const auto& item : list.items) {
      size_t first = flow_.slabs.size();
      // The last item never goes alone to the top of a page.
      if (&item == &list.items.back() && list.items.size() > 1 && first > list_first)
        flow_.slabs[first - 1].keep_with_next = true;
      std::string marker = list.ordered ? std::to_string(number++) + "." : ctx_.style.bullet;
      for (size_t i = 0; i < item.content.size(); ++i) {
        const Prose& p = item.content[i];
        if (p.is_list) {
          open(list_item_gap);
          this->list(p, x + indent);
        } else {
          open(i == 0 ? list_item_gap : ctx_.style.body.space_after);
          paragraph(p.text, ctx_.style.body, x + indent, p.pos);
        }
        close(list_item_gap);
      }
      tag_since(first, begin_tag("LBody"));
      add_marker(first, marker, x + (list.ordered ? 0 : indent * 0.3));
      tag_since(first, begin_tag("LI"));
    }
    tag_since(list_first, begin_tag("L"));
  }

  void add(const std::unique_ptr<Section>& section) {
    if (turns(section->landscape)) return on_landscape([&] { add(section); });
    const TextStyle& style = ctx_.style.headings[static_cast<size_t>(std::clamp(section->level, 1, 4) - 1)];
    if (ctx_.style.new_page_level >= section->level && !flow_.slabs.empty()) break_pending_ = true;
    flow_.headings.push_back({section->id, section->heading, section->level, section->in_toc});
    open(style.space_before);
    ShapedText shaped = shape_plain_text(ctx_.pango, section->heading, ctx_.request(style, ctx_.text_width()));
    ctx_.check_glyphs(shaped, section->pos);
    size_t first = flow_.slabs.size();
    push_lines(shaped, style, ctx_.left(), begin_tag("H" + std::to_string(std::clamp(section->level, 1, 4))));
    for (size_t i = first; i < flow_.slabs.size(); ++i) flow_.slabs[i].keep_with_next = true;
    flow_.slabs[first].heading_level = section->level;
    auto& items = flow_.slabs[first].items;
    items.insert(items.begin(), AnchorItem{section->id, ctx_.left(), 0});  // the target precedes the heading
    close(style.space_after);
    blocks(section->content);
  }

  void add(const TextBlock& text) { prose(text.prose, ctx_.left()); }

  void add(const Assessment& assessment) {
    const TextStyle& label_style = ctx_.style.assessment_label;
    const StatusStyle* status = ctx_.style.status(assessment.status);
    if (!status) return;  // reported when the report was checked against the layout
    double icon = label_style.size * 1.45;
    double gap = label_style.size * 0.5;
    std::string label = assessment.label.empty() ? status->label : assessment.label;
    ShapedText shaped = shape_plain_text(ctx_.pango, label, ctx_.request(label_style, ctx_.text_width() - icon - gap));
    ctx_.check_glyphs(shaped, assessment.pos);
    Slab slab;
    double text_height = place_text(ctx_, shaped, label_style, ctx_.left() + icon + gap, 0, slab.items);
    slab.height = std::max(icon, text_height);
    if (text_height < icon)
      for (auto& item : slab.items) translate(item, 0, (icon - text_height) / 2);
    auto figure = draw_status_icon(*status, ctx_.left(), (slab.height - icon) / 2, icon);
    // The icon (a Figure) after its label: a reader meets the words first, then what the icon adds.
    slab.items.insert(slab.items.end(), figure.begin(), figure.end());
    enclose(slab.items, begin_tag("P"));
    slab.keep_with_next = true;
    open(ctx_.style.body.space_after);
    push(std::move(slab));
    close(ctx_.style.body.space_after);
    prose(assessment.text, ctx_.left());
  }

  void add(const Facts& facts) {
    const TextStyle& body = ctx_.style.body;
    for (size_t i = 0; i < facts.items.size(); ++i) {
      open(i == 0 ? body.space_after : fact_gap);
      RichText text{{facts.items[i].label + ":", false, true, {}}, {" " + facts.items[i].value, false, false, {}}};
      paragraph(text, body, ctx_.left(), {});
      close(fact_gap);
    }
    close(body.space_after);
  }

  void add(const Table& table) {
    if (turns(table.landscape)) return on_landscape([&] { add(table); });
    const Style& style = ctx_.style;
    open(style.body.space_after * 1.5);
    size_t table_first = flow_.slabs.size();
    if (!table.caption.empty() && !table.caption_below) {
      caption(table.caption);
      for (size_t i = table_first; i < flow_.slabs.size(); ++i) flow_.slabs[i].keep_with_next = true;
      opening_gap_ = style.caption.space_after;
    }
    TableSlabs slabs = lay_out_table(ctx_, table, shared_grid(table));
    if (slabs.header.empty()) {  // no columns: nothing to lay out
      close(style.body.space_after * 1.5);
      return;
    }
    int id = static_cast<int>(flow_.table_headers.size());
    // Repeated on later pages as an artifact, under the caption marked as continued: a reader
    // meets the header once.
    std::vector<Slab> repeated;
    if (!table.caption.empty() && !table.caption_below) {
      repeated = caption_lines(table.caption + " " + style.continued);
      repeated.back().height += style.caption.space_after;
    }
    repeated.insert(repeated.end(), slabs.header.begin(), slabs.header.end());
    for (auto& s : repeated) {
      remove_tags(s.items);
      s.landscape = ctx_.landscape;
    }
    repeated.front().items.insert(repeated.front().items.begin(), begin_tag("Artifact"));
    repeated.back().items.push_back(end_tag("Artifact"));
    flow_.table_headers.push_back(std::move(repeated));
    size_t header_first = flow_.slabs.size();
    for (auto& s : slabs.header) push(std::move(s));
    tag_since(header_first, begin_tag("THead"));
    size_t body_first = flow_.slabs.size();
    for (auto& s : slabs.body) {
      s.table = id;
      push(std::move(s));
    }
    tag_since(body_first, begin_tag("TBody"));
    if (!table.caption.empty() && table.caption_below) {  // kept with the table's last row
      flow_.slabs.back().keep_with_next = true;
      opening_gap_ = style.caption.space_after;  // the gap a caption above leaves, mirrored
      caption(table.caption);
    }
    tag_since(table_first, begin_tag("Table"));
    if (!table.id.empty()) {
      auto& head = flow_.slabs[table_first].items;
      head.insert(head.begin(), AnchorItem{table.id, ctx_.left(), 0});
    }
    for (auto& s : slabs.notes) push(std::move(s));
    mark_block(table_first, table.keep == Table::Keep::together ? KeepBlock::Keep::together : KeepBlock::Keep::automatic);
    close(style.body.space_after * 1.5);
  }

  // A picture at its width, the height from its aspect ratio, never taller than this share of
  // a page, so that its caption always fits under it.
  static constexpr double max_figure_height = 0.75;

  void add(const Figure& figure) {
    if (!figure.picture || figure.picture->width <= 0) return;  // reported when the report was read
    constexpr double points_per_mm = 72.0 / 25.4;
    double width = figure.width_kind == Figure::WidthKind::percent ? ctx_.text_width() * figure.width / 100
                                                                   : std::min(ctx_.text_width(), figure.width * points_per_mm);
    double height = width * figure.picture->height / figure.picture->width;
    double tallest = ctx_.page.content_height() * max_figure_height;
    if (height > tallest) {
      width *= tallest / height;
      height = tallest;
    }
    std::string anchor = figure.id.empty() ? figure_anchor(figure.number) : figure.id;
    flow_.figures.push_back({anchor, numbered_caption(ctx_.style, figure.number, figure.caption)});
    std::vector<Item> drawn = {ImageItem{figure.picture, 0, 0, width, height}};
    open(ctx_.style.body.space_after * 1.5);
    size_t first = flow_.slabs.size();
    for (auto& s : lay_out_figure(ctx_, std::move(drawn), width, height,
                                  {figure.number, figure.caption, figure.source, figure.alt, anchor}))
      push(std::move(s));
    mark_block(first, KeepBlock::Keep::together, !figure.here);
    close(ctx_.style.body.space_after * 1.5);
  }

  void add(const FiguresBlock& figures) {
    flow_.figures_at = flow_.slabs.size();
    flow_.figures_block = figures;
  }

  // The slabs from `first` on are kept on one page when they fit, as `keep` says.
  void mark_block(size_t first, KeepBlock::Keep keep, bool floating = false) {
    int block = static_cast<int>(flow_.blocks.size());
    flow_.blocks.push_back({keep, floating});
    for (size_t i = first; i < flow_.slabs.size(); ++i) flow_.slabs[i].block = block;
  }

  void add(const AddressBlock& address) {
    const TextStyle& style = ctx_.style.back_page;
    open(style.space_before + ctx_.style.body.space_after);
    for (const auto& line : address.lines) paragraph({{line, false, false, {}}}, style, ctx_.left(), {});
    close(ctx_.style.body.space_after);
  }

  void add(const TocBlock& toc) {
    flow_.toc_at = flow_.slabs.size();
    flow_.toc = toc;
  }

  void add(const PageBreak&) { break_pending_ = true; }

  void caption(const std::string& text) {
    size_t first = flow_.slabs.size();
    for (auto& s : caption_lines(text)) push(std::move(s));
    tag_since(first, begin_tag("Caption"));
  }

  std::vector<Slab> caption_lines(const std::string& text) const {
    const TextStyle& style = ctx_.style.caption;
    ShapedText shaped = shape_plain_text(ctx_.pango, text, ctx_.request(style, ctx_.text_width()));
    std::vector<Slab> lines;
    append_lines(ctx_, shaped, style, ctx_.left(), lines);
    return lines;
  }

  // A title for a generated block, kept with what follows.
  void block_title(const std::string& title) {
    if (title.empty()) return;
    const TextStyle& style = ctx_.style.caption;
    ShapedText shaped = shape_plain_text(ctx_.pango, title, ctx_.request(style, ctx_.text_width()));
    size_t first = flow_.slabs.size();
    open(style.space_before + ctx_.style.body.space_after);
    push_lines(shaped, style, ctx_.left(), begin_tag("P"));
    for (size_t i = first; i < flow_.slabs.size(); ++i) flow_.slabs[i].keep_with_next = true;
    close(style.space_after);
  }

  void push_all(std::vector<Slab> slabs, double before) {
    open(before);
    for (auto& s : slabs) push(std::move(s));
    close(ctx_.style.body.space_after);
  }

  void add(const LegendBlock& legend) {
    std::vector<Slab> entries = status_legend(ctx_, legend.all);
    if (entries.empty()) {  // a heading over nothing
      ctx_.diags.warning(legend.pos, "the legend is left out: the document uses no status",
                         "give a goal an assessment with a status, or write 'legend: {all: true}' for every status of the layout");
      return;
    }
    block_title(legend.title.empty() ? "Teckenförklaring" : legend.title);
    push_all(std::move(entries), ctx_.style.body.space_after);
  }

  void add(const OverviewBlock& overview) {
    block_title(overview.title);
    Table table = goal_overview_table(ctx_);
    if (table.rows.empty()) return;
    add(table);
    block_title("Antal per status");
    push_all(status_count_chart(ctx_, table), ctx_.style.body.space_after);
  }

  // A chart is a numbered figure like a picture: the drawing, its caption and source under it,
  // one keep block that floats to the next page's top rather than leave a hole.
  void add(const Chart& chart) {
    ChartDrawing drawing = draw_chart(ctx_, chart);
    for (auto& item : drawing.items) translate(item, -ctx_.left(), 0);  // into the figure's box
    std::string anchor = figure_anchor(chart.number);
    flow_.figures.push_back({anchor, numbered_caption(ctx_.style, chart.number, chart.caption)});
    open(ctx_.style.body.space_after * 1.5);
    size_t first = flow_.slabs.size();
    FigureFrame frame{chart.number, chart.caption, chart.source, describe_chart(chart, ctx_.style.numbers), anchor};
    for (auto& s : lay_out_figure(ctx_, std::move(drawing.items), ctx_.text_width(), drawing.height, frame))
      push(std::move(s));
    mark_block(first, KeepBlock::Keep::together, true);
    close(ctx_.style.body.space_after * 1.5);
  }

  void add(const OfficialsBlock&) {
    Facts facts;
    for (const auto& official : ctx_.report.info.officials) facts.items.push_back({official.role, official.name});
    add(facts);
  }

  // Tables that follow one another with the same columns (Previa's "Kronor" then "i %", an
  // action table per initiative with a paragraph between) read as one: they share a column
  // grid fitted to all their rows, so their columns line up. A run is tables of one content
  // list with nothing but text between them; decided here, where the blocks' order is known,
  // and fitted when the first of them is laid out, on its page's width.
  static bool same_columns(const Table& a, const Table& b) {
    auto same = [](const Column& x, const Column& y) {
      return x.title == y.title && x.align == y.align && x.kind == y.kind && x.width.kind == y.width.kind &&
             x.width.value == y.width.value;
    };
    return a.landscape == b.landscape && std::equal(a.columns.begin(), a.columns.end(), b.columns.begin(), b.columns.end(), same);
  }

  // The index of the table after block i across text; none when another block comes first.
  static std::optional<size_t> next_table(const std::vector<Block>& content, size_t i) {
    for (size_t j = i + 1; j < content.size(); ++j) {
      if (std::holds_alternative<Table>(content[j])) return j;
      if (!std::holds_alternative<TextBlock>(content[j])) return std::nullopt;
    }
    return std::nullopt;
  }

  void find_grid_run(const std::vector<Block>& content, size_t i) {
    const auto* table = std::get_if<Table>(&content[i]);
    if (!table || std::find(grid_run_.tables.begin(), grid_run_.tables.end(), table) != grid_run_.tables.end()) return;
    grid_run_ = {{table}, std::nullopt, false};
    for (auto j = next_table(content, i); j && same_columns(*table, std::get<Table>(content[*j])); j = next_table(content, *j))
      grid_run_.tables.push_back(&std::get<Table>(content[*j]));
  }

  const ColumnGrid* shared_grid(const Table& table) {
    auto& run = grid_run_;
    if (run.tables.size() < 2 || std::find(run.tables.begin(), run.tables.end(), &table) == run.tables.end()) return nullptr;
    if (!run.fitted) run.grid = shared_column_grid(ctx_, run.tables);
    run.fitted = true;
    return run.grid ? &*run.grid : nullptr;  // none when the rows together are too wide: each its own
  }

  struct GridRun {
    std::vector<const Table*> tables;
    std::optional<ColumnGrid> grid;
    bool fitted = false;
  };

  LayoutContext ctx_;
  const BlockDone& block_done_;
  Flow flow_;
  GridRun grid_run_;
  double gap_ = 0;
  std::optional<double> opening_gap_;
  bool break_pending_ = false;
};

}  // namespace

Flow collect_flow(const LayoutContext& ctx, const BlockDone& block_done) {
  FlowBuilder builder(ctx, block_done);
  builder.blocks(ctx.report.content);
  builder.add_signoff();
  Flow flow = builder.finish();
  if (flow.figures_at && flow.figures.empty())  // a title over nothing
    ctx.diags.warning(flow.figures_block.pos, "the list of figures is left out: the document has no figure",
                      "add a figure (- figure: {file: …}), or remove the 'figures' block");
  flow.notes = lay_out_footnotes(ctx);
  return flow;
}

}  // namespace rapport
