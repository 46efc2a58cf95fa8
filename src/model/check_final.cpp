#include "model/check_final.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "model/build_context.hpp"

namespace rapport {
namespace {

// ----- placeholders -----

// The UTF-8 character that starts at `i`.
std::string_view char_at(std::string_view text, size_t i) {
  size_t end = i + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return text.substr(i, end - i);
}

// Letters and digits make words, å, ä and ö included; typographic punctuation and no-break
// spaces do not, so "TODO…" and "(XXX)" are still found.
bool is_word_char(std::string_view ch) {
  if (ch.size() == 1) return (ch[0] >= '0' && ch[0] <= '9') || (ch[0] >= 'A' && ch[0] <= 'Z') || (ch[0] >= 'a' && ch[0] <= 'z');
  static constexpr std::array<std::string_view, 11> not_letters = {"…", "–", "—", "”", "“", "’", "‘", "«", "»",
                                                                    "\u00A0", "\u202F"};
  return std::find(not_letters.begin(), not_letters.end(), ch) == not_letters.end();
}

// ASCII only, whatever the process's locale: bytes keep their offsets, UTF-8 stays intact.
std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_marker_word(std::string_view word) {
  std::string upper = ascii_upper(word);
  if (upper == "TODO" || upper == "FIXME" || upper == "TBD") return true;
  // A number not known yet: "KS/2021:XXX", "KS xxxx", "KSxxx". No Swedish word has three x.
  return upper.find("XXX") != std::string::npos;
}

struct Found {
  size_t at = 0;
  std::string marker;
};

void find_marker_words(std::string_view text, std::vector<Found>& found) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && is_word_char(char_at(text, i))) i += char_at(text, i).size();
    if (i > start && is_marker_word(text.substr(start, i - start)))
      found.push_back({start, std::string(text.substr(start, i - start))});
    if (i == start) i += char_at(text, i).size();
  }
}

// "[fyll i]", "[Fyll i datum]": the whole bracket.
void find_fill_in(std::string_view text, std::vector<Found>& found) {
  std::string upper = ascii_upper(text);
  for (size_t at = upper.find("[FYLL I"); at != std::string::npos; at = upper.find("[FYLL I", at + 1)) {
    size_t close = text.find(']', at);
    found.push_back({at, std::string(text.substr(at, close == std::string_view::npos ? 7 : close + 1 - at))});
  }
}

void find_question_marks(std::string_view text, std::vector<Found>& found) {
  for (size_t at = text.find("???"); at != std::string_view::npos; at = text.find("???", at)) {
    found.push_back({at, "???"});
    at = text.find_first_not_of('?', at);
    if (at == std::string_view::npos) break;
  }
}

bool is_space(std::string_view ch) { return ch == " " || ch == "\n" || ch == "\t" || ch == "\u00A0"; }

// An ellipsis standing alone between spaces ("Utfall: … tkr") holds a place; one that ends a
// word ("och så vidare…") or marks an omission ("[…]") is writing.
void find_lone_ellipsis(std::string_view text, std::vector<Found>& found) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(char_at(text, i))) i += char_at(text, i).size();
    size_t start = i;
    while (i < text.size() && !is_space(char_at(text, i))) i += char_at(text, i).size();
    std::string_view token = text.substr(start, i - start);
    if (token == "…" || token == "...") found.push_back({start, std::string(token)});
  }
}

// The placeholders rapport's own hints offer ("meeting: ÅÅÅÅ-MM-DD"), so that a hint pasted as
// it stands can never be signed off. Matched as written: each is no Swedish writing.
void find_hint_placeholders(std::string_view text, std::vector<Found>& found) {
  static constexpr std::array<std::string_view, 5> phrases = {"ÅÅÅÅ-MM-DD", "YYYY-MM-DD", "§ NN", "Namn Efternamn",
                                                              "Nämndens namn"};
  for (auto phrase : phrases)
    for (size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + phrase.size()))
      found.push_back({at, std::string(phrase)});
}

// ----- the checks -----

struct FinalContext {
  const Report& report;
  const Style& style;
  Diagnostics& out;

  void placeholder(const std::string& text, const SourcePos& pos, const std::string& where) {
    for (const auto& marker : find_placeholders(without_accepted(text)))
      out.error(pos, "final: placeholder '" + marker + "' left in " + where,
                "write the finished text in its place; a signed-off report has no open items");
  }

