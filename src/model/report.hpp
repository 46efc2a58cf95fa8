#pragma once
// The typed, validated report: what the author said, with every figure and status checked.
// No layout or drawing types appear here.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "text/align.hpp"

namespace rapport {

// A stretch of inline text with one set of attributes.
struct InlineSpan {
  std::string text;
  bool emphasis = false;
  bool strong = false;
  std::string link;  // "" for none, "#id" for a section of this report, else a URI
  bool keep_whole = false;  // `backticks` in Markdown: never hyphenated
  // A footnote mark `[^id]`: the id; `text` is empty until resolve_with_layout numbers it.
  std::string footnote = {};
  std::string anchor = {};  // a named place at this span (a footnote's first mark, for the way back)
};
using RichText = std::vector<InlineSpan>;

struct Prose;
struct ListItem {
  std::vector<Prose> content;  // paragraphs and nested lists
};
// A paragraph, or a list when `is_list`.
struct Prose {
  bool is_list = false;
  RichText text;  // paragraph text
  bool ordered = false;
  int start = 1;
  std::vector<ListItem> items;
  SourcePos pos;
};

struct TextBlock {
  std::vector<Prose> prose;
};

struct Assessment {
  std::string status;  // an id of the layout's status vocabulary
  std::string label;   // empty: the vocabulary's label
  std::vector<Prose> text;
  SourcePos pos;
  SourcePos status_pos;
};

struct Fact {
  std::string label;
  std::string value;
  SourcePos pos = {};  // of the fact's line
};
struct Facts {
  std::vector<Fact> items;
};

struct ColumnWidth {
  enum class Kind { fit, millimetres, percent } kind = Kind::fit;
  double value = 0;
};

// `compute: utfall - budget` as terms over other columns of the same row.
struct ComputeTerm {
  int sign = 1;
  size_t column = 0;
};

struct Column {
  // figures/text; status: cells name statuses; trend: computed from the `series` columns.
  enum class Kind { values, status, trend } kind = Kind::values;
  std::vector<size_t> series;
  std::string title;
  std::string id;
  Align align = Align::left;
  ColumnWidth width;
  std::vector<ComputeTerm> compute;  // empty: the figures are stated
  int decimals = -1;                 // -1: as written
  std::string unit;                  // "%", "tkr", …: printed after every figure
  SourcePos pos = {};
};

struct Cell {
  enum class Kind { blank, missing, text, number } kind = Kind::blank;
  std::string text;  // the text as written; for numbers the scalar as written
  RichText rich;     // a text cell with inline Markdown: its spans (empty for plain text)
  double number = 0;
  int decimals = 0;  // digits after the decimal point as written
  std::string unit;
  std::string note;    // printed after the figure in parentheses: "17 % (2018)"
  std::string accept;  // the author's reason for keeping a figure that differs from the computed one
  std::string status;  // status columns and computed trends: the status whose icon is drawn
  std::string label;   // status columns: printed instead of the status's label; empty: its own
  std::string link;    // "#id" or a URI, for generated tables such as the goal overview
  SourcePos pos;

