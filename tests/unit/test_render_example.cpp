// The bundled example rendered as a user would: through the rapport binary, then read back
// with poppler (pdftotext, pdfinfo) and qpdf.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/build_report.hpp"
#include "model/resolve_with_layout.hpp"
#include "text/font_registry.hpp"
#include "style/load_style.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

struct RenderedExample {
  std::string pdf;
  std::vector<std::string> pages;
};

// Rendered once for all the test cases in this file.
const RenderedExample& example() {
  static const RenderedExample rendered = [] {
    RenderedExample r;
    r.pdf = temp_dir() + "/example.pdf";
    auto result = run_rapport("render " + shell_quote(example_report()) + " -o " + shell_quote(r.pdf));
    REQUIRE_MESSAGE(result.status == 0, result.output);
    r.pages = pdf_pages_text(r.pdf);
    return r;
  }();
  return rendered;
}

struct Heading {
  std::string title;
  int level;
  bool in_toc;
};

void collect_headings(const std::vector<Block>& blocks, std::vector<Heading>& out) {
  for (const auto& block : blocks)
    if (auto* s = std::get_if<std::unique_ptr<Section>>(&block)) {
      out.push_back({(*s)->heading, (*s)->level, (*s)->in_toc});
      collect_headings((*s)->content, out);
    }
}

// The example's headings as printed: goal sections carry their level and number.
std::vector<Heading> example_headings() {
  Report report = load_report(example_report());
  Diagnostics diags;
  resolve_with_layout(report, load_style(resolve_layout_path("default")), FontRegistry(default_font_list()).families(), diags);
  REQUIRE_MESSAGE(!diags.has_errors(), diags.format());
  std::vector<Heading> headings;
  collect_headings(report.content, headings);
  return headings;
}

// Joins digit groups ("17 979" → "17979") and uses an ASCII minus so the seed's and the
// PDF's spellings of a figure compare equal.
std::string normalize_figures(std::string text) {
  for (auto [from, to] : {std::pair{"\u2212", "-"}, {"\u00A0", " "}}) {
    for (size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, std::string(from).size(), to);
  }
  static const std::regex percent(R"((\d) %)");
  text = std::regex_replace(text, percent, "$1%");  // "22 %" (Swedish style) is the seed's "22%"
  static const std::regex groups(R"((\d) (\d{3})(?!\d))");
  std::string previous;
  while (previous != text) {
    previous = text;
    text = std::regex_replace(text, groups, "$1$2");
  }
  return text;
}

std::set<std::string> pdf_words(const std::vector<std::string>& pages) {
  std::set<std::string> words;
  for (const auto& page : pages) {
    auto list = words_of(normalize_figures(page));
    for (size_t i = 0; i < list.size(); ++i) {
      words.insert(list[i]);
      // A word broken after its own hyphen at a line end ("personal-" / "frågor").
      if (i + 1 < list.size() && list[i].ends_with("-")) words.insert(list[i] + list[i + 1]);
    }
  }
  return words;
}

std::string trim_dashes(const std::string& w) {
  size_t first = w.find_first_not_of("-–/"), last = w.find_last_not_of("-–/");
  return first == std::string::npos ? std::string() : w.substr(first, last - first + 1);
}

// A hyphenated word broken at its hyphen across lines: pdftotext either joins it without the
// hyphen ("resources)området") or, in table cells, leaves the parts apart ("budget-", "avvikelse").
bool hyphenated_word_present(const std::string& word, const std::set<std::string>& words) {
  if (word.find('-') == std::string::npos) return false;
  std::string joined;
  for (char c : word)
    if (c != '-') joined += c;
  if (words.count(joined)) return true;
  std::istringstream parts(word);
  std::string part;
  while (std::getline(parts, part, '-'))
    if (!part.empty() && !words.count(part)) return false;
  return true;
}

}  // namespace

