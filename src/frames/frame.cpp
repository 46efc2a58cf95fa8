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

}  // namespace rapport
