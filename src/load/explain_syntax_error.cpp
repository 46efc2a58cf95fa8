#include "load/explain_syntax_error.hpp"

#include <optional>

namespace rapport {
namespace {

std::string line_of(const std::string& text, int line) {
  size_t start = 0;
  for (int i = 0; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Where the indentation holds a tab, or npos.
size_t tab_in_indentation(const std::string& line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\t') return i;
    if (line[i] != ' ') break;
  }
  return std::string::npos;
}

struct KeyAndValue {
  std::string key, value;
  size_t column = 0;
};

// "key: value: more" with the value unquoted, which YAML reads as a second mapping.
std::optional<KeyAndValue> value_with_colon(const std::string& line) {
  size_t start = line.find_first_not_of(" -");
  if (start == std::string::npos || line[start] == '#') return std::nullopt;
  size_t colon = line.find(": ", start);
  if (colon == std::string::npos) return std::nullopt;
  size_t value = line.find_first_not_of(' ', colon + 1);
  if (value == std::string::npos || std::string("\"'|>[{&*!").find(line[value]) != std::string::npos) return std::nullopt;
  size_t second = line.find(": ", value);
  size_t comment = line.find(" #", value);
  if (second == std::string::npos || (comment != std::string::npos && comment < second)) return std::nullopt;
  std::string text = line.substr(value, comment == std::string::npos ? std::string::npos : comment - value);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return KeyAndValue{line.substr(start, colon - start), text, start};
}

// The value in double quotes, as YAML reads it back.
std::string double_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

SyntaxExplanation explain_syntax_error(const std::string& text, int line, const std::string& parser_message) {
  // yaml-cpp reports a tab or a stray colon on the line itself or on the line after it.
  for (int candidate : {line, line - 1}) {
    if (candidate < 0) continue;
    size_t tab = tab_in_indentation(line_of(text, candidate));
    if (tab != std::string::npos)
      return {"a tab in the indentation (YAML indents with spaces only)", "replace the tab with spaces", candidate,
              static_cast<int>(tab)};
  }
  for (int candidate : {line, line - 1}) {
    if (candidate < 0) continue;
    auto found = value_with_colon(line_of(text, candidate));
    if (!found || found->value.size() > 200) continue;
    return {"'" + found->key + "' has a colon and a space inside its value, which YAML reads as another key",
            "quote the value: " + found->key + ": " + double_quoted(found->value), candidate, static_cast<int>(found->column)};
  }
  return {"YAML syntax error: " + parser_message, "check the indentation and quoting on this line and the one above"};
}

}  // namespace rapport
