// Footnotes (issue 14): `text[^id]` with `[^id]: note` anywhere in the report's texts, checked
// document-wide, numbered by the layout, set at the foot of the page and tagged as Notes.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>

#include <filesystem>
#include <set>

#include "app/run_pipeline.hpp"
#include "export/record_structure.hpp"
#include "layout/collect_flow.hpp"
#include "load/yaml_source.hpp"
#include "model/build_report.hpp"
#include "style/load_style.hpp"
#include "pdf_fixture.hpp"
#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// Line 9 of every fixture is the first line after "content:".
std::string with_content(const std::string& blocks) { return report_preamble() + blocks; }

Report build(const std::string& text, Diagnostics& diags) { return build_report(parse_yaml("t.yaml", text), diags); }

std::string errors_of(const std::string& text) {
  Diagnostics diags;
  build(text, diags);
  return diags.format();
}

std::string plain(const RichText& text) {
  std::string out;
  for (const auto& span : text) out += span.footnote.empty() ? span.text : "[" + span.footnote + "]";
  return out;
}

const std::string two_blocks = with_content(R"(  - section: Ekonomi
    content:
      - text: |
          Kostnaderna ökade[^reglemente] under året.

          [^reglemente]: Se *reglemente* för
            kommunstyrelsen, § 4.
      - text: Intäkterna[^källa] minskade.
      - text: "[^källa]: Enligt huvudboken."
)");

// A report written to a fresh folder, with `layout` beside it when given.
std::string written(const std::string& text, const std::string& layout = "") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", text);
  if (!layout.empty()) write_file(dir + "/l.yaml", layout);
  return dir;
}

struct Laid {
  PreparedReport prepared;
  Flow flow;
};

Laid lay_out(const std::string& text, const std::string& layout = "") {
  std::string dir = written(text, layout);
  static FontRegistry fonts(default_font_list());
  static SharedResources shared;
  Laid laid{prepare_report({dir + "/r.yaml", layout.empty() ? "" : dir + "/l.yaml"}, fonts, shared), {}};
  Diagnostics diags;
  LayoutContext ctx{laid.prepared.report, *laid.prepared.style, fonts.context(), diags, laid.prepared.hyphenator};
  laid.flow = collect_flow(ctx);
  return laid;
}

std::vector<int> numbers_of(const Report& report) {
  std::vector<int> numbers;
  for (const auto& note : report.notes) numbers.push_back(note.number);
  return numbers;
}

}  // namespace

TEST_CASE("footnote definitions are taken out of the text, with their positions, and marks become spans") {
  Diagnostics diags;
  Report report = build(two_blocks, diags);
  CHECK(diags.format() == "");
  REQUIRE(report.footnotes.size() == 2);
  CHECK(report.footnotes[0].id == "reglemente");
  CHECK(report.footnotes[0].pos.line == 14);
  CHECK(report.footnotes[0].pos.col == 11);
  CHECK(plain(report.footnotes[0].text) == "Se reglemente för kommunstyrelsen, § 4.");
  CHECK(report.footnotes[0].text[1].emphasis);  // the note's text is Markdown too
  CHECK(report.footnotes[1].id == "källa");
  CHECK(report.footnotes[1].pos.line == 17);
  CHECK(report.footnotes[1].pos.col == 16);  // one past the opening quote
  const auto& section = *std::get<std::unique_ptr<Section>>(report.content[0]);
  const auto& first = std::get<TextBlock>(section.content[0]);
  REQUIRE(first.prose.size() == 1);  // the definition is no paragraph of its own
  CHECK(plain(first.prose[0].text) == "Kostnaderna ökade[reglemente] under året.");
  CHECK(std::get<TextBlock>(section.content[2]).prose.empty());
}

TEST_CASE("a footnote mark in a code span is text, and so is an unclosed mark") {
  Diagnostics diags;
  Report report = build(with_content("  - text: \"Skriv `[^1]` för en fotnot, eller [^ ensam.\"\n"), diags);
  CHECK(diags.format() == "");
  CHECK(report.footnotes.empty());
  CHECK(plain(std::get<TextBlock>(report.content[0]).prose[0].text) == "Skriv [^1] för en fotnot, eller [^ ensam.");
}

TEST_CASE("a footnote mark that is never defined is an error at the mark, with a did-you-mean") {
  std::string text = with_content(R"(  - text: |
      Kostnaderna ökade[^reglemnte] och[^okänd] minskade.

      [^reglemente]: Se reglemente.
  - text: Mer[^reglemente].
)");
  CHECK(errors_of(text) ==
        "t.yaml:10:25: error: the footnote '[^reglemnte]' is not defined\n"
        "  hint: did you mean '[^reglemente]'?\n"
        "t.yaml:10:41: error: the footnote '[^okänd]' is not defined\n"
        "  hint: add a line '[^okänd]: …' with the note to a text of the report\n");
}

