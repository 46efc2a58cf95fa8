#include "layout/lay_out_document.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

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

// What pagination decides by, of a slab's items: its anchors (where headings land) and how its
// structure tags change the depth of elements (a floating figure moves only to where elements
// close). Tags that open and close within the slab change nothing, so what is left of them is
// the closes it makes before the opens, with no role: a table row's or a line's slab keeps no
// tag at all.
std::vector<Item> skeleton_items(const std::vector<Item>& items) {
  std::vector<Item> kept;
  int closes = 0, opens = 0;
  for (const auto& item : items)
    if (auto* tag = std::get_if<TagItem>(&item)) {
      if (tag->kind == TagItem::Kind::begin) ++opens;
      else if (opens > 0) --opens;
      else ++closes;
    } else if (std::holds_alternative<AnchorItem>(item)) {
      kept.push_back(item);
    }
  for (int i = 0; i < closes; ++i) kept.push_back(end_tag({}));
  for (int i = 0; i < opens; ++i) kept.push_back(begin_tag({}));
  return kept;
}

// A copy of `slab` holding `items` instead of its own, which are not copied.
Slab copy_with(Slab& slab, std::vector<Item> items) {
  std::swap(slab.items, items);
  Slab copy = slab;
  std::swap(slab.items, items);
  return copy;
}

// Each slab's geometry and flags with only its skeleton items: a trial round paginates these,
// so it copies no text.
std::vector<Slab> skeletons(std::vector<Slab>& slabs) {
  std::vector<Slab> out;
  out.reserve(slabs.size());
  for (auto& slab : slabs) out.push_back(copy_with(slab, skeleton_items(slab.items)));
  return out;
}

// Printed page numbers count the cover, when there is one, as page 1.
std::map<std::string, int> page_numbers(const Pagination& pagination, int first_number) {
  std::map<std::string, int> numbers;
  for (const auto& [name, index] : pagination.anchor_pages) numbers[name] = static_cast<int>(index) + first_number;
  return numbers;
}

// Collects the flow; once it holds more than `limit` slabs, each slab keeps only its skeleton
// items from then on (the text is collected again when the pages are written).
struct CollectedFlow {
  Flow flow;
  bool skeletal = false;
};
CollectedFlow collect_within(const LayoutContext& ctx, size_t limit) {
  bool skeletal = false;
  size_t done = 0;
  auto strip = [&](Flow& so_far) {
    for (; done < so_far.slabs.size(); ++done) so_far.slabs[done].items = skeleton_items(so_far.slabs[done].items);
  };
  Flow flow = collect_flow(ctx, [&](Flow& so_far) {
    skeletal = skeletal || so_far.slabs.size() > limit;
    if (skeletal) strip(so_far);
  });
  if (skeletal) strip(flow);
  return {std::move(flow), skeletal};
}

// `items` with each placement's range replaced by what `replace` gives for it (moved out of
// `items`); each placement is updated to the range its new items fill.
std::vector<Item> resplice(std::vector<Item>& items, std::vector<Placement>& placements,
                           const std::function<std::vector<Item>(const Placement&)>& replace) {
  std::vector<Item> out;
  auto at = [&](size_t i) { return std::make_move_iterator(items.begin() + static_cast<long>(i)); };
  size_t from = 0;
  for (auto& placed : placements) {
    out.insert(out.end(), at(from), at(placed.first));
    from = placed.end;
    std::vector<Item> instead = replace(placed);
    placed.first = out.size();
    out.insert(out.end(), std::make_move_iterator(instead.begin()), std::make_move_iterator(instead.end()));
    placed.end = out.size();
  }
  out.insert(out.end(), at(from), at(items.size()));
  return out;
}

// A plan's pages without their body slabs' skeleton items, which the real ones will replace:
// each placement becomes an empty range where they go.
void drop_placed_items(Pagination& plan) {
  for (size_t p = 0; p < plan.pages.size(); ++p)
    plan.pages[p].items = resplice(plan.pages[p].items, plan.placements[p], [](const Placement&) { return std::vector<Item>{}; });
}

// Numbers the slabs pagination will see (Slab::origin): the body's, then the TOC's, then the
// list of figures'.
void number_slabs(std::vector<Slab>& body, std::vector<Slab>& toc, std::vector<Slab>& figures) {
  size_t n = 0;
  for (auto* list : {&body, &toc, &figures})
    for (auto& slab : *list) slab.origin = n++;
}

struct Settled {
  Flow flow;
  // The pages; of a skeletal flow, pages of skeletons, completed from `placements` and
  // `lists` (the TOC's and the list of figures' slabs, numbered after the body's) when the
  // text is collected again.
  Pagination pagination;
  bool skeletal = false;
  size_t body_slabs = 0;
  std::vector<Slab> lists;
  References references;
};

