// Tables a typographer would sign (issue 16): columns as wide as their words, headers whole and
// on a common bottom line, one grid for neighbouring tables with the same columns, notes that
// hang past the figures' edge, light row rules, grand totals unlike subtotals, and a true minus
// in "(-)". Each test lays out or renders a small report and looks at where things land.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "app/run_pipeline.hpp"
#include "layout/collect_flow.hpp"
#include "style/load_style.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// A report's flow laid out in-process as `render` lays it out, hyphenation included.
struct LaidOut {
  FontRegistry fonts{default_font_list()};
  SharedResources shared;
  PreparedReport prepared;
  Diagnostics diags;
  Flow flow;
};

std::unique_ptr<LaidOut> lay_out(const std::string& body, const std::string& layout = "") {
  auto out = std::make_unique<LaidOut>();
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + body);
  PipelineOptions options;
  options.input = dir + "/r.yaml";
  if (!layout.empty()) {
    write_file(dir + "/l.yaml", layout);
    options.layout = dir + "/l.yaml";
  }
  out->prepared = prepare_report(options, out->fonts, out->shared);
  LayoutContext ctx{out->prepared.report, *out->prepared.style, out->fonts.context(), out->diags, out->prepared.hyphenator};
  out->flow = collect_flow(ctx);
  REQUIRE_MESSAGE(!out->diags.has_errors(), out->diags.format());
  return out;
}

// Every text line of the flow with its slab.
struct Line {
  std::string text;
  double x = 0, baseline = 0;
  const Slab* slab = nullptr;
};

std::vector<Line> lines_of(const Flow& flow) {
  std::vector<Line> lines;
  for (const auto& slab : flow.slabs)
    for (const auto& item : slab.items)
      if (auto* line = std::get_if<TextLineItem>(&item)) {
        std::string text = line->text();
        for (size_t at; (at = text.find("\u00AD")) != std::string::npos;) text.erase(at, 2);  // hyphenation points
        while (!text.empty() && text.back() == ' ') text.pop_back();  // the space a line broke at
        lines.push_back({text, line->x, line->baseline, &slab});
      }
  return lines;
}

const Line& line_with(const std::vector<Line>& lines, const std::string& text) {
  auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.text == text; });
  REQUIRE_MESSAGE(it != lines.end(), "no line reads '" << text << "'");
  return *it;
}

std::vector<RuleItem> rules_of(const Slab& slab) {
  std::vector<RuleItem> rules;
  for (const auto& item : slab.items)
    if (auto* rule = std::get_if<RuleItem>(&item)) rules.push_back(*rule);
  return rules;
}

struct Word {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};

// The words of a rendered report's page (from 1) with their boxes, by pdftotext -bbox.
std::vector<Word> rendered_words(const std::string& body, int page = 2) {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + body);
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  std::string n = std::to_string(page);
  std::string html = run_command("pdftotext -bbox -f " + n + " -l " + n + " " + shell_quote(dir + "/r.pdf") + " -").output;
  static const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  for (std::sregex_iterator it(html.begin(), html.end(), word), end; it != end; ++it) {
    std::string text = (*it)[5];
    while (!text.empty() && text.back() == ' ') text.pop_back();
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), text});
  }
  return words;
}

std::vector<Word> words_reading(const std::vector<Word>& words, const std::string& text) {
  std::vector<Word> out;
  std::copy_if(words.begin(), words.end(), std::back_inserter(out), [&](const Word& w) { return w.text == text; });
  return out;
}

// An action table as the Norrtälje plan has them: a column of long text squeezes the rest.
std::string action_table(const std::string& who) {
  std::string long_text = "Ta fram en strategi för bostadsförsörjningen som grundas på en analys av den demografiska "
                          "utvecklingen, efterfrågan på bostäder och bostadsbehovet för särskilda grupper i kommunen";
  return "  - table:\n"
         "      columns: [Åtgärd, Ansvarig, Startdatum, {title: Årsprognos, align: right},"
         " {title: Investeringsutgift, align: right}]\n"
         "      rows:\n"
         "        - [\"" + long_text + "\", \"" + who + "\", 2021-11-10, 1200, 800]\n";
}

}  // namespace

