#include "model/format_keys.hpp"

#include <stdexcept>

namespace rapport {

const std::map<std::string, std::vector<std::string>>& all_format_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"report", {"version", "document", "content"}},
      {"document",
       {"municipality", "committee", "kind", "title", "subtitle", "period", "date", "author", "case_number", "keywords",
        "layout", "officials", "address", "decision", "version"}},
      {"official", {"role", "name"}},
      {"decision",
       {"body", "meeting", "paragraph", "approved_by", "role", "approved_on", "minutes_extract", "accepted_placeholders"}},
      {"block",
       {"section", "text", "assessment", "facts", "table", "address", "officials", "toc", "pagebreak", "legend", "overview",
        "figure", "figures", "chart"}},
      {"section", {"section", "id", "toc", "goal", "number", "orientation", "content"}},
      {"assessment", {"status", "label", "text"}},
      {"toc", {"title", "depth"}},
      {"legend", {"title", "all"}},
      {"overview", {"title"}},
      {"figure", {"file", "width", "caption", "source", "alt", "placement", "id"}},
      {"figures", {"title"}},
      {"table", {"id", "caption", "caption_at", "orientation", "keep", "header", "columns", "rows", "csv", "tolerance"}},
      {"chart", {"kind", "table", "columns", "rows", "per_group", "series", "data", "unit", "labels", "caption", "source", "alt"}},
      {"column", {"title", "id", "align", "width", "compute", "decimals", "unit", "kind", "series"}},
      {"header_cell", {"text", "span"}},
      {"row", {"group", "varav", "total", "note"}},
      {"varav", {"cells", "complete"}},
      {"total", {"cells", "scope"}},
      {"cell", {"value", "unit", "note", "accept", "label"}},
  };
  return keys;
}

const std::vector<std::string>& format_keys(const std::string& part) {
  auto it = all_format_keys().find(part);
  if (it == all_format_keys().end()) throw std::logic_error("no format part " + part);
  return it->second;
}

}  // namespace rapport
