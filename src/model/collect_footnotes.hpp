#pragma once
// Footnotes in Markdown text, `text[^id]` with `[^id]: note`. cmark (CommonMark) has none, and
// cmark-gfm's resolve only within one string, while a report's text is spread over many YAML
// scalars: a definition may stand in another text block than its mark. So definitions are
// taken out of each string before cmark reads it, and marks are found in what it read; the
// two meet, document-wide, in check_footnotes.
#include <string>
#include <vector>

#include "model/parse_markdown.hpp"
#include "model/report.hpp"

namespace rapport {

struct FootnoteMark {
  std::string id;
  SourcePos pos;  // of the mark's '['
};

// What the texts of one report defined and marked, in the order written.
struct FoundFootnotes {
  std::vector<Footnote> definitions;
  std::vector<FootnoteMark> marks;
};

// As parse_markdown, but lines `[^id]: note` (at a line's start, continued by indented lines)
// are definitions, recorded in `found` with their positions, and `[^id]` in the text (not in
// a code span) is a mark: a span of its own with `footnote` set.
std::vector<Prose> parse_footnoted_markdown(const std::string& text, const TextOrigin& origin, Diagnostics& diags,
                                            FoundFootnotes& found);

// A title, heading, caption or column title is plain text: a mark there would print as
// "[^1]", so it is an error at the mark.
void refuse_footnote_marks(const std::string& text, const TextOrigin& origin, const std::string& what,
                           Diagnostics& diags);

// Each mark must name a definition, each definition be marked and defined once. Moves the
// definitions into `out`.
void check_footnotes(FoundFootnotes& found, Diagnostics& diags, std::vector<Footnote>& out);

}  // namespace rapport
