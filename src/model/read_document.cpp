#include "model/build_context.hpp"

#include <algorithm>
#include <regex>

#include "diag/suggest.hpp"
#include "model/check_final.hpp"
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

// A date key: a real day, or a placeholder the hints offer (ÅÅÅÅ-MM-DD) that a draft may
// carry and --final refuses.
void check_date(BuildContext& ctx, const SourcePos& pos, const std::string& key, const std::string& value,
                const std::string& hint = "") {
  if (value.empty() || !find_placeholders(value).empty()) return;
  std::string error = date_error(key, value);
  if (!error.empty()) ctx.reader.diags().error(pos, error, hint);
}

// "§ 175", or the hint's placeholder "§ NN" that only --final refuses.
void check_paragraph(BuildContext& ctx, const Decision& decision) {
  if (decision.paragraph.empty() || valid_paragraph(decision.paragraph) || !find_placeholders(decision.paragraph).empty())
    return;
  ctx.reader.diags().error(decision.paragraph_pos,
                           "'paragraph' must be a paragraph of the minutes such as '§ 175', found " +
                               quote_excerpt(decision.paragraph),
                           "write the § sign before the number: paragraph: \"§ 175\"");
}

// A meeting adopts with body, meeting and paragraph; an official approves with role and
// approved_on. One decision is one of them: "Godkänd av Kommunstyrelsen … beställare …" reads as nothing.
void settle_kind(BuildContext& ctx, const MapFields& fields, Decision& decision) {
  bool meeting = fields.has("body") || fields.has("meeting") || fields.has("paragraph");
  bool approval = fields.has("role") || fields.has("approved_on");
  decision.kind = approval ? Decision::Kind::approval : Decision::Kind::meeting;
  if (meeting && approval)
    ctx.reader.diags().error(decision.pos,
                             "a decision is either a meeting's (body, meeting, paragraph) or an official's approval "
                             "(role, approved_on), not both",
                             "keep the keys of the one that adopted the report");
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
  decision.role_pos = decision.approved_on_pos = decision.pos;
  settle_kind(ctx, fields, decision);
  decision.body = decision_text(ctx, fields, "body", decision.body_pos);
  decision.approved_by = decision_text(ctx, fields, "approved_by", decision.approved_by_pos);
  decision.role = decision_text(ctx, fields, "role", decision.role_pos);
  decision.meeting = decision_text(ctx, fields, "meeting", decision.meeting_pos);
  check_date(ctx, decision.meeting_pos, "meeting", decision.meeting,
             "the date of the meeting that adopted the report, e.g. meeting: 2021-10-04");
  decision.approved_on = decision_text(ctx, fields, "approved_on", decision.approved_on_pos);
  check_date(ctx, decision.approved_on_pos, "approved_on", decision.approved_on,
             "the day the report was approved, e.g. approved_on: 2022-01-07");
  decision.paragraph = decision_text(ctx, fields, "paragraph", decision.paragraph_pos);
  check_paragraph(ctx, decision);
  if (YAML::Node extract = fields.get("minutes_extract"); extract.IsDefined()) {
    decision.minutes_extract_pos = ctx.reader.pos(extract);
    decision.minutes_extract = ctx.reader.boolean(extract, "'minutes_extract' in decision").value_or(false);
  }
  decision.accepted_placeholders = read_text_list(ctx, fields.get("accepted_placeholders"), "'accepted_placeholders'");
  return decision;
}

// A report by an office or a consultant (`kind: rapport`) is adopted by no committee: its
// author takes the committee's place in headers, on the cover and in the metadata.
void read_committee(BuildContext& ctx, MapFields& fields, DocumentInfo& info) {
  YAML::Node kind = fields.get("kind");
  bool office_report = kind.IsScalar() && kind.Scalar() == "rapport";
  if (!office_report || fields.has("committee")) {
    info.committee = title_or_empty(ctx, fields.require("committee"), "'committee'");
    return;
  }
  info.has_committee = false;
  info.committee = info.author;
  if (info.author.empty())
    ctx.reader.diags().error(info.pos, "a rapport without a 'committee' needs an 'author' (the office or consultant that wrote it)",
                             "add to document: author: Samhällsbyggnadskontoret, or name the committee that adopts it");
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
  info.author = text_or_empty(ctx, fields.get("author"), "'author'");
  read_committee(ctx, fields, info);
  info.title = title_or_empty(ctx, fields.require("title"), "'title'");
  info.subtitle = title_or_empty(ctx, fields.get("subtitle"), "'subtitle'");
  info.version = text_or_empty(ctx, fields.get("version"), "'version'");
  info.period = text_or_empty(ctx, fields.get("period"), "'period'");
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
    if (std::string error = info.date.empty() ? "" : date_error("date", info.date); !error.empty())
      ctx.reader.diags().error(ctx.reader.pos(date), error);
  }
  return info;
}

}  // namespace rapport