  void icon(const std::string& status_id, const SourcePos& pos) {
    const StatusStyle* status = style.status(status_id);
    if (!status || !blank(status->alt)) return;
    out.error(pos, "final: the icon of status '" + status_id + "' has no alternative text",
              "give it an 'alt:' in the vocabulary '" + status->vocabulary +
                  "': what the icon says in words, for readers who cannot see it");
  }

  // The text with the phrases the decision accepts as adopted taken out.
  std::string without_accepted(std::string text) const {
    if (!report.info.decision) return text;
    for (const auto& phrase : report.info.decision->accepted_placeholders)
      for (size_t at; !phrase.empty() && (at = text.find(phrase)) != std::string::npos;) text.replace(at, phrase.size(), " ");
    return text;
  }

  static bool blank(const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; }

  SourcePos value_pos(const std::string& key) const {
    auto it = report.info.value_pos.find(key);
    return it != report.info.value_pos.end() ? it->second : report.info.pos;
  }
};

void restate_warnings(FinalContext& ctx, const Diagnostics& warnings) {
  for (const auto& d : warnings.items()) {
    if (d.severity != Severity::warning) continue;
    ctx.out.error(d.pos, "final: " + d.message,
                  d.hint.empty() ? "a signed-off report may have no warnings; resolve it or render a draft" : d.hint);
  }
}

// ----- decision metadata -----

struct RequiredField {
  const char* key;
  const std::string& value;
  const char* what;     // in words, for the message
  std::string example;  // the YAML line to add
};

// What the hints offer: the document's own committee and placeholders that --final refuses
// (find_hint_placeholders), never a real meeting, paragraph or name that could be pasted into
// another report and signed off.
std::string body_hint(const DocumentInfo& info) {
  return FinalContext::blank(info.committee) ? "Nämndens namn" : info.committee;
}

std::string meeting_hint(const DocumentInfo& info) {
  return "{body: " + body_hint(info) + ", meeting: ÅÅÅÅ-MM-DD, paragraph: \"§ NN\", approved_by: \"Namn Efternamn, ordförande\"}";
}
const char* const approval_hint = "{approved_by: Namn Efternamn, role: beställare, approved_on: ÅÅÅÅ-MM-DD}";

void check_required(FinalContext& ctx, const Decision& d, const std::vector<RequiredField>& fields) {
  for (const auto& field : fields)
    if (FinalContext::blank(field.value))
      ctx.out.error(d.pos, std::string("final: the decision has no '") + field.key + "' (" + field.what + ")",
                    "add to decision: " + field.example);
}

// A report is adopted after it is written: a meeting (or an approval) dated before the report
// is a typing error or a decision about another text.
void check_decision_date(FinalContext& ctx, const std::string& key, const std::string& day, const SourcePos& pos) {
  const std::string& date = ctx.report.info.date;
  if (day.empty() || date.empty() || !date_error(key, day).empty() || !date_error("date", date).empty() || day >= date)
    return;
  SourcePos date_pos = ctx.value_pos("date");
  ctx.out.error(pos, "final: '" + key + "' " + day + " is before the report's own date " + date,
                "a report is adopted after it is written: correct '" + key + "', or the 'date' at line " +
                    std::to_string(date_pos.line));
}

void check_decision(FinalContext& ctx) {
  const DocumentInfo& info = ctx.report.info;
  if (!info.decision) {
    if (info.has_committee)
      ctx.out.error(info.pos, "final: the document has no 'decision' (the meeting that adopted it)",
                    "add to document: decision: " + meeting_hint(info));
    else
      ctx.out.error(info.pos, "final: the document has no 'decision' (the official who approved it)",
                    std::string("add to document: decision: ") + approval_hint);
  } else if (const Decision& d = *info.decision; d.kind == Decision::Kind::approval) {
    check_required(ctx, d,
                   {{"approved_by", d.approved_by, "who approved it", "approved_by: Namn Efternamn"},
                    {"approved_on", d.approved_on, "the day it was approved", "approved_on: ÅÅÅÅ-MM-DD"}});
    check_decision_date(ctx, "approved_on", d.approved_on, d.approved_on_pos);
  } else {
    check_required(ctx, d,
                   {{"body", d.body, "the committee or council that adopted the report", "body: " + body_hint(info)},
                    {"meeting", d.meeting, "the date of the meeting", "meeting: ÅÅÅÅ-MM-DD"},
                    {"paragraph", d.paragraph, "the paragraph of the minutes", "paragraph: \"§ NN\""},
                    {"approved_by", d.approved_by, "who approved it", "approved_by: \"Namn Efternamn, ordförande\""}});
    check_decision_date(ctx, "meeting", d.meeting, d.meeting_pos);
  }
  if (FinalContext::blank(info.case_number))
    ctx.out.error(info.case_number.empty() ? info.pos : ctx.value_pos("case_number"),
                  "final: the document has no 'case_number' (diarienummer)",
                  "add to document: case_number: KS/ÅÅÅÅ:XXX, the number the case has in the register");
}

