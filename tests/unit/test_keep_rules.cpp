// The keep and break rules of pagination, swept over every position a break can fall at:
// tables that fit a page move whole (keep: auto when the page they leave is two-thirds full,
// keep: together always), a split table keeps three body rows on each side, no section leaves
// one or two lines alone at the top of a page, footnotes sit on their mark's page and a long
// one continues on the next. Slabs are synthetic so that every position is reached; each slab
// carries an anchor naming it, which tells on which page it landed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "app/run_pipeline.hpp"
#include "layout/paginate.hpp"
#include "slab_sweep.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("keep rules: a table that fits a page is moved whole, or split with three rows a side, at every position") {
  for (auto keep : {KeepBlock::Keep::automatic, KeepBlock::Keep::together})
    for (int rows : {2, 3, 4, 7, 11, 30})
      for (int before = 0; before < 60; ++before) {
        Sweep sweep;
        sweep.lines(before, "line");
        sweep.table(rows, keep);
        sweep.lines(5, "after");
        Pagination p = sweep.run();
        auto row_pages = pages_of(p, "row", rows);
        size_t first = row_pages.front(), last = row_pages.back();
        CAPTURE(rows);
        CAPTURE(before);
        CAPTURE(keep == KeepBlock::Keep::together);
        CHECK(p.anchor_pages.at("caption") == first);  // the caption stays with the first rows
        if (first == last) continue;
        double table_height = 2 * kLine + kRow * (rows + 1);
        bool fits = table_height <= sweep.room();
        CHECK_MESSAGE(!(fits && keep == KeepBlock::Keep::together), "a table kept together was split");
        if (fits) {  // split only when the page it would leave is less than two-thirds full
          double used = before * kLine;
          while (used > sweep.room()) used -= std::floor(sweep.room() / kLine) * kLine;
          CHECK_MESSAGE(used < 2.0 / 3.0 * sweep.room() + kLine, "split though the page was full: " << used);
        }
        CHECK_MESSAGE(on_page(row_pages, first) >= 3, "rows before the break: " << on_page(row_pages, first));
        CHECK_MESSAGE(on_page(row_pages, last) >= 3, "rows after the break: " << on_page(row_pages, last));
      }
}

TEST_CASE("keep rules: a table left alone moves whole when the page is two-thirds full, and splits when it is not") {
  Sweep full;
  full.lines(40, "line");  // 560 of 742 points: more than two-thirds
  full.table(11, KeepBlock::Keep::automatic);
  Pagination moved = full.run();
  CHECK(moved.anchor_pages.at("caption") == 1);
  CHECK(moved.anchor_pages.at("row10") == 1);

  Sweep half;
  half.lines(20, "line");  // 280 points: less than two-thirds, and 11 rows do not fit below
  half.table(30, KeepBlock::Keep::automatic);
  Pagination split = half.run();
  CHECK(split.anchor_pages.at("caption") == 0);
  CHECK(split.anchor_pages.at("row29") == 1);
}

TEST_CASE("keep rules: no section leaves one or two lines alone at the top of a page, at every position") {
  for (int length = 3; length < 30; ++length)
    for (int before = 0; before < 55; ++before) {
      Sweep sweep;
      sweep.lines(before, "line");
      size_t heading = sweep.add(20, "heading", true);
      sweep.slabs[heading].heading_level = 2;
      sweep.slabs[sweep.add(kLine, "first", true)].keep_with_next = true;  // orphan control: two lines together
      sweep.lines(length - 1, "text");
      size_t next = sweep.add(20, "next", true);
      sweep.slabs[next].heading_level = 2;
      sweep.lines(3, "after");
      Pagination p = sweep.run();
      auto text = pages_of(p, "text", length - 1);
      size_t last_page = text.back();
      size_t start = p.anchor_pages.at("heading");
      if (last_page == start) continue;
      CAPTURE(length);
      CAPTURE(before);
      CHECK_MESSAGE(on_page(text, last_page) >= 3, "lines alone at the top of page " << last_page + 1 << ": "
                                                                                        << on_page(text, last_page));
    }
}

TEST_CASE("keep rules: a footnote sits at the foot of its mark's page; a long one continues on the next") {
  for (int before = 0; before < 60; ++before) {
    Sweep sweep;
    sweep.lines(before, "line");
    sweep.note(sweep.add(kLine, "mark"), 4);
    sweep.lines(60, "after");
    Pagination p = sweep.run();
    auto note = pages_of(p, "note", 4);
    CAPTURE(before);
    CHECK(note.front() == p.anchor_pages.at("mark"));
    CHECK(note.back() <= note.front() + 1);
    if (note.back() != note.front()) CHECK(on_page(note, note.front()) >= 2);  // a broken note leaves two lines
  }
  Sweep long_note;
  long_note.note(long_note.add(kLine, "mark"), 100);
  long_note.lines(10, "after");
  Pagination p = long_note.run();
  auto note = pages_of(p, "note", 100);
  CHECK(note.front() == 0);
  CHECK(note.back() >= 1);
  CHECK(std::is_sorted(note.begin(), note.end()));
  size_t placed_lines = 0;
  for (const auto& page : p.pages)
    for (const auto& item : page.items)
      if (auto* a = std::get_if<AnchorItem>(&item)) placed_lines += a->name.starts_with("note");
  CHECK(placed_lines == 100);  // every line once
}

