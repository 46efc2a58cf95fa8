#pragma once
// What the readers of one report file share while they build the model (build_report.cpp,
// read_document.cpp, read_table.cpp): the node reader, ids and references seen so far, the CSV
// files read, and the few helpers every reader uses.
#include <set>
#include <string>
#include <vector>

#include "load/file_access.hpp"
#include "load/node_reader.hpp"
#include "model/collect_footnotes.hpp"
#include "model/parse_markdown.hpp"
#include "model/report.hpp"

namespace rapport {

struct BuildContext {
  NodeReader reader;
  std::set<std::string> ids;
  int generated_ids = 0;
  struct Reference {
    std::string id;
    SourcePos pos;
  };
  std::vector<Reference> references;
  std::vector<std::string> data_files;
  std::vector<std::shared_ptr<const Picture>> pictures;
  const FileAccess* access = nullptr;  // which CSV files the report may read
  FoundFootnotes footnotes = {};       // checked once every text is read: definitions are document-wide
};

// Text, or "" when the key is absent (a wrong type is reported).
std::string text_or_empty(BuildContext& ctx, const YAML::Node& node, const std::string& what);
// A line set as a title or heading: limited to max_title_chars.
std::string title_or_empty(BuildContext& ctx, const YAML::Node& node, const std::string& what);
// Where the first character of a scalar's value is: block scalars (| and >) start on the
// next line at that line's indentation; quoted scalars one column after the quote.
TextOrigin text_origin(const YamlSource& source, const YAML::Node& node);
std::vector<std::string> read_text_list(BuildContext& ctx, const YAML::Node& node, const std::string& what);
// "" when `s` is a real date written YYYY-MM-DD; else the message for the key that holds it:
// "'date' 2021-02-30 is not a day: February 2021 has 28 days".
std::string date_error(const std::string& key, const std::string& s);

// `orientation: portrait | landscape` (absent: portrait); true for landscape. Another word is
// an error at its place, with a did-you-mean hint where one is close.
bool read_orientation(BuildContext& ctx, const YAML::Node& node);

// The title of a block written as a plain word or as `NAME: {title: …}` (overview, figures):
// "" for the plain word.
std::string read_block_title(BuildContext& ctx, const YAML::Node& node, const std::string& what);
// A section's or table's `id:`, checked for its form and that no other block has it; "" when
// it is not valid (the error is reported).
std::string read_block_id(BuildContext& ctx, const YAML::Node& node);

DocumentInfo read_document(BuildContext& ctx, const YAML::Node& node);
Table read_table(BuildContext& ctx, const YAML::Node& node);
// A `chart:` block; a table it names is checked and copied later, by resolve_charts.
Chart read_chart(BuildContext& ctx, const YAML::Node& node);

}  // namespace rapport
