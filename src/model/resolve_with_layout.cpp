#include "model/resolve_with_layout.hpp"

#include "model/number_footnotes.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "diag/suggest.hpp"
#include "style/fill_template.hpp"
#include "style/load_vocabulary.hpp"

namespace rapport {
namespace {

// The layout's goal heading template filled in.
std::string goal_heading(const std::string& form, const std::string& label, const std::string& number, const std::string& title) {
  return fill_template(form, {{"{label}", label}, {"{number}", number}, {"{title}", title}});
}

struct Resolver {
  const Style& style;
  Diagnostics& diags;
  std::map<std::string, int> numbers;  // running number per goal level

  // A status of a shipped vocabulary the layout leaves out is no typo: say where it is.
  bool in_other_vocabulary(const std::string& status, const SourcePos& pos) {
    std::string vocabulary = shipped_vocabulary_with(status);
    if (vocabulary.empty() || status.starts_with("trend-")) return false;
    std::string enabled;
    for (const auto& name : style.vocabularies) enabled += name + ", ";
    diags.error(pos, "unknown status '" + status + "' in layout '" + style.name + "'",
                "'" + status + "' is in the shipped vocabulary '" + vocabulary + "', which layout '" + style.name +
                    "' does not enable; add it to the layout's statuses: [" + enabled + vocabulary + "]");
    return true;
  }

  void unknown_status(const std::string& status, const SourcePos& pos) {
    if (in_other_vocabulary(status, pos)) return;
    auto ids = style.status_ids();
    std::string guess = closest_match(status, ids);
    diags.error(pos, "unknown status '" + status + "' in layout '" + style.name + "'",
                (guess.empty() ? std::string() : "did you mean '" + guess + "'? ") + "valid statuses are " + join_choices(ids));
  }

  void goal(Section& section) {
    if (section.goal.empty()) return;
    const GoalLevel* level = style.goal_level(section.goal);
    if (!level) {
      std::vector<std::string> ids;
      for (const auto& l : style.goal_levels) ids.push_back(l.id);
      std::string guess = closest_match(section.goal, ids);
      diags.error(section.goal_pos, "unknown goal level '" + section.goal + "'",
                  guess.empty() ? "levels are " + join_choices(ids) : "did you mean '" + guess + "'?");
      return;
    }
    // The council's own number wins; a numbered level counts the goals that have none.
    std::string number = section.number;
    if (number.empty() && level->numbered) {
      section.goal_number = ++numbers[level->id];
      number = std::to_string(section.goal_number);
    }
    section.number = number;
    section.heading = goal_heading(number.empty() ? style.goal_heading_unnumbered : style.goal_heading, level->label,
                                   number, section.title);
  }

