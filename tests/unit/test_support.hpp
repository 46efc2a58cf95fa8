#pragma once
// Helpers shared by the tests: running the rapport binary and reading PDFs back.
#include <string>
#include <vector>

#include "export/structure.hpp"
#include "frames/frame.hpp"

namespace rapport::test {

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

CommandResult run_command(const std::string& command);
// Runs build/rapport with `arguments` (already shell-quoted where needed).
CommandResult run_rapport(const std::string& arguments);
std::string shell_quote(const std::string& s);

// The first lines of a valid report, up to and including "content:"; fixtures append blocks.
std::string report_preamble();
// `paragraphs` text blocks of six sentences each, as content items at `indent`: text that
// fills pages, for tests of where things land.
std::string filler_paragraphs(int paragraphs, const std::string& indent = "      ");

std::string example_report();  // input/timra/kommunstyrelsen-delarsrapport-2021.yaml
// Every report under input/ (the YAML files with a top-level `document:` key), and the shipped
// layouts, for the checks that run over all of them.
std::vector<std::string> bundled_reports();
const std::vector<std::string>& shipped_layouts();
std::string source_dir();
std::string temp_dir();        // a fresh directory per call
// What the structure recorder makes of `pages` when their content is written as in a PDF.
StructureRecord record_structure(const std::vector<Page>& pages);
void write_file(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);

// The text of each page, by pdftotext (index 0 is page 1).
std::vector<std::string> pdf_pages_text(const std::string& pdf);
// The named destination of every link annotation, page by page (read with libqpdf).
std::vector<std::string> link_destinations(const std::string& pdf);

// `text` as its words (words_of) joined by single spaces: for comparing text across line breaks.
std::string collapse_spaces(const std::string& text);
// How often `what` occurs in `text`, overlapping occurrences counted.
size_t count_occurrences(const std::string& text, const std::string& what);

// Words of `text`: split on white space (no-break spaces included), trimmed of punctuation.
std::vector<std::string> words_of(const std::string& text);

}  // namespace rapport::test
