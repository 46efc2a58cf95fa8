// The figure block end to end: pictures read under the report's file-access rules, JPEG
// embedded as its own bytes, numbering and captions from the layout, the list of figures and
// page references, the tagged Figure and Caption, --final's refusal, and every bad input.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <jpeglib.h>  // after <cstdio>: it uses size_t and FILE without including them

#include "frames/picture.hpp"
#include "layout/lay_out_figure.hpp"
#include "pdfcheck/check_pdf.hpp"
#include "test_support.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// A width × height JPEG of a colour gradient, encoded by libjpeg (no ImageMagick here), in
// RGB, grey (1 component) or CMYK (4).
std::string make_jpeg(int width, int height, int components = 3) {
  jpeg_compress_struct info;
  jpeg_error_mgr error;
  info.err = jpeg_std_error(&error);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = static_cast<JDIMENSION>(width);
  info.image_height = static_cast<JDIMENSION>(height);
  info.input_components = components;
  info.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 4 ? JCS_CMYK : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 85, TRUE);
  jpeg_start_compress(&info, TRUE);
  const auto n = static_cast<size_t>(components);
  std::vector<unsigned char> row(static_cast<size_t>(width) * n);
  while (info.next_scanline < info.image_height) {
    for (size_t x = 0; x < static_cast<size_t>(width); ++x)
      for (size_t c = 0; c < n; ++c)
        row[x * n + c] = static_cast<unsigned char>(c == 0 ? x * 255 / static_cast<size_t>(width)
                                                    : c == 1 ? info.next_scanline * 255 / info.image_height : 120);
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  std::string bytes(reinterpret_cast<const char*>(buffer), size);
  jpeg_destroy_compress(&info);
  std::free(buffer);
  return bytes;
}

const char* kSvg = R"(<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
<rect x="10" y="10" width="380" height="180" fill="#d6e6f2" stroke="#00538a" stroke-width="4"/></svg>
)";

const char* kFinalDocument = R"(version: 1
document:
  municipality: Timrå kommun
  committee: Kommunstyrelsen
  kind: delårsrapport
  title: Delårsrapport 2021
  date: 2021-09-21
  case_number: KS/2021:311
  decision: {body: Kommunstyrelsen, meeting: 2021-10-04, paragraph: "§ 175", approved_by: "Stefan Dalin, ordförande"}
content:
)";

// A folder with the report `content` (blocks after "content:") and the pictures it names.
std::string report_with(const std::string& content, bool final = false) {
  std::string dir = temp_dir();
  write_file(dir + "/bild.svg", kSvg);
  write_file(dir + "/foto.jpg", make_jpeg(64, 48));
  write_file(dir + "/gra.jpg", make_jpeg(40, 40, 1));
  write_file(dir + "/cmyk.jpg", make_jpeg(40, 40, 4));
  write_file(dir + "/r.yaml", std::string(final ? kFinalDocument : report_preamble().c_str()) + content);
  return dir;
}

std::string filler(int paragraphs) {
  std::string out;
  for (int i = 0; i < paragraphs; ++i)
    out += "      - text: Stycke " + std::to_string(i) +
           ". Kommunstyrelsen har ett övergripande ansvar för styrning, samordning och ledning av hela den "
           "kommunala verksamheten, och verksamhetsstödet till övriga nämnder utgår från styrelsen.\n";
  return out;
}

// The 1-based page whose text holds `what`; 0 when none does.
int page_with(const std::vector<std::string>& pages, const std::string& what) {
  for (size_t i = 0; i < pages.size(); ++i)
    if (collapse_spaces(pages[i]).find(collapse_spaces(what)) != std::string::npos) return static_cast<int>(i) + 1;
  return 0;
}

}  // namespace

TEST_CASE("figure: the caption template numbers figures through the document") {
  Style style;
  CHECK(numbered_caption(style, 3, "Befolkning") == "Figur 3. Befolkning");
  CHECK(numbered_caption(style, 3, "") == "Figur 3.");
  style.figure_label = "Bild";
  style.figure_caption = "{caption} ({label} {number})";
  CHECK(numbered_caption(style, 12, "Karta") == "Karta (Bild 12)");
  CHECK(figure_anchor(2) == "figure.2");
}