  void table(Table& t) {
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].kind != Column::Kind::status) {
        for (const auto& row : t.rows)
          if (c < row.cells.size() && !row.cells[c].label.empty())
            diags.error(row.cells[c].pos, "'label' is for cells of a status column", "give the column kind: status, or leave the label out");
        continue;
      }
      for (auto& row : t.rows) {
        if (c >= row.cells.size()) continue;
        Cell& cell = row.cells[c];
        if (cell.kind != Cell::Kind::text && cell.kind != Cell::Kind::number) continue;
        if (style.author_status(cell.text)) cell.status = cell.text;
        else unknown_status(cell.text, cell.pos);
      }
    }
  }

  std::vector<int> counters = std::vector<int>(4, 0);
  int figures = 0;
  bool landscape = false;  // inside a section set on landscape pages

  // Figures are numbered through the document in reading order; a width in mm must fit the
  // text of the page it is set on (a share of it always does).
  void figure(Figure& f) {
    f.number = ++figures;
    constexpr double points_per_mm = 72.0 / 25.4;
    const PageStyle page = landscape && style.page.width < style.page.height ? style.page.turned() : style.page;
    double text_mm = page.content_width() / points_per_mm;
    if (f.width_kind == Figure::WidthKind::millimetres && f.width > text_mm + 0.05)
      diags.error(f.width_pos, "the figure is " + format_mm(f.width) + " mm wide, wider than the text (" + format_mm(text_mm) + " mm)",
                  "give at most " + format_mm(text_mm) + "mm, or a share such as 100%");
  }

  static std::string format_mm(double mm) {
    std::string s = std::to_string(static_cast<long>(mm * 10 + 0.5));
    if (s.size() == 1) s = "0" + s;
    return s.back() == '0' ? s.substr(0, s.size() - 1) : s.substr(0, s.size() - 1) + "," + s.back();
  }

  // "2.3 Driftbudget" for levels up to the layout's numbered depth; goal headings carry their
  // own label and number instead.
  void number(Section& section) {
    if (section.level > style.numbered_levels || !section.goal.empty()) return;
    size_t level = static_cast<size_t>(section.level);
    ++counters[level - 1];
    std::fill(counters.begin() + static_cast<long>(level), counters.end(), 0);
    std::string prefix;
    for (size_t i = 0; i < level; ++i) prefix += (i ? "." : "") + std::to_string(counters[i]);
    section.heading = prefix + " " + section.heading;
    section.number = prefix;  // for page references that print it
  }

  void blocks(std::vector<Block>& content) {
    for (auto& block : content) {
      if (auto* section = std::get_if<std::unique_ptr<Section>>(&block)) {
        goal(**section);
        number(**section);
        bool was_landscape = landscape;
        landscape = landscape || (*section)->landscape;
        blocks((*section)->content);
        landscape = was_landscape;
      } else if (auto* assessment = std::get_if<Assessment>(&block)) {
        if (!assessment->status.empty() && !style.author_status(assessment->status))
          unknown_status(assessment->status, assessment->status_pos);
      } else if (auto* t = std::get_if<Table>(&block)) {
        table(*t);
      } else if (auto* f = std::get_if<Figure>(&block)) {
        figure(*f);
      } else if (auto* chart = std::get_if<Chart>(&block)) {
        chart->number = ++figures;  // charts are figures: one numbering, one list of figures
      }
    }
  }
};

void check_fonts(const Style& style, const std::vector<std::string>& families, Diagnostics& diags) {
  std::vector<const TextStyle*> styles = {&style.body, &style.table, &style.table_header, &style.caption,
                                          &style.footer, &style.toc_title, &style.toc_entry, &style.cover_title,
                                          &style.footnote};
  for (const auto& h : style.headings) styles.push_back(&h);
  for (const TextStyle* t : styles)
    if (std::find(families.begin(), families.end(), t->family) == families.end()) {
      diags.error({style.path, 0, 0}, "the font family '" + t->family + "' is not among the pinned fonts",
                  "pinned families are " + join_choices(families) + " (fonts/fonts.yaml)");
      return;
    }
}

void collect_used(const std::vector<Block>& content, std::set<std::string>& used) {
  for (const auto& block : content) {
    if (auto* section = std::get_if<std::unique_ptr<Section>>(&block)) collect_used((*section)->content, used);
    else if (auto* assessment = std::get_if<Assessment>(&block)) used.insert(assessment->status);
    else if (auto* table = std::get_if<Table>(&block))
      for (const auto& row : table->rows)
        for (const auto& cell : row.cells)
          if (!cell.status.empty()) used.insert(cell.status);
  }
}

}  // namespace

void resolve_with_layout(Report& report, const Style& style, const std::vector<std::string>& font_families, Diagnostics& diags) {
  Resolver{style, diags, {}, std::vector<int>(4, 0)}.blocks(report.content);
  number_footnotes(report, style);
  check_fonts(style, font_families, diags);
}

std::vector<std::string> used_statuses(const Report& report, const Style& style) {
  std::set<std::string> used;
  collect_used(report.content, used);
  std::vector<std::string> ordered;
  for (const auto& status : style.statuses)
    if (used.count(status.id)) ordered.push_back(status.id);
  return ordered;
}

}  // namespace rapport