TEST_CASE("table columns: header words are never broken, cell words only when the table cannot fit them") {
  auto words = rendered_words(action_table("Samhällsbyggnadskontoret och Planavdelningen"));
  std::string all;
  for (const auto& w : words) all += w.text + " ";
  for (std::string title : {"Årsprognos", "Investeringsutgift", "Startdatum"})
    CHECK_MESSAGE(!words_reading(words, title).empty(), title << " is broken: " << all);
  CHECK_MESSAGE(!words_reading(words, "Samhällsbyggnadskontoret").empty(), "a cell's word is hyphenated though it fits: " << all);
  // Too many long words for the text width: cells are hyphenated, headers still are not.
  std::string body = "  - table:\n      columns: [Ansvarig";
  // (Four such titles leave the first column less than its longest word; six would not leave
  // it even its longest syllable, and then the titles break too, compounds first.)
  for (int i = 1; i <= 4; ++i) body += ", {title: Investeringsutgift" + std::to_string(i) + ", align: right}";
  body += "]\n      rows:\n        - [\"Samhällsbyggnadsförvaltningarnas samordning\", 1, 2, 3, 4]\n";
  auto squeezed = rendered_words(body);
  for (int i = 1; i <= 4; ++i) CHECK(!words_reading(squeezed, "Investeringsutgift" + std::to_string(i)).empty());
  CHECK(words_reading(squeezed, "Samhällsbyggnadsförvaltningarnas").empty());  // hyphenated: whole, it would not fit
  // The hyphen a break adds is U+00AD in the text layer (ISO 32000-1 14.8.2.2.3).
  // It breaks between the compound's words ("Samhällsbyggnads-förvaltningarnas").
  CHECK(std::any_of(squeezed.begin(), squeezed.end(), [](const Word& w) {
    return w.text.starts_with("Samhälls") && w.text.ends_with("s\u00AD");
  }));
}

TEST_CASE("table columns: a crowded table narrows its gutters before it breaks a title's word") {
  // Five such titles fit whole only with half the padding between columns.
  std::string body = "  - table:\n      columns: [Ansvar";
  for (int i = 1; i <= 5; ++i) body += ", {title: Investeringsutgifte" + std::to_string(i) + ", align: right}";
  body += "]\n      rows:\n        - [Kommunen, 1, 2, 3, 4, 5]\n";
  auto words = rendered_words(body);
  for (int i = 1; i <= 5; ++i) CHECK(!words_reading(words, "Investeringsutgifte" + std::to_string(i)).empty());
  // The figures still end on their columns' right edges, under the titles' ends.
  auto five = words_reading(words, "5");
  auto title = words_reading(words, "Investeringsutgifte5");
  REQUIRE((!five.empty() && !title.empty()));
  CHECK(five.front().x_max == doctest::Approx(title.front().x_max).epsilon(0.001));
}

TEST_CASE("table header: a title breaks between its words while its column holds the longest, an author's soft hyphen too") {
  // As in the Timrå investment tables: the last column is wide enough for "Årsprognos budget-",
  // but a title breaks inside a word only where the word is wider than the column.
  auto laid = lay_out("  - table:\n      columns: [Investeringar (tkr), {title: Budget helår, align: right},"
                      " {title: Utfall period, align: right}, {title: Årsprognos, align: right},"
                      " {title: \"Årsprognos budget\\u00ADavvikelse\", align: right}]\n"
                      "      rows:\n        - [Allmänna inv KLK, 500, 0, 100, 400]\n        - [Vägprojekt SCA-mark, 0, 28, 1500, -1500]\n");
  auto lines = lines_of(laid->flow);
  line_with(lines, "budgetavvikelse");
  CHECK(std::none_of(lines.begin(), lines.end(), [](const Line& l) { return l.text == "Årsprognos budget"; }));
}

TEST_CASE("table columns: a fixed width narrower than its title's longest word is a warning") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() +
                                  "  - table:\n      columns: [{title: Indikatorer som Samhällsbyggnadskontoret ansvarar för, width: 10%}, Källa]\n"
                                  "      rows:\n        - [Budgetföljsamhet, Rodret]\n");
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  CHECK(result.status == 0);
  CHECK(result.output.find("r.yaml:10:") != std::string::npos);
  CHECK(result.output.find("warning: the column 'Indikatorer som Samhällsbyggnadskontoret ansvarar för' is narrower than the longest word of its title") !=
        std::string::npos);
}

