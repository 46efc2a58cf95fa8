// The typographer's measures of issue 16, on every bundled example in every shipped layout:
// few hyphenated lines, never three in a row, none of the known bad Swedish breaks, justified
// word spaces at most twice their width, and table headers never broken inside a word.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "app/run_pipeline.hpp"
#include "style/load_style.hpp"
#include "test_support.hpp"
#include "text/font_registry.hpp"
#include "text/shape_text.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::string shy = "\u00AD";

enum class Kind { body, header, other };

struct SetLine {
  const TextLine* line = nullptr;
  Kind kind = Kind::other;
};

// Each line once (a line with links is drawn in pieces), with what it belongs to: running text
// (a paragraph or list item outside tables, captions and contents) or a table header.
std::vector<SetLine> set_lines(const DocumentFrames& doc) {
  std::vector<SetLine> out;
  std::set<const TextLine*> seen;
  std::vector<std::string> open;
  auto inside = [&](const char* role) { return std::find(open.begin(), open.end(), role) != open.end(); };
  for (const auto& page : doc.pages)
    for (const auto& item : page.items) {
      if (auto* tag = std::get_if<TagItem>(&item)) {
        if (tag->kind == TagItem::Kind::begin) open.push_back(tag->role);
        else if (auto it = std::find(open.rbegin(), open.rend(), tag->role); it != open.rend()) open.erase(std::next(it).base());
        continue;
      }
      auto* text = std::get_if<TextLineItem>(&item);
      if (!text || !seen.insert(text->line.get()).second) continue;
      Kind kind = Kind::other;
      if (inside("TH")) kind = Kind::header;
      else if ((inside("P") || inside("LBody")) && !inside("Table") && !inside("TOC") && !inside("Caption") && !inside("Artifact"))
        kind = Kind::body;
      out.push_back({text->line.get(), kind});
    }
  return out;
}

// The letters before a line's added hyphen, and the first letters of the next line.
std::string tail_word(const std::string& text) {
  std::string body = text.substr(0, text.size() - shy.size());
  size_t start = body.find_last_of(" /(–—\"'");
  return start == std::string::npos ? body : body.substr(start + 1);
}

const std::vector<std::string> bad_breaks = {"distansar", "kommunsty", "Sundsvallsre", "fyramåna", "förmodli", "den",
                                             "kom", "Årspro", "Startda", "Inv", "budge"};

struct Measures {
  size_t body = 0, hyphenated = 0, runs_of_three = 0;
  size_t loose = 0, justified_lines = 0;  // justified lines (not a paragraph's last) and those spaced over 2×
  size_t broken_headers = 0;
  std::vector<std::string> problems;
};

Measures measure(const DocumentFrames& doc, bool justified) {
  Measures m;
  auto lines = set_lines(doc);
  int run = 0;
  const std::string* paragraph = nullptr;
  for (const auto& [line, kind] : lines) {
    std::string text = line->text();
    if (kind == Kind::header && line->hyphenated) {
      ++m.broken_headers;
      m.problems.push_back("a header broken inside a word: " + text);
    }
    if (line->hyphenated && kind != Kind::header) {
      std::string word = tail_word(text);
      if (std::find(bad_breaks.begin(), bad_breaks.end(), word) != bad_breaks.end())
        m.problems.push_back("a bad break: " + word + "-");
    }
    if (kind != Kind::body) continue;
    ++m.body;
    if (line->paragraph.get() != paragraph) run = 0;
    paragraph = line->paragraph.get();
    run = line->hyphenated ? run + 1 : 0;
    if (line->hyphenated) ++m.hyphenated;
    if (run == 3) {
      ++m.runs_of_three;
      m.problems.push_back("three hyphenated lines in a row, the last: " + text);
    }
    if (justified && line->index + 1 < line->count) ++m.justified_lines;
    if (justified && line->index + 1 < line->count && line->space_ratio > 2.0 + 1e-6) {
      ++m.loose;
      std::ostringstream s;
      s << "word spaces " << line->space_ratio << " times their width: " << text;
      m.problems.push_back(s.str());
    }
  }
  return m;
}

}  // namespace

