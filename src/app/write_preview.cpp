#include "app/write_preview.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "export/atomic_output.hpp"
#include "export/write_png.hpp"

namespace rapport {
namespace {

std::string page_file(size_t page) {
  char name[32];
  std::snprintf(name, sizeof name, "page-%03zu.png", page);
  return name;
}

std::string html_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// A contact sheet: every page as a thumbnail that opens the full page, all at one scale, so a
// landscape page shows wider than tall beside the portrait ones.
std::string contact_sheet(const DocumentFrames& document, const std::string& title, size_t first, size_t last) {
  size_t total = document.pages.size();
  std::string html = "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escaped(title) +
                     " – förhandsgranskning</title>\n<style>\n"
                     "body { font-family: sans-serif; background: #e9ecef; margin: 1.5em; }\n"
                     "main { display: flex; flex-wrap: wrap; gap: 1.2em; }\n"
                     "figure { margin: 0; text-align: center; }\n"
                     "img { width: 220px; background: white; box-shadow: 0 1px 4px rgba(0,0,0,.3); }\n"
                     "img.landscape { width: 311px; }\n"
                     "</style>\n</head>\n<body>\n<h1>" + html_escaped(title) + "</h1>\n<main>\n";
  for (size_t p = first; p <= last; ++p) {
    std::string file = page_file(p);
    const char* shape = document.pages[p - 1].landscape ? " class=\"landscape\"" : "";
    html += "<figure><a href=\"" + file + "\"><img src=\"" + file + "\"" + shape + " alt=\"Sida " + std::to_string(p) + "\"></a>" +
            "<figcaption>" + std::to_string(p) + " (" + std::to_string(total) + ")</figcaption></figure>\n";
  }
  return html + "</main>\n</body>\n</html>\n";
}

}  // namespace

std::pair<size_t, size_t> parse_page_range(const std::string& text) {
  // Up to 6 digits: no report has a million pages, and stoul would throw out_of_range on 10^20.
  static const std::regex range(R"((\d{1,6})(?:(-)(\d{0,6}))?)");
  std::smatch m;
  if (!std::regex_match(text, m, range) || std::stoul(m[1]) == 0)
    throw std::invalid_argument("--pages must be a page or a range such as 3-5 (pages 1 to 999999), found '" + text + "'");
  size_t first = std::stoul(m[1]);
  size_t last = !m[2].matched ? first : m[3].length() == 0 ? 0 : std::stoul(m[3]);
  if (last != 0 && last < first) throw std::invalid_argument("--pages " + text + " ends before it starts");
  return {first, last};
}

PreviewResult write_preview(const DocumentFrames& document, const std::string& title, const PreviewOptions& options,
                            PreviewCache* cache) {
  std::filesystem::create_directories(options.directory);
  size_t total = document.pages.size();
  size_t first = std::min(options.first_page, total);
  size_t last = options.last_page == 0 ? total : std::min(options.last_page, total);
  PreviewResult result;
  for (size_t p = first; p <= last; ++p) {
    std::string path = (std::filesystem::path(options.directory) / page_file(p)).string();
    size_t previous = cache && cache->count(p) ? cache->at(p) : 0;
    size_t hash = write_page_png(document, p - 1, options.dpi, path, previous);
    if (cache) (*cache)[p] = hash;
    ++result.pages;
    if (hash != previous) ++result.encoded;
  }
  std::string html = contact_sheet(document, title, first, last);
  write_atomically((std::filesystem::path(options.directory) / "index.html").string(), [&](const std::string& temporary) {
    std::ofstream out(temporary, std::ios::binary);
    out << html;
    if (!out) throw std::runtime_error("cannot write " + temporary);
  });
  return result;
}

}  // namespace rapport
