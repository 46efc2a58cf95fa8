#include "layout/paginate.hpp"

#include <algorithm>

namespace rapport {
namespace {

// A table split over pages leaves at least this many body rows on each side of the break.
constexpr size_t min_rows_at_break = 3;
// A table that fits on a page moves to the next one whole unless the page it leaves would be
// less full than this.
constexpr double min_fill_before_moved_table = 2.0 / 3.0;
// No section leaves this many slabs (lines) or fewer alone at the top of a page.
constexpr size_t max_section_tail = 2;
// A footnote that must break leaves at least this many of its lines on the first page.
constexpr size_t min_note_lines = 2;
constexpr double note_rule_share = 0.3;  // of the text width

// Lines [from, to) of one footnote.
struct NotePiece {
  size_t note = 0, from = 0, to = 0;
};

struct PaginationContext {
  const LayoutContext& layout;
  const std::vector<Slab>& slabs;
  const Flow& flow;
  // The rule and the space around it that separate the notes from the text above.
  double note_separator() const { return layout.style.body.size; }
  double room(bool landscape) const {
    return (landscape ? layout.style.page.turned() : layout.style.page).content_height();
  }
};

// What one page holds: slabs [first, end), and repeated header rows when a table runs on.
struct PageRange {
  size_t first = 0, end = 0;
  bool repeats_header = false;
};

double total_height(const std::vector<Slab>& slabs) {
  double h = 0;
  for (const auto& s : slabs) h += s.height;
  return h;
}

bool continues_table(const std::vector<Slab>& slabs, size_t i) {
  return i > 0 && slabs[i].table >= 0 && slabs[i - 1].table == slabs[i].table;
}

// The height notes take at a page's foot, separator included; 0 for none.
double notes_height(const PaginationContext& pc, const std::vector<NotePiece>& pieces) {
  double h = 0;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const auto& lines = pc.flow.notes[pieces[k].note];
    for (size_t line = pieces[k].from; line < pieces[k].to; ++line)
      h += lines[line].height + (line == pieces[k].from && k > 0 ? lines[line].space_before : 0);
  }
  return pieces.empty() ? 0 : h + pc.note_separator();
}

// The notes marked on slab `i` that nothing placed before it has started, whole.
std::vector<NotePiece> unstarted_notes(const PaginationContext& pc, size_t i, const std::vector<bool>& started) {
  std::vector<NotePiece> out;
  for (size_t note : pc.slabs[i].notes) {
    bool listed = std::any_of(out.begin(), out.end(), [&](const NotePiece& p) { return p.note == note; });
    if (note < pc.flow.notes.size() && !started[note] && !listed) out.push_back({note, 0, pc.flow.notes[note].size()});
  }
  return out;
}

void mark_started(const std::vector<NotePiece>& notes, std::vector<bool>& started) {
  for (const auto& piece : notes) started[piece.note] = true;
}

// The notes whose marks fall in slabs [first, end) and that no earlier page started, whole.
std::vector<NotePiece> new_notes(const PaginationContext& pc, size_t first, size_t end, std::vector<bool>& started) {
  std::vector<NotePiece> out;
  for (size_t i = first; i < end; ++i) {
    auto notes = unstarted_notes(pc, i, started);
    mark_started(notes, started);
    out.insert(out.end(), notes.begin(), notes.end());
  }
  return out;
}

// Running total of a page's slabs while it fills.
struct PageFill {
  double body = 0;   // slabs so far, with the gaps between them
  double notes = 0;  // notes of those slabs, whole, with what the page before carried over
};

// Whether a page may end before slab `b` (after slab b - 1).
bool may_break_before(const std::vector<Slab>& slabs, size_t b) { return !slabs[b - 1].keep_with_next; }

// The latest legal break at or before `b` that leaves something on the page; 0 if none.
size_t legal_break(const std::vector<Slab>& slabs, size_t first, size_t b) {
  for (; b > first; --b)
    if (may_break_before(slabs, b)) return b;
  return 0;
}

// The slabs [g, e) of the keep block that slab i belongs to.
std::pair<size_t, size_t> block_extent(const std::vector<Slab>& slabs, size_t i) {
  size_t g = i, e = i;
  while (g > 0 && slabs[g - 1].block == slabs[i].block) --g;
  while (e < slabs.size() && slabs[e].block == slabs[i].block) ++e;
  return {g, e};
}

size_t body_rows(const std::vector<Slab>& slabs, size_t from, size_t to) {
  return static_cast<size_t>(std::count_if(slabs.begin() + static_cast<long>(from), slabs.begin() + static_cast<long>(to),
                                           [](const Slab& s) { return s.table >= 0; }));
}

double span_height(const std::vector<Slab>& slabs, size_t from, size_t to) {
  double h = 0;
  for (size_t i = from; i < to; ++i) h += slabs[i].height + (i == from ? 0 : slabs[i].space_before);
  return h;
}

// A break inside a table: move the whole table on when it fits a page and the page it leaves
// is full enough; otherwise split it so that each side keeps enough rows.
size_t break_around_block(const PaginationContext& pc, size_t first, size_t b, double used_before_block) {
  const auto& slabs = pc.slabs;
  if (b >= slabs.size() || slabs[b].block < 0 || slabs[b - 1].block != slabs[b].block) return b;
  auto [g, e] = block_extent(slabs, b);
  if (g <= first) g = first;
  size_t before_block = g > first ? legal_break(slabs, first, g) : 0;
  const KeepBlock& keep = pc.flow.blocks[static_cast<size_t>(slabs[b].block)];
  double room = pc.room(slabs[b].landscape);
  bool fits_whole = span_height(slabs, g, e) <= room;
  bool full_enough = used_before_block >= min_fill_before_moved_table * room;
  if (fits_whole && before_block && (keep.keep == KeepBlock::Keep::together || full_enough)) return before_block;
  if (body_rows(slabs, g, b) < min_rows_at_break) return before_block ? before_block : b;
  if (body_rows(slabs, b, e) >= min_rows_at_break || body_rows(slabs, g, e) < 2 * min_rows_at_break) return b;
  // Pull the break back until enough rows go over, as long as enough stay.
  for (size_t c = b; c > g; --c)
    if (body_rows(slabs, c, e) >= min_rows_at_break) {
      size_t legal = legal_break(slabs, first, c);
      return legal && body_rows(slabs, g, legal) >= min_rows_at_break ? legal : b;
    }
  return b;
}

// Whether slab i opens a figure's keep block, which may float past the text after it.
bool starts_float(const PaginationContext& pc, size_t i) {
  const auto& slabs = pc.slabs;
  return i < slabs.size() && slabs[i].block >= 0 && pc.flow.blocks[static_cast<size_t>(slabs[i].block)].floating &&
         (i == 0 || slabs[i - 1].block != slabs[i].block);
}

// A break that would leave the last one or two lines of a section alone at the top of the
// next page moves up so that more of the section goes with them.
size_t break_before_section_tail(const PaginationContext& pc, size_t first, size_t b) {
  const auto& slabs = pc.slabs;
  size_t end = b;
  while (end < slabs.size() && !slabs[end].heading_level && !slabs[end].page_break_before &&
         slabs[end].landscape == slabs[b].landscape)
    ++end;
  size_t tail = end - b;
  // A figure at the top of a page is no stray line: the tail rule is about text.
  if (tail == 0 || tail > max_section_tail || slabs[b].table >= 0 || starts_float(pc, b)) return b;
  if (b - first <= max_section_tail + 1) return b;  // the page would be left nearly empty
  size_t moved = legal_break(slabs, first, end - (max_section_tail + 1));
  return moved > first + 1 ? moved : b;
}

// Where the page that starts at `first` ends (exclusive), given what it already holds.
size_t fill_page(const PaginationContext& pc, size_t first, double start, double carried_notes,
                 std::vector<bool> started) {
  const auto& slabs = pc.slabs;
  const double room = pc.room(slabs[first].landscape);
  PageFill fill{start, carried_notes};
  double used_before_block = 0;
  for (size_t j = first; j < slabs.size(); ++j) {
    const Slab& s = slabs[j];
    if (j > first && (s.page_break_before || s.landscape != slabs[first].landscape)) return j;
    double space = j == first ? 0 : s.space_before;
    if (s.block >= 0 && (j == first || slabs[j - 1].block != s.block)) used_before_block = fill.body;
    auto notes = unstarted_notes(pc, j, started);
    double with_notes = notes_height(pc, notes);
    if (!notes.empty() && fill.notes > 0)  // below notes already there: a gap instead of the rule
      with_notes += pc.flow.notes[notes.front().note].front().space_before - pc.note_separator();
    if (j == first || fill.body + space + s.height + fill.notes + with_notes <= room) {
      fill.body += space + s.height;
      fill.notes += with_notes;
      mark_started(notes, started);  // a later mark of the same note on this page adds nothing
      continue;
    }
    // A slab whose notes do not all fit still goes on this page, the page ending after it,
    // when enough of its first note does; the rest continues on the next page.
    if (!notes.empty()) {
      const Slab& line = pc.flow.notes[notes.front().note].front();
      size_t lines = std::min(min_note_lines, pc.flow.notes[notes.front().note].size());
      double some = (fill.notes == 0 ? pc.note_separator() : line.space_before) + line.height * static_cast<double>(lines);
      if (!s.keep_with_next && fill.body + space + s.height + fill.notes + some <= room) return j + 1;
    }
    size_t b = legal_break(slabs, first, j);
    if (!b) return j;  // no legal break on the whole page: break where the space ran out
    b = break_around_block(pc, first, b, used_before_block);
    return break_before_section_tail(pc, first, b);
  }
  return slabs.size();
}

// How far the text after a float ending at `h` may run ahead of it: never past another float
// (figures keep their numbered order), a page break, a change of orientation or a new chapter.
size_t float_limit(const PaginationContext& pc, size_t h) {
  const auto& slabs = pc.slabs;
  size_t e = h;
  while (e < slabs.size() && !slabs[e].page_break_before && slabs[e].landscape == slabs[h - 1].landscape &&
         slabs[e].heading_level != 1 && !starts_float(pc, e))
    ++e;
  return e;
}

// Whether slabs [from, to) hold whole elements: every tag they open they close. The tagged
// PDF follows the drawn order, so a figure may only move to such a boundary; inside a list or
// a table it would become a child that the structure does not allow (a Figure in an L).
bool whole_elements(const std::vector<Slab>& slabs, size_t from, size_t to) {
  int depth = 0;
  for (size_t i = from; i < to; ++i)
    for (const auto& item : slabs[i].items)
      if (auto* tag = std::get_if<TagItem>(&item)) {
        depth += tag->kind == TagItem::Kind::begin ? 1 : -1;
        if (depth < 0) return false;
      }
  return depth == 0;
}

// A page that ends before a figure that does not fit (at `end`, the figure's first slab) is
// filled with the text that follows instead, as far as the last whole element that fits, and
// the figure goes to the top of the next page: `order` (the slabs pc sees) is rearranged so.
// Returns where the page now ends.
size_t defer_float(const PaginationContext& pc, std::vector<Slab>& order, size_t first, size_t end, double start,
                   double carried_notes, const std::vector<bool>& started) {
  if (end <= first || !starts_float(pc, end)) return end;
  auto [g, h] = block_extent(order, end);
  size_t limit = float_limit(pc, h);
  if (limit == h) return end;
  auto at = [&](size_t i) { return order.begin() + static_cast<long>(i); };
  std::rotate(at(g), at(h), at(limit));  // the text first, the figure after it
  size_t figure_at = g + (limit - h);
  size_t filled = std::min(fill_page(pc, first, start, carried_notes, started), figure_at);
  while (filled > g && !(whole_elements(order, g, filled) && may_break_before(order, filled))) --filled;
  if (filled <= g) {  // no whole element fits: leave everything where it stood
    std::rotate(at(g), at(figure_at), at(limit));
    return end;
  }
  if (filled < figure_at) std::rotate(at(filled), at(figure_at), at(figure_at + (h - g)));
  return filled;
}

// The notes of a page: what the last page carried over, then those whose marks are on it,
// cut where the room left below the text runs out; `carried` receives the rest.
std::vector<NotePiece> page_notes(const PaginationContext& pc, const PageRange& range, double room, std::vector<bool>& started,
                                  std::vector<NotePiece>& carried) {
  std::vector<NotePiece> wanted = std::move(carried);
  carried.clear();
  for (auto& piece : new_notes(pc, range.first, range.end, started)) wanted.push_back(piece);
  if (wanted.empty()) return {};
  room -= pc.note_separator();
  std::vector<NotePiece> placed;
  for (auto& piece : wanted) {
    NotePiece here{piece.note, piece.from, piece.from};
    const auto& lines = pc.flow.notes[piece.note];
    while (here.to < piece.to) {
      double h = lines[here.to].height + (here.to == here.from && !placed.empty() ? lines[here.to].space_before : 0);
      if (h > room && !(placed.empty() && here.to == here.from)) break;  // at least one line per page
      room -= h;
      ++here.to;
    }
    if (here.to > here.from) placed.push_back(here);
    if (here.to < piece.to) carried.push_back({piece.note, here.to, piece.to});
  }
  return placed;
}

void emit_notes(const PaginationContext& pc, const std::vector<NotePiece>& notes, double room, Page& page) {
  if (notes.empty()) return;
  const Style& style = pc.layout.style;
  double y = style.page.top + room - notes_height(pc, notes);
  double rule_y = y + pc.note_separator() * 0.4;
  std::vector<Item> rule = {RuleItem{pc.layout.left(), rule_y, pc.layout.left() + pc.layout.text_width() * note_rule_share, rule_y,
                                     0.5, style.rule}};
  enclose(rule, begin_tag("Artifact"));
  page.items.insert(page.items.end(), rule.begin(), rule.end());
  y += pc.note_separator();
  for (size_t k = 0; k < notes.size(); ++k) {
    const auto& lines = pc.flow.notes[notes[k].note];
    for (size_t line = notes[k].from; line < notes[k].to; ++line) {
      if (line == notes[k].from && k > 0) y += lines[line].space_before;
      for (Item item : lines[line].items) {
        translate(item, 0, y);
        page.items.push_back(std::move(item));
      }
      y += lines[line].height;
    }
  }
}

// Puts the range's slabs on the page and returns the height they fill. A body slab is on one
// page only, so its items move there, and `placements` records where; a repeated table header
// is copied.
double emit(const PaginationContext& pc, const PageRange& range, Page& page, std::vector<Slab>& slabs,
            std::vector<Placement>& placements) {
  double y = pc.layout.style.page.top;
  auto place = [&](std::vector<Item> items, double space, double height) {
    y += space;
    for (Item& item : items) {
      translate(item, 0, y);
      page.items.push_back(std::move(item));
    }
    y += height;
  };
  if (range.repeats_header)
    for (const auto& s : pc.flow.table_headers[static_cast<size_t>(slabs[range.first].table)]) place(s.items, 0, s.height);
  for (size_t i = range.first; i < range.end; ++i) {
    double space = i == range.first ? 0 : slabs[i].space_before;
    size_t first = page.items.size();
    double top = y + space;
    place(std::move(slabs[i].items), space, slabs[i].height);
    placements.push_back({slabs[i].origin, first, page.items.size(), top});
  }
  return y - pc.layout.style.page.top;
}

}  // namespace