TEST_CASE("a footnote defined twice is an error at the second definition, naming the first's line") {
  std::string text = with_content(R"(  - text: |
      Kostnaderna ökade[^1].

      [^1]: Se reglemente.
  - text: |
      [^1]: Enligt huvudboken.
)");
  CHECK(errors_of(text) ==
        "t.yaml:14:7: error: the footnote '[^1]' is defined twice\n"
        "  hint: it is first defined on line 12; give one of them another id, or remove one\n");
}

TEST_CASE("a footnote no text marks is an error at its definition") {
  std::string text = with_content("  - text: |\n      Kostnaderna ökade.\n\n      [^1]: Se reglemente.\n");
  CHECK(errors_of(text) ==
        "t.yaml:12:7: error: the footnote '[^1]' is defined but no text marks it\n"
        "  hint: write [^1] where the note belongs, or remove the definition\n");
}

TEST_CASE("rapport check refuses an undefined footnote with exit status 2 and writes nothing") {
  std::string dir = written(with_content("  - text: Kostnaderna ökade[^1].\n"));
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output.find("r.yaml:9:29: error: the footnote '[^1]' is not defined") != std::string::npos);
  auto render = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  CHECK(render.status == 2);
  CHECK(!std::filesystem::exists(dir + "/r.pdf"));
}

const std::string two_chapters = with_content(R"(  - section: Ett
    content:
      - text: "A[^a] B[^b] A igen[^a]."
  - section: Två
    content:
      - text: "C[^c] och A[^a]."
      - text: "[^a]: Not a.\n\n[^b]: Not b.\n\n[^c]: Not c."
)");

TEST_CASE("footnotes are numbered in the order of their first mark; a second mark reuses the number") {
  Laid laid = lay_out(two_chapters);
  const Report& report = laid.prepared.report;
  CHECK(numbers_of(report) == std::vector<int>{1, 2, 3});
  CHECK(report.footnotes[report.notes[2].footnote].id == "c");
  const auto& one = *std::get<std::unique_ptr<Section>>(report.content[0]);
  const RichText& spans = std::get<TextBlock>(one.content[0]).prose[0].text;
  std::vector<std::string> marks, anchors;
  for (const auto& span : spans)
    if (!span.footnote.empty()) {
      marks.push_back(span.text + " " + span.link);
      anchors.push_back(span.anchor);
    }
  CHECK(marks == std::vector<std::string>{"1 #^a", "2 #^b", "1 #^a"});
  CHECK(anchors == std::vector<std::string>{"^a-mark", "^b-mark", ""});
  CHECK(laid.flow.notes.size() == 3);
}

TEST_CASE("a layout may number footnotes from 1 in each level-1 section") {
  Laid laid = lay_out(two_chapters, "name: l\nextends: default\nfootnotes: {numbering: chapter}\n");
  const Report& report = laid.prepared.report;
  CHECK(numbers_of(report) == std::vector<int>{1, 2, 1, 2});  // a, b | c, a again
  CHECK(report.notes[3].anchor == "^a-2");  // printed twice, each note has a place of its own
  CHECK(laid.flow.notes.size() == 4);
}