  // Filled in by compute_tables.
  enum class Check { none, computed, rounding, accepted } check = Check::none;
  double computed = 0;
  int note_number = 0;  // for accepted differences: the note under the table
};

struct TableRow {
  enum class Kind { data, group, varav, total, note } kind = Kind::data;
  std::vector<Cell> cells;  // data, varav and total rows
  std::string text;         // group and note rows
  bool table_scope = false; // a total over the whole table, not just its group
  bool complete = false;    // varav rows: together they are their parent row's whole breakdown
  SourcePos pos;
};

struct HeaderCell {
  std::string text;
  size_t span = 1;
  SourcePos pos = {};
};

struct Table {
  std::string id;  // for links and page references; "" for none
  std::string caption;
  // automatic: a table that fits on a page is moved to the next whole, unless the page it
  // would leave is less than two-thirds full; together: always moved whole when it fits.
  enum class Keep { automatic, together } keep = Keep::automatic;
  bool caption_below = false;  // caption_at: below — under the table, as a source line or figure note stands
  std::vector<std::vector<HeaderCell>> header;  // extra header rows above the column titles
  std::vector<Column> columns;
  std::vector<TableRow> rows;
  double tolerance = 1;
  bool landscape = false;  // orientation: landscape — set on A4 landscape pages of its own
  std::vector<std::string> notes;  // filled in by compute_tables: printed under the table
  SourcePos pos;
  SourcePos caption_pos = {};
};

struct AddressBlock {
  std::vector<std::string> lines;
  SourcePos pos = {};
};

struct TocBlock {
  std::string title;  // empty: the layout's title
  int depth = 0;      // 0: the layout's depth
  SourcePos pos = {};
};

struct PageBreak {};

// The document's officials ("Nämndens ordförande: …"), printed as labelled facts.
struct OfficialsBlock {};

// The statuses the document uses, each with its icon and label.
struct LegendBlock {
  std::string title;
  bool all = false;  // every status of the layout, not only those the document uses
  SourcePos pos = {};
};

// Every goal and assignment of the document with its status, and the count per status.
struct OverviewBlock {
  std::string title;
  SourcePos pos = {};
};

// A picture file (SVG, PNG, JPEG) set at a width of the text, numbered and captioned by the
// layout ("Figur 3. …"), with its source line under it.
struct Picture;
struct Figure {
  std::string file;  // the path as read, relative to the current folder
  std::shared_ptr<const Picture> picture;  // decoded when read, so a bad file is an input error
  enum class WidthKind { percent, millimetres } width_kind = WidthKind::percent;
  double width = 100;  // percent of the text width, or millimetres
  std::string caption;
  std::string source;  // "Källa: SCB", under the caption
  std::string alt;     // what the picture shows, in words; --final requires it
  std::string id;      // for links and page references; "" for none
  bool here = false;   // placement: here — never moved past the text that follows it
  int number = 0;      // through the document, set by resolve_with_layout
  SourcePos pos;
  SourcePos width_pos = {};
};

// The list of figures: each figure's numbered caption with its page.
struct FiguresBlock {
  std::string title;  // empty: the layout's title
  SourcePos pos = {};
};

// One named run of figures of a chart; a NaN value is a figure the source leaves blank.
struct ChartSeries {
  std::string name;
  std::vector<double> values;
  std::vector<SourcePos> pos;  // of each figure, for errors; may be empty
  std::vector<int> decimals;   // of each figure as written (or as its column prints it)
};

// A chart: its figures written inline (`data:`) or read from a table of the report by id.
// A table's figures are copied by resolve_charts after compute_tables, so a computed column
// charts as printed and the chart can never disagree with the table.
struct Chart {
  enum class Kind { column, stacked, bar, line } kind = Kind::column;
  std::string table;                 // a table's id; "" for inline data
  std::vector<std::string> rows;     // row labels (first cell) to chart; empty: every data row
  std::string per_group;             // the row of this label in each group, named by the group
  std::vector<std::string> columns;  // column ids to chart
  bool series_are_rows = false;      // `series: rows`: each row a series, the columns the categories
  std::string unit;                  // "tkr", "%": named on the value axis; "": from the cells
  bool labels = false;               // print each figure at its bar or marker
  std::string caption, source, alt;  // alt: replaces the generated description
  // The figures: written inline or filled in from the table.
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  int decimals = 0;  // of a figure whose series does not say
  int number = 0;    // a numbered figure, counted with the pictures by resolve_with_layout
  SourcePos pos, table_pos, rows_pos, columns_pos, per_group_pos;
  // Figure `category` of series `which` prints with as many decimals as it is written with,
  // so a chart's labels and alt text read as the table does ("18", "85,8").
  int decimals_of(size_t which, size_t category) const {
    const auto& d = series[which].decimals;
    return category < d.size() ? d[category] : decimals;
  }
};

struct Section;
using Block = std::variant<TextBlock, Assessment, Facts, Table, AddressBlock, TocBlock, PageBreak, OfficialsBlock,
                           LegendBlock, OverviewBlock, Figure, FiguresBlock, Chart, std::unique_ptr<Section>>;

struct Section {
  std::string heading;  // as printed: "Inriktningsmål 3: " + title for goals
  std::string title;    // as the author wrote it
  std::string goal;     // a goal level id (målbild, inriktningsmål, uppdrag) or empty
  int goal_number = 0;  // the running number within numbered levels
  std::string number;   // the goal's number as the council gave it ("1.3"); empty: numbered by the layout
  SourcePos number_pos;
  SourcePos goal_pos;
  std::string id;  // always set: the author's id or a generated one
  int level = 1;   // 1–4
  bool in_toc = true;
  bool landscape = false;  // orientation: landscape — the section and all in it on landscape pages
  std::vector<Block> content;
  SourcePos pos;
  SourcePos title_pos = {};  // of the heading as written
};

struct Official {
  std::string role;
  std::string name;
  SourcePos pos = {};
};

// The meeting that adopted the report, for the sign-off block ("Godkänd av Kommunstyrelsen
// 2021-10-04, § 175"), or, for a report no committee adopts (an office's or a consultant's),
// the official who approved it ("Godkänd av beställare Andreaz Strömgren, 2022-01-07").
// Optional in a draft; a final render refuses without it. Each field keeps its position so a
// final check can point at what is missing or wrong.
struct Decision {
  // approval: `approved_by` with `role` and `approved_on`; meeting: body, meeting, paragraph.
  enum class Kind { meeting, approval } kind = Kind::meeting;
  std::string body;         // the deciding committee or council: "Kommunstyrelsen"
  std::string meeting;      // the meeting's date, YYYY-MM-DD
  std::string paragraph;    // the minutes' paragraph: "§ 175"
  std::string approved_by;  // "Stefan Dalin, ordförande"; for an approval the name alone
  std::string role;         // an approval's role, printed before the name: "beställare"
  std::string approved_on;  // an approval's date, YYYY-MM-DD
  bool minutes_extract = false;  // a protokollsutdrag: "Justerandes sign" and "Utdragsbestyrkande" boxes
  // Placeholders the adopted text really contains ("KSxxx"): the body adopted them as they
  // stand, so a final render lets exactly these phrases through.
  std::vector<std::string> accepted_placeholders;
  SourcePos pos;            // the decision: mapping, where a missing field is reported
  SourcePos body_pos, meeting_pos, paragraph_pos, approved_by_pos, minutes_extract_pos, role_pos, approved_on_pos;
};

struct DocumentInfo {
  std::string municipality;
  // Who the document is from, in headers, the cover and the PDF's metadata: the committee, or
  // for a report no committee adopts (`kind: rapport` without one) its author.
  std::string committee;
  bool has_committee = true;  // false: `committee` is the author's, taken in its place
  std::string version;        // the report's own version, "1.0": "Rapport 1.0" on the cover
  std::string kind;
  std::string title;
  std::string subtitle;
  std::string period;
  std::string date;  // YYYY-MM-DD
  std::string author;
  std::string case_number;
  std::vector<std::string> keywords;
  std::string layout;
  std::vector<Official> officials;
  std::vector<std::string> address;
  std::optional<Decision> decision;
  SourcePos pos = {};  // the document: mapping, where a missing key is reported
  // Where each key's value was written ("title" → its line and column); lists by the list.
  std::map<std::string, SourcePos> value_pos = {};
};

// A footnote's text, `[^id]: note`, written in any text of the report.
struct Footnote {
  std::string id;
  RichText text;
  SourcePos pos;  // of the definition's '['
};

// A footnote as printed: numbered by the layout (through the document, or per chapter, where
// the same id may then print again), in the order its marks first appear.
struct FootnoteNote {
  size_t footnote = 0;  // into Report::footnotes
  int number = 0;
  std::string anchor;       // the note's named place: "^id"
  std::string mark_anchor;  // its first mark's: "^id-mark"
};

struct Report {
  std::string path;
  std::vector<Footnote> footnotes;  // every definition, in the order written
  std::vector<FootnoteNote> notes;  // filled in by resolve_with_layout, in number order
  std::vector<std::string> data_files;  // CSV files the tables read and picture files the figures show
  std::vector<std::shared_ptr<const Picture>> pictures;  // what the figures show, each once
  DocumentInfo info;
  std::vector<Block> content;
};

}  // namespace rapport
