#include "layout/lay_out_volume.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

#include "layout/add_page_furniture.hpp"
#include "layout/build_toc.hpp"
#include "layout/paginate.hpp"

namespace rapport {
namespace {

// Page counts settle after one correcting round unless a page number's width rewraps a line.
constexpr int max_rounds = 6;

struct LaidPart {
  DocumentFrames frames;
  bool operator==(const LaidPart& other) const {
    return frames.page_count() == other.frames.page_count() && frames.anchor_pages == other.frames.anchor_pages;
  }
};

std::string part_prefix(size_t index) { return "part" + std::to_string(index + 1) + "-"; }
std::string part_anchor(size_t index) { return part_prefix(index) + "start"; }

Report volume_report(const std::vector<VolumePart>& parts, const VolumeOptions& options) {
  const DocumentInfo& first = parts.front().report->info;
  Report volume;
  volume.path = parts.front().report->path;
  DocumentInfo& info = volume.info;
  info.municipality = first.municipality;
  info.title = options.title.empty() ? first.title : options.title;
  info.subtitle = first.subtitle;
  info.committee = "Samtliga nämnder";
  info.kind = first.kind;
  info.period = first.period;
  info.address = first.address;
  // The newest of the reports' dates: the volume is as recent as its latest part, and the
  // date never comes from the clock.
  for (const auto& part : parts) info.date = std::max(info.date, part.report->info.date);
  return volume;
}

// `name` added to `names` unless it is there already: each once, in the order of first appearance.
void add_once(std::vector<std::string>& names, const std::string& name) {
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// The volume's metadata as make_metadata makes a report's, but for the author and keywords: the
// author names every part's office (else its committee, as for one report) and then the
// municipality, each once; the keywords are the parts', each once.
DocumentMetadata volume_metadata(const Report& volume, const std::vector<VolumePart>& parts) {
  DocumentMetadata meta = make_metadata(volume);
  std::vector<std::string> authors, keywords;
  for (const auto& part : parts) {
    const DocumentInfo& info = part.report->info;
    add_once(authors, info.author.empty() ? info.committee : info.author);
    for (const auto& keyword : info.keywords) add_once(keywords, keyword);
  }
  for (const auto& part : parts) add_once(authors, part.report->info.municipality);
  meta.author = joined(authors);
  meta.keywords = joined(keywords);
  return meta;
}

LaidPart lay_out_part(const VolumePart& part, const FontRegistry& fonts, const LayoutOptions& options, Diagnostics& diags) {
  return {lay_out_document(*part.report, *part.style, fonts, part.hyphenator, options, diags)};
}

// Every part laid out with its own first page number (`options[i]`), on all the workers'
// font registries at once; the problems in part order, as one thread would find them.
std::vector<LaidPart> lay_out_parts(const std::vector<VolumePart>& parts, const std::vector<LayoutOptions>& options,
                                    const std::vector<const FontRegistry*>& fonts, Diagnostics& diags) {
  std::vector<LaidPart> laid(parts.size());
  std::vector<Diagnostics> found(parts.size());
  std::atomic<size_t> next{0};
  auto worker = [&](const FontRegistry* registry) {
    for (size_t i; (i = next++) < parts.size();) laid[i] = lay_out_part(parts[i], *registry, options[i], found[i]);
  };
  std::vector<std::thread> threads;
  for (size_t w = 1; w < fonts.size() && w < parts.size(); ++w) threads.emplace_back(worker, fonts[w]);
  worker(fonts.front());
  for (auto& thread : threads) thread.join();
  for (const auto& d : found) diags.append(d);
  return laid;
}

// The volume's contents: each part's report as a level-1 entry, its level-1 sections under it.
Flow contents_flow(const std::vector<VolumePart>& parts, const std::vector<LaidPart>& laid) {
  Flow flow;
  flow.toc.depth = 2;
  for (size_t i = 0; i < parts.size(); ++i) {
    flow.headings.push_back({part_anchor(i), parts[i].report->info.committee, 1, true});
    for (const auto& entry : laid[i].frames.outline)
      if (entry.level == 1 && entry.in_toc) flow.headings.push_back({part_prefix(i) + entry.anchor, entry.title, 2, true});
  }
  return flow;
}

// Where each part starts, counting the cover as page 1.
std::vector<int> part_starts(const std::vector<LaidPart>& laid, size_t front_pages) {
  std::vector<int> starts;
  int next = static_cast<int>(front_pages) + 1;
  for (const auto& part : laid) {
    starts.push_back(next);
    next += static_cast<int>(part.frames.page_count());
  }
  return starts;
}

std::map<std::string, int> contents_numbers(const std::vector<LaidPart>& laid, const std::vector<int>& starts) {
  std::map<std::string, int> numbers;
  for (size_t i = 0; i < laid.size(); ++i) {
    numbers[part_anchor(i)] = starts[i];
    for (const auto& [name, page] : laid[i].frames.anchor_pages) numbers[part_prefix(i) + name] = starts[i] + static_cast<int>(page);
  }
  return numbers;
}

void rename_destinations(Page& page, const std::string& prefix) {
  for (auto& item : page.items) {
    if (auto* anchor = std::get_if<AnchorItem>(&item)) anchor->name = prefix + anchor->name;
    if (auto* tag = std::get_if<TagItem>(&item); tag && !tag->id.empty()) tag->id = prefix + tag->id;  // a Note's /ID
    auto* link = std::get_if<LinkItem>(&item);
    if (link && link->target.starts_with("#")) link->target = "#" + prefix + link->target.substr(1);
  }
}

// The volume's pages in order: its cover and contents, each part's pages, its back page. A
// part's destinations are renamed and its pages enclosed in a Part element, as each report is
// a part of the book; a part that streams lays out its pages as they are handed on.
struct VolumePages {
  std::vector<Page> front;
  std::vector<LaidPart> parts;
  std::optional<Page> back;
  bool handed = false;

  size_t page_count() const {
    size_t count = front.size() + (back ? 1 : 0);
    for (const auto& part : parts) count += part.frames.page_count();
    return count;
  }

  void hand_on(const PageSink& sink) {
    if (handed) throw std::logic_error("a streamed volume's pages are laid out once, as they are written");
    handed = true;
    for (auto& page : front) sink(std::move(page));
    for (size_t i = 0; i < parts.size(); ++i) {
      size_t last = parts[i].frames.page_count() - 1, at = 0;
      take_pages(parts[i].frames, [&](Page&& page) {
        rename_destinations(page, part_prefix(i));
        if (at == 0) {
          page.items.push_back(AnchorItem{part_anchor(i), 0, 0});
          page.items.insert(page.items.begin(), begin_tag("Part"));
        }
        if (at++ == last) page.items.push_back(end_tag("Part"));
        sink(std::move(page));
      });
    }
    if (back) sink(std::move(*back));
  }
};

// Part `index`'s outline under an entry for its committee.
void append_outline(const DocumentFrames& part, size_t index, const std::string& committee, DocumentFrames& doc) {
  doc.outline.push_back({committee, 1, part_anchor(index), true});
  for (const auto& entry : part.outline)
    doc.outline.push_back({entry.title, entry.level + 1, part_prefix(index) + entry.anchor, entry.in_toc});
}

void check_page_sizes(const std::vector<VolumePart>& parts, const Style& style) {
  for (const auto& part : parts)
    if (part.style->page.width != style.page.width || part.style->page.height != style.page.height)
      throw std::runtime_error("the volume's reports must share one page size: " + part.report->path +
                               " has another than the volume's layout");
}

}  // namespace

DocumentFrames lay_out_volume(const std::vector<VolumePart>& parts, const VolumeTools& tools, const VolumeOptions& options,
                              Diagnostics& diags) {
  if (parts.empty()) throw std::runtime_error("a volume needs at least one report");
  const Style& style = tools.style;
  check_page_sizes(parts, style);
  Report volume = volume_report(parts, options);
  LayoutContext ctx{volume, style, tools.fonts.front()->context(), diags, tools.hyphenator};
  bool has_back_page = style.has_back_page && !volume.info.address.empty();

  LayoutOptions part_options;
  part_options.draft = options.draft;
  part_options.back_page = false;
  part_options.stream_above_slabs = tools.stream_above_slabs / parts.size();
  std::vector<LayoutOptions> each(parts.size(), part_options);
  Diagnostics scratch;  // rounds that are thrown away must not repeat their warnings
  std::vector<LaidPart> laid = lay_out_parts(parts, each, tools.fonts, scratch);

  Flow flow = contents_flow(parts, laid);
  size_t front_pages = 1 + paginate(ctx, build_toc(ctx, flow, {}), Flow{}).pages.size();
  Pagination contents;
  for (int round = 0;; ++round) {
    if (round == max_rounds) throw std::runtime_error("the volume's page numbers did not settle");
    std::vector<int> starts = part_starts(laid, front_pages);
    contents = paginate(ctx, build_toc(ctx, flow, contents_numbers(laid, starts)), Flow{});
    if (1 + contents.pages.size() != front_pages) {
      front_pages = 1 + contents.pages.size();
      continue;
    }
    int total = starts.back() + static_cast<int>(laid.back().frames.page_count()) - 1 + (has_back_page ? 1 : 0);
    for (size_t i = 0; i < parts.size(); ++i) {
      each[i].first_page_number = starts[i];
      each[i].total_pages = total;
    }
    Diagnostics round_diags;
    std::vector<LaidPart> relaid = lay_out_parts(parts, each, tools.fonts, round_diags);
    bool settled = relaid == laid;
    laid = std::move(relaid);
    if (settled) {
      diags.append(round_diags);
      break;
    }
  }

  DocumentFrames doc;
  doc.width = style.page.width;
  doc.height = style.page.height;
  auto pages = std::make_shared<VolumePages>();
  pages->front.push_back(make_cover(ctx));
  for (auto& page : contents.pages) pages->front.push_back(std::move(page));
  int total = static_cast<int>(front_pages) + (has_back_page ? 1 : 0);
  for (const auto& part : laid) total += static_cast<int>(part.frames.page_count());
  add_running_lines(ctx, pages->front, 1, pages->front.size() - 1, {1, total});
  if (options.draft) add_watermark(ctx, pages->front);

  doc.outline.push_back({style.toc_default_title, 1, "volume-contents", false});
  pages->front[1].items.push_back(AnchorItem{"volume-contents", 0, 0});
  for (size_t i = 0; i < laid.size(); ++i) append_outline(laid[i].frames, i, parts[i].report->info.committee, doc);
  if (has_back_page) {
    std::vector<Page> back = {make_back_page(ctx)};
    if (options.draft) add_watermark(ctx, back);
    pages->back = std::move(back.front());
  }
  bool streams = std::any_of(laid.begin(), laid.end(), [](const LaidPart& part) { return bool(part.frames.stream); });
  pages->parts = std::move(laid);
  if (streams) {
    doc.streamed_pages = pages->page_count();
    doc.stream = [pages](const PageSink& sink) { pages->hand_on(sink); };
  } else {
    pages->hand_on([&](Page&& page) { doc.pages.push_back(std::move(page)); });
  }
  doc.metadata = volume_metadata(volume, parts);
  return doc;
}

}  // namespace rapport