std::map<std::string, std::string> pdf_info(const std::string& pdf) {
  std::map<std::string, std::string> fields;
  std::istringstream lines(run_command("pdfinfo " + shell_quote(pdf)).output);
  for (std::string line; std::getline(lines, line);) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto value = line.find_first_not_of(' ', colon + 1);
    fields[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
  }
  return fields;
}

TEST_CASE("the example renders to a plausible number of A4 pages") {
  const auto& r = example();
  CHECK(r.pages.size() >= 18);
  CHECK(r.pages.size() <= 30);
  auto info = pdf_info(r.pdf);
  CHECK(info["Page size"] == "595.276 x 841.89 pts (A4)");
  CHECK(info["Pages"] == std::to_string(r.pages.size()));
}

TEST_CASE("the PDF carries the metadata, with dates from the report") {
  auto info = pdf_info(example().pdf);
  CHECK(info["Title"] == "Delårsrapport 2021 – Kommunstyrelsen");
  CHECK(info["Author"] == "Kommunledningskontoret, Timrå kommun");
  CHECK(info["Subject"] == "delårsrapport januari–augusti 2021, Kommunstyrelsen");
  CHECK(info["Creator"] == "rapport " RAPPORT_VERSION);
  CHECK(info["Keywords"] == "delårsrapport, Kommunstyrelsen, Timrå kommun, 2021");
  CHECK(info["CreationDate"] == "Tue Sep 21 00:00:00 2021 UTC");
  CHECK(info["ModDate"] == "Tue Sep 21 00:00:00 2021 UTC");
}

TEST_CASE("qpdf finds no structural errors") {
  auto check = run_command("qpdf --check " + shell_quote(example().pdf));
  CHECK_MESSAGE(check.status == 0, check.output);
  CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);
}

TEST_CASE("every TOC page number is the page where that heading is") {
  const auto& r = example();
  std::vector<Heading> expected;
  for (const auto& h : example_headings())
    if (h.in_toc && h.level <= 3) expected.push_back(h);

  auto toc = run_command("pdftotext -layout -f 2 -l 2 " + shell_quote(r.pdf) + " -").output;
  std::istringstream lines(toc);
  std::string line, pending;
  static const std::regex entry(R"(^\s*(.*?)\s+(\d+)\s*$)");
  size_t index = 0;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (line.find("Innehållsförteckning") != std::string::npos || line.find(" (") != std::string::npos) continue;
    if (!std::regex_match(line, m, entry)) {
      pending += " " + line;  // the first line of a wrapped title
      continue;
    }
    REQUIRE(index < expected.size());
    std::string title = collapse_spaces(pending + " " + m[1].str());
    pending.clear();
    int page = std::stoi(m[2]);
    CHECK(title == collapse_spaces(expected[index].title));
    REQUIRE(page >= 1);
    REQUIRE(static_cast<size_t>(page) <= r.pages.size());
    // The heading's words appear on that page, and on no earlier page after the TOC.
    std::string on_page = collapse_spaces(r.pages[static_cast<size_t>(page) - 1]);
    CHECK_MESSAGE(on_page.find(title) != std::string::npos, "'" << title << "' is not on page " << page);
    ++index;
  }
  CHECK(index == expected.size());
}

void flatten_outline(const nlohmann::json& items, int level, std::vector<std::tuple<int, int, std::string>>& out) {
  for (const auto& item : items) {
    out.emplace_back(level, item["destpageposfrom1"].get<int>(), item["title"].get<std::string>());
    flatten_outline(item["kids"], level + 1, out);
  }
}

TEST_CASE("the outline nests every heading and points at its page") {
  const auto& r = example();
  auto json = nlohmann::json::parse(run_command("qpdf --json --json-key=outlines " + shell_quote(r.pdf)).output);
  std::vector<std::tuple<int, int, std::string>> outline;  // level, page, title
  flatten_outline(json["outlines"], 1, outline);
  auto headings = example_headings();
  REQUIRE(outline.size() == headings.size());
  for (size_t i = 0; i < outline.size(); ++i) {
    const auto& [level, page, title] = outline[i];
    CHECK(title == headings[i].title);
    CHECK(level == headings[i].level);
    REQUIRE(page >= 1);
    std::string on_page = collapse_spaces(r.pages[static_cast<size_t>(page) - 1]);
    CHECK_MESSAGE(on_page.find(collapse_spaces(title)) != std::string::npos, title << " not on page " << page);
  }
}

