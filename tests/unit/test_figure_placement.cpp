// Where figures land, swept over every position (synthetic slabs, as test_keep_rules.cpp): a
// figure keeps with its caption; one that does not fit where it stands lets the text after it
// fill the page and goes to the top of the next (placement: auto), or goes there leaving the
// page as it is (placement: here); it never passes another figure or a new chapter.
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/paginate.hpp"
#include "slab_sweep.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// The name of the first anchor drawn on a page.
std::string first_anchor(const Page& page) {
  for (const auto& item : page.items)
    if (auto* anchor = std::get_if<AnchorItem>(&item)) return anchor->name;
  return "";
}

}  // namespace

TEST_CASE("figure placement: auto fills the page with the text after it, here leaves the hole, at every position") {
  for (bool floating : {true, false})
    for (double height : {80.0, 300.0, 650.0})
      for (int after : {1, 4, 40})
        for (int before = 0; before < 62; ++before) {
          Sweep sweep;
          sweep.lines(before, "line");
          sweep.figure(height, floating);
          sweep.lines(after, "after");
          Pagination p = sweep.run();
          CAPTURE(floating);
          CAPTURE(height);
          CAPTURE(after);
          CAPTURE(before);
          size_t figure = p.anchor_pages.at("figure");
          CHECK(p.anchor_pages.at("figure-caption") == figure);  // never parted from its caption
          auto before_pages = pages_of(p, "line", before);
          auto after_pages = pages_of(p, "after", after);
          CHECK(std::is_sorted(before_pages.begin(), before_pages.end()));
          CHECK(std::is_sorted(after_pages.begin(), after_pages.end()));
          size_t text_page = before ? before_pages.back() : 0;
          CHECK(figure >= text_page);  // never ahead of the text before it
          CHECK(figure <= text_page + 1);
          if (figure == text_page) {
            // On the page of the text before it: every line after it follows it there.
            for (size_t page : after_pages) CHECK(page >= figure);
            continue;
          }
          CHECK(first_anchor(p.pages[figure]) == "figure");  // moved: at the top of the next page
          long filled_by_after = std::count(after_pages.begin(), after_pages.end(), text_page);
          if (!floating) {
            CHECK(filled_by_after == 0);  // here: the text after it waits for it
            continue;
          }
          // auto: the page it left is full, or holds all of the text that follows.
          double hole = sweep.room() * (1 - p.pages[text_page].filled);
          bool all_after_there = filled_by_after == after;
          CHECK_MESSAGE((hole < kLine || all_after_there), "a hole of " << hole << " points, " << filled_by_after << " lines after it");
        }
}

TEST_CASE("figure placement: a figure never passes another figure or a new chapter") {
  for (int before = 30; before < 55; ++before) {
    Sweep sweep;
    sweep.lines(before, "line");
    sweep.figure(400, true, "one");
    sweep.lines(3, "between");
    sweep.figure(100, true, "two");
    sweep.lines(30, "after");
    Pagination p = sweep.run();
    CAPTURE(before);
    CHECK(p.anchor_pages.at("one") <= p.anchor_pages.at("two"));
    for (size_t page : pages_of(p, "between", 3)) CHECK(page <= p.anchor_pages.at("two"));
    // Only the three lines between may go ahead of the first figure: the second holds them back.
    for (size_t page : pages_of(p, "after", 30)) CHECK(page >= p.anchor_pages.at("two"));
  }
  for (int before = 30; before < 55; ++before) {
    Sweep sweep;
    sweep.lines(before, "line");
    sweep.figure(400, true);
    sweep.lines(2, "tail");
    size_t chapter = sweep.add(24, "chapter", true);
    sweep.slabs[chapter].heading_level = 1;
    sweep.lines(20, "next");
    Pagination p = sweep.run();
    CAPTURE(before);
    CHECK(p.anchor_pages.at("chapter") >= p.anchor_pages.at("figure"));
  }
}

TEST_CASE("figure placement: the text that fills the page is drawn before the figure, in the order it is read") {
  Sweep sweep;
  sweep.lines(40, "line");  // 560 of 742 points: a 300-point figure does not fit below
  sweep.figure(300, true);
  sweep.lines(20, "after");
  Pagination p = sweep.run();
  CHECK(p.anchor_pages.at("figure") == 1);
  CHECK(p.anchor_pages.at("after0") == 0);
  CHECK(p.anchor_pages.at("after12") == 0);  // 13 lines fill the rest of the page
  CHECK(p.anchor_pages.at("after13") == 1);
  CHECK(first_anchor(p.pages[1]) == "figure");
}
