#pragma once
// The typed, validated report: what the author said, with every figure and status checked.
// No layout or drawing types appear here.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"

namespace rapport {

// A stretch of inline text with one set of attributes.
struct InlineSpan {
  std::string text;
  bool emphasis = false;
  bool strong = false;
  std::string link;  // "" for none, "#id" for a section of this report, else a URI
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
};
struct Facts {
  std::vector<Fact> items;
};

enum class Align { left, right, center };

struct ColumnWidth {
  enum class Kind { fit, millimetres, percent } kind = Kind::fit;
  double value = 0;
};

struct Column {
  std::string title;
  Align align = Align::left;
  ColumnWidth width;
};

struct Cell {
  enum class Kind { blank, missing, text, number } kind = Kind::blank;
  std::string text;  // the text as written; for numbers the YAML scalar
  double number = 0;
  int decimals = 0;  // digits after the decimal point as written
};

struct TableRow {
  enum class Kind { data, group, varav, total, note } kind = Kind::data;
  std::vector<Cell> cells;  // data, varav and total rows
  std::string text;         // group and note rows
  SourcePos pos;
};

struct Table {
  std::string caption;
  std::vector<Column> columns;
  std::vector<TableRow> rows;
  SourcePos pos;
};

struct AddressBlock {
  std::vector<std::string> lines;
};

struct TocBlock {
  std::string title;  // empty: the layout's title
  int depth = 0;      // 0: the layout's depth
};

struct PageBreak {};

// The document's officials ("Nämndens ordförande: …"), printed as labelled facts.
struct OfficialsBlock {};

struct Section;
using Block = std::variant<TextBlock, Assessment, Facts, Table, AddressBlock, TocBlock, PageBreak, OfficialsBlock,
                           std::unique_ptr<Section>>;

struct Section {
  std::string heading;
  std::string id;  // always set: the author's id or a generated one
  int level = 1;   // 1–4
  bool in_toc = true;
  std::vector<Block> content;
  SourcePos pos;
};

struct Official {
  std::string role;
  std::string name;
};

struct DocumentInfo {
  std::string municipality;
  std::string committee;
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
};

struct Report {
  std::string path;
  DocumentInfo info;
  std::vector<Block> content;
};

}  // namespace rapport
