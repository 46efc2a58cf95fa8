#include "export/record_structure.hpp"

#include <algorithm>
#include <array>

namespace rapport {
namespace {

// Elements that group others and hold no content of their own (ISO 32000-1, 14.8.4.2-4):
// text drawn straight into one becomes a paragraph of it.
bool is_grouping(const std::string& role) {
  static constexpr std::array<const char*, 14> grouping = {"Document", "Part", "Art", "Sect", "Div", "TOC", "TOCI",
                                                           "L", "LI", "Table", "THead", "TBody", "TFoot", "TR"};
  return std::any_of(grouping.begin(), grouping.end(), [&](const char* g) { return role == g; });
}

// Elements that may hold any other: where a Note goes, whatever is open in them.
bool is_section(const std::string& role) {
  return role == "Document" || role == "Part" || role == "Art" || role == "Sect" || role == "Div";
}

bool is_decoration(const Item& item) {
  return std::holds_alternative<RuleItem>(item) || std::holds_alternative<RectItem>(item) ||
         std::holds_alternative<PathItem>(item) || std::holds_alternative<ImageItem>(item);
}

Box around_points(const std::vector<std::pair<double, double>>& points, double margin) {
  Box box{points.front().first, points.front().second, points.front().first, points.front().second};
  for (auto [x, y] : points) box.include({x, y, x, y});
  return {box.x1 - margin, box.y1 - margin, box.x2 + margin, box.y2 + margin};
}

// Where an item draws, as closely as it is cheap to say.
std::optional<Box> drawn_bounds(const Item& item) {
  if (auto* text = std::get_if<TextLineItem>(&item)) {
    return Box{text->x, text->baseline - text->line->ascent, text->x + text->line->width, text->baseline + text->line->descent};
  }
  if (auto* rule = std::get_if<RuleItem>(&item)) return around_points({{rule->x1, rule->y1}, {rule->x2, rule->y2}}, rule->width / 2);
  if (auto* rect = std::get_if<RectItem>(&item)) return Box{rect->x, rect->y, rect->x + rect->width, rect->y + rect->height};
  if (auto* image = std::get_if<ImageItem>(&item)) return Box{image->x, image->y, image->x + image->width, image->y + image->height};
  if (auto* path = std::get_if<PathItem>(&item)) {
    std::vector<std::pair<double, double>> points;
    for (const auto& op : path->ops) {
      if (op.kind == PathOp::Kind::arc) {
        points.emplace_back(op.a[0] - op.a[2], op.a[1] - op.a[2]);
        points.emplace_back(op.a[0] + op.a[2], op.a[1] + op.a[2]);
      } else if (op.kind != PathOp::Kind::close) {
        int count = op.kind == PathOp::Kind::curve ? 3 : 1;
        for (int i = 0; i < count; ++i) points.emplace_back(op.a[2 * i], op.a[2 * i + 1]);
      }
    }
    if (points.empty()) return std::nullopt;
    return around_points(points, path->has_stroke ? path->stroke_width / 2 : 0);
  }
  return std::nullopt;
}

// The tag of a marked-content sequence: the element's own role keeps the content stream
// readable (a Link's words are a Span; "Link" was Cairo's name for its own links).
std::string mark_name(const StructureElement& element) { return element.role == "Link" ? "Span" : element.role; }

}  // namespace

void Box::include(const Box& other) {
  x1 = std::min(x1, other.x1), y1 = std::min(y1, other.y1);
  x2 = std::max(x2, other.x2), y2 = std::max(y2, other.y2);
}

StructureRecorder::StructureRecorder(MarkSink& sink) : sink_(sink) {
  record_.elements.emplace_back().role = "Document";
  open_.push_back(0);
}

void StructureRecorder::begin_page() { record_.pages.emplace_back(); }

void StructureRecorder::end_page() { end_mark(); }

const StructureElement::Details& StructureElement::details() const {
  static const Details none;
  return details_ ? *details_ : none;
}

StructureElement::Details& StructureElement::details_to_set() {
  if (!details_) details_ = std::make_unique<Details>();
  return *details_;
}

size_t StructureRecorder::add_element(std::string role) {
  size_t index = record_.elements.size();
  record_.elements.emplace_back().role = std::move(role);
  record_.elements[open_.back()].kids.push_back({StructureKid::Kind::element, index, page()});
  return index;
}

size_t StructureRecorder::page() const { return record_.pages.empty() ? 0 : record_.pages.size() - 1; }

void StructureRecorder::tag(const TagItem& tag) {
  // Every tag ends the sequence: the next drawing may belong elsewhere, and the kids of an
  // element must stay in drawing order.
  end_mark();
  implicit_.reset();
  bool begins = tag.kind == TagItem::Kind::begin;
  if (tag.role == "Artifact") {
    artifact_depth_ = std::max(0, artifact_depth_ + (begins ? 1 : -1));
    return;
  }
  if (artifact_depth_ > 0) return;  // what an artifact holds is not structure
  if (!begins && tag.role == "Note" && !suspended_.empty()) {
    open_ = std::move(suspended_.back());
    suspended_.pop_back();
    return;
  }
  if (!begins) {
    if (open_.size() > 1) open_.pop_back();
    return;
  }
  if (tag.role == "Note") {
    // A page's notes are drawn after its text, while the text's paragraph, list or table may
    // still be open (it goes on overleaf): the Note belongs to the section around them.
    suspended_.push_back(open_);
    while (open_.size() > 1 && !is_section(record_.elements[open_.back()].role)) open_.pop_back();
  }
  open_.push_back(open_element(tag));
}

// A tag whose id an element already has resumes that element: a footnote continued at the
// next page's foot goes on in the same Note and P, each line's tags being whole.
size_t StructureRecorder::open_element(const TagItem& tag) {
  if (!tag.id.empty())
    if (auto known = by_id_.find(tag.id); known != by_id_.end()) return known->second;
  size_t index = add_element(tag.role);
  StructureElement& element = record_.elements[index];
  element.colspan = tag.colspan;
  if (!tag.alt.empty() || !tag.scope.empty() || !tag.id.empty()) {
    auto& details = element.details_to_set();
    details.alt = tag.alt;
    details.scope = tag.scope;
    details.id = tag.id;
  }
  if (!tag.id.empty()) by_id_[tag.id] = index;
  return index;
}

void StructureRecorder::link(const LinkItem& link) {
  if (artifact_depth_ > 0) return;
  size_t owner = open_.back();
  if (record_.elements[owner].role != "Link") {  // a link without a Link element: it says its words as /Alt
    owner = add_element("Link");
    record_.elements[owner].details_to_set().alt = link.text;
  }
  Box area{link.x, link.y, link.x + link.width, link.y + link.height};
  record_.links.push_back({page(), area, link.target, link.text, owner});
  record_.elements[owner].kids.push_back({StructureKid::Kind::link, record_.links.size() - 1, page()});
}

long StructureRecorder::owner_of(const Item& item) {
  if (artifact_depth_ > 0) return PageMarks::artifact;
  size_t inner = open_.back();
  const std::string& role = record_.elements[inner].role;
  if (is_decoration(item)) return role == "Figure" ? static_cast<long>(inner) : PageMarks::artifact;
  if (!is_grouping(role)) return static_cast<long>(inner);
  if (!implicit_ || implicit_->first != inner) implicit_ = std::pair{inner, add_element("P")};
  return static_cast<long>(implicit_->second);
}

void StructureRecorder::before_drawing(const Item& item) {
  long owner = owner_of(item);
  // A line of text is a sequence of its own: readers that extract an element's text by its
  // sequences (poppler) then keep every line of a paragraph, not just its first.
  bool new_line = std::holds_alternative<TextLineItem>(item) && owner != PageMarks::artifact;
  if (!mark_ || *mark_ != owner || new_line) {
    end_mark();
    bool artifact = owner == PageMarks::artifact;
    sink_.begin_mark(artifact ? std::string() : mark_name(record_.elements[static_cast<size_t>(owner)]), artifact);
    auto& owners = record_.pages.back().owners;
    if (owner != PageMarks::artifact)
      record_.elements[static_cast<size_t>(owner)].kids.push_back({StructureKid::Kind::content, owners.size(), page()});
    owners.push_back(owner);
    mark_ = owner;
  }
  if (owner == PageMarks::artifact) return;
  StructureElement& element = record_.elements[static_cast<size_t>(owner)];
  if (element.role != "Figure") return;
  auto bounds = drawn_bounds(item);
  if (!bounds) return;
  auto& details = element.details_to_set();
  if (!details.bbox) {
    details.bbox = bounds;
    details.bbox_page = page();
  } else if (details.bbox_page == page()) {
    details.bbox->include(*bounds);
  }
}

void StructureRecorder::end_mark() {
  if (!mark_) return;
  sink_.end_mark();
  mark_.reset();
}

StructureRecord StructureRecorder::finish() {
  end_mark();
  return std::move(record_);
}

}  // namespace rapport