TEST_CASE("figure: an SVG's references to other files are found; fragments and data: URIs stay inside it") {
  CHECK(external_reference(R"svg(<use xlink:href="#glyph0-1"/><path marker-end="url(#pil)"/>)svg") == "");
  CHECK(external_reference(R"svg(<image href = 'data:image/png;base64,AAAA'/>)svg") == "");
  CHECK(external_reference(R"svg(<image xlink:href="logo.png"/>)svg") == "logo.png");
  CHECK(external_reference(R"svg(<image HREF="file:///etc/passwd"/>)svg") == "file:///etc/passwd");
  CHECK(external_reference(R"svg(<rect style="fill: url( 'bild.svg#m' )"/>)svg") == "bild.svg#m");
  CHECK(external_reference(R"svg(<!DOCTYPE svg [<!ENTITY e SYSTEM "x.xml">]>)svg").starts_with("<!ENTITY e SYSTEM"));
  CHECK(external_reference("<style>@import 'a.css';</style>").starts_with("@import"));
  // Megabytes of embedded data are scanned without recursion (std::regex overflowed on this).
  std::string embedded = "<image href=\"data:image/png;base64," + std::string(8'000'000, 'A') + "\"/>";
  CHECK(external_reference(embedded) == "");
}

TEST_CASE("figure: a JPEG is embedded in the PDF as its own bytes (DCTDecode), not re-encoded") {
  std::string dir = report_with("  - figure: {file: foto.jpg, width: 50%, caption: Foto, alt: En färgskala}\n");
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  std::string jpeg = read_file(dir + "/foto.jpg");
  std::string pdf = read_file(dir + "/r.pdf");
  CHECK(pdf.find(jpeg) != std::string::npos);  // the file's bytes, whole, as one stream
  auto images = run_command("pdfimages -list " + shell_quote(dir + "/r.pdf"));
  CHECK(images.output.find("jpeg") != std::string::npos);
  CHECK(images.output.find("64    48") != std::string::npos);
  // The preview decodes it: the figure's pixels are not white.
  auto preview = run_rapport("preview " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/png") + " --dpi 40");
  REQUIRE_MESSAGE(preview.status == 0, preview.output);
  CHECK(std::filesystem::exists(dir + "/png/page-002.png"));
}

TEST_CASE("figure: numbered captions, the list of figures and page references agree with the pages") {
  std::string content = "  - toc\n  - figures\n  - section: Ett\n    content:\n"
                        "      - text: Se [figur {number} på sidan {page}](#karta) och [figuren](#foto).\n" +
                        filler(8) +
                        "      - figure: {file: bild.svg, caption: Organisation, source: \"Källa: SCB\", alt: En ruta, id: org}\n" +
                        filler(14) +
                        "      - figure: {file: foto.jpg, width: 120mm, caption: Färgskala, alt: En färgskala, id: foto}\n" +
                        filler(10) + "      - figure: {file: bild.svg, width: 60%, caption: Karta, alt: En ruta, id: karta}\n";
  std::string dir = report_with(content);
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  auto pages = pdf_pages_text(dir + "/r.pdf");
  std::string contents = collapse_spaces(pages.at(1));
  for (auto [caption, number] : {std::pair{"Organisation", 1}, {"Färgskala", 2}, {"Karta", 3}}) {
    std::string printed = collapse_spaces("Figur " + std::to_string(number) + ". " + caption);  // words, no punctuation
    CAPTURE(printed);
    int page = 0;
    for (size_t i = 2; i < pages.size(); ++i)
      if (collapse_spaces(pages[i]).find(printed) != std::string::npos) page = static_cast<int>(i) + 1;
    REQUIRE(page > 0);
    CHECK(contents.find(printed + " " + std::to_string(page)) != std::string::npos);
    CHECK(page > 2);  // not the contents' own entry  // the list's entry and its page
    if (number == 3) CHECK(page_with(pages, "Se figur 3 på sidan " + std::to_string(page)) > 0);
  }
  CHECK(page_with(pages, "Källa: SCB") > 0);
  auto links = link_destinations(dir + "/r.pdf");
  std::string all;
  for (const auto& l : links) all += l + " ";
  CHECK(all.find("karta") != std::string::npos);
  CHECK(all.find("org") != std::string::npos);
}

TEST_CASE("figure: the final PDF tags a Figure with /Alt and a Caption, and passes the checker, qpdf and Ghostscript") {
  std::string dir = report_with("  - section: Ett\n    content:\n      - text: Text före.\n"
                                "      - figure: {file: bild.svg, width: 80%, caption: Ruta, source: \"Källa: SCB\", alt: En blå ruta}\n"
                                "      - figure: {file: foto.jpg, width: 40mm, caption: Foto, alt: En färgskala}\n"
                                "      - figure: {file: gra.jpg, width: 30mm, caption: Grått, alt: En grå skala}\n"
                                "      - text: Text efter.\n",
                                true);
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " --final -o " + shell_quote(dir + "/r.pdf"));
  REQUIRE_MESSAGE(result.status == 0, result.output);
  auto findings = rapport::pdfcheck::check_pdf(dir + "/r.pdf");
  for (const auto& f : findings) INFO(f.rule << ": " << f.detail);
  CHECK(findings.empty());
  CHECK(run_command("qpdf --check " + shell_quote(dir + "/r.pdf")).status == 0);
  auto gs = run_command("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + shell_quote(dir + "/r.pdf"));
  CHECK(gs.status == 0);
  CHECK(gs.output.empty());
  auto qdf = run_command("qpdf --qdf --object-streams=disable " + shell_quote(dir + "/r.pdf") + " " + shell_quote(dir + "/q.pdf"));
  std::string plain = read_file(dir + "/q.pdf");
  CHECK(plain.find("/S /Figure") != std::string::npos);
  CHECK(plain.find("/S /Caption") != std::string::npos);
  CHECK(plain.find("/Alt (En bl") != std::string::npos);
  CHECK(plain.find("/BBox") != std::string::npos);  // the recorder's box of what the Figure draws
}

TEST_CASE("figure: --final refuses a figure without alternative text, at its place") {
  std::string dir = report_with("  - figure: {file: bild.svg, caption: Ruta}\n", true);
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " --final -o " + shell_quote(dir + "/r.pdf"));
  CHECK(result.status == 2);
  CHECK(result.output.find("r.yaml:11:13: error: final: the figure has no alternative text") != std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/r.pdf"));
}

TEST_CASE("figure: every bad input is a named error at its place, exit 2, nothing written") {
  struct Case {
    std::string block, message;
  };
  const std::vector<Case> cases = {
      {"{file: saknas.svg, alt: x}", "r.yaml:9:20: error: the figure file"},
      {"{file: trasig.png, alt: x}", "cannot use the picture"},
      {"{file: trasig.jpg, alt: x}", "cannot use the picture"},
      {"{file: extern.svg, alt: x}", "the SVG refers to another file (logo.png)"},
      {"{file: entitet.svg, alt: x}", "the SVG refers to another file"},
      {"{file: bild.svg, width: 0%, alt: x}", "r.yaml:9:37: error: the figure's 'width' must be more than zero"},
      {"{file: bild.svg, width: -5mm, alt: x}", "the figure's 'width' must be more than zero"},
      {"{file: bild.svg, width: 120%, alt: x}", "more than the text width"},
      {"{file: bild.svg, width: 400mm, alt: x}", "wider than the text"},
      {"{file: bild.svg, width: brett, alt: x}", "'width' must be a share of the text width"},
      {"{file: bild.svg, placement: hare, alt: x}", "unknown placement 'hare'"},
      {"{caption: Ingen fil, alt: x}", "r.yaml:9:13: error: the figure has no 'file'"},
      {"{file: ../utanfor.svg, alt: x}", "lies outside the folders a report may read"},
      {"{file: bild.gif, alt: x}", "only .svg, .png, .jpg and .jpeg files are supported"},
      {"{file: stor.png, alt: x}", "megapixels"},
      {"{file: cmyk.jpg, alt: x}", "a CMYK JPEG; save it as RGB"},
      {"{file: tung.jpg, alt: x}", "tung.jpg' is 21 MB; rapport reads files of at most 20 MB"},
      {"{file: bild.svg, alt: x, storlek: 3}", "storlek"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.block);
    std::string dir = report_with("  - figure: " + c.block + "\n");
    write_file(dir + "/trasig.png", "\x89PNG\r\n\x1a\nshort");
    write_file(dir + "/trasig.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "broken");
    write_file(dir + "/extern.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="logo.png" width="10" height="10"/></svg>)");
    write_file(dir + "/entitet.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY e SYSTEM \"/etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><desc>&e;</desc></svg>");
    write_file(dir + "/bild.gif", "GIF89a");
    write_file(std::filesystem::path(dir).parent_path().string() + "/utanfor.svg", kSvg);
    // A PNG header claiming 10 000 × 10 000 pixels: refused before anything is decoded.
    std::string big = "\x89PNG\r\n\x1a\n" + std::string("\0\0\0\x0dIHDR", 8) + std::string("\0\0\x27\x10\0\0\x27\x10", 8) + std::string(20, '\0');
    write_file(dir + "/stor.png", big);
    if (c.block.find("tung.jpg") != std::string::npos) write_file(dir + "/tung.jpg", std::string(21'000'000, '\0'));
    auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
    CHECK(result.status == 2);
    CHECK_MESSAGE(result.output.find(c.message) != std::string::npos, result.output);
    CHECK(result.output.find("hint:") != std::string::npos);
    CHECK(!std::filesystem::exists(dir + "/r.pdf"));
  }
}

TEST_CASE("figure: SVG text is warned about, as for logos; a Markdown image points at the figure block") {
  std::string dir = report_with("  - figure: {file: text.svg, alt: x}\n  - text: \"![bild](bild.svg)\"\n");
  write_file(dir + "/text.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="20">Hej</text></svg>)");
  auto result = run_rapport("check " + shell_quote(dir + "/r.yaml"));
  CHECK(result.output.find("r.yaml:9:20: warning: the figure has SVG text") != std::string::npos);
  CHECK(result.output.find("an image is not supported in text") != std::string::npos);
  CHECK(result.output.find("- figure: {file:") != std::string::npos);
}

TEST_CASE("figure: a list of figures in a document without figures is left out with a warning") {
  std::string dir = report_with("  - figures\n  - text: Ingen bild här.\n");
  auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
  CHECK(result.status == 0);
  CHECK(result.output.find("r.yaml:9:5: warning: the list of figures is left out: the document has no figure") != std::string::npos);
  CHECK(count_occurrences(result.output, "the list of figures is left out") == 1);  // once, not once per round
}

TEST_CASE("figure: a width in mm is held to the text of its page, wider on landscape pages") {
  std::string wide = "      - figure: {file: bild.svg, width: 200mm, alt: En ruta}\n";
  std::string portrait = report_with("  - section: Stående\n    content:\n" + wide);
  auto refused = run_rapport("check " + shell_quote(portrait + "/r.yaml"));
  CHECK(refused.status == 2);
  CHECK(refused.output.find("r.yaml:11:41: error: the figure is 200 mm wide, wider than the text (162 mm)") != std::string::npos);
  std::string landscape = report_with("  - section: Liggande\n    orientation: landscape\n    content:\n" + wide);
  auto accepted = run_rapport("check " + shell_quote(landscape + "/r.yaml"));
  CHECK_MESSAGE(accepted.status == 0, accepted.output);
}

TEST_CASE("figure: one that floats moves only past whole elements, never into a list or a table") {
  // At every position the figure (200 points tall at full width) lands at, the text after it
  // is a long list and a long table: pulling part of either ahead of the figure would make
  // the Figure a child of the L or the Table in the tagged PDF.
  std::string list, rows;
  for (int k = 0; k < 40; ++k) list += "          - Punkt nummer " + std::to_string(k) + " i en lång lista\n";
  for (int k = 0; k < 60; ++k) rows += "          - [Rad " + std::to_string(k) + ", " + std::to_string(k) + "]\n";
  for (int before = 8; before <= 14; ++before) {
    std::string dir = report_with(filler_paragraphs(before, "  ") + "  - figure: {file: bild.svg, width: 100%, caption: Ruta, alt: En blå ruta}\n" +
                                  "  - text: |\n" + list + "  - table:\n      columns: [A, {title: B, align: right}]\n      rows:\n" +
                                  rows);
    auto result = run_rapport("render " + shell_quote(dir + "/r.yaml") + " -o " + shell_quote(dir + "/r.pdf"));
    REQUIRE_MESSAGE(result.status == 0, result.output);
    CAPTURE(before);
    auto findings = rapport::pdfcheck::check_pdf(dir + "/r.pdf");
    for (const auto& f : findings) CHECK_MESSAGE(false, f.rule << ": " << f.detail);
  }
}

TEST_CASE("figure: librsvg is loaded for a report with an SVG, and not for one without") {
  // LD_DEBUG=files has the dynamic loader name every library it maps, at start or by dlopen.
  auto maps_rsvg = [](const std::string& report) {
    std::string out = temp_dir() + "/r.pdf";
    auto result = run_command("LD_DEBUG=files " + shell_quote(RAPPORT_BINARY) + " render " + shell_quote(report) + " -o " +
                              shell_quote(out));
    REQUIRE_MESSAGE(result.status == 0, result.output);
    return result.output.find("librsvg-2.so") != std::string::npos;
  };
  CHECK_FALSE(maps_rsvg(source_dir() + "/input/timra/tjansteskrivelse-samverkan-2020.yaml"));
  CHECK(maps_rsvg(example_report()));
}