// The measures, asserted; the figures are printed.
TEST_CASE("typography: hyphenation share, runs, bad breaks, justified spaces and whole header words in every example and layout") {
  auto reports = bundled_reports();
  REQUIRE(reports.size() >= 10);
  struct Totals {
    size_t body = 0, hyphenated = 0, loose = 0, justified = 0, broken_headers = 0;
  };
  std::map<std::string, Totals> per_layout;
  for (const auto& layout : shipped_layouts()) {
    bool justified = load_style(resolve_layout_path(layout)).justify;
    for (const auto& report : reports) {
      INFO(report << " in " << layout);
      PipelineResult result;
      try {
        result = run_pipeline({report, layout});
      } catch (const InputError&) {
        continue;  // a report whose vocabulary the layout lacks (the page-fill test says which)
      }
      Measures m = measure(result.frames, justified);
      for (const auto& problem : m.problems) FAIL_CHECK(problem);
      CHECK(m.runs_of_three == 0);
      Totals& t = per_layout[layout];
      t.body += m.body;
      t.hyphenated += m.hyphenated;
      t.loose += m.loose;
      t.justified += m.justified_lines;
      t.broken_headers += m.broken_headers;
      if (!justified && m.body >= 200)
        CHECK_MESSAGE(static_cast<double>(m.hyphenated) <= 0.06 * static_cast<double>(m.body), m.hyphenated << " of " << m.body << " body lines hyphenated");
    }
  }
  for (const auto& [layout, t] : per_layout) {
    bool justified = load_style(resolve_layout_path(layout)).justify;
    MESSAGE(layout << ": " << t.hyphenated << " of " << t.body << " body lines hyphenated; " << t.loose << " of " << t.justified
                   << " justified lines spaced over twice; " << t.broken_headers << " header lines broken in a word");
    CHECK(t.body > 1000);
    if (justified) {
      CHECK(static_cast<double>(t.hyphenated) <= 0.10 * static_cast<double>(t.body));
      CHECK(t.loose == 0);
    } else {
      CHECK(static_cast<double>(t.hyphenated) <= 0.06 * static_cast<double>(t.body));
    }
    CHECK(t.broken_headers == 0);
  }
}

TEST_CASE("typography: the measures catch what they measure") {
  // A justified paragraph in a measure too narrow for its words gets wide spaces and many
  // hyphens; a header line that ends in an added hyphen is a broken header word.
  FontRegistry fonts(default_font_list());
  Style style = load_style(resolve_layout_path("norrtalje"));
  Hyphenator hyphenator(style.hyphenation);
  std::string text;
  for (int i = 0; i < 6; ++i) text += "Kommunstyrelsen beslutar om samhällsbyggnadsprocessen och verksamhetsutvecklingsarbetet. ";
  ShapeRequest request{style.body, 70, Align::left, {}, false, true, &hyphenator};
  ShapedText shaped = shape_plain_text(fonts.context(), text, request);
  DocumentFrames doc;
  doc.pages.resize(1);
  auto& items = doc.pages[0].items;
  items.push_back(begin_tag("P"));
  for (const auto& line : shaped.lines) items.push_back(TextLineItem{line, 0, 0, {}});
  items.push_back(end_tag("P"));
  items.push_back(begin_tag("TH"));
  for (const auto& line : shape_plain_text(fonts.context(), text, request).lines) items.push_back(TextLineItem{line, 0, 0, {}});
  items.push_back(end_tag("TH"));
  // Without the dictionary, a long word that just misses the first line leaves it more room
  // than letter spacing can take: its spaces go past twice their width.
  const std::string loose = "Ja nej ja samordningsförbundets";
  ShapeRequest unwrapped{style.body, -1, Align::left, {}, false, true, nullptr};
  ShapeRequest plain{style.body, logical_width(shape_plain_text(fonts.context(), loose, unwrapped)) - 5, Align::left, {}, false, true, nullptr};
  items.push_back(begin_tag("P"));
  for (const auto& line : shape_plain_text(fonts.context(), loose, plain).lines)
    items.push_back(TextLineItem{line, 0, 0, {}});
  items.push_back(end_tag("P"));
  Measures m = measure(doc, true);
  CHECK(m.body > shaped.lines.size());
  CHECK(static_cast<double>(m.hyphenated) > 0.10 * static_cast<double>(m.body));
  auto has = [&](const std::string& what) {
    return std::any_of(m.problems.begin(), m.problems.end(), [&](const std::string& p) { return p.starts_with(what); });
  };
  CHECK(has("a header broken inside a word"));
  CHECK(has("word spaces"));
}
