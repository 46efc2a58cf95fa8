#include "layout/lay_out_document.hpp"

#include <algorithm>

#include "layout/add_page_furniture.hpp"
#include "layout/build_toc.hpp"
#include "layout/collect_flow.hpp"
#include "layout/collect_reference_targets.hpp"
#include "layout/paginate.hpp"

namespace rapport {
namespace {

// The TOC can only lengthen or shorten by whole entries, so this settles in two rounds (three
// when page references change a line's length); the bound guards against a layout where it
// would oscillate.
constexpr int max_rounds = 6;

// The body's slabs (the flow's, or their skeletons) with the generated lists (the TOC, the
// list of figures) at their places.
std::vector<Slab> with_lists(std::vector<Slab> body, const Flow& flow, std::vector<Slab> toc, std::vector<Slab> figures) {
  if (!flow.toc_at && !flow.figures_at) return body;
  std::vector<std::pair<size_t, std::vector<Slab>*>> lists;
  if (flow.toc_at) lists.push_back({*flow.toc_at, &toc});
  if (flow.figures_at) lists.push_back({*flow.figures_at, &figures});
  std::stable_sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Slab> slabs;
  slabs.reserve(body.size() + toc.size() + figures.size());
  auto from = body.begin();
  for (auto& [at, list] : lists) {
    auto to = body.begin() + static_cast<long>(at);
    slabs.insert(slabs.end(), std::make_move_iterator(from), std::make_move_iterator(to));
    slabs.insert(slabs.end(), std::make_move_iterator(list->begin()), std::make_move_iterator(list->end()));
    from = to;
  }
  slabs.insert(slabs.end(), std::make_move_iterator(from), std::make_move_iterator(body.end()));
  return slabs;
}

// A copy of `slab` holding `items` instead of its own, which are not copied.
Slab copy_with(Slab& slab, std::vector<Item> items) {
  std::swap(slab.items, items);
  Slab copy = slab;
  std::swap(slab.items, items);
  return copy;
}

// What pagination decides by: each slab's geometry and flags and, of its items, only the
// structure tags (a floating figure moves only to where elements close) and the anchors
// (where headings land). A trial round paginates these, so it copies no text.
std::vector<Slab> skeletons(std::vector<Slab>& slabs) {
  std::vector<Slab> out;
  out.reserve(slabs.size());
  for (auto& slab : slabs) {
    std::vector<Item> kept;
    for (const auto& item : slab.items)
      if (std::holds_alternative<TagItem>(item) || std::holds_alternative<AnchorItem>(item)) kept.push_back(item);
    out.push_back(copy_with(slab, std::move(kept)));
  }
  return out;
}

// Printed page numbers count the cover, when there is one, as page 1.
std::map<std::string, int> page_numbers(const Pagination& pagination, int first_number) {
  std::map<std::string, int> numbers;
  for (const auto& [name, index] : pagination.anchor_pages) numbers[name] = static_cast<int>(index) + first_number;
  return numbers;
}

struct Settled {
  Flow flow;
  Pagination pagination;
};

// Pages, laid out again until the TOC's numbers, and the page references' in the text, are
// the pages where their targets landed. Only a report with page references collects its text
// more than once; the later rounds' warnings repeat the first's and are dropped. The rounds
// that find the numbers paginate skeletons; once they agree, the flow itself is
// paginated, its items moved onto the pages, so the text is never held twice.
Settled paginate_until_settled(LayoutContext ctx, int first_page_number) {
  ReferenceTargets targets = collect_reference_targets(ctx.report);
  References references{std::move(targets.targets), {}};
  ctx.references = &references;
  Flow flow = collect_flow(ctx);
  Diagnostics repeated;
  LayoutContext again{ctx.report, ctx.style, ctx.pango, repeated, ctx.hyphenator, &references};
  const int cover = ctx.style.has_cover ? 1 : 0;
  for (int round = 0; round < max_rounds; ++round) {
    if (round > 0 && targets.used) flow = collect_flow(again);
    std::vector<Slab> toc = flow.toc_at ? build_toc(ctx, flow, references.pages) : std::vector<Slab>{};
    std::vector<Slab> figures = flow.figures_at ? build_figure_list(ctx, flow, references.pages) : std::vector<Slab>{};
    bool settled = !flow.toc_at && !flow.figures_at && !targets.used;
    if (!settled) {
      Pagination trial = paginate(ctx, with_lists(skeletons(flow.slabs), flow, skeletons(toc), skeletons(figures)), flow);
      auto landed = page_numbers(trial, first_page_number + cover);
      settled = landed == references.pages;
      if (!settled) references.pages = std::move(landed);
    }
    if (settled) {
      Pagination pages = paginate(ctx, with_lists(std::move(flow.slabs), flow, std::move(toc), std::move(figures)), flow);
      return {std::move(flow), std::move(pages)};
    }
  }
  throw std::runtime_error("the table of contents or the page references did not settle on stable page numbers");
}

std::vector<OutlineEntry> make_outline(const Flow& flow) {
  std::vector<OutlineEntry> outline;
  for (const auto& h : flow.headings) outline.push_back({h.title, h.level, h.id, h.in_toc});
  return outline;
}

}  // namespace

DocumentMetadata make_metadata(const Report& report) {
  const DocumentInfo& info = report.info;
  DocumentMetadata meta;
  meta.title = info.title + " – " + info.committee;
  meta.author = info.author.empty() ? info.committee + ", " + info.municipality : info.author + ", " + info.municipality;
  meta.subject = info.kind + " " + (info.period.empty() ? info.date : info.period) + ", " + info.committee;
  for (const auto& k : info.keywords) meta.keywords += (meta.keywords.empty() ? "" : ", ") + k;
  meta.creator = std::string("rapport ") + RAPPORT_VERSION;
  meta.date = info.date + "T00:00:00";
  return meta;
}

DocumentFrames lay_out_document(const Report& report, const Style& style, const FontRegistry& fonts,
                                const Hyphenator* hyphenator, const LayoutOptions& options, Diagnostics& diags) {
  LayoutContext ctx{report, style, fonts.context(), diags, hyphenator};
  auto [flow, body] = paginate_until_settled(ctx, options.first_page_number);
  if (body.pages.size() > max_pages)
    diags.error({report.path, 0, 0}, "the report runs to more than " + std::to_string(max_pages) + " pages",
                "split it into several reports; a volume binds them together");

  DocumentFrames doc;
  doc.width = style.page.width;
  doc.height = style.page.height;
  if (style.has_cover) doc.pages.push_back(make_cover(ctx));
  size_t first_numbered = doc.pages.size();
  for (auto& page : body.pages) doc.pages.push_back(std::move(page));
  if (doc.pages.empty()) doc.pages.emplace_back();
  size_t last_numbered = doc.pages.size() - 1;
  if (options.back_page && style.has_back_page && !report.info.address.empty()) doc.pages.push_back(make_back_page(ctx));
  add_running_lines(ctx, doc.pages, first_numbered, last_numbered, {options.first_page_number, options.total_pages});
  if (options.draft) add_watermark(ctx, doc.pages);
  doc.outline = make_outline(flow);
  doc.metadata = make_metadata(report);
  return doc;
}

}  // namespace rapport
