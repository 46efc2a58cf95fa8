#include "model/build_context.hpp"

#include <regex>

#include "model/format_keys.hpp"

namespace rapport {

std::string text_or_empty(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  if (!node.IsDefined()) return {};
  return ctx.reader.text(node, what).value_or("");
}

std::string title_or_empty(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  if (!node.IsDefined()) return {};
  std::string title = ctx.reader.text(node, what, max_title_chars).value_or("");
  refuse_footnote_marks(title, text_origin(ctx.reader.source(), node), what, ctx.reader.diags());
  return title;
}

TextOrigin text_origin(const YamlSource& source, const YAML::Node& node) {
  SourcePos pos = position_of(source, node);
  if (pos.line == 0 || node.Mark().pos < 0) return {pos};
  // The node's byte offset, straight from yaml-cpp, which counts after a byte-order mark; a
  // rescan from line 1 for every text value made reading a long report quadratic.
  size_t bom = source.text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  size_t at = bom + static_cast<size_t>(node.Mark().pos);
  if (at >= source.text.size()) return {pos};
  char indicator = source.text[at];
  if (indicator == '|' || indicator == '>') {
    size_t next = source.text.find('\n', at);
    if (next == std::string::npos) return {pos};
    size_t first = source.text.find_first_not_of(' ', next + 1);
    int indent = first == std::string::npos ? 0 : static_cast<int>(first - next - 1);
    return {{pos.file, pos.line + 1, indent + 1}};
  }
  if (indicator == '"' || indicator == '\'') return {{pos.file, pos.line, pos.col + 1}};
  return {pos};
}

std::string date_error(const std::string& key, const std::string& s) {
  static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(s, m, pattern)) return "'" + key + "' must be a date written YYYY-MM-DD, found " + quote_excerpt(s);
  int year = std::stoi(m[1]), month = std::stoi(m[2]), day = std::stoi(m[3]);
  // Written right but no day of the calendar: say which part is wrong, so "2021-02-30" is not
  // mistaken for a typing error in the format.
  const std::string lead = "'" + key + "' " + s + " is not a day: ";
  if (month < 1 || month > 12) return lead + "a year has months 01 to 12";
  static const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int in_month = days[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day >= 1 && day <= in_month) return {};
  std::string month_name = names[month - 1];
  if (month == 2) month_name += " " + m[1].str();
  return lead + month_name + " has " + std::to_string(in_month) + " days";
}

std::vector<std::string> read_text_list(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  std::vector<std::string> out;
  if (!node.IsDefined() || !ctx.reader.expect_sequence(node, what)) return out;
  for (const auto& item : node)
    if (auto s = ctx.reader.text(item, "an item of " + what)) out.push_back(*s);
  return out;
}

}  // namespace rapport

namespace rapport {

std::string read_block_title(BuildContext& ctx, const YAML::Node& node, const std::string& what) {
  if (node.IsNull()) return {};
  MapFields fields(ctx.reader, node, what, format_keys(what));
  return title_or_empty(ctx, fields.get("title"), "'title'");
}

std::string read_block_id(BuildContext& ctx, const YAML::Node& node) {
  static const std::regex pattern(R"([a-z0-9][a-z0-9_-]*)");
  std::string id = text_or_empty(ctx, node, "'id'");
  if (!std::regex_match(id, pattern)) {
    ctx.reader.diags().error(ctx.reader.pos(node), "'id' must be lowercase letters a–z, digits, '-' or '_', found " + quote_excerpt(id));
    return {};
  }
  if (!ctx.ids.insert(id).second) {
    ctx.reader.diags().error(ctx.reader.pos(node), "the id '" + id + "' is used by another section or table");
    return {};
  }
  return id;
}

}  // namespace rapport