TEST_CASE("every link points at a named destination that exists") {
  const auto& r = example();
  std::vector<std::string> targets = link_destinations(r.pdf);
  auto dests = run_command("pdfinfo -dests " + shell_quote(r.pdf)).output;
  size_t toc_entries = 0;
  for (const auto& h : example_headings()) toc_entries += h.in_toc && h.level <= 3;
  CHECK(targets.size() >= toc_entries + 1);  // the TOC plus the cross-reference in the text
  for (const auto& t : targets) CHECK_MESSAGE(dests.find("\"" + t + "\"") != std::string::npos, t);
}

TEST_CASE("every word of the seed document is in the PDF") {
  std::string seed_path = std::string(RAPPORT_SEEDS_DIR) + "/000_70231823692c8231.txt";
  if (!std::filesystem::exists(seed_path)) {
    MESSAGE("skipped: the seed text is not beside the project (" << seed_path << ")");
    return;
  }
  std::string seed = read_file(seed_path);
  // What the seed has that a rendering does not: icon markers and extraction artefacts.
  // The seed's own table of contents carries the original's page numbers; ours differ.
  size_t toc = seed.find("Innehållsförteckning");
  size_t body = seed.find("Nämndens ansvars- och verksamhetsområden\n\nNämndens ordförande");
  REQUIRE(toc < body);
  seed.erase(toc, body - toc);
  for (std::string marker : {"(pil upp)", "(pil mot höger)", "(pil ned)", "<i>", "</i>", "--------------"})
    for (size_t at; (at = seed.find(marker)) != std::string::npos;) seed.replace(at, marker.size(), " ");
  auto words = pdf_words(example().pages);
  std::set<std::string> trimmed;
  for (const auto& w : words) trimmed.insert(trim_dashes(w));
  std::vector<std::string> missing;
  size_t checked = 0;
  for (const auto& w : words_of(normalize_figures(seed))) {
    std::string word = trim_dashes(w);
    if (word.empty()) continue;
    ++checked;
    if (trimmed.count(word) || hyphenated_word_present(word, trimmed)) continue;
    missing.push_back(word);
  }
  CHECK(checked > 5000);
  std::string list;
  for (const auto& m : missing) list += m + " ";
  CHECK_MESSAGE(missing.empty(), missing.size() << " seed words are missing from the PDF: " << list);
}

TEST_CASE("the cover and back page carry the document's identity and address") {
  const auto& r = example();
  std::string cover = collapse_spaces(r.pages.front());
  CHECK(cover.find("TIMRÅ KOMMUN") != std::string::npos);
  CHECK(cover.find("Delårsrapport 2021") != std::string::npos);
  CHECK(cover.find("Kommunstyrelsen") != std::string::npos);
  std::string back = collapse_spaces(r.pages.back());
  CHECK(back.find("Köpmangatan 14 861 82 Timrå") != std::string::npos);
  CHECK(back.find("www.timra.se") != std::string::npos);
}

TEST_CASE("content pages have a footer with the page written 'n (total)'") {
  const auto& r = example();
  std::string total = std::to_string(r.pages.size());
  for (size_t i = 1; i + 1 < r.pages.size(); ++i) {
    std::string expected = std::to_string(i + 1) + " (" + total + ")";
    CHECK_MESSAGE(r.pages[i].find(expected) != std::string::npos, "page " << i + 1 << " lacks " << expected);
  }
  CHECK(r.pages.front().find("1 (" + total + ")") == std::string::npos);
}
