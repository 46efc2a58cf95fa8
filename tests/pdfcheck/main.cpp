// rapport-pdfcheck FILE.pdf [--lang sv-SE]
// Prints one line per finding, "rule: detail". Exit status: 0 no findings, 1 findings, 2 usage.
#include <iostream>
#include <string>
#include <vector>

#include "pdfcheck/check_pdf.hpp"

namespace {

struct Arguments {
  std::string path;
  std::string lang = "sv-SE";
};

bool parse_arguments(const std::vector<std::string>& args, Arguments& out) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      out.lang = args[++i];
    } else if (!args[i].empty() && args[i][0] != '-' && out.path.empty()) {
      out.path = args[i];
    } else {
      return false;
    }
  }
  return !out.path.empty();
}

}  // namespace

int main(int argc, char** argv) {
  Arguments arguments;
  if (!parse_arguments(std::vector<std::string>(argv + 1, argv + argc), arguments)) {
    std::cerr << "usage: rapport-pdfcheck FILE.pdf [--lang LANG]\n"
                 "checks the PDF/UA-1 and PDF/A-2 invariants rapport keeps; rules:\n";
    for (const auto& rule : rapport::pdfcheck::rule_names()) std::cerr << "  " << rule << "\n";
    return 2;
  }
  auto findings = rapport::pdfcheck::check_pdf(arguments.path, arguments.lang);
  for (const auto& finding : findings) std::cout << finding.rule << ": " << finding.detail << "\n";
  return findings.empty() ? 0 : 1;
}
