// Page references: the words of a link to #id print the page, number and title of the section
// or table it names, settled with the TOC; an unknown field or id is an error at its place.
#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "app/run_pipeline.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

std::string report_with_references() {
  return report_preamble() + "  - toc\n" +
         "  - section: Inledning\n    content:\n"
         "      - text: \"[Sidan {page}](#budget) visar budgeten.\"\n"
         "      - text: \"[Målet {number} på sidan {page}](#mal), [{title}](#tabell) på sidan [{page}](#tabell).\"\n" +
         filler_paragraphs(80) +
         "  - section: Budget\n    id: budget\n    content:\n" + filler_paragraphs(30) +
         "      - table:\n          id: tabell\n          caption: Driftbudget per verksamhet\n"
         "          columns: [Post, {title: Belopp, align: right}]\n          rows:\n            - [Intäkter, 100]\n" +
         "  - section: Arbete\n    goal: inriktningsmål\n    number: \"1.3\"\n    id: mal\n    content:\n" + filler_paragraphs(20) +
         "      - text: \"Budgeten står på [sidan {page}](#budget).\"\n";
}

// The printed page number of each anchor: its index among the pages, the cover being page 1.
std::map<std::string, int> anchor_numbers(const DocumentFrames& doc) {
  std::map<std::string, int> out;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (auto* a = std::get_if<AnchorItem>(&item)) out.emplace(a->name, static_cast<int>(p) + 1);
  return out;
}

// Every line's text; a line with links is drawn in pieces, joined again here.
std::string all_lines(const DocumentFrames& doc) {
  std::string out;
  const TextLine* last = nullptr;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (auto* line = std::get_if<TextLineItem>(&item)) {
        out += (line->line.get() == last ? "" : "\n") + line->text();
        last = line->line.get();
      }
  for (size_t at; (at = out.find("\u00ad")) != std::string::npos;) out.erase(at, 2);  // hyphenation's soft hyphens
  return out;
}

std::string first_match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string("(none)");
}

}  // namespace

TEST_CASE("page references print the page, number and title of their target, before and after it") {
  std::string path = temp_dir() + "/r.yaml";
  write_file(path, report_with_references());
  PipelineResult result = run_pipeline({path, "timra"});
  auto anchors = anchor_numbers(result.frames);
  REQUIRE(anchors.count("budget"));
  REQUIRE(anchors.at("budget") >= 10);  // two digits: the stand-in's width was not the answer
  std::string text = all_lines(result.frames);
  CHECK(first_match(text, "Sidan (\\d+) visar") == std::to_string(anchors.at("budget")));
  CHECK(first_match(text, "Målet 1\\.3 på sidan (\\d+)") == std::to_string(anchors.at("mal")));
  CHECK(first_match(text, "Driftbudget per verksamhet på sidan (\\d+)") == std::to_string(anchors.at("tabell")));
  CHECK(first_match(text, "står på sidan (\\d+)") == std::to_string(anchors.at("budget")));
  CHECK(text.find("{page}") == std::string::npos);
}

TEST_CASE("a page reference with an unknown field, or to an unknown id, is an error at its place") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - section: Budget\n    id: budget\n    content:\n"
                                  "      - text: \"Se [sidan {sida}](#budget).\"\n"
                                  "      - text: \"Se [sidan {page}](#budgte).\"\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output.find("r.yaml:12:16: error: unknown field '{sida}' in a page reference\n"
                           "  hint: a link to #id may print {page}, {number} and {title} of its target\n") != std::string::npos);
  CHECK(result.output.find("r.yaml:13:16: error: the link target '#budgte' is not the id of any section or table\n"
                           "  hint: did you mean '#budget'?\n") != std::string::npos);
}

TEST_CASE("a table's id is checked like a section's, and 'keep' takes auto or together") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - section: Budget\n    id: budget\n    content:\n"
                                  "      - table:\n          id: budget\n          keep: tillsammans\n"
                                  "          columns: [Post]\n          rows:\n            - [Intäkter]\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output.find("r.yaml:13:15: error: the id 'budget' is used by another section or table") != std::string::npos);
  CHECK(result.output.find("r.yaml:14:17: error: unknown 'keep' 'tillsammans'\n  hint: write 'keep: auto'") != std::string::npos);
}

TEST_CASE("a page reference may name a footnote: its number and the page of the note") {
  std::string path = temp_dir() + "/r.yaml";
  write_file(path, report_preamble() + "  - section: Inledning\n    content:\n" + filler_paragraphs(50) +
                       "      - text: |\n"
                       "          Kommunstyrelsen är förvaltningsorgan[^organ].\n\n"
                       "          [^organ]: Se reglemente för kommunstyrelsen.\n"
                       "  - section: Sist\n    content:\n" + filler_paragraphs(20) +
                       "      - text: \"Se [not {number} på sidan {page}](#^organ).\"\n");
  PipelineResult result = run_pipeline({path, "default"});
  auto anchors = anchor_numbers(result.frames);
  REQUIRE(anchors.count("^organ"));
  CHECK(anchors.at("^organ") >= 3);
  CHECK(first_match(all_lines(result.frames), "Se not 1 på sidan (\\d+)") == std::to_string(anchors.at("^organ")));
}

TEST_CASE("a page reference to a footnote nobody defined is an error with a did-you-mean") {
  std::string dir = temp_dir();
  write_file(dir + "/r.yaml", report_preamble() + "  - text: |\n      Organ[^organ].\n\n      [^organ]: Se reglementet.\n"
                                  "  - text: \"Se [not {number}](#^orgn).\"\n");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.status == 2);
  CHECK(result.output.find("error: the link target '#^orgn' is not the id of any footnote\n  hint: did you mean '#^organ'?\n") !=
        std::string::npos);
}
