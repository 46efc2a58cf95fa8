// The page-fill check: a page of a bundled example that is less than a third full is a break a
// designer would not accept, unless it is a cover or back page, the last page of a level-1
// chapter, or the page before a landscape section. Every example in every shipped layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "app/run_pipeline.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {


// "page 7 (0.21 full)" for each page that is short without a reason.
std::string short_pages(const DocumentFrames& doc) {
  std::ostringstream out;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    if (page.filled < 0 || page.filled >= 1.0 / 3.0 || page.ends_chapter) continue;
    bool before_landscape = p + 1 < doc.pages.size() && doc.pages[p + 1].landscape && !page.landscape;
    if (before_landscape) continue;
    out << " page " << p + 1 << " (" << static_cast<int>(page.filled * 100) << " % full)";
  }
  return out.str();
}

}  // namespace

TEST_CASE("page fill: no page of a bundled example is less than a third full without a reason, in any layout") {
  auto reports = bundled_reports();
  REQUIRE(reports.size() >= 10);
  int laid_out = 0;
  for (const auto& report : reports)
    for (const auto& layout : shipped_layouts()) {
      INFO(report << " in " << layout);
      PipelineResult result;
      try {
        result = run_pipeline({report, layout});
      } catch (const InputError& e) {
        // A report whose statuses or goal levels another layout's vocabulary lacks cannot be
        // set in it; that is the loader's business, tested elsewhere.
        MESSAGE("not laid out in " << layout << ": " << std::string(e.what()).substr(0, 120));
        continue;
      }
      ++laid_out;
      CHECK_MESSAGE(short_pages(result.frames).empty(), "short pages:" << short_pages(result.frames));
    }
  CHECK(laid_out >= static_cast<int>(reports.size()));  // each report in at least its own layout
}

TEST_CASE("page fill: the check names a short page, and passes the pages that may be short") {
  DocumentFrames doc;
  for (double filled : {-1.0, 0.9, 0.2, 0.9, 0.1, 0.5, 0.25}) doc.pages.emplace_back().filled = filled;
  doc.pages[4].ends_chapter = true;  // the last page of a chapter
  doc.pages[6].landscape = false;
  doc.pages.emplace_back().landscape = true;  // page 8 is landscape: page 7 before it may be short
  doc.pages[7].filled = 0.9;
  CHECK(short_pages(doc) == " page 3 (20 % full)");
}
