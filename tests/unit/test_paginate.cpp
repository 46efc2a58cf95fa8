// Pagination rules checked on the laid-out frames: headings stay with their text, no widow or
// orphan lines, table headers repeat, and the TOC's numbers are where the headings landed.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "app/run_pipeline.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

std::string long_report() {
  std::string text = R"(version: 1
document: {municipality: Timrå kommun, committee: Testnämnden, kind: rapport, title: Provtryck, date: 2021-01-01}
content:
  - toc
)";
  // Paragraphs of many lengths under many headings, so page breaks fall everywhere.
  const std::string sentence = "Nämnden har följt upp verksamhetens mål och budget enligt plan under perioden. ";
  for (int s = 0; s < 12; ++s) {
    text += "  - section: Avsnitt " + std::to_string(s + 1) + "\n    content:\n";
    for (int p = 0; p < 6; ++p) {
      text += "      - section: Underavsnitt " + std::to_string(s + 1) + "." + std::to_string(p + 1) + "\n        content:\n";
      text += "          - text: |\n              ";
      for (int k = 0; k < 2 + (s * 7 + p * 5) % 11; ++k) text += sentence;
      text += "\n";
    }
  }
  text += "  - section: Tabell\n    content:\n      - table:\n          columns: [Mått, {title: Värde, align: right}]\n          rows:\n";
  for (int r = 0; r < 120; ++r) text += "            - [Rad " + std::to_string(r + 1) + ", " + std::to_string(r * 1000) + "]\n";
  return text;
}

DocumentFrames lay_out(const std::string& path) { return run_pipeline({path, ""}).frames; }

const DocumentFrames& example_frames() {
  static const DocumentFrames frames = lay_out(example_report());
  return frames;
}

const DocumentFrames& long_frames() {
  static const DocumentFrames frames = [] {
    std::string path = temp_dir() + "/long.yaml";
    write_file(path, long_report());
    return lay_out(path);
  }();
  return frames;
}

// Layouts whose lines are headings: the text line that follows each anchor.
std::set<const std::string*> heading_layouts(const DocumentFrames& doc) {
  std::set<const std::string*> out;
  for (const auto& page : doc.pages)
    for (size_t i = 0; i < page.items.size(); ++i)
      if (std::holds_alternative<AnchorItem>(page.items[i]))
        for (size_t j = i + 1; j < page.items.size(); ++j)
          if (auto* line = std::get_if<TextLineItem>(&page.items[j])) {
            out.insert(line->line->paragraph.get());
            break;
          }
  return out;
}

// Text lines in the page body (not the footer), in reading order.
std::vector<const TextLineItem*> body_lines(const DocumentFrames& doc, const Page& page, double bottom_margin) {
  std::vector<const TextLineItem*> lines;
  for (const auto& item : page.items)
    if (auto* line = std::get_if<TextLineItem>(&item))
      if (line->baseline < doc.height - bottom_margin) lines.push_back(line);
  return lines;
}

void check_keep_rules(const DocumentFrames& doc) {
  const double bottom_margin = 24 * 72 / 25.4;
  auto headings = heading_layouts(doc);
  REQUIRE(!headings.empty());
  std::map<const std::string*, std::pair<int, std::vector<int>>> lines_per_page;  // paragraph → its lines, and those on each page it touches
  for (size_t p = 1; p < doc.pages.size(); ++p) {
    auto lines = body_lines(doc, doc.pages[p], bottom_margin);
    if (lines.empty()) continue;
    const TextLineItem* last = lines.front();
    for (const auto* l : lines)
      if (l->baseline > last->baseline) last = l;
    CHECK_MESSAGE(!headings.count(last->line->paragraph.get()), "page " << p + 1 << " ends with a heading: " << last->text());
    std::map<const std::string*, std::pair<int, int>> here;  // paragraph → its lines, those here
    for (const auto* l : lines) {
      auto& [total, count] = here[l->line->paragraph.get()];
      total = l->line->count;
      ++count;
    }
    for (const auto& [paragraph, seen] : here) {
      lines_per_page[paragraph].first = seen.first;
      lines_per_page[paragraph].second.push_back(seen.second);
    }
  }
  for (const auto& [paragraph, seen] : lines_per_page) {
    const auto& [total, counts] = seen;
    if (counts.size() < 2) continue;
    if (total < 4) continue;  // too short to split; kept whole
    CHECK_MESSAGE(counts.front() >= 2, "an orphan line at a page foot");
    CHECK_MESSAGE(counts.back() >= 2, "a widow line at a page head");
  }
}

// The TOC's entries as (heading id, printed number) from the link and number on each entry.
void check_toc_numbers(const DocumentFrames& doc) {
  std::map<std::string, size_t> anchor_page;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (auto* a = std::get_if<AnchorItem>(&item)) anchor_page[a->name] = p + 1;
  size_t entries = 0;
  for (const auto& item : doc.pages[1].items) {
    auto* link = std::get_if<LinkItem>(&item);
    if (!link) continue;
    const TextLineItem* number = nullptr;  // the rightmost line inside the entry's box
    for (const auto& other : doc.pages[1].items)
      if (auto* t = std::get_if<TextLineItem>(&other))
        if (t->baseline > link->y && t->baseline < link->y + link->height && (!number || t->x > number->x)) number = t;
    REQUIRE(number);
    REQUIRE(anchor_page.count(link->target.substr(1)));
    CHECK_MESSAGE(number->text() == std::to_string(anchor_page[link->target.substr(1)]), link->target);
    ++entries;
  }
  CHECK(entries > 10);
}

}  // namespace

TEST_CASE("example: headings keep with their text; no widows or orphans") { check_keep_rules(example_frames()); }
TEST_CASE("long report: headings keep with their text; no widows or orphans") { check_keep_rules(long_frames()); }
TEST_CASE("example: TOC numbers are the pages of the headings (frames)") { check_toc_numbers(example_frames()); }
TEST_CASE("long report: a TOC over several pages still has the right numbers") {
  const auto& doc = long_frames();
  check_toc_numbers(doc);
  CHECK(doc.pages.size() > 15);
}

TEST_CASE("a table over several pages repeats its header at the top of each") {
  const auto& doc = long_frames();
  int continuation_pages = 0;
  for (size_t p = 2; p < doc.pages.size(); ++p) {
    auto lines = body_lines(doc, doc.pages[p], 24 * 72 / 25.4);
    bool has_rows = false;
    for (const auto* l : lines) has_rows |= l->text().starts_with("Rad ");
    if (!has_rows || lines.front()->text() == "Tabell") continue;
    ++continuation_pages;
    CHECK_MESSAGE(lines.front()->text() == "Mått", "page " << p + 1 << " starts with " << lines.front()->text());
  }
  CHECK(continuation_pages >= 1);
}
