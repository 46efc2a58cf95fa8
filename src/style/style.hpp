#pragma once
// A layout resolved into computed styles. All lengths are in PostScript points.
#include <array>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "finance/format_number.hpp"
#include "text/hyphenate.hpp"

namespace rapport {

struct Color {
  double r = 0, g = 0, b = 0;
};

struct TextStyle {
  std::string family;
  double size = 11;
  int weight = 400;  // 400 regular, 700 bold
  bool italic = false;
  Color color;
  double line_height = 1.25;  // multiple of the size
  double space_before = 0;
  double space_after = 0;
};

// One status of a vocabulary (layouts/vocabularies/*.yaml).
struct StatusStyle {
  std::string id;
  std::string label;
  std::string shape;  // one of status_shapes()
  Color color;
  std::string alt;    // what the icon says in words, for the tagged PDF
  std::string vocabulary;
};

// The icon shapes rapport can draw.
const std::vector<std::string>& status_shapes();

// A level of goal (Målbild, Inriktningsmål, Uppdrag): sections marked `goal: <id>` get the
// label (and a running number when numbered) before their heading.
struct GoalLevel {
  std::string id;
  std::string label;
  bool numbered = false;
};

struct PageStyle {
  double width = 595.28, height = 841.89;
  double top = 0, bottom = 0, left = 0, right = 0;
  double content_width() const { return width - left - right; }
  double content_height() const { return height - top - bottom; }
  // The same sheet turned to landscape; the margins keep their sides.
  PageStyle turned() const {
    PageStyle landscape = *this;
    landscape.width = height;
    landscape.height = width;
    return landscape;
  }
};

// A running header or footer: templates with fields such as {title}, {committee}, {page},
// {pages}, {municipality}, {period}, {date}, {kind}, {case_number}.
struct RunningLine {
  std::string left, center, right;
  bool empty() const { return left.empty() && center.empty() && right.empty(); }
};

struct Style {
  std::string name;
  std::string path;
  std::vector<std::string> files;  // the layout, what it extends, and its vocabularies
  PageStyle page;
  TextStyle body, table, table_header, caption, footer, toc_title, toc_entry, cover_municipality, cover_title,
      cover_subtitle, cover_committee, back_page, assessment_label, footnote, figure_source;
  std::array<TextStyle, 4> headings;
  Color accent, rule, table_header_fill, table_group_fill;
  double list_indent = 17;
  bool footnotes_per_chapter = false;  // footnotes numbered from 1 in each level-1 section
  double footnote_indent = 14;         // the note's number is set right-aligned in this indent
  double cell_padding = 4;
  std::string bullet = "•";
  std::string toc_default_title = "Innehållsförteckning";
  int toc_depth = 3;
  // Figures: numbered through the document, the caption set under the picture from the
  // template with {label}, {number} and {caption}; the list of figures' default title.
  std::string figure_label = "Figur";
  std::string figure_caption = "{label} {number}. {caption}";
  std::string figures_default_title = "Figurförteckning";
  int new_page_level = 1;  // headings of this level or higher start a page; 0: none
  int numbered_levels = 0; // headings of levels 1..N numbered "2.3"; 0: none (goal headings never)
  double cover_title_at = 0.36;
  bool signoff_at_end = true;  // a decided report's sign-off block follows its content
  std::string logo;           // an SVG or PNG file for the cover; empty for none
  std::string logo_alt;       // what the logo shows, for screen readers; empty: the municipality's name
  SourcePos logo_pos;         // where the layout names the logo
  double logo_width = 0;  // the cover's title block, as a share of the page height from the top
  bool zebra = false;            // alternate data rows shaded
  // Hairlines between a table's body rows: under every row, only where a group (and the
  // table) ends, letting the zebra fill track the rows, or none; those inside a group in a
  // colour lighter than `rule`, which closes groups and the table.
  enum class RowRules { rows, groups, none } row_rules = RowRules::rows;
  Color row_rule = {0.84, 0.86, 0.89};
  Color zebra_fill;
  std::string missing_mark = "–";
  std::string continued = "(forts.)";  // after a table's caption on the pages it runs on to
  bool has_cover = true, has_back_page = true;
  RunningLine running_header, running_footer;
  std::string watermark;  // drawn across draft pages; empty for none
  Color watermark_color;
  bool hyphenate = true;
  HyphenationRules hyphenation;
  bool justify = false;
  NumberFormat numbers;
  // The fills of a chart's series, in order (`charts: {palette: […]}`). The default is the
  // Okabe–Ito set for colour-blind readers, ordered so neighbours differ in lightness; series
  // differ by pattern and marker shape too, so greyscale print keeps them apart.
  std::vector<Color> chart_palette = {{0.0, 0.447, 0.698}, {0.902, 0.624, 0.0}, {0.0, 0.620, 0.451},
                                      {0.800, 0.475, 0.655}, {0.337, 0.706, 0.914}, {0.835, 0.369, 0.0}};
  std::vector<std::string> vocabularies;  // names, in the layout's order
  std::vector<StatusStyle> statuses;      // every status of those vocabularies
  std::vector<GoalLevel> goal_levels;
  // How a goal heading is printed, with {label}, {number} and {title}: with a number (the
  // author's or the level's running one) and without.
  std::string goal_heading, goal_heading_unnumbered;
  // The goal overview's column headings: level, goal, status.
  std::string overview_level, overview_goal, overview_status;

  const StatusStyle* status(const std::string& id) const;
  const GoalLevel* goal_level(const std::string& id) const;
  // Statuses an author may name; "trend-…" ones are computed by rapport, never written.
  std::vector<std::string> status_ids() const;
  const StatusStyle* author_status(const std::string& id) const;
};

}  // namespace rapport