TEST_CASE("table header: titles of one and two lines stand on a common bottom line") {
  std::string long_text = "Ta fram en strategi för bostadsförsörjningen som grundas på en analys av den demografiska "
                          "utvecklingen, efterfrågan på bostäder och bostadsbehovet för särskilda grupper i kommunen";
  auto laid = lay_out("  - table:\n      columns: [Åtgärd, {title: Budget helår, align: right}, {title: Årsprognos, align: right}]\n"
                      "      rows:\n        - [\"" + long_text + "\", 1200, 800]\n");
  auto lines = lines_of(laid->flow);
  const Line& first = line_with(lines, "Budget");
  const Line& last = line_with(lines, "helår");
  REQUIRE(first.slab == last.slab);
  CHECK(first.baseline < last.baseline - 1);
  CHECK(line_with(lines, "Årsprognos").baseline == doctest::Approx(last.baseline));
  CHECK(line_with(lines, "Åtgärd").baseline == doctest::Approx(last.baseline));
}

TEST_CASE("neighbouring tables with the same columns share one grid") {
  auto table = [](const std::string& title, const std::string& label, const std::string& figure) {
    return "  - table:\n      columns: [Post, {title: " + title + ", align: right}, {title: Totalt, align: right}]\n"
           "      rows:\n        - [\"" + label + "\", " + figure + ", 7]\n";
  };
  std::string first = table("Rehabilitera", "Organisation och ledning av företagshälsovården i kommunen", "1");
  // The right edges of the middle column's figures: "1" in the first table, "123456789" in the second.
  auto middle_edges = [](const std::string& body) {
    auto words = rendered_words(body);
    auto one = words_reading(words, "1"), nine = words_reading(words, "123456789");
    REQUIRE(one.size() == 1);
    REQUIRE(nine.size() == 1);
    return std::pair{one.front().x_max, nine.front().x_max};
  };
  // Right after each other and with a paragraph between.
  for (std::string between : {"", "  - text: Samma kolumner, andra siffror.\n"}) {
    auto [a, b] = middle_edges(first + between + table("Rehabilitera", "Grupp", "'123456789'"));
    CHECK_MESSAGE(a == doctest::Approx(b).epsilon(0.001), "between: '" << between << "'");
  }
  // Tables with other columns keep their own grids.
  auto [a, b] = middle_edges(first + table("Rehabilitering", "Grupp", "'123456789'"));
  CHECK(std::abs(a - b) > 5);
}

TEST_CASE("a figure's note or mark hangs past the edge its column's figures share") {
  std::string body = R"(  - table:
      columns: [Post, {title: Utfall, align: right}, {title: Budget, align: right}]
      rows:
        - group: A
        - [Lön, 1 200, 1]
        - [Hyra, 2 400, 1]
        - total: [Summa A, 3 601, 2]
        - group: B
        - [Lön, 1 200, 1]
        - [Hyra, 2 400, 1]
        - total: [Summa B, {value: 3 700, accept: Enligt huvudboken}, 2]
        - group: C
        - [Lön, {value: 1 200, note: "2018"}, 1]
        - [Hyra, 2 400, 1]
        - total: [Summa C, ~, 2]
)";
  // Tabular figures of as many digits are as wide: lines that start together end together.
  auto lines = lines_of(lay_out(body)->flow);
  const std::string nbsp = "\u00A0";
  double plain = line_with(lines, "1" + nbsp + "200").x;
  CHECK(line_with(lines, "1" + nbsp + "200 (2018)").x == doctest::Approx(plain));
  double total = line_with(lines, "3" + nbsp + "600").x;
  CHECK(line_with(lines, "3" + nbsp + "601†").x == doctest::Approx(total));  // a rounding difference
  CHECK(line_with(lines, "3" + nbsp + "700¹").x == doctest::Approx(total));  // an accepted difference
  // The marks hang into room the column keeps for them, clear of the next column's figures.
  auto words = rendered_words(body);
  for (std::string marked : {"601†", "(2018)", "700¹"}) {
    auto mark = words_reading(words, marked);
    REQUIRE_MESSAGE(mark.size() == 1, marked);
    for (const auto& w : words)
      if ((w.text == "1" || w.text == "2") && std::abs(w.y_max - mark.front().y_max) < 1 && w.x_min > mark.front().x_min)
        CHECK_MESSAGE(w.x_min > mark.front().x_max + 2, marked);
  }
}

