#include "model/number_footnotes.hpp"

#include <map>

namespace rapport {
namespace {

struct Numberer {
  Report& report;
  bool per_chapter;
  int chapter = 0;
  int last_number = 0;
  std::map<std::pair<int, std::string>, size_t> notes;  // (chapter, id) → into report.notes
  std::map<std::string, int> printed;                    // per id, how many notes print it

  void mark(InlineSpan& span) {
    size_t footnote = 0;
    while (footnote < report.footnotes.size() && report.footnotes[footnote].id != span.footnote) ++footnote;
    if (footnote == report.footnotes.size()) return;
    auto key = std::make_pair(per_chapter ? chapter : 0, span.footnote);
    auto [at, fresh] = notes.emplace(key, report.notes.size());
    if (fresh) {
      // Printed again in a later chapter, the note needs a place of its own to link to.
      int instance = ++printed[span.footnote];
      std::string anchor = "^" + span.footnote + (instance > 1 ? "-" + std::to_string(instance) : "");
      report.notes.push_back({footnote, ++last_number, anchor, anchor + "-mark"});
      span.anchor = report.notes.back().mark_anchor;
    } else {
      span.anchor.clear();
    }
    const FootnoteNote& note = report.notes[at->second];
    span.text = std::to_string(note.number);
    span.link = "#" + note.anchor;
  }

  void text(RichText& spans) {
    for (auto& span : spans)
      if (!span.footnote.empty()) mark(span);
  }

  void prose(std::vector<Prose>& items) {
    for (auto& p : items) {
      text(p.text);
      for (auto& item : p.items) prose(item.content);
    }
  }

  void blocks(std::vector<Block>& content) {
    for (auto& block : content) {
      if (auto* section = std::get_if<std::unique_ptr<Section>>(&block)) {
        if ((*section)->level == 1 && per_chapter) {
          ++chapter;
          last_number = 0;
        }
        blocks((*section)->content);
      } else if (auto* t = std::get_if<TextBlock>(&block)) {
        prose(t->prose);
      } else if (auto* assessment = std::get_if<Assessment>(&block)) {
        prose(assessment->text);
      } else if (auto* table = std::get_if<Table>(&block)) {
        for (auto& row : table->rows)
          for (auto& cell : row.cells) text(cell.rich);
      }
    }
  }
};

}  // namespace

void number_footnotes(Report& report, const Style& style) {
  report.notes.clear();
  Numberer{report, style.footnotes_per_chapter, 0, 0, {}, {}}.blocks(report.content);
}

}  // namespace rapport
