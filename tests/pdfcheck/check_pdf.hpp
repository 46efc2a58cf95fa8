#pragma once
// The project's own checker for tagged, archival PDFs: the machine-checkable rules of PDF/A-2
// (levels A and B) and PDF/UA-1, with the Matterhorn Protocol's failure conditions, that bear
// on what rapport writes. veraPDF is not available here, so the tests need a checker that can
// fail; this is it. Every rule has a name, so a test can say which one a file breaks; each
// rule's comment in tests/pdfcheck/check_*.cpp names the clauses it stands for.
#include <string>
#include <vector>

namespace rapport::pdfcheck {

struct Finding {
  std::string rule;    // one of rule_names(), or "unreadable"
  std::string detail;  // where: page number, object id, structure element path
};

// Every rule the checker applies, in the order it applies them. "unreadable" is not among them:
// it reports a file (or a part of one) that could not be read at all.
std::vector<std::string> rule_names();

// Reads the PDF at `path` and returns one finding per broken invariant (none for a good file).
// Never throws: a file or structure that cannot be read becomes a finding.
std::vector<Finding> check_pdf(const std::string& path, const std::string& expected_lang = "sv-SE");

}  // namespace rapport::pdfcheck
