// A long document is paginated from skeletons and its pages completed as its text is collected
// again, one page at a time, while they are written: the PDF must be the one a document laid
// out whole gives, byte for byte.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/run_pipeline.hpp"
#include "export/write_pdf.hpp"
#include "layout/lay_out_document.hpp"
#include "layout/lay_out_volume.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

struct Laid {
  DocumentFrames frames;
  Diagnostics warnings;
};

Laid lay_out(const PreparedReport& prepared, const FontRegistry& fonts, bool draft, size_t stream_above) {
  LayoutOptions options;
  options.draft = draft;
  options.stream_above_slabs = stream_above;
  Laid laid;
  laid.frames = lay_out_document(prepared.report, *prepared.style, fonts, prepared.hyphenator, options, laid.warnings);
  return laid;
}

std::string pdf_of(const DocumentFrames& frames, const std::string& path) {
  write_pdf(frames, path);
  return read_file(path);
}

}  // namespace

TEST_CASE("streamed pages give the PDF of a document laid out whole: every bundled report, draft and final") {
  FontRegistry fonts(default_font_list());
  SharedResources shared;
  std::string dir = temp_dir();
  for (const auto& report : bundled_reports()) {
    PreparedReport prepared = prepare_report({report, ""}, fonts, shared);
    for (bool draft : {true, false}) {
      CAPTURE(report);
      CAPTURE(draft);
      Laid whole = lay_out(prepared, fonts, draft, std::numeric_limits<size_t>::max());
      Laid streamed = lay_out(prepared, fonts, draft, 0);
      REQUIRE_FALSE(whole.frames.stream);
      REQUIRE(streamed.frames.stream);
      CHECK(streamed.frames.pages.empty());  // nothing is held before it is written
      CHECK(streamed.frames.page_count() == whole.frames.pages.size());
      CHECK(streamed.warnings.format(Severity::warning) == whole.warnings.format(Severity::warning));
      CHECK(pdf_of(streamed.frames, dir + "/streamed.pdf") == pdf_of(whole.frames, dir + "/whole.pdf"));
    }
  }
}

TEST_CASE("a flow under the limit is laid out whole; over it, its pages stream in order") {
  FontRegistry fonts(default_font_list());
  SharedResources shared;
  PreparedReport prepared = prepare_report({example_report(), ""}, fonts, shared);
  CHECK_FALSE(lay_out(prepared, fonts, true, stream_above_slabs).frames.stream);  // 23 pages stay whole
  Laid whole = lay_out(prepared, fonts, true, std::numeric_limits<size_t>::max());
  Laid streamed = lay_out(prepared, fonts, true, 200);
  std::vector<Page> pages;
  for_each_page(streamed.frames, [&](const Page& page) { pages.push_back(page); });
  REQUIRE(pages.size() == whole.frames.pages.size());
  CHECK_THROWS_AS(for_each_page(streamed.frames, [](const Page&) {}), std::logic_error);  // laid out once
  for (size_t i = 0; i < pages.size(); ++i) {
    CAPTURE(i);
    REQUIRE(pages[i].items.size() == whole.frames.pages[i].items.size());
    for (size_t k = 0; k < pages[i].items.size(); ++k)
      if (auto* line = std::get_if<TextLineItem>(&pages[i].items[k])) {
        auto* same = std::get_if<TextLineItem>(&whole.frames.pages[i].items[k]);
        REQUIRE(same);
        CHECK(line->text() == same->text());
        CHECK(line->baseline == same->baseline);
      }
  }
}

TEST_CASE("a volume whose parts stream gives the PDF of the volume laid out whole") {
  FontRegistry fonts(default_font_list());
  SharedResources shared;
  std::vector<std::string> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/input/timra/2021-08"))
    if (entry.path().extension() == ".yaml") inputs.push_back(entry.path().string());
  std::sort(inputs.begin(), inputs.end());
  std::vector<PreparedReport> prepared;
  for (const auto& input : inputs) prepared.push_back(prepare_report({input, ""}, fonts, shared));
  std::vector<VolumePart> parts;
  for (const auto& p : prepared) parts.push_back({&p.report, p.style.get(), p.hyphenator});
  auto bind = [&](size_t stream_above) {
    VolumeTools tools{*prepared.front().style, prepared.front().hyphenator, {&fonts}, stream_above};
    Diagnostics diags;
    return lay_out_volume(parts, tools, {"Delårsrapporter 2021", true}, diags);
  };
  DocumentFrames whole = bind(std::numeric_limits<size_t>::max());
  DocumentFrames streamed = bind(0);
  REQUIRE_FALSE(whole.stream);
  REQUIRE(streamed.stream);
  CHECK(streamed.page_count() == whole.pages.size());
  std::string dir = temp_dir();
  CHECK(pdf_of(streamed, dir + "/streamed.pdf") == pdf_of(whole, dir + "/whole.pdf"));
  CHECK_THROWS_AS(pdf_of(streamed, dir + "/again.pdf"), std::logic_error);
  CHECK_FALSE(std::filesystem::exists(dir + "/again.pdf"));  // nothing half-written is left
}