TEST_CASE("an unknown footnote numbering is a layout error") {
  std::string dir = written(two_chapters, "name: l\nextends: default\nfootnotes: {numbering: page}\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml") + " --layout " + shell_quote(dir + "/l.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output.find("l.yaml:3:24: error: unknown footnote numbering 'page'") != std::string::npos);
}

TEST_CASE("the slab of a line, a list item, an assessment's text and a table row lists its marks' notes") {
  std::string text = with_content(R"(  - section: Ekonomi
    content:
      - text: |
          Första raden[^a].

          - en punkt[^b]
      - assessment:
          status: slutfort
          text: Klart[^c].
      - table:
          columns: [Mått, {title: Värde, align: right}]
          rows:
            - ["Kostnad[^d]", 12]
      - text: "[^a]: A.\n\n[^b]: B.\n\n[^c]: C.\n\n[^d]: Enligt *huvudboken*."
)");
  Laid laid = lay_out(text);
  std::vector<size_t> listed;
  for (const auto& slab : laid.flow.slabs) listed.insert(listed.end(), slab.notes.begin(), slab.notes.end());
  CHECK(listed == std::vector<size_t>{0, 1, 2, 3});
  REQUIRE(laid.flow.notes.size() == 4);
  // The table cell's mark: its row slab holds a Reference to the note.
  bool row_has_reference = false;
  for (const auto& slab : laid.flow.slabs)
    if (slab.notes == std::vector<size_t>{3})
      for (const auto& item : slab.items)
        if (auto* tag = std::get_if<TagItem>(&item); tag && tag->role == "Reference") row_has_reference = true;
  CHECK(row_has_reference);
  // A note: Note (with its id) › Lbl › Link back to the mark, then P.
  const auto& items = laid.flow.notes[3].front().items;
  REQUIRE(!items.empty());
  auto* note = std::get_if<TagItem>(&items.front());
  REQUIRE(note);
  CHECK(note->role == "Note");
  CHECK(note->id == "^d");
  std::vector<std::string> seen;
  for (const auto& item : items) {
    if (auto* tag = std::get_if<TagItem>(&item); tag && tag->kind == TagItem::Kind::begin) seen.push_back(tag->role);
    if (auto* link = std::get_if<LinkItem>(&item)) seen.push_back(link->target);
  }
  CHECK(seen == std::vector<std::string>{"Note", "Lbl", "Link", "#^d-mark", "P"});
}

TEST_CASE("a footnote mark in a heading, caption or column title is an error at the mark") {
  std::string text = with_content(R"(  - section: Ekonomi[^1]
    content:
      - table:
          caption: "Driftbudget[^2]"
          columns: ["Mått[^3]", "Värde"]
          rows: [[a, "1"]]
)");
  std::string out = errors_of(text);
  CHECK(out.find("t.yaml:9:21: error: a footnote mark ('[^1]') is not allowed in a section's heading\n") != std::string::npos);
  CHECK(out.find("t.yaml:12:32: error: a footnote mark ('[^2]') is not allowed in 'caption'\n") != std::string::npos);
  CHECK(out.find("t.yaml:13:27: error: a footnote mark ('[^3]') is not allowed in a column's title\n") != std::string::npos);
}

namespace {

// A Note appended to the fixture's Document, with `id` as its /ID unless empty.
Handle append_note(QPDF& pdf, TaggedPdf& d, const std::string& id) {
  Handle note = struct_element(pdf, "Note", d.document, d.page);
  if (!id.empty()) note.replaceKey("/ID", Handle::newString(id));
  d.document.getKey("/K").appendItem(note);
  return note;
}

std::string role_of(Handle element) {
  Handle s = element.isDictionary() ? element.getKey("/S") : Handle::newNull();
  return s.isName() ? s.getName().substr(1) : "";
}

std::vector<Handle> child_elements(Handle element) {
  Handle k = element.getKey("/K");
  std::vector<Handle> kids = k.isArray() ? k.getArrayAsVector() : k.isNull() ? std::vector<Handle>{} : std::vector<Handle>{k};
  std::vector<Handle> out;
  for (auto& kid : kids)
    if (kid.isDictionary() && kid.hasKey("/S")) out.push_back(kid);
  return out;
}

void collect(Handle element, std::vector<Handle>& out) {
  out.push_back(element);
  for (auto& kid : child_elements(element)) collect(kid, out);
}

std::vector<std::string> roles(const std::vector<Handle>& elements) {
  std::vector<std::string> out;
  for (const auto& e : elements) out.push_back(role_of(e));
  return out;
}

}  // namespace

TEST_CASE("pdf checker: Notes each with an /ID of their own are well") {
  check_variants({{"two Notes with their own /IDs", "",
                   [](QPDF& pdf, TaggedPdf& d) {
                     append_note(pdf, d, "^a");
                     append_note(pdf, d, "^b");
                   }}});
}

TEST_CASE("a footnote in the PDF: the mark a Reference › Link, the note a Note with /ID, Lbl and P, links both ways") {
  std::string dir = written(with_content(R"(  - section: Ekonomi
    content:
      - text: |
          Kostnaderna ökade[^a] och intäkterna[^b] minskade.

          [^a]: Se *reglemente* för kommunstyrelsen.
      - table:
          columns: [Mått, {title: Värde, align: right}]
          rows:
            - ["Kostnad[^c]", 12]
      - text: "[^b]: Enligt huvudboken.\n\n[^c]: Källa: Kolada."
)"));
  std::string pdf = dir + "/r.pdf";
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(pdf));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  CHECK(describe(rapport::pdfcheck::check_pdf(pdf)) == "");
  QPDF doc;
  doc.processFile(pdf.c_str());
  std::vector<Handle> elements;
  for (auto& top : child_elements(doc.getRoot().getKey("/StructTreeRoot"))) collect(top, elements);
  std::vector<Handle> references, notes;
  for (auto e : elements) {
    if (role_of(e) == "Reference" && roles(child_elements(e)) == std::vector<std::string>{"Link"}) references.push_back(e);
    if (role_of(e) == "Note") notes.push_back(e);
  }
  CHECK(references.size() == 3);  // two in the paragraph, one in the table cell
  REQUIRE(notes.size() == 3);
  std::vector<std::string> ids;
  for (auto note : notes) {
    ids.push_back(note.getKey("/ID").isString() ? note.getKey("/ID").getStringValue() : "");
    auto kids = child_elements(note);
    CHECK(roles(kids) == std::vector<std::string>{"Lbl", "P"});
    if (!kids.empty()) CHECK(roles(child_elements(kids.front())) == std::vector<std::string>{"Link"});
  }
  CHECK(ids == std::vector<std::string>{"^a", "^b", "^c"});
  // Each mark links to its note, each note's number back to its mark.
  std::string destinations;
  for (const auto& page : link_destinations(pdf)) destinations += page + " ";
  for (const char* name : {"^a", "^b", "^c", "^a-mark", "^b-mark", "^c-mark"})
    CHECK_MESSAGE(destinations.find(std::string(name) + " ") != std::string::npos, name);
  // The notes' text is on the page, after the body text.
  std::string text = collapse_spaces(pdf_pages_text(pdf).at(1));
  CHECK(text.find("1 Se reglemente för kommunstyrelsen") != std::string::npos);
  CHECK(text.find("Kostnaderna ökade") < text.find("Se reglemente"));
}

namespace {

TagItem with_id(TagItem tag, const std::string& id) {
  tag.id = id;
  return tag;
}

}  // namespace

TEST_CASE("a Note drawn while a paragraph goes on overleaf belongs to the section, and a note continued resumes its Note") {
  FontRegistry fonts(default_font_list());
  Style style = load_style(resolve_layout_path("default"));
  ShapedText shaped = shape_plain_text(fonts.context(), "Rad", ShapeRequest{style.body, -1, Align::left, {}, false});
  TextLineItem line{shaped.lines.front(), 50, 100, {}};
  TagItem note = with_id(begin_tag("Note"), "^a"), text = with_id(begin_tag("P"), "^a.text");
  std::vector<Page> pages(2);
  // Page 1: a paragraph that goes on overleaf, then the first line of its note at the foot.
  pages[0].items = {begin_tag("P"), line, note, text, line, end_tag("P"), end_tag("Note")};
  // Page 2: the paragraph's end, then the note's second line.
  pages[1].items = {line, end_tag("P"), note, text, line, end_tag("P"), end_tag("Note")};
  StructureRecord record = record_structure(pages);
  std::vector<std::string> roles;
  for (const auto& e : record.elements) roles.push_back(e.role + (e.details().id.empty() ? "" : " " + e.details().id));
  CHECK(roles == std::vector<std::string>{"Document", "P", "Note ^a", "P ^a.text"});
  // Both the paragraph and the note's text hold content on both pages; the Note is the Document's.
  std::vector<size_t> document_kids;
  for (const auto& kid : record.elements[0].kids) document_kids.push_back(kid.index);
  CHECK(document_kids == std::vector<size_t>{1, 2});
  for (size_t e : {size_t{1}, size_t{3}}) {
    std::set<size_t> pages_with_content;
    for (const auto& kid : record.elements[e].kids)
      if (kid.kind == StructureKid::Kind::content) pages_with_content.insert(kid.page);
    CHECK(pages_with_content == std::set<size_t>{0, 1});
  }
}

TEST_CASE("a cross-reference in a footnote is checked as any other") {
  std::string text = with_content(R"(  - section: Ekonomi
    id: ekonomi
    content:
      - text: |
          Kostnaderna ökade[^1].

          [^1]: Se [avsnittet](#ekonomin).
)");
  CHECK(errors_of(text).find("t.yaml:15:11: error: the link target '#ekonomin' is not the id of any section or table\n"
                             "  hint: did you mean '#ekonomi'?\n") != std::string::npos);
}

TEST_CASE("a page reference in a footnote prints the page") {
  std::string dir = written(with_content(R"(  - section: Ekonomi
    content:
      - text: |
          Kostnaderna ökade[^1].

          [^1]: Se [sidan {page}](#bilaga).
  - pagebreak
  - section: Bilaga
    id: bilaga
    content:
      - text: Tabeller.
)"));
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  auto pages = pdf_pages_text(dir + "/r.pdf");
  REQUIRE(pages.size() >= 3);
  CHECK(collapse_spaces(pages[1]).find("1 Se sidan 3") != std::string::npos);
}

TEST_CASE("a footnote without text, or holding a list, is an error at it") {
  std::string text = with_content("  - text: |\n      A[^1] B[^2].\n\n      [^1]:\n      [^2]: - en punkt\n");
  std::string out = errors_of(text);
  CHECK(out.find("t.yaml:12:7: error: the footnote '[^1]' has no text\n") != std::string::npos);
  CHECK(out.find("t.yaml:13:13: error: the footnote '[^2]' holds a list\n") != std::string::npos);
}
