// Layouts as files, Swedish hyphenation, the draft watermark, previews and specimens.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <filesystem>
#include <future>
#include <thread>

#include <cairo.h>

#include "app/run_pipeline.hpp"
#include "app/write_preview.hpp"
#include "layout/layout_context.hpp"
#include "style/load_style.hpp"
#include "test_support.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenate.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::string shy = "\u00AD";

HyphenationRules swedish() { return load_style(resolve_layout_path("default")).hyphenation; }

size_t lines_broken_at_soft_hyphen(const DocumentFrames& frames) {
  size_t n = 0;
  for (const auto& page : frames.pages)
    for (const auto& item : page.items)
      if (auto* line = std::get_if<TextLineItem>(&item); line && line->text().ends_with(shy)) ++n;
  return n;
}

std::string norrtalje_report() { return source_dir() + "/input/norrtalje/kommunstyrelsen-verksamhetsplan-2022.yaml"; }

uint32_t png_dimension(const std::string& png, size_t offset) {
  auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(png[offset + i])); };
  return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
}

}  // namespace

TEST_CASE("Swedish hyphenation: break points in long words, at least three letters each side") {
  Hyphenator hyphenator(swedish());
  auto points = hyphenator.points("samhällsbyggnadsprocessen");
  REQUIRE_FALSE(points.empty());
  CHECK(points.front().byte >= 3);
  CHECK(points.back().byte + 3 <= std::string("samhällsbyggnadsprocessen").size());
  // Short words, and words shorter than the layout's min_word (8 letters), never break.
  CHECK(hyphenator.points("Timrå").empty());
  CHECK(hyphenator.points("kommunen").size() <= 2);
  CHECK(hyphenator.points("kommun").empty());
  // The layout's exceptions: never broken, as the default layout lists them.
  CHECK(hyphenator.points("densamma").empty());
  CHECK(hyphenator.points("förmodligen").empty());
}

TEST_CASE("Swedish hyphenation prefers compound boundaries and avoids the reviewer's bad breaks") {
  Hyphenator hyphenator(swedish());
  // Whether `word` may break before `byte`, and whether that is a compound boundary.
  auto point_at = [&](const std::string& word, const std::string& before) -> std::optional<bool> {
    for (const auto& point : hyphenator.points(word))
      if (point.byte == before.size()) return point.compound;
    return std::nullopt;
  };
  CHECK(point_at("kommunstyrelsen", "kommun") == true);
  CHECK(point_at("distansarbete", "distans") == true);
  CHECK(point_at("budgetavvikelse", "budget") == true);
  CHECK(point_at("fyramånadersrapporten", "fyramånaders") == true);
  CHECK(point_at("Sundsvallsregionen", "Sundsvalls") == true);
  CHECK(point_at("investeringsutgift", "investerings") == true);
  CHECK(point_at("exploateringsavtal", "exploaterings") == true);
  CHECK(point_at("kommunstyrelsekontoret", "kommunstyrelse") == true);
  // The breaks the typographer's review found, never offered.
  CHECK_FALSE(point_at("distansarbete", "distansar"));
  CHECK_FALSE(point_at("kommunstyrelsen", "kommunsty"));
  CHECK_FALSE(point_at("Sundsvallsregionen", "Sundsvallsre"));
  CHECK(point_at("fyramånadersrapporten", "fyramåna") != true);  // at most a last resort, inside a compound
  CHECK_FALSE(point_at("förmodligen", "förmodli"));
  CHECK_FALSE(point_at("densamma", "den"));
  CHECK_FALSE(point_at("kommunstyrelsekontoret", "kom"));
  // Not compounds: a derivational ending, and three-letter false parts.
  CHECK(point_at("verksamhetsplan", "verksam") != true);
  CHECK(point_at("kommunens", "kom") != true);
  // A syllable point beside a compound boundary would leave a part too short to read.
  CHECK_FALSE(point_at("budgetavvikelse", "budge"));
}

