#include "load/yaml_source.hpp"

#include "load/check_utf8.hpp"
#include "load/file_access.hpp"

#include <fstream>
#include <map>
#include <sstream>

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

void find_duplicate_keys(const YamlSource& source, const YAML::Node& node, Diagnostics& diags) {
  if (node.IsMap()) {
    std::map<std::string, SourcePos> seen;
    for (const auto& pair : node) {
      if (pair.first.IsScalar()) {
        const std::string& key = pair.first.Scalar();
        SourcePos here = position_of(source, pair.first);
        auto [it, inserted] = seen.emplace(key, here);
        if (!inserted)
          diags.error(here, "duplicate key '" + key + "'",
                      "'" + key + "' is already given at line " + std::to_string(it->second.line) +
                          "; keep one of them");
      }
      find_duplicate_keys(source, pair.second, diags);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) find_duplicate_keys(source, item, diags);
  }
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
  } catch (const YAML::ParserException& e) {
    diags.error(position_at(source.path, e.mark.line, e.mark.column), "YAML syntax error: " + e.msg,
                "check the indentation and quoting on this line and the one above");
    throw InputError(diags);
  }
  find_duplicate_keys(source, source.root, diags);
  throw_if_errors(diags);
  return source;
}

YamlSource load_yaml_file(const std::string& path) { return parse_yaml(path, read_text_file(path, max_text_bytes)); }

}  // namespace rapport
