// Goal numbers as the council gave them, goal headings in the layout's form, and the goal
// overview's column headings from the layout (issue 13).
#include <doctest/doctest.h>

#include <algorithm>

#include "app/run_pipeline.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::string goals = R"(  - overview
  - section: Arbete och tillväxt
    goal: målbild
    content:
      - section: Fler i arbete
        goal: inriktningsmål
        number: "1.3"
        content:
          - assessment: {status: bidrar-till-malet, text: Text.}
      - section: Fler företag
        goal: inriktningsmål
        content:
          - assessment: {status: bidrar-ej, text: Text.}
)";

std::string write_report(const std::string& dir, const std::string& blocks) {
  write_file(dir + "/r.yaml", report_preamble() + blocks);
  return dir + "/r.yaml";
}

std::vector<std::string> outline(const DocumentFrames& frames) {
  std::vector<std::string> titles;
  for (const auto& entry : frames.outline) titles.push_back(entry.title);
  return titles;
}

// Every line of text, without the soft hyphens table cells carry.
std::vector<std::string> texts(const DocumentFrames& frames) {
  std::vector<std::string> all;
  for (const auto& page : frames.pages)
    for (const auto& item : page.items)
      if (auto* line = std::get_if<TextLineItem>(&item)) {
        std::string text = line->text();
        for (size_t at; (at = text.find("\u00AD")) != std::string::npos;) text.erase(at, 2);
        all.push_back(text);
      }
  return all;
}

bool has(const std::vector<std::string>& list, const std::string& what) {
  return std::find(list.begin(), list.end(), what) != list.end();
}

}  // namespace

TEST_CASE("a goal keeps the number the council gave it; the others are counted") {
  std::string dir = temp_dir();
  auto frames = run_pipeline({write_report(dir, goals), ""}).frames;
  auto titles = outline(frames);
  CHECK(has(titles, "Inriktningsmål 1.3: Fler i arbete"));
  CHECK(has(titles, "Inriktningsmål 1: Fler företag"));
  CHECK(has(titles, "Målbild: Arbete och tillväxt"));
  auto all = texts(frames);
  CHECK(has(all, "Inriktningsmål 1.3"));  // the overview's level column
}

TEST_CASE("the goal heading's form comes from the layout") {
  std::string dir = temp_dir();
  write_file(dir + "/l.yaml", "name: l\nextends: default\ngoals: {heading: \"{number} – {title}\", heading_unnumbered: \"{title}\"}\n");
  auto titles = outline(run_pipeline({write_report(dir, goals), dir + "/l.yaml"}).frames);
  CHECK(has(titles, "1.3 – Fler i arbete"));
  CHECK(has(titles, "1 – Fler företag"));
  CHECK(has(titles, "Arbete och tillväxt"));
  write_file(dir + "/bad.yaml", "name: bad\nextends: default\ngoals: {heading: \"{nummer} {title}\"}\n");
  // An InputError's what() is its diagnostics as printed.
  std::string expected = dir + "/bad.yaml:3:18: error: unknown field {nummer} in 'heading'\n"
                               "  hint: goal headings may use {label}, {number} and {title}\n";
  CHECK_THROWS_WITH_AS(run_pipeline({dir + "/r.yaml", dir + "/bad.yaml"}), expected.c_str(), InputError);
}

TEST_CASE("the goal overview's column headings come from the layout") {
  std::string dir = temp_dir();
  auto plain = texts(run_pipeline({write_report(dir, goals), ""}).frames);
  CHECK(has(plain, "Mål och uppdrag"));  // as default.yaml says
  write_file(dir + "/l.yaml", "name: l\nextends: default\ngoals: {overview: {level: Målnivå, goal: Mål, status: Bedömning}}\n");
  auto own = texts(run_pipeline({dir + "/r.yaml", dir + "/l.yaml"}).frames);
  CHECK(has(own, "Målnivå"));
  CHECK(has(own, "Bedömning"));
  CHECK_FALSE(has(own, "Mål och uppdrag"));
}

TEST_CASE("a number belongs to a goal") {
  std::string dir = temp_dir();
  write_report(dir, "  - section: Ekonomi\n    number: \"2\"\n");
  std::string expected = dir + "/r.yaml:10:13: error: 'number' is for goal sections\n"
                               "  hint: add goal: with the goal's level, or leave the number out\n";
  CHECK_THROWS_WITH_AS(run_pipeline({dir + "/r.yaml", ""}), expected.c_str(), InputError);
}