TEST_CASE("words the author marks with backticks, and links, stay whole") {
  FontRegistry fonts(default_font_list());
  Style style = load_style(resolve_layout_path("default"));
  Hyphenator hyphenator(style.hyphenation);
  RichText text{{"samhällsbyggnadsprocessen ", false, false, {}, false},
                {"Samhällsbyggnadsnämnden", false, false, {}, true},
                {" samhällsbyggnadsprocessen", false, false, "https://example.se", false},
                {" slut", false, false, {}, false}};
  ShapeRequest request{style.body, 60, Align::left, {}, false, false, &hyphenator};
  ShapedText shaped = shape_rich_text(fonts.context(), text, request);
  size_t hyphenated = 0;
  for (const auto& line : shaped.lines) {
    if (!line->hyphenated) continue;
    ++hyphenated;
    CHECK(line->end < static_cast<int>(text[0].text.size()));  // only the first, plain word breaks
  }
  CHECK(hyphenated > 0);
}

TEST_CASE("a missing dictionary is a clear error") {
  HyphenationRules rules = swedish();
  rules.dictionary = "/nonexistent/hyph_sv.dic";
  CHECK_THROWS_AS(Hyphenator{rules}, InputError);
}

TEST_CASE("hyphenation breaks lines in justified text, and a layout can turn it off") {
  CHECK(lines_broken_at_soft_hyphen(run_pipeline({example_report(), "norrtalje"}).frames) > 10);
  std::string dir = temp_dir(), layout = dir + "/off.yaml";
  write_file(layout, "name: off\nextends: norrtalje\ntypography: {hyphenate: false}\n");
  CHECK(lines_broken_at_soft_hyphen(run_pipeline({example_report(), layout, false, {dir}}).frames) == 0);
}

TEST_CASE("the PDF's text keeps words whole: a line-end hyphen is U+00AD, and nowhere else") {
  std::string pdf = temp_dir() + "/e.pdf";
  REQUIRE(run_rapport("render " + shell_quote(norrtalje_report()) + " -o " + shell_quote(pdf)).status == 0);
  std::string text;
  for (const auto& page : pdf_pages_text(pdf)) text += page;
  size_t at_line_end = 0;
  for (size_t at = text.find(shy); at != std::string::npos; at = text.find(shy, at + 1)) {
    // Then the next line, or (pdftotext joins a row's cells) the next cell.
    CHECK((text.compare(at + shy.size(), 1, "\n") == 0 || text.compare(at + shy.size(), 1, " ") == 0));
    ++at_line_end;
  }
  CHECK(at_line_end > 10);
  // Joined at the soft hyphens, the broken words read whole.
  std::string joined;
  for (size_t at = 0; at < text.size();) {
    if (text.compare(at, shy.size() + 1, shy + "\n") == 0) at += shy.size() + 1;
    else joined += text[at++];
  }
  CHECK(joined.find("kommunstyrelsen") != std::string::npos);
  CHECK(joined.find("Kommunstyrelsen") != std::string::npos);
}

TEST_CASE("a layout extends another and overrides only what differs") {
  std::string dir = temp_dir();
  write_file(dir + "/child.yaml", "name: child\nextends: default\ntext:\n  heading1: {color: \"#aa0000\"}\n"
                                  "page_furniture: {footer: {right: \"Sida {page}\"}}\n");
  Style base = load_style(resolve_layout_path("default"));
  Style child = load_style(dir + "/child.yaml");
  CHECK(child.name == "child");
  CHECK(child.headings[0].color.r == doctest::Approx(0xaa / 255.0));
  CHECK(child.headings[0].size == base.headings[0].size);  // kept from the base
  CHECK(child.body.family == base.body.family);
  CHECK(child.running_footer.right == "Sida {page}");
  CHECK(child.running_footer.left == base.running_footer.left);
  CHECK(child.statuses.size() == base.statuses.size());

  write_file(dir + "/bad.yaml", "name: bad\nextends: default\ntext:\n  heading1: {colour: \"#aa0000\"}\n");
  try {
    load_style(dir + "/bad.yaml");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().format() == dir + "/bad.yaml:4:14: error: unknown key 'colour' in 'heading1'\n  hint: did you mean 'color'?\n");
  }
  write_file(dir + "/loop.yaml", "name: loop\nextends: " + dir + "/loop.yaml\n");
  CHECK_THROWS_WITH_AS(load_style(dir + "/loop.yaml"), doctest::Contains("extend each other in a loop"), InputError);
}

