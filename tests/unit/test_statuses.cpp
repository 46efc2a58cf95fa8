// Status vocabularies, icons, the goal overview, the legend and indicator trends.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/run_pipeline.hpp"
#include "diag/suggest.hpp"
#include "finance/compute_tables.hpp"
#include "layout/lay_out_overview.hpp"
#include "model/build_report.hpp"
#include "model/resolve_with_layout.hpp"
#include "text/font_registry.hpp"
#include "style/load_style.hpp"
#include "style/load_vocabulary.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::vector<std::string> shipped = {"timra-bidrag", "aktivitet", "maluppfyllelse", "trend"};

std::string vocabulary_error(const std::string& text) {
  std::string path = temp_dir() + "/v.yaml";
  write_file(path, text);
  Diagnostics warnings;
  std::string out;
  try {
    load_vocabulary(path, warnings);
    out = warnings.format();
  } catch (const InputError& e) {
    out = e.diagnostics().format();
  }
  for (size_t at; (at = out.find(path)) != std::string::npos;) out.replace(at, path.size(), "v.yaml");
  return out;
}

// The alternative texts of Figures that hold a drawn icon.
std::set<std::string> drawn_alts(const DocumentFrames& frames) {
  std::set<std::string> alts;
  for (const auto& page : frames.pages)
    for (size_t i = 0; i + 1 < page.items.size(); ++i) {
      auto* tag = std::get_if<TagItem>(&page.items[i]);
      if (tag && tag->kind == TagItem::Kind::begin && tag->role == "Figure" && !tag->alt.empty() &&
          std::holds_alternative<PathItem>(page.items[i + 1]))
        alts.insert(tag->alt);
    }
  return alts;
}

}  // namespace

TEST_CASE("every status of every shipped vocabulary is drawn, with its alternative text") {
  Diagnostics warnings;
  std::string body = "  - table:\n      columns: [Status, {title: Ikon, kind: status}]\n      rows:\n";
  std::vector<StatusStyle> all;
  for (const auto& name : shipped)
    for (const auto& status : load_vocabulary(name, warnings)) all.push_back(status);
  CHECK(warnings.empty());  // every shipped colour has at least 3:1 contrast on white
  std::string assessments;
  for (const auto& s : all) {
    CHECK_MESSAGE(contrast_on_white(s.color) >= 3.0, s.id);
    if (s.id.starts_with("trend-")) continue;  // computed, drawn in trend columns below
    body += "        - [" + s.id + ", " + s.id + "]\n";
    assessments += "  - assessment: {status: " + s.id + ", text: Text.}\n";
  }
  body += "  - table:\n      columns: [Mått, {title: A, id: a}, {title: B, id: b}, {title: T, kind: trend, series: [a, b]}]\n"
          "      rows:\n";
  for (std::string row : {"[u, 1, 2, higher]", "[v, 2, 1, higher]", "[w, 1, 2, lower]", "[x, 2, 1, lower]", "[y, 1, 2, \"\"]",
                          "[z, 2, 1, \"\"]", "[f, 1, 1, higher]"})
    body += "        - " + row + "\n";
  std::string path = temp_dir() + "/all.yaml";
  write_file(path, report_preamble() + assessments + body);
  auto frames = run_pipeline({path, ""}).frames;
  auto alts = drawn_alts(frames);
  for (const auto& s : all) CHECK_MESSAGE(alts.count(s.alt), "not drawn: " << s.id << " (" << s.shape << ")");
}

