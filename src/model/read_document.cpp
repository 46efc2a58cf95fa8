#include "model/build_context.hpp"

#include <algorithm>
#include <regex>

#include "diag/suggest.hpp"
#include "model/format_keys.hpp"

namespace rapport {
namespace {

const std::vector<std::string> document_kinds = {"delårsrapport",    "verksamhetsberättelse", "årsredovisning",
                                                 "verksamhetsplan",  "tjänsteskrivelse",      "protokollsutdrag",
                                                 "rapport"};

std::vector<Official> read_officials(BuildContext& ctx, const YAML::Node& node) {
  std::vector<Official> out;
  if (!node.IsDefined() || !ctx.reader.expect_sequence(node, "'officials'")) return out;
  for (const auto& item : node) {
    MapFields fields(ctx.reader, item, "an official", format_keys("official"));
    if (!fields.valid()) continue;
    Official official;
    official.pos = ctx.reader.pos(item);
    official.role = text_or_empty(ctx, fields.require("role"), "'role'");
    official.name = text_or_empty(ctx, fields.require("name"), "'name'");
    out.push_back(std::move(official));
  }
  return out;
}

// "§ 175", "§175", "§ 12 a": the sign, then the number.
bool valid_paragraph(const std::string& s) {
  static const std::regex pattern(R"(§\s*\d+.*)");
  return std::regex_match(s, pattern);
}

// A text field of the decision and where it was written (its value, or the mapping when absent).
std::string decision_text(BuildContext& ctx, const MapFields& fields, const std::string& key, SourcePos& pos) {
  YAML::Node value = fields.get(key);
  if (!value.IsDefined()) return {};
  pos = text_origin(ctx.reader.source(), value).first_char;
  return text_or_empty(ctx, value, "'" + key + "' in decision");
}

// Every field is optional here: a draft may be rendered before the meeting. What a signed-off
// report must have is checked by check_final, which reports each missing field.
std::optional<Decision> read_decision(BuildContext& ctx, const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;
  MapFields fields(ctx.reader, node, "decision", format_keys("decision"));
  if (!fields.valid()) return std::nullopt;
  Decision decision;
  decision.pos = ctx.reader.pos(node);
  decision.body_pos = decision.meeting_pos = decision.paragraph_pos = decision.approved_by_pos = decision.pos;
  decision.body = decision_text(ctx, fields, "body", decision.body_pos);
  decision.approved_by = decision_text(ctx, fields, "approved_by", decision.approved_by_pos);
  decision.meeting = decision_text(ctx, fields, "meeting", decision.meeting_pos);
  if (!decision.meeting.empty() && !valid_date(decision.meeting))
    ctx.reader.diags().error(decision.meeting_pos,
                             "'meeting' must be a date written YYYY-MM-DD, found " + quote_excerpt(decision.meeting),
                             "the date of the meeting that adopted the report, e.g. meeting: 2021-10-04");
  decision.paragraph = decision_text(ctx, fields, "paragraph", decision.paragraph_pos);
  if (!decision.paragraph.empty() && !valid_paragraph(decision.paragraph))
    ctx.reader.diags().error(decision.paragraph_pos,
                             "'paragraph' must be a paragraph of the minutes such as '§ 175', found " +
                                 quote_excerpt(decision.paragraph),
                             "write the § sign before the number: paragraph: \"§ 175\"");
  if (YAML::Node extract = fields.get("minutes_extract"); extract.IsDefined()) {
    decision.minutes_extract_pos = ctx.reader.pos(extract);
    decision.minutes_extract = ctx.reader.boolean(extract, "'minutes_extract' in decision").value_or(false);
  }
  decision.accepted_placeholders = read_text_list(ctx, fields.get("accepted_placeholders"), "'accepted_placeholders'");
  return decision;
}

// Where each value was written, so a check that runs later (final) can point at it.
void record_value_positions(BuildContext& ctx, const YAML::Node& node, DocumentInfo& info) {
  for (const auto& pair : node)
    if (pair.first.IsScalar()) info.value_pos[pair.first.Scalar()] = text_origin(ctx.reader.source(), pair.second).first_char;
}

}  // namespace

DocumentInfo read_document(BuildContext& ctx, const YAML::Node& node) {
  DocumentInfo info;
  info.pos = ctx.reader.pos(node);
  MapFields fields(ctx.reader, node, "document", format_keys("document"));
  if (!fields.valid()) return info;
  record_value_positions(ctx, node, info);
  info.decision = read_decision(ctx, fields.get("decision"));
  info.municipality = title_or_empty(ctx, fields.require("municipality"), "'municipality'");
  info.committee = title_or_empty(ctx, fields.require("committee"), "'committee'");
  info.title = title_or_empty(ctx, fields.require("title"), "'title'");
  info.subtitle = title_or_empty(ctx, fields.get("subtitle"), "'subtitle'");
  info.period = text_or_empty(ctx, fields.get("period"), "'period'");
  info.author = text_or_empty(ctx, fields.get("author"), "'author'");
  info.case_number = text_or_empty(ctx, fields.get("case_number"), "'case_number'");
  info.layout = text_or_empty(ctx, fields.get("layout"), "'layout'");
  info.keywords = read_text_list(ctx, fields.get("keywords"), "'keywords'");
  info.address = read_text_list(ctx, fields.get("address"), "'address'");
  info.officials = read_officials(ctx, fields.get("officials"));

  YAML::Node kind = fields.require("kind");
  if (kind.IsDefined()) {
    info.kind = text_or_empty(ctx, kind, "'kind'");
    if (!info.kind.empty() &&
        std::find(document_kinds.begin(), document_kinds.end(), info.kind) == document_kinds.end()) {
      std::string guess = closest_match(info.kind, document_kinds);
      ctx.reader.diags().error(ctx.reader.pos(kind), "unknown kind of document '" + info.kind + "'",
                               guess.empty() ? "use one of " + join_choices(document_kinds)
                                             : "did you mean '" + guess + "'?");
    }
  }
  YAML::Node date = fields.require("date");
  if (date.IsDefined()) {
    info.date = text_or_empty(ctx, date, "'date'");
    if (!info.date.empty() && !valid_date(info.date))
      ctx.reader.diags().error(ctx.reader.pos(date), "'date' must be a date written YYYY-MM-DD, found " + quote_excerpt(info.date));
  }
  return info;
}

}  // namespace rapport
