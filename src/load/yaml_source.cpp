#include "load/yaml_source.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "load/check_utf8.hpp"
#include "load/explain_syntax_error.hpp"
#include "load/file_access.hpp"

namespace rapport {
namespace {

SourcePos position_at(const std::string& path, int line0, int col0) {
  if (line0 < 0) return {path, 0, 0};
  return {path, line0 + 1, col0 + 1};
}

bool only_comments_or_blank(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    if (line.compare(first, 3, "---") == 0 || line.compare(first, 3, "...") == 0) continue;
    return false;
  }
  return true;
}

// What one file may expand to. Aliases (*a) share nodes, so a few hundred bytes can stand for
// billions of values ("billion laughs"), and an alias inside its own anchor is a cycle: the tree
// is checked with a count of the values it expands to and a depth limit, and the walk stops at
// the first limit, before anything downstream walks the expansion.
constexpr size_t max_expanded_values = 500000;
constexpr size_t max_depth = 64;

struct TreeCheck {
  const YamlSource& source;
  Diagnostics& diags;
  size_t values = 0;
  std::vector<YAML::Node> path;  // from the root to the node being checked
  bool stopped = false;

  void stop(const YAML::Node& node, const std::string& message, const std::string& hint) {
    diags.error(position_of(source, node), message, hint);
    stopped = true;
  }

  bool refers_to_itself(const YAML::Node& node) const {
    return std::any_of(path.begin(), path.end(), [&](const YAML::Node& outer) { return outer.is(node); });
  }

  // Explicit tags (!!binary, !custom) would change what a value means; the format has none.
  void check_tag(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == "!") return;
    diags.error(position_of(source, node), "YAML tags such as '" + tag + "' are not part of the input format",
                "remove the tag; write the value as plain text or a number");
  }

  void check_keys(const YAML::Node& map) {
    std::map<std::string, SourcePos> seen;
    for (const auto& pair : map) {
      if (!pair.first.IsScalar()) continue;
      const std::string& key = pair.first.Scalar();
      SourcePos here = position_of(source, pair.first);
      auto [it, inserted] = seen.emplace(key, here);
      if (!inserted)
        diags.error(here, "duplicate key '" + key + "'",
                    "'" + key + "' is already given at line " + std::to_string(it->second.line) + "; keep one of them");
    }
  }

  void visit(const YAML::Node& node) {
    if (stopped) return;
    if (++values > max_expanded_values)
      return stop(node, "the file expands to more than " + std::to_string(max_expanded_values) + " values",
                  "aliases (*name) repeat what their anchor (&name) holds; write the content out, or use fewer aliases");
    check_tag(node);
    if (!node.IsMap() && !node.IsSequence()) return;
    if (path.size() >= max_depth) {
      if (refers_to_itself(node))
        return stop(node, "an alias refers to the value it is part of, which would repeat for ever",
                    "an alias (*name) may only repeat a value defined before and outside it");
      return stop(node, "values nest more than " + std::to_string(max_depth) + " levels deep",
                  "a report nests sections at most 4 levels; check the indentation");
    }
    path.push_back(node);
    if (node.IsMap()) {
      check_keys(node);
      for (const auto& pair : node) {
        visit(pair.first);
        visit(pair.second);
      }
    } else {
      for (const auto& item : node) visit(item);
    }
    path.pop_back();
  }
};

// The first value of one YAML document, if it holds any: used on the second document of a stream.
// yaml-cpp's LoadAll cannot be used to find one: on some malformed input (a stray '}' after a
// block) it loops, making empty documents until memory runs out. Two parser calls are bounded.
class FirstValue : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}  // a trailing '---' alone is harmless
  void OnAlias(const YAML::Mark& at, YAML::anchor_t) override { seen(at); }
  void OnScalar(const YAML::Mark& at, const std::string&, YAML::anchor_t, const std::string&) override { seen(at); }
  void OnSequenceStart(const YAML::Mark& at, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    seen(at);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& at, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { seen(at); }
  void OnMapEnd() override {}

 private:
  void seen(const YAML::Mark& at) {
    if (!mark) mark = at;
  }
};

// A second document after `---` would be silently ignored by a single-document reader, and so
// would anything after the first document's end. Throws YAML::ParserException for the latter.
void refuse_second_document(const YamlSource& source, Diagnostics& diags) {
  std::istringstream stream(source.text);
  YAML::Parser parser(stream);
  FirstValue first, second;
  if (!parser.HandleNextDocument(first)) return;
  if (!parser.HandleNextDocument(second) || !second.mark) return;
  diags.error(position_at(source.path, second.mark->line, second.mark->column),
              "the file holds more than one YAML document (a second one after '---')",
              "a report or layout is one document; remove the '---' line or move the rest to a file of its own");
}

}  // namespace

SourcePos position_of(const YamlSource& source, const YAML::Node& node) {
  if (!node.IsDefined()) return {source.path, 0, 0};
  auto mark = node.Mark();
  return position_at(source.path, mark.line, mark.column);
}

std::string read_text_file(const std::string& path, std::uintmax_t limit) { return read_bounded_file(path, limit); }

YamlSource parse_yaml(std::string path, std::string text) {
  Diagnostics diags;
  check_utf8(path, text, diags);
  throw_if_errors(diags);
  if (only_comments_or_blank(text)) {
    diags.error({path, 1, 1}, "the file is empty", "a report starts with 'version: 1'");
    throw InputError(diags);
  }
  YamlSource source{std::move(path), std::move(text), {}};
  try {
    source.root = YAML::Load(source.text);
    refuse_second_document(source, diags);
  } catch (const YAML::ParserException& e) {
    // yaml-cpp's own depth guard says only "bad file".
    if (e.msg == "bad file")
      diags.error(position_at(source.path, e.mark.line, e.mark.column), "brackets or mappings nest too deeply",
                  "a report nests sections at most 4 levels; check for unclosed [ or {");
    else {
      SyntaxExplanation why = explain_syntax_error(source.text, e.mark.line, e.msg);
      int line = why.line >= 0 ? why.line : e.mark.line;
      int column = why.column >= 0 ? why.column : why.line >= 0 ? 0 : e.mark.column;
      diags.error(position_at(source.path, line, column), why.message, why.hint);
    }
    throw InputError(diags);
  }
  TreeCheck check{source, diags, 0, {}, false};
  check.visit(source.root);
  throw_if_errors(diags);
  return source;
}

YamlSource load_yaml_file(const std::string& path) { return parse_yaml(path, read_text_file(path, max_text_bytes)); }

}  // namespace rapport