TEST_CASE("vocabulary files: duplicate ids, unknown shapes, bad colours, colour-only distinctions") {
  CHECK(vocabulary_error("name: v\nstatuses:\n  - {id: a, label: A, shape: check, color: \"#2e7d32\"}\n"
                         "  - {id: a, label: B, shape: cross, color: \"#2e7d32\"}\n")
            .find("v.yaml:4:5: error: the status id 'a' is listed twice") != std::string::npos);
  CHECK(vocabulary_error("name: v\nstatuses:\n  - {id: a, label: A, shape: chek, color: \"#2e7d32\"}\n")
            .find("v.yaml:3:30: error: unknown icon shape 'chek'\n  hint: did you mean 'check'?") != std::string::npos);
  CHECK(vocabulary_error("name: v\nstatuses:\n  - {id: a, label: A, shape: check, color: grön}\n")
            .find("v.yaml:3:44: error: 'color' must be a colour written #rrggbb, found 'grön'") != std::string::npos);
  CHECK(vocabulary_error("name: v\nstatuses:\n  - {id: a, label: A, shape: check, color: \"#2e7d32\"}\n"
                         "  - {id: b, label: B, shape: check, color: \"#2E7D32\"}\n") ==
        "v.yaml:4:5: error: 'b' has the same colour and shape as 'a'\n"
        "  hint: give it another shape: colour must never be the only thing that tells statuses apart\n");
  CHECK(vocabulary_error("name: v\nstatuses:\n  - {id: a, label: A, shape: check, color: \"#ffd700\"}\n") ==
        "v.yaml:3:44: warning: the colour #ffd700 has a contrast of only 1.4:1 against white\n"
        "  hint: icons need at least 3:1 to be seen in print and on screen\n");
}

TEST_CASE("statuses that share a colour differ in shape, in every shipped vocabulary") {
  Diagnostics warnings;
  for (const auto& name : shipped) {
    auto statuses = load_vocabulary(name, warnings);
    for (size_t i = 0; i < statuses.size(); ++i)
      for (size_t j = i + 1; j < statuses.size(); ++j)
        CHECK_MESSAGE(statuses[i].shape != statuses[j].shape, name << ": " << statuses[i].id << " / " << statuses[j].id);
  }
}

TEST_CASE("an unknown status in a status column is an error with a hint") {
  std::string path = temp_dir() + "/s.yaml";
  write_file(path, report_preamble() + "  - table:\n      columns: [Aktivitet, {title: Status, kind: status}]\n"
                                       "      rows:\n        - [Ny webb, genomförd]\n");
  auto result = run_rapport("check " + shell_quote(path));
  CHECK(result.status == 2);
  CHECK(result.output.find(path + ":12:21: error: unknown status 'genomförd' in layout 'default'\n  hint: did you mean 'genomfort'?") == 0);
}

TEST_CASE("goal levels: headings get the layout's label and number; an unknown level is an error") {
  std::string text = report_preamble() + R"(  - section: Trygghet
    goal: målbild
    content:
      - section: Jämlika livsvillkor
        goal: inriktningsmål
      - section: Växande kunskaper
        goal: inriktningsmål
      - section: Digital mognad
        goal: uppdragg
)";
  Diagnostics diags;
  Report report = build_report(parse_yaml("g.yaml", text), diags);
  resolve_with_layout(report, load_style(resolve_layout_path("default")), FontRegistry(default_font_list()).families(), diags);
  const auto& malbild = *std::get<std::unique_ptr<Section>>(report.content[0]);
  CHECK(malbild.heading == "Målbild: Trygghet");
  CHECK(std::get<std::unique_ptr<Section>>(malbild.content[0])->heading == "Inriktningsmål 1: Jämlika livsvillkor");
  CHECK(std::get<std::unique_ptr<Section>>(malbild.content[1])->heading == "Inriktningsmål 2: Växande kunskaper");
  CHECK(diags.format() == "g.yaml:17:15: error: unknown goal level 'uppdragg'\n  hint: did you mean 'uppdrag'?\n");
}

