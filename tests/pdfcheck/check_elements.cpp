// What single structure elements must carry: alternative text and a bounding box on
// illustrations, scope and spans on table cells, rows of one width, and links that are both
// an annotation and words.
#include <algorithm>
#include <map>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

// The attribute dictionaries of an element owned by `owner` ("/Layout", "/Table"); /A may be
// one dictionary or an array of them mixed with revision numbers.
std::vector<Handle> attributes(Handle element, const std::string& owner) {
  std::vector<Handle> out;
  for (auto item : items_of(entry(element, "/A")))
    if (has_name(item, "/O", owner)) out.push_back(item);
  return out;
}

Handle attribute(Handle element, const std::string& owner, const std::string& key) {
  for (auto dict : attributes(element, owner))
    if (!entry(dict, key).isNull()) return entry(dict, key);
  return Handle::newNull();
}

bool is_illustration(const std::string& type) { return type == "Figure" || type == "Formula"; }

// A cell's span: 1 when absent; nothing when present but not a positive integer.
std::optional<long long> span(Handle cell, const std::string& key) {
  Handle value = attribute(cell, "/Table", key);
  if (value.isNull()) return 1;
  auto n = integer_of(value);
  if (!n || *n < 1) return std::nullopt;
  return n;
}

// The rows of a table in order: its own TRs and those of THead, TBody and TFoot.
std::vector<int> table_rows(const StructTree& tree, const StructNode& table) {
  std::vector<int> rows;
  for (int kid : table.kids) {
    const StructNode& k = tree.nodes[static_cast<size_t>(kid)];
    if (k.type == "TR") rows.push_back(kid);
    if (k.type == "THead" || k.type == "TBody" || k.type == "TFoot")
      for (int row : k.kids)
        if (tree.nodes[static_cast<size_t>(row)].type == "TR") rows.push_back(row);
  }
  return rows;
}

// How many columns each row covers: its cells' ColSpans plus cells from rows above that
// reach down into it by RowSpan. Any kid counts as one place: a cell mistagged as something
// else is table-structure's finding, not a missing column.
std::vector<long long> row_widths(const StructTree& tree, const std::vector<int>& rows) {
  std::vector<long long> widths(rows.size(), 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (int kid : tree.nodes[static_cast<size_t>(rows[r])].kids) {
      const StructNode& cell = tree.nodes[static_cast<size_t>(kid)];
      long long columns = span(cell.element, "/ColSpan").value_or(1);
      long long down = span(cell.element, "/RowSpan").value_or(1);
      for (size_t below = r; below < rows.size() && static_cast<long long>(below - r) < down; ++below)
        widths[below] += columns;
    }
  }
  return widths;
}

long long most_common(const std::vector<long long>& values) {
  std::map<long long, size_t> counts;
  for (long long v : values) ++counts[v];
  return std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

// The marked content of an element and of everything below it.
void collect_mcids(const StructTree& tree, const StructNode& node, std::vector<McidKey>& out) {
  out.insert(out.end(), node.mcids.begin(), node.mcids.end());
  for (int kid : node.kids) collect_mcids(tree, tree.nodes[static_cast<size_t>(kid)], out);
}

}  // namespace

// PDF/UA-1 7.3 and 7.7, Matterhorn 13-004 and 17-002: Figure and Formula have /Alt.
void check_figure_alt(Context& c) {
  for (const auto& node : c.structure().nodes) {
    if (!is_illustration(node.type)) continue;
    auto alt = text_of(entry(node.element, "/Alt"));
    if (!alt || is_blank(*alt)) c.add("figure-alt", node_place(node) + ": a " + node.type + " without /Alt text");
  }
}

// PDF/A-2 6.8 with ISO 32000-1 14.8.5.4.3 (Table 344): an illustration's Layout attribute
// gives its /BBox, four numbers, so a reflowing reader can place it.
void check_figure_bbox(Context& c) {
  std::vector<std::string> problems;
  for (const auto& node : c.structure().nodes) {
    if (!is_illustration(node.type)) continue;
    Handle bbox = attribute(node.element, "/Layout", "/BBox");
    auto numbers = items_of(bbox.isArray() ? bbox : Handle::newNull());
    bool four = numbers.size() == 4 && std::all_of(numbers.begin(), numbers.end(), [](Handle h) { return h.isNumber(); });
    if (!four) problems.push_back(node_place(node) + ": a " + node.type + " without a Layout attribute /BBox [x0 y0 x1 y1]");
  }
  c.add_all("figure-bbox", problems);
}

