// Shaping kept with the Pango context is set again only for the same text in the same font:
// each of these fails if the cache's key leaves out what it checks.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "style/load_style.hpp"
#include "style/layout_files.hpp"
#include "text/font_registry.hpp"
#include "text/shape_text.hpp"

using namespace rapport;

namespace {

double width_of(const ShapedText& shaped) { return logical_width(shaped); }

ShapeRequest unwrapped(const TextStyle& style, double width = -1) { return {style, width, Align::left, {}}; }

TextRun run_of(const std::string& text) {
  TextRun run;
  run.text = text;
  return run;
}

std::vector<unsigned> glyph_ids(const ShapedText& shaped) {
  std::vector<unsigned> ids;
  for (const auto& line : shaped.lines)
    for (const auto& run : line->runs)
      for (const auto& g : run.glyphs) ids.push_back(g.id);
  return ids;
}

}  // namespace

TEST_CASE("reused shaping: the same paragraph twice is set the same, at any width") {
  FontRegistry fonts(default_font_list());
  Style style = load_style(resolve_layout_path("default"));
  const std::string text = "Kommunstyrelsen följer upp verksamheten och ekonomin varje månad.";
  ShapedText first = shape_plain_text(fonts.context(), text, unwrapped(style.body));
  ShapedText again = shape_plain_text(fonts.context(), text, unwrapped(style.body));
  CHECK(glyph_ids(first) == glyph_ids(again));
  CHECK(width_of(first) == width_of(again));
  // Kept shaping set in a narrower measure breaks into lines again.
  ShapedText narrow = shape_plain_text(fonts.context(), text, unwrapped(style.body, 120));
  CHECK(narrow.lines.size() > 1);
  std::string set, expected;
  for (const auto& line : narrow.lines)
    for (char c : line->text()) if (c != ' ') set += c;
  for (char c : text) if (c != ' ') expected += c;
  CHECK(set == expected);
}

TEST_CASE("reused shaping: another weight, size or colour is shaped on its own") {
  FontRegistry fonts(default_font_list());
  Style style = load_style(resolve_layout_path("default"));
  const std::string text = "Budgetavvikelse 2021";
  TextStyle regular = style.body;
  TextStyle bold = regular;
  bold.weight = 700;
  TextStyle larger = regular;
  larger.size = regular.size * 1.5;
  double plain = width_of(shape_plain_text(fonts.context(), text, unwrapped(regular)));
  CHECK(width_of(shape_plain_text(fonts.context(), text, unwrapped(bold))) != plain);
  CHECK(width_of(shape_plain_text(fonts.context(), text, unwrapped(larger))) > plain);

  TextRun red = run_of(text);
  red.color = Color{0.8, 0, 0};
  TextRun blue = run_of(text);
  blue.color = Color{0, 0, 0.8};
  ShapedText in_red = shape_runs(fonts.context(), {red}, unwrapped(regular));
  ShapedText in_blue = shape_runs(fonts.context(), {blue}, unwrapped(regular));
  REQUIRE_FALSE(in_blue.lines.empty());
  REQUIRE(in_blue.lines.front()->runs.front().color.has_value());
  CHECK(in_blue.lines.front()->runs.front().color->b == doctest::Approx(0.8));
  CHECK(in_red.lines.front()->runs.front().color->r == doctest::Approx(0.8));

  TextRun strong = run_of(text);
  strong.strong = true;
  CHECK(width_of(shape_runs(fonts.context(), {strong}, unwrapped(regular))) != plain);
}