TEST_CASE("the overview lists exactly the example's goals with their statuses and counts") {
  Report report = load_report(example_report());
  Diagnostics diags;
  Style style = load_style(resolve_layout_path("default"));
  FontRegistry fonts(default_font_list());
  resolve_with_layout(report, style, fonts.families(), diags);
  LayoutContext ctx{report, style, fonts.context(), diags};
  Table overview = goal_overview_table(ctx);
  std::vector<std::pair<std::string, std::string>> expected = {
      {"Målbild", ""},
      {"Inriktningsmål 1", "bidrar-till-malet"},
      {"Inriktningsmål 2", "bidrar-delvis"},
      {"Uppdrag", "pagar-enligt-plan"},
      {"Uppdrag", "slutfort"},
      {"Målbild", ""},
      {"Inriktningsmål 3", "bidrar-till-malet"},
      {"Inriktningsmål 4", "bidrar-ej"},
      {"Uppdrag", "pagar-enligt-plan"},
      {"Uppdrag", "pagar-enligt-plan"},
      {"Målbild", ""},
      {"Inriktningsmål 5", "bidrar-till-malet"},
      {"Inriktningsmål 6", "bidrar-till-malet"},
      {"Uppdrag", "pagar-enligt-plan"},
      {"Uppdrag", "pagar-enligt-plan"}};
  REQUIRE(overview.rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CHECK(overview.rows[i].cells[0].text == expected[i].first);
    CHECK(overview.rows[i].cells[2].status == expected[i].second);
    CHECK(overview.rows[i].cells[1].link.starts_with("#"));
  }
  // The chart: one bar per status used by a goal, in vocabulary order, with its count.
  auto chart = status_count_chart(ctx, overview);
  REQUIRE(chart.size() == 1);
  std::vector<std::string> texts;  // each status's label and count, then the scale
  std::string alt;
  for (const auto& item : chart.front().items) {
    if (auto* line = std::get_if<TextLineItem>(&item)) texts.push_back(line->text());
    if (auto* tag = std::get_if<TagItem>(&item); tag && tag->role == "Figure" && tag->kind == TagItem::Kind::begin) alt = tag->alt;
  }
  REQUIRE(texts.size() >= 10);
  std::vector<std::pair<std::string, std::string>> bars;  // label, count
  for (size_t i = 0; i < 10; i += 2) bars.emplace_back(texts[i], texts[i + 1]);
  CHECK(std::vector<std::string>(texts.begin() + 10, texts.end()) == std::vector<std::string>{"0", "1", "2", "3", "4", "5"});
  CHECK(alt == "Liggande stapeldiagram: antal mål och uppdrag per status. Bidrar till målet: 4; Bidrar delvis / osäkert: 1; "
               "Bidrar ej: 1; Pågår enligt plan: 5; Slutfört: 1.");
  CHECK(bars == std::vector<std::pair<std::string, std::string>>{{"Bidrar till målet", "4"}, {"Bidrar delvis / osäkert", "1"},
                                                                   {"Bidrar ej", "1"}, {"Pågår enligt plan", "5"}, {"Slutfört", "1"}});
}

TEST_CASE("the legend lists only the statuses the document uses") {
  std::string path = temp_dir() + "/l.yaml";
  write_file(path, report_preamble() + "  - legend\n  - assessment: {status: bidrar-ej, text: T.}\n"
                                       "  - assessment: {status: slutfort, text: T.}\n");
  Report report = load_report(path);
  Style style = load_style(resolve_layout_path("default"));
  CHECK(used_statuses(report, style) == std::vector<std::string>{"bidrar-ej", "slutfort"});
  auto frames = run_pipeline({path, ""}).frames;
  std::vector<std::string> lines;
  for (const auto& item : frames.pages[1].items)
    if (auto* line = std::get_if<TextLineItem>(&item)) lines.push_back(line->text());
  CHECK(lines[0] == "Teckenförklaring");
  CHECK(lines[1] == "Bidrar ej");
  CHECK(lines[2] == "Slutfört");
}

TEST_CASE("trends: rising, falling, flat, judged by the direction that is good") {
  CHECK(trend_status(39, 14, "higher") == "trend-down-bad");
  CHECK(trend_status(39, 14, "lower") == "trend-down-good");
  CHECK(trend_status(8, 15, "higher") == "trend-up-good");
  CHECK(trend_status(8, 15, "lower") == "trend-up-bad");
  CHECK(trend_status(8, 15, "") == "trend-up");
  CHECK(trend_status(15, 8, "") == "trend-down");
  CHECK(trend_status(85.8, 85.8, "higher") == "trend-flat");
  CHECK(trend_status(1000, 1004, "higher") == "trend-flat");  // within half a percent
  CHECK(trend_status(0, 0, "lower") == "trend-flat");
}