TEST_CASE("every example renders with every shipped layout") {
  for (std::string layout : {"default", "timra", "norrtalje"})
    for (const auto& report : {example_report(), norrtalje_report()}) {
      PipelineResult result;
      CHECK_NOTHROW(result = run_pipeline({report, layout}));
      CHECK_MESSAGE(result.frames.pages.size() > 15, layout << " / " << report);
    }
}

TEST_CASE("header and footer templates fill in their fields") {
  std::string pdf = temp_dir() + "/n.pdf";
  REQUIRE(run_rapport("render " + shell_quote(example_report()) + " --layout norrtalje -o " + shell_quote(pdf)).status == 0);
  auto pages = pdf_pages_text(pdf);
  std::string total = std::to_string(pages.size());
  CHECK(pages[2].find("Sida 3 av " + total) != std::string::npos);
  CHECK(pages[2].find("2021-09-21 · Dnr KS/2021:311") != std::string::npos);
  CHECK(pages[2].find("Timrå kommun · Delårsrapport 2021") != std::string::npos);
  CHECK(pages[0].find("Sida 1") == std::string::npos);  // the cover has no furniture
}

TEST_CASE("drafts carry the watermark as shapes on every page; a final render has none") {
  Style style = load_style(resolve_layout_path("default"));
  auto count_marks = [&](const DocumentFrames& frames) {
    size_t pages_with_mark = 0;
    // First on the page, beneath the content, and an artifact a screen reader skips.
    for (const auto& page : frames.pages) {
      auto* tag = std::get_if<TagItem>(&page.items.front());
      auto* path = page.items.size() > 1 ? std::get_if<PathItem>(&page.items[1]) : nullptr;
      if (tag && tag->role == "Artifact" && path && path->has_fill && path->fill.r == style.watermark_color.r &&
          path->ops.size() > 20)
        ++pages_with_mark;
    }
    return pages_with_mark;
  };
  auto draft = run_pipeline({example_report(), "", false}).frames;
  CHECK(count_marks(draft) == draft.pages.size());
  CHECK(count_marks(run_pipeline({example_report(), "", true}).frames) == 0);
  std::string pdf = temp_dir() + "/d.pdf";
  REQUIRE(run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(pdf)).status == 0);
  for (const auto& page : pdf_pages_text(pdf)) CHECK(page.find("UTKAST") == std::string::npos);  // never text
}

TEST_CASE("preview: page images at the chosen resolution and a contact sheet") {
  std::string dir = temp_dir() + "/preview";
  auto result = run_rapport("preview " + shell_quote(example_report()) + " -o " + shell_quote(dir) + " --pages 3-4 --dpi 72");
  REQUIRE_MESSAGE(result.status == 0, result.output);
  CHECK_FALSE(std::filesystem::exists(dir + "/page-002.png"));
  CHECK_FALSE(std::filesystem::exists(dir + "/page-005.png"));
  std::string png = read_file(dir + "/page-003.png");
  REQUIRE(png.size() > 1000);
  CHECK(png.compare(1, 3, "PNG") == 0);
  CHECK(png_dimension(png, 16) == 595);  // A4 at 72 dpi
  CHECK(png_dimension(png, 20) == 842);
  std::string html = read_file(dir + "/index.html");
  CHECK(html.find("<img src=\"page-003.png\"") != std::string::npos);
  CHECK(html.find("<img src=\"page-004.png\"") != std::string::npos);
  CHECK(html.find("page-002.png") == std::string::npos);
  CHECK(run_rapport("preview " + shell_quote(example_report()) + " -o " + shell_quote(dir) + " --pages 5-2").status == 2);
}