// PDF/UA-1 7.5, Matterhorn 15-003: a TH says which cells it heads.
void check_th_scope(Context& c) {
  for (const auto& node : c.structure().nodes) {
    if (node.type != "TH") continue;
    auto scope = name_of(attribute(node.element, "/Table", "/Scope"));
    if (scope != "/Row" && scope != "/Column" && scope != "/Both")
      c.add("th-scope", node_place(node) + ": a TH without a /Table attribute /Scope /Row, /Column or /Both");
  }
}

// ISO 32000-1 Table 345: ColSpan and RowSpan are positive integers (a span of 0 cells is
// meaningless; a reader would place the table's cells wrongly).
void check_table_spans(Context& c) {
  std::vector<std::string> problems;
  for (const auto& node : c.structure().nodes) {
    if (node.type != "TH" && node.type != "TD") continue;
    for (const char* key : {"/ColSpan", "/RowSpan"})
      if (!span(node.element, key)) problems.push_back(node_place(node) + ": " + key + " is not a positive integer");
  }
  c.add_all("table-spans", problems);
}

// PDF/UA-1 7.5 (Matterhorn 15-00x: headers must be determinable): every row of a table covers
// as many columns as the table has. A row with a missing cell (an empty cell left untagged)
// shifts every cell after it under the wrong header.
void check_table_columns(Context& c) {
  const StructTree& tree = c.structure();
  std::vector<std::string> problems;
  for (const auto& table : tree.nodes) {
    if (table.type != "Table") continue;
    auto rows = table_rows(tree, table);
    if (rows.empty()) continue;
    auto widths = row_widths(tree, rows);
    long long columns = most_common(widths);
    for (size_t r = 0; r < rows.size(); ++r)
      if (widths[r] != columns)
        problems.push_back(node_place(tree.nodes[static_cast<size_t>(rows[r])]) + ": the row covers " +
                           std::to_string(widths[r]) + " columns, the table has " + std::to_string(columns));
  }
  c.add_all("table-columns", problems);
}

// PDF/UA-1 7.18.5, Matterhorn 28-011: a Link element holds the link annotation (an OBJR to a
// /Link annotation) and the link's words (marked content that shows text, or /Alt).
void check_link_structure(Context& c) {
  std::set<McidKey> with_text;
  for (const auto& use : c.content().mcid_uses)
    for (long long mcid : use.with_text) with_text.insert({use.owner, mcid});
  const StructTree& tree = c.structure();
  std::vector<std::string> problems;
  for (const auto& node : tree.nodes) {
    if (node.type != "Link") continue;
    bool annotation = std::any_of(node.objects.begin(), node.objects.end(),
                                  [](Handle h) { return has_name(h, "/Subtype", "/Link"); });
    if (!annotation) problems.push_back(node_place(node) + ": a Link without an OBJR to a Link annotation");
    std::vector<McidKey> mcids;
    collect_mcids(tree, node, mcids);
    bool text = std::any_of(mcids.begin(), mcids.end(), [&](const McidKey& k) { return with_text.count(k) > 0; });
    auto alt = text_of(entry(node.element, "/Alt"));
    if (!text && (!alt || is_blank(*alt)))
      problems.push_back(node_place(node) + ": a Link with no text (no marked content that shows a string, no /Alt)");
  }
  c.add_all("link-structure", problems);
}

// PDF/UA-1 7.9, Matterhorn 19-003: every Note has an /ID, a string no other Note shares.
void check_note_ids(Context& c) {
  std::map<std::string, std::string> seen;  // /ID → the first Note's place
  std::vector<std::string> problems;
  for (const auto& node : c.structure().nodes) {
    if (node.type != "Note") continue;
    Handle id = entry(node.element, "/ID");
    if (!id.isString() || id.getStringValue().empty()) {
      problems.push_back(node_place(node) + ": a Note without an /ID string");
      continue;
    }
    auto [at, fresh] = seen.emplace(id.getStringValue(), node_place(node));
    if (!fresh) problems.push_back(node_place(node) + ": a Note with the same /ID as " + at->second);
  }
  c.add_all("note-id", problems);
}

}  // namespace rapport::pdfcheck