TEST_CASE("trend columns: missing and single values give no trend; the good direction is checked") {
  std::string text = report_preamble() + R"(  - table:
      columns: [Mått, {title: "2019", id: a}, {title: "2020", id: b}, {title: "2021", id: c}, {title: Trend, kind: trend, series: [a, b, c]}]
      rows:
        - [Stigande med lucka, 1, ~, 3, higher]
        - [Ett värde, 5, "", "", higher]
        - [Inga värden, "", Saknas, "", lower]
        - [Fel riktning, 1, 2, 3, upp]
)";
  Diagnostics diags;
  Report report = build_report(parse_yaml("t.yaml", text), diags);
  compute_tables(report, diags);
  const Table& table = std::get<Table>(report.content[0]);
  CHECK(table.rows[0].cells[4].status == "trend-up-good");
  CHECK(table.rows[1].cells[4].status.empty());
  CHECK(table.rows[1].cells[4].kind == Cell::Kind::missing);
  CHECK(table.rows[2].cells[4].status.empty());
  CHECK(diags.format() == "t.yaml:15:35: error: a trend cell says which direction is good: higher, lower, or nothing, found 'upp'\n"
                          "  hint: write higher when a rising series is good news, lower when a falling one is\n");
}

// Issue 13: reports nobody tuned rapport to.

namespace {

const std::vector<std::string> year_end_and_activity = {"uppfyllt",    "delvis-uppfyllt",      "ej-uppfyllt",
                                                        "gar-ej-att-bedoma", "genomfort",      "paborjat-enligt-plan",
                                                        "paborjat-med-avvikelse", "ej-paborjat"};

std::string check_output(const std::string& report_text, const std::string& extra = "") {
  std::string path = temp_dir() + "/r.yaml";
  write_file(path, report_text);
  std::string out = run_rapport("check " + shell_quote(path) + extra).output;
  for (size_t at; (at = out.find(path)) != std::string::npos;) out.replace(at, path.size(), "r.yaml");
  return out;
}

std::vector<std::string> frame_texts(const DocumentFrames& frames) {
  std::vector<std::string> texts;
  for (const auto& page : frames.pages)
    for (const auto& item : page.items)
      if (auto* line = std::get_if<TextLineItem>(&item)) texts.push_back(line->text());
  return texts;
}

}  // namespace

TEST_CASE("every shipped layout has the year-end and activity statuses, each its own icon, its meaning in the alt text") {
  for (std::string layout : {"default", "timra", "norrtalje"}) {
    Style style = load_style(resolve_layout_path(layout));
    for (const auto& id : year_end_and_activity) {
      const StatusStyle* status = style.author_status(id);
      REQUIRE_MESSAGE(status, layout << " lacks " << id);
      // "Grön bock – målet är uppfyllt": what the icon looks like, then what it means.
      CHECK_MESSAGE(status->alt.find(" – ") != std::string::npos, layout << ": " << status->alt);
    }
    std::vector<const StatusStyle*> author;
    for (const auto& s : style.statuses)
      if (!s.id.starts_with("trend-")) author.push_back(&s);
    for (size_t i = 0; i < author.size(); ++i)
      for (size_t j = i + 1; j < author.size(); ++j)
        CHECK_MESSAGE(!(author[i]->shape == author[j]->shape && author[i]->color.r == author[j]->color.r &&
                        author[i]->color.g == author[j]->color.g && author[i]->color.b == author[j]->color.b),
                      layout << ": " << author[i]->id << " and " << author[j]->id << " look the same");
  }
  // A verksamhetsberättelse in timra: goal fulfilment and activity statuses, drawn.
  std::string body = report_preamble() + "  - assessment: {status: delvis-uppfyllt, text: Text.}\n"
                                         "  - table:\n      columns: [Aktivitet, {title: Status, kind: status}]\n      rows:\n";
  for (const auto& id : year_end_and_activity) body += "        - [" + id + ", " + id + "]\n";
  std::string path = temp_dir() + "/vb.yaml";
  write_file(path, body);
  auto alts = drawn_alts(run_pipeline({path, "timra"}).frames);
  Style timra = load_style(resolve_layout_path("timra"));
  for (const auto& id : year_end_and_activity) CHECK_MESSAGE(alts.count(timra.status(id)->alt), id);
}