// Pages, laid out again until the TOC's numbers, and the page references' in the text, are
// the pages where their targets landed. Only a report with page references collects its text
// more than once; the later rounds' warnings repeat the first's and are dropped. The rounds
// that find the numbers paginate skeletons; once they agree, the flow itself is
// paginated, its items moved onto the pages, so the text is never held twice. A flow past
// the limit is skeletal: its settled round paginates skeletons too, into a plan that
// PageFiller completes when the text is collected again.
Settled paginate_until_settled(LayoutContext ctx, const LayoutOptions& options) {
  ReferenceTargets targets = collect_reference_targets(ctx.report);
  Settled out;
  References& references = out.references;
  references.targets = std::move(targets.targets);
  ctx.references = &references;
  auto [flow, skeletal] = collect_within(ctx, options.stream_above_slabs);
  Diagnostics repeated;
  LayoutContext again{ctx.report, ctx.style, ctx.pango, repeated, ctx.hyphenator, &references};
  const int cover = ctx.style.has_cover ? 1 : 0;
  for (int round = 0; round < max_rounds; ++round) {
    if (round > 0 && targets.used) flow = collect_within(again, options.stream_above_slabs).flow;
    std::vector<Slab> toc = flow.toc_at ? build_toc(ctx, flow, references.pages) : std::vector<Slab>{};
    std::vector<Slab> figures = flow.figures_at ? build_figure_list(ctx, flow, references.pages) : std::vector<Slab>{};
    bool settled = !flow.toc_at && !flow.figures_at && !targets.used;
    if (!settled) {
      Pagination trial = paginate(ctx, with_lists(skeletons(flow.slabs), flow, skeletons(toc), skeletons(figures)), flow);
      auto landed = page_numbers(trial, options.first_page_number + cover);
      settled = landed == references.pages;
      if (!settled) references.pages = std::move(landed);
    }
    if (!settled) continue;
    out.skeletal = skeletal;
    out.body_slabs = flow.slabs.size();
    if (skeletal) {
      std::vector<Slab> toc_skeletons = skeletons(toc), figure_skeletons = skeletons(figures);
      number_slabs(flow.slabs, toc_skeletons, figure_skeletons);
      out.pagination = paginate(ctx, with_lists(std::move(flow.slabs), flow, std::move(toc_skeletons), std::move(figure_skeletons)), flow);
      drop_placed_items(out.pagination);
      out.lists = std::move(toc);
      out.lists.insert(out.lists.end(), std::make_move_iterator(figures.begin()), std::make_move_iterator(figures.end()));
    } else {
      out.pagination = paginate(ctx, with_lists(std::move(flow.slabs), flow, std::move(toc), std::move(figures)), flow);
    }
    out.flow = std::move(flow);
    return out;
  }
  throw std::runtime_error("the table of contents or the page references did not settle on stable page numbers");
}

// Completes pages paginated from skeletons with the items of the slabs as they are collected
// again, and hands each page on as soon as every slab it holds has come.
class PageFiller {
 public:
  PageFiller(Settled& settled, const PageSink& sink)
      : plan_(std::move(settled.pagination)), items_(settled.body_slabs + settled.lists.size()), sink_(sink) {
    for (size_t k = 0; k < settled.lists.size(); ++k) items_[settled.body_slabs + k] = std::move(settled.lists[k].items);
    arrived_.assign(items_.size(), false);
    std::fill(arrived_.begin() + static_cast<long>(settled.body_slabs), arrived_.end(), true);
  }

  // The slabs the collection has finished since the last call.
  void take(Flow& flow) {
    for (; taken_ < flow.slabs.size(); ++taken_) {
      items_.at(taken_) = std::move(flow.slabs[taken_].items);
      arrived_[taken_] = true;
    }
    while (next_ < plan_.pages.size() && ready(next_)) fill(next_++);
  }

  void finish(Flow& flow) {
    take(flow);
    if (next_ < plan_.pages.size()) throw std::logic_error("a streamed page's slabs never came");
  }

 private:
  bool ready(size_t page) const {
    const auto& placed = plan_.placements[page];
    return std::all_of(placed.begin(), placed.end(), [&](const Placement& p) { return arrived_[p.origin]; });
  }

  void fill(size_t index) {
    Page& page = plan_.pages[index];
    page.items = resplice(page.items, plan_.placements[index], [&](const Placement& p) {
      std::vector<Item> items = std::move(items_[p.origin]);
      for (Item& item : items) translate(item, 0, p.dy);
      return items;
    });
    sink_(std::move(page));
    page = Page{};
  }

