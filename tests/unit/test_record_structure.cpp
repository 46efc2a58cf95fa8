// The structure recorder on frames built by hand: which element owns what is drawn, where the
// marked-content sequences begin and end, and what becomes an artifact. The whole pipeline's
// output is read back in test_structure_tree.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

#include "export/record_structure.hpp"
#include "test_support.hpp"
#include "style/load_style.hpp"
#include "text/font_registry.hpp"
#include "text/shape_text.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

struct Lines {
  FontRegistry fonts{default_font_list()};
  Style style = load_style(resolve_layout_path("default"));
  std::vector<ShapedText> kept;

  // The first line of `text`, at y.
  TextLineItem line(const std::string& text, double y) {
    kept.push_back(shape_plain_text(fonts.context(), text, ShapeRequest{style.body, -1, Align::left, {}, false}));
    return TextLineItem{kept.back().lines.front(), 50, y, {}};
  }
};

std::vector<std::string> roles(const StructureRecord& record) {
  std::vector<std::string> out;
  for (const auto& e : record.elements) out.push_back(e.role);
  return out;
}

size_t count_kids(const StructureElement& element, StructureKid::Kind kind) {
  return static_cast<size_t>(std::count_if(element.kids.begin(), element.kids.end(), [&](const StructureKid& k) { return k.kind == kind; }));
}

}  // namespace

TEST_CASE("record structure: each line of a paragraph is a sequence of its own, decoration an artifact") {
  Lines lines;
  Page page;
  page.items = {begin_tag("P"), lines.line("Första raden", 100), lines.line("Andra raden", 114),
                RuleItem{50, 120, 300, 120, 0.5, {}}, end_tag("P")};
  StructureRecord record = record_structure({page});
  REQUIRE(roles(record) == std::vector<std::string>{"Document", "P"});
  CHECK(count_kids(record.elements[1], StructureKid::Kind::content) == 2);
  REQUIRE(record.pages.size() == 1);
  CHECK(record.pages[0].owners == std::vector<long>{1, 1, PageMarks::artifact});
}

TEST_CASE("record structure: what an Artifact tag holds is no structure, even its tags") {
  Lines lines;
  Page page;
  page.items = {begin_tag("Artifact"), begin_tag("P"), lines.line("Sidan 3", 800), end_tag("P"), end_tag("Artifact"),
                begin_tag("H1"), lines.line("Ekonomi", 100), end_tag("H1")};
  StructureRecord record = record_structure({page});
  CHECK(roles(record) == std::vector<std::string>{"Document", "H1"});
  CHECK(record.pages[0].owners == std::vector<long>{PageMarks::artifact, 1});
}

TEST_CASE("record structure: a link inside a Link element is its annotation; a bare link gets a Link with its words as Alt") {
  Lines lines;
  Page page;
  page.items = {begin_tag("P"), begin_tag("Link"), lines.line("timra.se", 100),
                LinkItem{50, 90, 40, 12, "https://www.timra.se", "timra.se"}, end_tag("Link"),
                LinkItem{50, 110, 40, 12, "#ekonomi", "Ekonomi"}, end_tag("P")};
  StructureRecord record = record_structure({page});
  REQUIRE(roles(record) == std::vector<std::string>{"Document", "P", "Link", "Link"});
  REQUIRE(record.links.size() == 2);
  CHECK(record.links[0].element == 2);
  CHECK(count_kids(record.elements[2], StructureKid::Kind::content) == 1);
  CHECK(count_kids(record.elements[2], StructureKid::Kind::link) == 1);
  CHECK(record.links[1].element == 3);
  CHECK(record.elements[3].details().alt == "Ekonomi");
  CHECK(record.links[1].target == "#ekonomi");
}

TEST_CASE("record structure: an element runs across pages; a Figure's box is where it draws") {
  Lines lines;
  Page first, second;
  PathItem icon;
  icon.ops = {{PathOp::Kind::arc, {100, 200, 6, 0, 6.2832}}};
  icon.has_fill = true;
  first.items = {begin_tag("Table"), begin_tag("TR"), begin_tag("TD"), end_tag("TD"), begin_tag("TD"),
                 begin_tag("Figure", "Grön pil uppåt"), icon, end_tag("Figure"), end_tag("TD"), end_tag("TR")};
  second.items = {begin_tag("TR"), begin_tag("TD"), lines.line("12", 100), end_tag("TD"), end_tag("TR"), end_tag("Table")};
  StructureRecord record = record_structure({first, second});
  REQUIRE(roles(record) == std::vector<std::string>{"Document", "Table", "TR", "TD", "TD", "Figure", "TR", "TD"});
  CHECK(count_kids(record.elements[1], StructureKid::Kind::element) == 2);  // both rows in one Table
  CHECK(record.elements[3].kids.empty());                                   // the empty cell is still a cell
  const StructureElement& figure = record.elements[5];
  REQUIRE(figure.details().bbox);
  CHECK(figure.details().bbox->x1 == doctest::Approx(94));
  CHECK(figure.details().bbox->y2 == doctest::Approx(206));
  CHECK(record.pages[1].owners == std::vector<long>{7});
  CHECK(record.elements[7].kids.front().page == 1);
}

TEST_CASE("record structure: text loose in a grouping element goes into a paragraph of it") {
  Lines lines;
  Page page;
  page.items = {begin_tag("L"), lines.line("lös text", 100), lines.line("mer", 114), end_tag("L")};
  StructureRecord record = record_structure({page});
  REQUIRE(roles(record) == std::vector<std::string>{"Document", "L", "P"});
  CHECK(count_kids(record.elements[2], StructureKid::Kind::content) == 2);
}
