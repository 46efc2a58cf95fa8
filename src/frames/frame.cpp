#include "frames/frame.hpp"

#include <algorithm>

namespace rapport {

FontRef share_font(PangoFont* font) {
  g_object_ref(font);
  return FontRef(font, [](PangoFont* f) { g_object_unref(f); });
}

std::string TextLine::text() const {
  std::string out;
  for (const auto& run : runs) out += run.text;
  return out;
}

std::string TextLineItem::text() const {
  std::string out;
  for (const auto& run : line->runs)
    if (run.start >= from && run.start < to) out += run.text;
  return out;
}

TagItem begin_tag(std::string role, std::string alt) {
  TagItem tag;
  tag.role = std::move(role);
  tag.alt = std::move(alt);
  return tag;
}

TagItem end_tag(std::string role) {
  TagItem tag;
  tag.kind = TagItem::Kind::end;
  tag.role = std::move(role);
  return tag;
}

void enclose(std::vector<Item>& items, const TagItem& begin) {
  items.insert(items.begin(), begin);
  items.push_back(end_tag(begin.role));
}

void remove_tags(std::vector<Item>& items) {
  std::erase_if(items, [](const Item& item) { return std::holds_alternative<TagItem>(item); });
}

void translate(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, TextLineItem>) {
          it.x += dx;
          it.baseline += dy;
        } else if constexpr (std::is_same_v<T, RuleItem>) {
          it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
        } else if constexpr (std::is_same_v<T, PathItem>) {
          for (auto& op : it.ops) {
            if (op.kind == PathOp::Kind::arc) {
              op.a[0] += dx, op.a[1] += dy;
            } else {
              for (int i = 0; i < 6; i += 2) op.a[i] += dx, op.a[i + 1] += dy;
            }
          }
        } else {
          it.x += dx;
          it.y += dy;
        }
      },
      item);
}

void for_each_page(const DocumentFrames& document, const std::function<void(const Page&)>& visit) {
  if (!document.stream) {
    for (const auto& page : document.pages) visit(page);
    return;
  }
  document.stream([&](Page&& page) { visit(page); });
}

void take_pages(DocumentFrames& document, const PageSink& sink) {
  if (document.stream) {
    auto stream = std::move(document.stream);
    document.stream = nullptr;
    stream(sink);
    return;
  }
  for (auto& page : document.pages) sink(std::move(page));
  document.pages.clear();
}

std::map<std::string, size_t> find_anchors(const std::vector<Page>& pages) {
  std::map<std::string, size_t> found;
  for (size_t p = 0; p < pages.size(); ++p)
    for (const auto& item : pages[p].items)
      if (const auto* anchor = std::get_if<AnchorItem>(&item)) found.emplace(anchor->name, p);
  return found;
}

}  // namespace rapport
