#pragma once
// The Markdown subset authors write in `text:` blocks, read with cmark (CommonMark).
#include <string>
#include <vector>

#include "model/report.hpp"

namespace rapport {

// Where a Markdown string sits in its YAML file, so cmark's positions can be reported there.
struct TextOrigin {
  SourcePos first_char;  // file position of the string's first character
};

// Paragraphs and (nested) lists with emphasis, strong, links and line breaks. Anything else
// (headings, code, quotes, images, HTML) is reported with a hint. Footnotes are not read
// here: see parse_footnoted_markdown.
std::vector<Prose> parse_markdown(const std::string& text, const TextOrigin& origin, Diagnostics& diags);

}  // namespace rapport
