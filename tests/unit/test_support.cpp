#include "test_support.hpp"

#include "export/write_page_content.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rapport::test {

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CommandResult run_rapport(const std::string& arguments) {
  return run_command(shell_quote(RAPPORT_BINARY) + " " + arguments);
}

std::string report_preamble() {
  return R"(version: 1
document:
  municipality: Timrå kommun
  committee: Kommunstyrelsen
  kind: delårsrapport
  title: Delårsrapport 2021
  date: 2021-09-21
content:
)";
}

std::string filler_paragraphs(int paragraphs, const std::string& indent) {
  std::string out;
  const std::string sentence = "Nämnden har följt upp verksamhetens mål och budget enligt plan under perioden. ";
  for (int p = 0; p < paragraphs; ++p) {
    out += indent + "- text: |\n" + indent + "    ";
    for (int k = 0; k < 6; ++k) out += sentence;
    out += "\n";
  }
  return out;
}

std::string source_dir() { return RAPPORT_SOURCE_DIR; }

std::string example_report() { return source_dir() + "/input/timra/kommunstyrelsen-delarsrapport-2021.yaml"; }

std::vector<std::string> bundled_reports() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() + "/input")) {
    if (entry.path().extension() != ".yaml") continue;
    std::string text = read_file(entry.path().string());
    if (text.starts_with("document:") || text.find("\ndocument:") != std::string::npos) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string>& shipped_layouts() {
  static const std::vector<std::string> layouts = {"default", "norrtalje", "timra"};
  return layouts;
}

StructureRecord record_structure(const std::vector<Page>& pages) {
  PdfFile file(temp_dir() + "/scratch.pdf");
  PdfFonts fonts(file);
  PdfImages images(file);
  PdfForms forms(file);
  PdfResources resources{fonts, images, forms};
  ContentMarks marks;
  StructureRecorder recorder(marks);
  std::vector<PlacedAnchor> anchors;
  PageContext ctx{resources, recorder, marks, anchors};
  for (size_t i = 0; i < pages.size(); ++i) write_page_content(pages[i], 842, i, ctx);
  return recorder.finish();
}

std::string temp_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("rapport-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> pdf_pages_text(const std::string& pdf) {
  auto all = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -");
  if (all.status != 0) throw std::runtime_error("pdftotext failed: " + all.output);
  std::vector<std::string> pages;
  std::string page;
  for (char c : all.output) {
    if (c == '\f') {
      pages.push_back(page);
      page.clear();
    } else {
      page += c;
    }
  }
  return pages;
}

std::vector<std::string> words_of(const std::string& text) {
  std::string normalized;
  for (size_t i = 0; i < text.size(); ++i) {
    // U+00A0 and U+202F (no-break spaces) separate words like a space.
    if (text.compare(i, 2, "\u00A0") == 0) normalized += ' ', i += 1;
    else if (text.compare(i, 3, "\u202F") == 0) normalized += ' ', i += 2;
    else normalized += text[i];
  }
  std::vector<std::string> words;
  std::istringstream in(normalized);
  std::string word;
  const std::string punctuation = ".,:;!?()\"'*[]”“†¹²³⁴⁵⁶⁷⁸⁹";
  while (in >> word) {
    size_t first = word.find_first_not_of(punctuation), last = word.find_last_not_of(punctuation);
    if (first == std::string::npos) continue;
    words.push_back(word.substr(first, last - first + 1));
  }
  return words;
}

std::vector<std::string> link_destinations(const std::string& pdf) {
  QPDF document;
  document.processFile(pdf.c_str());
  std::vector<std::string> targets;
  for (auto& page : QPDFPageDocumentHelper(document).getAllPages()) {
    QPDFObjectHandle annotations = page.getObjectHandle().getKey("/Annots");
    if (!annotations.isArray()) continue;
    for (int i = 0; i < annotations.getArrayNItems(); ++i) {
      QPDFObjectHandle dest = annotations.getArrayItem(i).getKey("/Dest");
      if (dest.isString()) targets.push_back(dest.getUTF8Value());
    }
  }
  return targets;
}

std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (const auto& w : words_of(text)) out += (out.empty() ? "" : " ") + w;
  return out;
}

size_t count_occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace rapport::test