// ----- metadata text -----

void check_metadata_text(FinalContext& ctx) {
  const DocumentInfo& info = ctx.report.info;
  // An lvalue on both sides: a temporary string bound to the pair's reference would not outlive
  // this declaration.
  static const std::string no_committee;
  const std::pair<const char*, const std::string&> texts[] = {
      {"municipality", info.municipality}, {"committee", info.has_committee ? info.committee : no_committee}, {"title", info.title}, {"version", info.version},
      {"subtitle", info.subtitle},         {"period", info.period},       {"author", info.author},
      {"case_number", info.case_number}};
  for (const auto& [key, text] : texts)
    ctx.placeholder(text, ctx.value_pos(key), std::string("'") + key + "' in document");
  for (const auto& keyword : info.keywords) ctx.placeholder(keyword, ctx.value_pos("keywords"), "'keywords' in document");
  for (const auto& line : info.address) ctx.placeholder(line, ctx.value_pos("address"), "'address' in document");
  for (const auto& official : info.officials) {
    ctx.placeholder(official.role, official.pos, "an official's role");
    ctx.placeholder(official.name, official.pos, "an official's name");
  }
  if (const auto& d = info.decision) {
    ctx.placeholder(d->body, d->body_pos, "'body' in decision");
    ctx.placeholder(d->meeting, d->meeting_pos, "'meeting' in decision");
    ctx.placeholder(d->paragraph, d->paragraph_pos, "'paragraph' in decision");
    ctx.placeholder(d->approved_by, d->approved_by_pos, "'approved_by' in decision");
    ctx.placeholder(d->role, d->role_pos, "'role' in decision");
    ctx.placeholder(d->approved_on, d->approved_on_pos, "'approved_on' in decision");
  }
}

// The cover logo is described by the layout's `logo: {alt: …}`, else by the municipality's
// name (add_page_furniture); with neither it is an image without alternative text.
void check_logo(FinalContext& ctx) {
  const Style& style = ctx.style;
  if (style.logo.empty() || !FinalContext::blank(style.logo_alt) || !FinalContext::blank(ctx.report.info.municipality)) return;
  ctx.out.error(ctx.value_pos("municipality"), "final: the cover logo has no alternative text",
                "give the logo an 'alt:' in the layout, or write the municipality's name in 'municipality'");
}

// ----- content -----

std::string plain_text(const RichText& text) {
  std::string out;
  for (const auto& span : text) out += span.text;
  return out;
}

void check_prose(FinalContext& ctx, const std::vector<Prose>& prose, const std::string& where) {
  for (const auto& p : prose) {
    ctx.placeholder(plain_text(p.text), p.pos, where);
    for (const auto& item : p.items) check_prose(ctx, item.content, "a list item");
  }
}

void check_cell(FinalContext& ctx, const Cell& cell) {
  if (cell.kind == Cell::Kind::text && cell.status.empty()) ctx.placeholder(cell.text, cell.pos, "a table cell");
  ctx.placeholder(cell.unit, cell.pos, "the unit of a table cell");
  ctx.placeholder(cell.note, cell.pos, "the note of a table cell");
  ctx.placeholder(cell.accept, cell.pos, "the reason a table cell gives for its figure");
  if (!cell.status.empty()) ctx.icon(cell.status, cell.pos);
}