TEST_CASE("a vocabulary layout whose statuses look alike is refused") {
  std::string dir = temp_dir();
  write_file(dir + "/a.yaml", "name: a\nstatuses:\n  - {id: klar, label: Klar, shape: check, color: \"#2e7d32\"}\n");
  write_file(dir + "/l.yaml", "name: l\nextends: default\nstatuses: [timra-bidrag, ./a.yaml]\n");
  try {
    load_style(dir + "/l.yaml");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().format() == dir + "/l.yaml:3:26: error: 'klar' (a) has the same icon as 'slutfort' (timra-bidrag)\n"
                                            "  hint: statuses of one document need distinct icons, or a reader cannot tell them "
                                            "apart; give one of them another shape or colour\n");
  }
}

TEST_CASE("did you mean never suggests a status with another meaning") {
  std::vector<std::string> timra_ids = {"bidrar-till-malet", "bidrar-delvis", "bidrar-ej", "pagar-enligt-plan", "slutfort"};
  CHECK(closest_match("paborjat-enligt-plan", timra_ids) == "");
  CHECK(closest_match("ej-uppfyllt", {"uppfyllt", "delvis-uppfyllt"}) == "");
  CHECK(closest_match("uppfylt", {"uppfyllt", "ej-uppfyllt"}) == "uppfyllt");
  CHECK(closest_match("bidrar-till-malen", timra_ids) == "bidrar-till-malet");
  CHECK(closest_match("genomförd", {"genomfort", "ej-paborjat"}) == "genomfort");
  CHECK(closest_match("delarsrapport", {"delårsrapport"}) == "delårsrapport");
}

TEST_CASE("a status of a shipped vocabulary the layout does not enable: the error says which and how") {
  std::string dir = temp_dir();
  write_file(dir + "/smal.yaml", "name: smal\nextends: default\nstatuses: [timra-bidrag, trend]\n");
  write_file(dir + "/r.yaml", report_preamble() + "  - assessment: {status: paborjat-enligt-plan, text: Text.}\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml") + " --layout " + shell_quote(dir + "/smal.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output == dir + "/r.yaml:9:26: error: unknown status 'paborjat-enligt-plan' in layout 'smal'\n"
                               "  hint: 'paborjat-enligt-plan' is in the shipped vocabulary 'aktivitet', which layout 'smal' "
                               "does not enable; add it to the layout's statuses: [timra-bidrag, trend, aktivitet]\n");
}

TEST_CASE("a status cell can print its own label, as an assessment can") {
  std::string table = "  - table:\n      columns: [Aktivitet, {title: Status, kind: status}]\n      rows:\n"
                      "        - [Ny webb, {value: genomfort, label: Klar i juni}]\n";
  std::string path = temp_dir() + "/r.yaml";
  write_file(path, report_preamble() + table);
  auto texts = frame_texts(run_pipeline({path, ""}).frames);
  CHECK(std::find(texts.begin(), texts.end(), "Klar i juni") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(), "Genomfört") == texts.end());
  // Only a status cell has a label to replace.
  std::string wrong = "  - table:\n      columns: [Aktivitet, Kommentar]\n      rows:\n"
                      "        - [Ny webb, {value: klar, label: Klar i juni}]\n";
  CHECK(check_output(report_preamble() + wrong) ==
        "r.yaml:12:21: error: 'label' is for cells of a status column\n"
        "  hint: give the column kind: status, or leave the label out\n");
}