  Pagination plan_;
  std::vector<std::vector<Item>> items_;
  std::vector<bool> arrived_;
  size_t taken_ = 0, next_ = 0;
  const PageSink& sink_;
};

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

namespace {

// The pages around the body and what every page gets: the cover first, the back page last,
// running lines on the numbered pages, the draft mark on all.
struct DocumentDress {
  std::optional<Page> cover, back;
  size_t body_pages = 0;  // an empty document still has one page
  PageNumbering numbering;
  bool draft = false;

  size_t page_count() const { return (cover ? 1 : 0) + body_pages + (back ? 1 : 0); }

  // Hands on every page in order; `body` hands on the body's pages.
  void assemble(const LayoutContext& ctx, const std::function<void(const PageSink&)>& body, const PageSink& sink) {
    std::optional<Watermark> mark;
    if (draft) mark.emplace(ctx);
    int index = 0;
    auto deliver = [&](Page&& page, bool numbered) {
      if (numbered) add_running_lines(ctx, page, numbering.first + index, numbering.total);
      if (mark) mark->add_to(page);
      ++index;
      sink(std::move(page));
    };
    if (cover) deliver(std::move(*cover), false);
    size_t delivered = 0;
    body([&](Page&& page) {
      ++delivered;
      deliver(std::move(page), true);
    });
    if (delivered == 0 && body_pages == 1) deliver(Page{}, true);
    if (back) deliver(std::move(*back), false);
  }
};

DocumentDress dress_for(const LayoutContext& ctx, const LayoutOptions& options, size_t body_pages) {
  const Style& style = ctx.style;
  DocumentDress dress;
  if (style.has_cover) dress.cover = make_cover(ctx);
  dress.body_pages = body_pages == 0 && !dress.cover ? 1 : body_pages;
  if (options.back_page && style.has_back_page && !ctx.report.info.address.empty()) dress.back = make_back_page(ctx);
  int total = options.total_pages > 0 ? options.total_pages : static_cast<int>(dress.page_count());
  dress.numbering = {options.first_page_number, total};
  dress.draft = options.draft;
  return dress;
}

// The state a streamed document's pages are laid out from, when they are written.
struct Streamed {
  Settled settled;
  DocumentDress dress;
  Diagnostics repeated;  // the collection's warnings, already given by the first
  bool written = false;
};

}  // namespace

DocumentFrames lay_out_document(const Report& report, const Style& style, const FontRegistry& fonts,
                                const Hyphenator* hyphenator, const LayoutOptions& options, Diagnostics& diags) {
  LayoutContext ctx{report, style, fonts.context(), diags, hyphenator};
  Settled settled = paginate_until_settled(ctx, options);
  size_t body_pages = settled.pagination.pages.size();
  if (body_pages > max_pages)
    diags.error({report.path, 0, 0}, "the report runs to more than " + std::to_string(max_pages) + " pages",
                "split it into several reports; a volume binds them together");

  DocumentFrames doc;
  doc.width = style.page.width;
  doc.height = style.page.height;
  doc.outline = make_outline(settled.flow);
  doc.metadata = make_metadata(report);
  DocumentDress dress = dress_for(ctx, options, body_pages);
  if (!settled.skeletal) {
    dress.assemble(ctx, [&](const PageSink& sink) {
      for (auto& page : settled.pagination.pages) sink(std::move(page));
    }, [&](Page&& page) { doc.pages.push_back(std::move(page)); });
    doc.anchor_pages = find_anchors(doc.pages);
    return doc;
  }
  doc.anchor_pages = find_anchors(dress.cover ? std::vector<Page>{*dress.cover} : std::vector<Page>{});
  for (const auto& [name, page] : settled.pagination.anchor_pages) doc.anchor_pages.emplace(name, page + (dress.cover ? 1 : 0));
  // The running lines' glyphs are checked now, while problems can still be reported: the
  // stream's own are dropped as repeats.
  Page probe;
  add_running_lines(ctx, probe, dress.numbering.first, dress.numbering.total);
  doc.streamed_pages = dress.page_count();
  auto state = std::make_shared<Streamed>(Streamed{std::move(settled), std::move(dress), {}, false});
  doc.stream = [state, &report, &style, pango = ctx.pango, hyphenator](const PageSink& sink) {
    if (state->written) throw std::logic_error("a streamed document's pages are laid out once, as they are written");
    state->written = true;
    LayoutContext again{report, style, pango, state->repeated, hyphenator, &state->settled.references};
    state->dress.assemble(again, [&](const PageSink& body) {
      PageFiller filler(state->settled, body);
      Flow flow = collect_flow(again, [&](Flow& so_far) { filler.take(so_far); });
      filler.finish(flow);
    }, sink);
  };
  return doc;
}

}  // namespace rapport