TEST_CASE("table rows: light rules between rows, the group's and table's end in the rule colour") {
  std::string body = "  - table:\n      columns: [Post, {title: Belopp, align: right}]\n      rows:\n";
  for (int i = 1; i <= 6; ++i) body += "        - [Rad " + std::to_string(i) + ", " + std::to_string(i) + "]\n";
  auto body_rules = [](const Flow& flow) {
    std::vector<RuleItem> rules;
    for (const auto& slab : flow.slabs)
      if (slab.table >= 0)
        for (const auto& rule : rules_of(slab)) rules.push_back(rule);
    return rules;
  };
  auto lightness = [](const Color& c) { return c.r + c.g + c.b; };
  auto by_default = lay_out(body);
  const Style& style = *by_default->prepared.style;
  auto rules = body_rules(by_default->flow);
  REQUIRE(rules.size() == 6);
  for (size_t i = 0; i + 1 < rules.size(); ++i) CHECK(lightness(rules[i].color) > lightness(style.rule) + 0.3);
  CHECK(lightness(rules.back().color) == doctest::Approx(lightness(style.rule)));  // the table's last row
  // Only where a group ends, the zebra fill tracking the rows; or none.
  auto grouped = body_rules(lay_out(body, "name: g\nextends: default\ntables: {row_rules: groups, zebra: \"#f3f6f9\"}\n")->flow);
  CHECK(grouped.size() == 1);
  CHECK(body_rules(lay_out(body, "name: n\nextends: default\ntables: {row_rules: none}\n")->flow).empty());
  // The key is read strictly.
  std::string dir = temp_dir();
  write_file(dir + "/l.yaml", "name: fel\nextends: default\ntables: {row_rules: ibland}\n");
  try {
    load_style(dir + "/l.yaml");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().format().find("error: unknown row_rules 'ibland'") != std::string::npos);
  }
}

TEST_CASE("a grand total is set apart from a group's subtotal by a double rule") {
  std::string body = R"(  - table:
      columns: [Post, {title: Belopp, align: right}]
      rows:
        - group: Skola
        - [Lön, 10]
        - [Lokaler, 20]
        - total: [Summa skola, 30]
        - group: Omsorg
        - [Lön, 40]
        - total: [Summa omsorg, 40]
        - total: {cells: [Summa totalt, 70], scope: table}
)";
  auto laid = lay_out(body);
  auto lines = lines_of(laid->flow);
  auto rules_above = [&](const std::string& label) {
    size_t count = 0;
    for (const auto& rule : rules_of(*line_with(lines, label).slab)) count += rule.y1 < 3;
    return count;
  };
  CHECK(rules_above("Summa skola") == 1);
  CHECK(rules_above("Summa omsorg") == 1);
  CHECK(rules_above("Summa totalt") == 2);
}

TEST_CASE("a hyphen-minus standing for a sign in parentheses is printed as a minus sign") {
  std::string body = R"y(  - table:
      columns: ["Resultat (-)", {title: Belopp, align: right}]
      rows:
        - group: Barn- och utbildning (+/-)
        - [KOSTNADER (-), -90 486]
        - ["Avvikelse ( - )", 5]
        - [Förskola jan-aug (bokslut), 1]
        - [Bygg- och miljö, 2]
)y";
  auto lines = lines_of(lay_out(body)->flow);
  std::string all;
  for (const auto& line : lines) all += line.text + "\n";
  for (std::string minus : {"Resultat (\u2212)", "KOSTNADER (\u2212)", "Avvikelse ( \u2212 )", "(+/\u2212)"})
    CHECK_MESSAGE(all.find(minus) != std::string::npos, minus << " in\n" << all);
  for (std::string hyphen : {"Barn- och", "jan-aug", "Bygg- och"}) CHECK_MESSAGE(all.find(hyphen) != std::string::npos, hyphen << " in\n" << all);
  CHECK(all.find("(-)") == std::string::npos);
}
