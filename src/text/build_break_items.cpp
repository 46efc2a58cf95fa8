#include <glib.h>

#include <algorithm>
#include <map>

#include "text/paragraph.hpp"

namespace rapport {
namespace {

const std::string soft_hyphen = "\u00AD";

bool is_letter(gunichar c) { return g_unichar_isalpha(c); }
bool is_hard_hyphen(gunichar c) { return c == '-' || c == 0x2010; }

struct Builder {
  const Paragraph& p;
  const ShapeRequest& request;
  BreakInput out;
  double box = 0;
  int box_start = -1;
  double word = 0;   // since the last break that is not a hyphenation point
  double piece = 0;  // since the last break of any kind

  gunichar char_at(int c) const { return g_utf8_get_char(p.text.data() + p.char_bytes[static_cast<size_t>(c)]); }
  int byte_of(int c) const { return p.char_bytes[static_cast<size_t>(c)]; }

  void flush() {
    if (box_start < 0) return;
    out.items.push_back({BreakItem::Type::box, box});
    out.bytes.push_back(box_start);
    box = 0;
    box_start = -1;
  }
  void add_to_box(int c, double width) {
    if (box_start < 0) box_start = byte_of(c);
    box += width;
    word += width;
    piece += width;
    out.widest_word = std::max(out.widest_word, word);
    out.widest_piece = std::max(out.widest_piece, piece);
  }
  void penalty(int byte, double width, double value, bool flagged) {
    flush();
    piece = 0;
    BreakItem item{BreakItem::Type::penalty, width};
    item.penalty = value;
    item.flagged = flagged;
    out.items.push_back(item);
    out.bytes.push_back(byte);
  }
  void glue(int c, double width) {
    flush();
    BreakItem item{BreakItem::Type::glue, width};
    if (request.justify) {
      item.stretch = width * space_stretch;
      item.shrink = width * space_shrink;
    }
    out.items.push_back(item);
    out.bytes.push_back(byte_of(c));
    word = 0;
    piece = 0;
  }
  // The width of a hyphen after the character that ends at `byte`, in that character's font.
  double hyphen_width(int byte) const {
    const ShapedItem* item = p.item_at(std::max(byte - 1, 0));
    if (!item) return 0;
    return p.fonts->info(item->item->analysis.font, item->item->analysis).hyphen_width;
  }
};

// The last place a line can break before the paragraph's end: the word after it is never
// hyphenated. A paragraph of one word has none, so that word may break (a narrow cell's only
// word), as the emergency pass may break any.
int last_word_start(const Paragraph& p) {
  int chars = static_cast<int>(p.char_bytes.size()) - 1;
  for (int c = chars - 1; c >= 0; --c)
    if (p.attrs[static_cast<size_t>(c)].is_white && p.attrs[static_cast<size_t>(c) + 1].is_line_break) return c;
  return chars;
}

// Dictionary break points of the paragraph's words, as absolute bytes. A compound breaks
// between its words; a syllable point inside it is a last resort ("fyramåna-dersrapporten").
enum class Point { compound, syllable, inside_compound };
std::map<int, Point> dictionary_points(const Paragraph& p, const Hyphenator& hyphenator, bool last_word) {
  std::map<int, Point> points;
  const int chars = static_cast<int>(p.char_bytes.size()) - 1;
  const int last = last_word ? chars : last_word_start(p);
  auto letter = [&](int c) { return c >= 0 && c < chars && is_letter(g_utf8_get_char(p.text.data() + p.char_bytes[static_cast<size_t>(c)])); };
  for (int c = 0; c < last; ++c) {
    if (!letter(c) || letter(c - 1)) continue;
    int end = c;
    while (letter(end)) ++end;
    int from = p.char_bytes[static_cast<size_t>(c)], to = p.char_bytes[static_cast<size_t>(end)];
    size_t run = p.run_at(from);
    bool one_run = p.run_at(to - 1) == run;
    // A word the author already broke with a soft hyphen is theirs to break.
    bool author_marked = p.text.compare(static_cast<size_t>(to), soft_hyphen.size(), soft_hyphen) == 0 ||
                         (from >= 2 && p.text.compare(static_cast<size_t>(from) - 2, soft_hyphen.size(), soft_hyphen) == 0);
    if (one_run && p.runs[run].hyphenate && !author_marked && end <= last) {
      auto found = hyphenator.points(std::string_view(p.text).substr(static_cast<size_t>(from), static_cast<size_t>(to - from)));
      bool compound = std::any_of(found.begin(), found.end(), [](const HyphenPoint& h) { return h.compound; });
      for (const auto& point : found)
        points[from + static_cast<int>(point.byte)] =
            point.compound ? Point::compound : compound ? Point::inside_compound : Point::syllable;
    }
    c = end;
  }
  return points;
}

// Characters inside words wider than the measure (a long address in a narrow cell) where a
// line may break as a last resort, without a hyphen: a word that cannot fit is broken rather
// than let run into the next column.
std::vector<bool> emergency_points(const Paragraph& p, double measure) {
  const int chars = static_cast<int>(p.char_bytes.size()) - 1;
  std::vector<bool> points(static_cast<size_t>(chars) + 1, false);
  if (measure <= 0) return points;
  int start = 0;
  double width = 0;
  for (int c = 0; c <= chars; ++c) {
    const PangoLogAttr& at = p.attrs[static_cast<size_t>(c)];
    bool ends = c == chars || at.is_line_break || at.is_white;
    if (ends) {
      if (width > measure)
        for (int k = start + 1; k < c; ++k) points[static_cast<size_t>(k)] = p.attrs[static_cast<size_t>(k)].is_cursor_position;
      // A break before a word starts the next stretch with it; a space starts none.
      bool starts_word = c < chars && !at.is_white;
      start = starts_word ? c : c + 1;
      width = starts_word ? p.char_widths[static_cast<size_t>(c)] : 0;
    } else {
      width += p.char_widths[static_cast<size_t>(c)];
    }
  }
  return points;
}

}  // namespace

BreakInput break_input(const Paragraph& p, const ShapeRequest& request, const Hyphenation& hyphenation) {
  Builder b{p, request, {}};
  std::map<int, Point> points;
  if (hyphenation.hyphenator) points = dictionary_points(p, *hyphenation.hyphenator, hyphenation.last_word);
  const double syllable = request.last_resort ? hyphenation.emergency_penalty : hyphenation.syllable_penalty;
  const double compound = request.last_resort ? hyphenation.emergency_penalty / 2 : hyphenation.compound_penalty;
  const std::vector<bool> emergency = emergency_points(p, request.width);
  // Unwrapped text measures every piece, so that a column knows how narrow its header may get.
  const bool last_resort_only = request.last_resort && request.width >= 0;
  const int chars = static_cast<int>(p.char_bytes.size()) - 1;
  for (int c = 0; c < chars; ++c) {
    const PangoLogAttr& at = p.attrs[static_cast<size_t>(c)];
    const gunichar ch = b.char_at(c);
    const int byte = b.byte_of(c);
    if (c > 0 && at.is_mandatory_break) {
      b.penalty(byte, 0, forced_break, false);
    } else if (c > 0 && at.is_line_break && !p.attrs[static_cast<size_t>(c) - 1].is_white && b.char_at(c - 1) != 0xAD) {
      bool hyphen = is_hard_hyphen(b.char_at(c - 1));
      b.penalty(byte, 0, hyphen ? hyphenation.hard_hyphen_penalty : hyphenation.compound_penalty, hyphen);
      b.word = 0;
    } else if (auto point = points.find(byte); point != points.end() && (!last_resort_only || emergency[static_cast<size_t>(c)])) {
      double value = point->second == Point::compound  ? compound
                     : point->second == Point::syllable ? syllable
                                                        : hyphenation.inside_compound_penalty;
      b.penalty(byte, b.hyphen_width(byte), value, true);
    } else if (emergency[static_cast<size_t>(c)]) {
      b.penalty(byte, 0, hyphenation.emergency_penalty, false);
    }
    if (ch == 0xAD) {  // the author's soft hyphen: a break that adds a hyphen
      if (!last_resort_only || emergency[static_cast<size_t>(c)]) b.penalty(byte, b.hyphen_width(byte), hyphenation.compound_penalty, true);
      continue;
    }
    const PangoLogAttr& next = p.attrs[static_cast<size_t>(c) + 1];
    bool breakable_space = at.is_white && next.is_line_break && !next.is_mandatory_break;
    if (breakable_space) b.glue(c, p.char_widths[static_cast<size_t>(c)]);
    else b.add_to_box(c, p.char_widths[static_cast<size_t>(c)]);
  }
  b.flush();
  while (!b.out.items.empty() && b.out.items.back().type == BreakItem::Type::glue) {
    b.out.items.pop_back();
    b.out.bytes.pop_back();
  }
  BreakItem end{BreakItem::Type::penalty, 0};
  end.penalty = forced_break;
  b.out.items.push_back(end);
  b.out.bytes.push_back(static_cast<int>(p.text.size()));
  return std::move(b.out);
}

}  // namespace rapport