Pagination paginate(const LayoutContext& ctx, std::vector<Slab> slabs, const Flow& flow) {
  // Floating figures may change the order of the slabs, which pagination owns.
  bool floats = std::any_of(flow.blocks.begin(), flow.blocks.end(), [](const KeepBlock& b) { return b.floating; });
  PaginationContext pc{ctx, slabs, flow};
  Pagination out;
  std::vector<bool> notes_started(flow.notes.size(), false);
  std::vector<NotePiece> carried;
  for (size_t first = 0; first < pc.slabs.size();) {
    if (out.pages.size() > max_pages) break;  // lay_out_document reports it, once
    PageRange range{first, 0, continues_table(pc.slabs, first)};
    double start = range.repeats_header ? total_height(flow.table_headers[static_cast<size_t>(pc.slabs[first].table)]) : 0;
    range.end = fill_page(pc, first, start, notes_height(pc, carried), notes_started);
    if (floats) range.end = defer_float(pc, slabs, first, range.end, start, notes_height(pc, carried), notes_started);
    out.pages.emplace_back();
    Page& page = out.pages.back();
    page.landscape = pc.slabs[first].landscape;
    double body = emit(pc, range, page, slabs, out.placements.emplace_back());
    double room = pc.room(page.landscape);
    auto notes = page_notes(pc, range, room - body, notes_started, carried);
    emit_notes(pc, notes, room, page);
    page.filled = std::min(1.0, (body + notes_height(pc, notes)) / room);
    page.ends_chapter = range.end == pc.slabs.size() || pc.slabs[range.end].heading_level == 1;
    first = range.end;
  }
  // Notes still carried at the end get pages of their own.
  while (!carried.empty() && out.pages.size() <= max_pages) {
    bool landscape = !out.pages.empty() && out.pages.back().landscape;
    Page& page = out.pages.emplace_back();
    out.placements.emplace_back();
    page.landscape = landscape;
    double room = pc.room(page.landscape);
    PageRange none{pc.slabs.size(), pc.slabs.size(), false};
    auto notes = page_notes(pc, none, room, notes_started, carried);
    emit_notes(pc, notes, room, page);
    page.filled = notes_height(pc, notes) / room;
    page.ends_chapter = true;
  }
  out.anchor_pages = find_anchors(out.pages);
  return out;
}

}  // namespace rapport
