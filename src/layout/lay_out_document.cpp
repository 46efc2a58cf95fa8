#include "layout/lay_out_document.hpp"

#include "layout/add_page_furniture.hpp"
#include "layout/build_toc.hpp"
#include "layout/collect_flow.hpp"
#include "layout/paginate.hpp"

namespace rapport {
namespace {

// The TOC can only lengthen or shorten by whole entries, so this settles in two rounds; the
// bound guards against a layout where it would oscillate.
constexpr int max_toc_rounds = 6;

std::vector<Slab> with_toc(const Flow& flow, std::vector<Slab> toc) {
  if (!flow.toc_at) return flow.slabs;
  std::vector<Slab> slabs;
  slabs.reserve(flow.slabs.size() + toc.size());
  auto at = flow.slabs.begin() + static_cast<long>(*flow.toc_at);
  slabs.insert(slabs.end(), flow.slabs.begin(), at);
  slabs.insert(slabs.end(), std::make_move_iterator(toc.begin()), std::make_move_iterator(toc.end()));
  slabs.insert(slabs.end(), at, flow.slabs.end());
  return slabs;
}

// Printed page numbers count the cover, when there is one, as page 1.
std::map<std::string, int> page_numbers(const Pagination& pagination, int first_number) {
  std::map<std::string, int> numbers;
  for (const auto& [name, index] : pagination.anchor_pages) numbers[name] = static_cast<int>(index) + first_number;
  return numbers;
}

Pagination paginate_with_toc(const LayoutContext& ctx, const Flow& flow, int first_page_number) {
  std::map<std::string, int> numbers;
  for (int round = 0; round < max_toc_rounds; ++round) {
    std::vector<Slab> toc = flow.toc_at ? build_toc(ctx, flow, numbers) : std::vector<Slab>{};
    Pagination pagination = paginate(ctx, with_toc(flow, std::move(toc)), flow);
    auto landed = page_numbers(pagination, first_page_number + (ctx.style.has_cover ? 1 : 0));
    if (!flow.toc_at || landed == numbers) return pagination;
    numbers = std::move(landed);
  }
  throw std::runtime_error("the table of contents did not settle on stable page numbers");
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
  Flow flow = collect_flow(ctx);
  Pagination body = paginate_with_toc(ctx, flow, options.first_page_number);
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