TEST_CASE("keep rules: landscape slabs get pages of their own, with the turned page's room") {
  Sweep sweep;
  sweep.lines(5, "portrait");
  for (int i = 0; i < 60; ++i) sweep.slabs[sweep.add(kLine, "wide" + std::to_string(i))].landscape = true;
  sweep.lines(5, "back");
  Pagination p = sweep.run();
  auto wide = pages_of(p, "wide", 60);
  CHECK(wide.front() == 1);
  CHECK(p.pages[1].landscape);
  CHECK(!p.pages[0].landscape);
  // 495 points of room on the turned page: 35 lines of 14.
  CHECK(on_page(wide, 1) == static_cast<int>(std::floor((595 - 100) / kLine)));
  CHECK(p.anchor_pages.at("back0") == wide.back() + 1);
  CHECK(!p.pages[p.anchor_pages.at("back0")].landscape);
}

// ----- the same rules on laid-out reports -----

namespace {

// The page (0-based) of the first text line that starts with `start`.
std::map<std::string, size_t> line_pages(const DocumentFrames& doc) {
  std::map<std::string, size_t> out;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (auto* line = std::get_if<TextLineItem>(&item)) out.emplace(line->text(), p);
  return out;
}

DocumentFrames lay_out_yaml(const std::string& yaml) {
  std::string path = rapport::test::temp_dir() + "/r.yaml";
  rapport::test::write_file(path, yaml);
  return run_pipeline({path, "default"}).frames;
}

std::string paragraph_of_lines(int sentences, const std::string& indent = "  ") {
  std::string text = indent + "- text: |\n" + indent + "    ";
  for (int k = 0; k < sentences; ++k) text += "Nämnden har följt upp verksamhetens mål och budget enligt plan. ";
  return text + "\n";
}

}  // namespace

TEST_CASE("keep rules: a list's last item never goes alone to the top of a page, at every position") {
  for (int sentences = 40; sentences < 120; sentences += 3) {
    std::string yaml = rapport::test::report_preamble() + paragraph_of_lines(sentences) +
                       "  - text: |\n      - Punkt ett\n      - Punkt två\n      - Punkt tre\n      - Punkt fyra\n" +
                       paragraph_of_lines(20);
    auto pages = line_pages(lay_out_yaml(yaml));
    CAPTURE(sentences);
    REQUIRE(pages.count("Punkt fyra"));
    CHECK(pages.at("Punkt tre") == pages.at("Punkt fyra"));
  }
}

TEST_CASE("keep rules: a continued table's caption says (forts.) above its repeated header") {
  std::string yaml = rapport::test::report_preamble() +
                     "  - table:\n      caption: Nyckeltal per verksamhet\n      columns: [Mått, {title: Värde, align: right}]\n      rows:\n";
  for (int r = 0; r < 120; ++r) yaml += "        - [Rad " + std::to_string(r + 1) + ", " + std::to_string(r) + "]\n";
  DocumentFrames doc = lay_out_yaml(yaml);
  int continued = 0;
  for (size_t p = 2; p < doc.pages.size(); ++p) {
    std::vector<std::string> lines;
    for (const auto& item : doc.pages[p].items)
      if (auto* line = std::get_if<TextLineItem>(&item)) lines.push_back(line->text());
    if (lines.size() < 4 || !lines[3].starts_with("Rad")) continue;
    CHECK(lines[0] == "Nyckeltal per verksamhet (forts.)");
    CHECK(lines[1] == "Mått");
    CHECK(lines[2] == "Värde");
    ++continued;
  }
  CHECK(continued >= 2);
}

TEST_CASE("keep rules: a short table of contents shares its page with what follows") {
  std::string yaml = rapport::test::report_preamble() + "  - toc\n  - section: Inledning\n    content:\n" +
                     paragraph_of_lines(4, "      ") + "  - section: Ekonomi\n    content:\n" + paragraph_of_lines(4, "      ");
  auto pages = line_pages(lay_out_yaml(yaml));
  REQUIRE(pages.count("Innehållsförteckning"));
  CHECK(pages.at("Inledning") == pages.at("Innehållsförteckning"));
}