void check_table(FinalContext& ctx, const Table& table) {
  ctx.placeholder(table.caption, table.caption_pos, "a table's caption");
  for (const auto& row : table.header)
    for (const auto& cell : row) ctx.placeholder(cell.text, cell.pos, "a table's header");
  for (const auto& column : table.columns) ctx.placeholder(column.title, column.pos, "a column's title");
  for (const auto& row : table.rows) {
    ctx.placeholder(row.text, row.pos, row.kind == TableRow::Kind::group ? "a group row" : "a note row");
    for (const auto& cell : row.cells) check_cell(ctx, cell);
  }
}

void check_blocks(FinalContext& ctx, const std::vector<Block>& blocks);

// One visit per kind of block; blocks without text of their own have nothing to check.
struct BlockChecker {
  FinalContext& ctx;

  void operator()(const TextBlock& text) const { check_prose(ctx, text.prose, "a paragraph"); }
  void operator()(const Assessment& a) const {
    ctx.icon(a.status, a.status_pos);
    ctx.placeholder(a.label, a.pos, "an assessment's label");
    check_prose(ctx, a.text, "an assessment's text");
  }
  void operator()(const Facts& facts) const {
    for (const auto& fact : facts.items) ctx.placeholder(fact.label + ": " + fact.value, fact.pos, "a fact");
  }
  void operator()(const Table& table) const { check_table(ctx, table); }
  void operator()(const AddressBlock& address) const {
    for (const auto& line : address.lines) ctx.placeholder(line, address.pos, "an address");
  }
  void operator()(const TocBlock& toc) const { ctx.placeholder(toc.title, toc.pos, "the title of the table of contents"); }
  void operator()(const LegendBlock& legend) const {
    ctx.placeholder(legend.title, legend.pos, "a legend's title");
    // `all: true` shows every status of the layout, used or not.
    if (legend.all)
      for (const auto& id : ctx.style.status_ids()) ctx.icon(id, legend.pos);
  }
  void operator()(const OverviewBlock& overview) const {
    ctx.placeholder(overview.title, overview.pos, "an overview's title");
  }
  void operator()(const std::unique_ptr<Section>& section) const {
    ctx.placeholder(section->title, section->title_pos, "a heading");
    check_blocks(ctx, section->content);
  }
  void operator()(const Figure& figure) const {
    // A figure says nothing to a screen reader without its alternative text.
    if (FinalContext::blank(figure.alt))
      ctx.out.error(figure.pos, "final: the figure has no alternative text",
                    "give it an 'alt:' that says in words what the picture shows");
    ctx.placeholder(figure.caption, figure.pos, "a figure's caption");
    ctx.placeholder(figure.source, figure.pos, "a figure's source");
    ctx.placeholder(figure.alt, figure.pos, "a figure's alternative text");
  }
  void operator()(const FiguresBlock& figures) const { ctx.placeholder(figures.title, figures.pos, "a list of figures' title"); }
  void operator()(const Chart& chart) const {
    ctx.placeholder(chart.caption, chart.pos, "a chart's caption");
    ctx.placeholder(chart.source, chart.pos, "a chart's source");
    ctx.placeholder(chart.alt, chart.pos, "a chart's alt text");
  }
  void operator()(const PageBreak&) const {}
  void operator()(const OfficialsBlock&) const {}  // the document's officials, checked with the metadata
};

void check_blocks(FinalContext& ctx, const std::vector<Block>& blocks) {
  for (const auto& block : blocks) std::visit(BlockChecker{ctx}, block);
}

}  // namespace

std::vector<std::string> find_placeholders(const std::string& text) {
  std::vector<Found> found;
  find_marker_words(text, found);
  find_fill_in(text, found);
  find_question_marks(text, found);
  find_lone_ellipsis(text, found);
  find_hint_placeholders(text, found);
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.at < b.at; });
  std::vector<std::string> markers;
  for (auto& f : found) markers.push_back(std::move(f.marker));
  return markers;
}

void check_final(const Report& report, const Style& style, const Diagnostics& warnings, Diagnostics& diags) {
  // Collected apart and appended at the end: `warnings` may be `diags` itself.
  Diagnostics found;
  FinalContext ctx{report, style, found};
  restate_warnings(ctx, warnings);
  check_decision(ctx);
  check_metadata_text(ctx);
  check_logo(ctx);
  check_blocks(ctx, report.content);
  diags.append(found);
}

}  // namespace rapport