TEST_CASE("page ranges") {
  CHECK(parse_page_range("4") == std::pair<size_t, size_t>{4, 4});
  CHECK(parse_page_range("3-5") == std::pair<size_t, size_t>{3, 5});
  CHECK(parse_page_range("3-") == std::pair<size_t, size_t>{3, 0});
  CHECK_THROWS_AS(parse_page_range("0"), std::invalid_argument);
  CHECK_THROWS_AS(parse_page_range("a-b"), std::invalid_argument);
}

TEST_CASE("the specimen shows every status of the layout") {
  for (std::string layout : {"default", "norrtalje"}) {
    std::string pdf = temp_dir() + "/s.pdf";
    auto result = run_rapport("specimen " + layout + " -o " + shell_quote(pdf));
    REQUIRE_MESSAGE(result.status == 0, result.output);
    std::string text;
    for (const auto& page : pdf_pages_text(pdf)) text += page;
    for (const auto& status : load_style(resolve_layout_path(layout)).statuses)
      CHECK_MESSAGE(text.find(status.label) != std::string::npos, layout << ": " << status.label);
    CHECK(text.find("Rubriknivå 4") != std::string::npos);
    CHECK(text.find("SUMMA NÄMNDEN") != std::string::npos);
  }
}

TEST_CASE("preview --watch renders again on a save, re-encoding only the pages that changed") {
  std::string dir = temp_dir();
  std::string report = dir + "/r.yaml";
  std::string original = read_file(example_report());
  write_file(report, original);
  // The picture of its figure goes along, as a report's folder travels whole.
  std::filesystem::copy_file(source_dir() + "/input/timra/styrmodell.svg", dir + "/styrmodell.svg");
  auto watching = std::async(std::launch::async, [&] {
    // `timeout`: a save the watch missed would otherwise leave it waiting for ever.
    return run_command("timeout 180 " + shell_quote(RAPPORT_BINARY) + " preview " + shell_quote(report) + " -o " +
                       shell_quote(dir + "/out") + " --watch --watch-limit 3");
  });
  // Each render rewrites index.html last; waiting for it keeps the test in step with the watch
  // however slow the build (the sanitizer build renders several times slower).
  const std::string index = dir + "/out/index.html";
  auto wait_until = [](const auto& done) {
    for (int i = 0; i < 1200 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  };
  wait_until([&] { return std::filesystem::exists(index); });
  auto first = std::filesystem::last_write_time(index);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  std::string edited = original;
  const std::string sentence = "Det är kommunstyrelsen som ansvarar för näringslivsutveckling";
  REQUIRE(edited.find(sentence) != std::string::npos);
  edited.replace(edited.find(sentence), sentence.size(), "Det är Kommunstyrelsen som ansvarar för näringslivsutveckling");
  write_file(report, edited);
  wait_until([&] { return std::filesystem::last_write_time(index) != first; });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  write_file(report, "bogus: 1\n" + edited);
  auto result = watching.get();
  CHECK(result.status == 0);
  CHECK(result.output.find("page images changed") != std::string::npos);
  CHECK(result.output.find("; 1 of ") != std::string::npos);  // one word changed: one page
  CHECK(result.output.find("r.yaml:1:1: error: unknown key 'bogus' in the report") != std::string::npos);
  CHECK(result.output.find("rapport: waiting for the next save") != std::string::npos);
}

TEST_CASE("layouts number headings, shade every other row and place the cover title") {
  std::string dir = temp_dir();
  write_file(dir + "/zn.yaml", "name: zn\nextends: default\nheadings: {numbered: 2}\ntables: {zebra: \"#f2f4f6\"}\n"
                               "page_furniture: {cover_title_at: 0.5}\n");
  auto frames = run_pipeline({example_report(), dir + "/zn.yaml", false, {dir}}).frames;
  std::vector<std::string> titles;
  for (const auto& entry : frames.outline) titles.push_back(entry.title);
  CHECK(std::find(titles.begin(), titles.end(), "3 Ekonomi") != titles.end());
  CHECK(std::find(titles.begin(), titles.end(), "3.2 Driftbudget") != titles.end());
  CHECK(std::find(titles.begin(), titles.end(), "Inriktningsmål 1: Jämlika livsvillkor med goda möjligheter att påverka sitt eget liv och samhällslivet") !=
        titles.end());  // goal headings keep their own label and number
  size_t shaded = 0;
  for (const auto& page : frames.pages)
    for (const auto& item : page.items)
      if (auto* rect = std::get_if<RectItem>(&item); rect && std::abs(rect->fill.r - 0xf2 / 255.0) < 1e-9) ++shaded;
  CHECK(shaded > 10);
  write_file(dir + "/bad.yaml", "name: bad\nextends: default\npage_furniture: {cover_title_at: 0.95}\n");
  CHECK_THROWS_WITH_AS(load_style(dir + "/bad.yaml"), doctest::Contains("'cover_title_at' must be between 0.1 and 0.8"), InputError);
}

TEST_CASE("a cover logo: SVG or PNG, checked when the layout is read") {
  std::string dir = temp_dir();
  write_file(dir + "/svg.yaml", "name: svg\nextends: default\npage_furniture: {logo: {file: " + source_dir() +
                                    "/layouts/logos/exempel.svg, width: 20mm}}\n");
  auto frames = run_pipeline({example_report(), dir + "/svg.yaml", false, {dir}}).frames;
  const ImageItem* logo = nullptr;
  const TagItem* figure = nullptr;  // the tag just before the logo
  const auto& items = frames.pages.front().items;
  for (size_t i = 1; i < items.size(); ++i)
    if (auto* image = std::get_if<ImageItem>(&items[i])) {
      logo = image;
      figure = std::get_if<TagItem>(&items[i - 1]);
    }
  REQUIRE(logo);
  CHECK(logo->width == doctest::Approx(20 * 72 / 25.4));
  CHECK(logo->height == doctest::Approx(logo->width * 80 / 72));  // the SVG's aspect ratio
  REQUIRE(figure);
  CHECK(figure->role == "Figure");
  CHECK(figure->alt == "Timrå kommun");

  // A PNG logo, made here.
  cairo_surface_t* png = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 20);
  cairo_surface_write_to_png(png, (dir + "/logo.png").c_str());
  cairo_surface_destroy(png);
  write_file(dir + "/png.yaml", "name: png\nextends: default\npage_furniture: {logo: {file: logo.png, width: 30mm}}\n");
  auto with_png = run_pipeline({example_report(), dir + "/png.yaml", false, {dir}}).frames;
  bool found = false;
  for (const auto& item : with_png.pages.front().items)
    if (auto* image = std::get_if<ImageItem>(&item)) found = image->height == doctest::Approx(image->width / 2);
  CHECK(found);

  write_file(dir + "/missing.yaml", "name: m\nextends: default\npage_furniture: {logo: {file: nothing.svg, width: 30mm}}\n");
  CHECK_THROWS_WITH_AS(load_style(dir + "/missing.yaml"), doctest::Contains("/nothing.svg' does not exist"), InputError);

  write_file(dir + "/text.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>A</text></svg>");
  write_file(dir + "/text.yaml", "name: t\nextends: default\npage_furniture: {logo: {file: text.svg, width: 30mm}}\n");
  Diagnostics warnings;
  load_style(dir + "/text.yaml", warnings);
  CHECK(warnings.format().find("warning: the logo has SVG text") != std::string::npos);
}
