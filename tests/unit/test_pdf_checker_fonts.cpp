// Fonts, each broken one way on the hand-built PDF; and the TrueType reader the width rule
// rests on, held to the widths FreeType gave Cairo for the same font.
#include <doctest/doctest.h>

#include <cmath>

#include "pdf_fixture.hpp"
#include "pdfcheck/read_cmap.hpp"
#include "pdfcheck/read_truetype.hpp"
#include "test_support.hpp"

namespace rapport::test {
namespace {

void set_to_unicode(TaggedPdf& d, const std::string& from, const std::string& to) {
  auto data = d.to_unicode.getStreamData(qpdf_dl_all);
  std::string map(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  d.to_unicode.replaceStreamData(replaced(map, from, to), Handle::newNull(), Handle::newNull());
}

// A CIDToGIDMap stream that sends every CID below 1024 to `gid`.
void map_every_cid_to(QPDF& pdf, TaggedPdf& d, unsigned gid) {
  std::string map;
  for (int cid = 0; cid < 1024; ++cid) map += static_cast<char>(gid >> 8), map += static_cast<char>(gid & 0xFF);
  d.cid_font.replaceKey("/CIDToGIDMap", pdf.newStream(map));
}

// Helvetica, unembedded, in a form XObject painted as an artifact.
void paint_form_with_helvetica(QPDF& pdf, TaggedPdf& d) {
  Handle form = form_xobject(pdf, "BT /F3 9 Tf 0 0 Td (Sidfot) Tj ET");
  form.getDict().replaceKey("/Resources", Handle::parse("<< /Font << /F3 << /Type /Font /Subtype /Type1"
                                                        " /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"));
  Handle xobjects = Handle::newDictionary();
  xobjects.replaceKey("/Fm0", form);
  d.page.getKey("/Resources").replaceKey("/XObject", xobjects);
  replace_content(d, base_content() + "/Artifact BMC q 1 0 0 1 72 40 cm /Fm0 Do Q EMC\n");
}

}  // namespace

std::vector<Variant> font_variants() {
  return {
      {"a font without its file", "fonts-embedded",
       [](QPDF&, TaggedPdf& d) { d.font.getKey("/FontDescriptor").removeKey("/FontFile2"); }},
      {"Helvetica, unembedded, in a form XObject", "fonts-embedded", paint_form_with_helvetica},
      {"a CIDFont without a descriptor's font file", "fonts-embedded",
       [](QPDF&, TaggedPdf& d) { d.cid_font.replaceKey("/FontDescriptor", Handle::parse("<< /Type /FontDescriptor /FontName /X /Flags 4 >>")); }},
      {"a CIDFontType2 without /CIDToGIDMap", "cid-to-gid-map", [](QPDF&, TaggedPdf& d) { d.cid_font.removeKey("/CIDToGIDMap"); }},
      {"a CIDFontType2 with /CIDToGIDMap /Other", "cid-to-gid-map",
       [](QPDF&, TaggedPdf& d) { d.cid_font.replaceKey("/CIDToGIDMap", Handle::newName("/Other")); }},
      {"a CIDFont without /CIDSystemInfo", "cid-system-info", [](QPDF&, TaggedPdf& d) { d.cid_font.removeKey("/CIDSystemInfo"); }},
      {"an embedded CMap whose ordering differs from the CIDFont's", "cid-system-info",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle cmap = pdf.newStream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /Identity-H usecmap endcmap end end");
         cmap.getDict().replaceKey("/Type", Handle::newName("/CMap"));
         cmap.getDict().replaceKey("/CMapName", Handle::newName("/Rapport-Test"));
         cmap.getDict().replaceKey("/CIDSystemInfo", Handle::parse("<< /Registry (Adobe) /Ordering (Japan1) /Supplement 0 >>"));
         d.type0.replaceKey("/Encoding", cmap);
       }},
      {"a Type0 font without ToUnicode", "to-unicode", [](QPDF&, TaggedPdf& d) { d.type0.removeKey("/ToUnicode"); }},
      {"a code mapped to U+FFFD", "to-unicode", [](QPDF&, TaggedPdf& d) { set_to_unicode(d, "> <0031>", "> <FFFD>"); }},
      {"a code mapped to U+0000", "to-unicode", [](QPDF&, TaggedPdf& d) { set_to_unicode(d, "> <0032>", "> <0000>"); }},
      {"a shown code missing from the ToUnicode map", "to-unicode",
       [](QPDF&, TaggedPdf& d) { set_to_unicode(d, "2 beginbfchar", "1 beginbfchar"); set_to_unicode(d, "> <0032>\n", ""); }},
      {"a simple font with its own Differences and no ToUnicode", "to-unicode",
       [](QPDF&, TaggedPdf& d) { d.font.replaceKey("/Encoding", Handle::parse("<< /Type /Encoding /Differences [65 /A] >>")); }},
      {"a wrong width in /W", "glyph-widths",
       [](QPDF&, TaggedPdf& d) {
         Handle w = d.cid_font.getKey("/W");
         w.setArrayItem(1, Handle::parse("[900]"));
       }},
      {"a wrong width in /Widths", "glyph-widths",
       [](QPDF&, TaggedPdf& d) { d.font.getKey("/Widths").setArrayItem('H' - 32, Handle::newInteger(700)); }},
      {"a CIDToGIDMap that shows .notdef", "glyph-widths", [](QPDF& pdf, TaggedPdf& d) { map_every_cid_to(pdf, d, 0); }},
      {"a CIDToGIDMap past the font's glyphs", "glyph-widths", [](QPDF& pdf, TaggedPdf& d) { map_every_cid_to(pdf, d, 65000); }},
  };
}

}  // namespace rapport::test

TEST_CASE("pdf checker: each broken font invariant is reported under exactly its rule") {
  rapport::test::check_variants(rapport::test::font_variants());
}

TEST_CASE("pdf checker: the TrueType reader gives Carlito the widths Cairo wrote for it") {
  std::string error;
  auto font = rapport::pdfcheck::read_truetype(rapport::test::read_file("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf"), error);
  REQUIRE_MESSAGE(font, error);
  CHECK(font->units_per_em == 2048);
  // From a Cairo-written PDF of Carlito (FreeType's metrics): /FirstChar 32 /Widths [226 … ].
  const std::pair<char, int> cairo[] = {{' ', 226}, {',', 249}, {'.', 252}, {'0', 506}, {'A', 578}, {'B', 543}, {'C', 533}, {'D', 615}};
  for (auto [c, width] : cairo) {
    unsigned gid = font->cmaps.at({3, 1}).at(static_cast<unsigned char>(c));
    INFO(c);
    CHECK(std::fabs(font->width(gid) - width) <= 1);
  }
  CHECK_FALSE(rapport::pdfcheck::read_truetype("not a font", error));
  CHECK_FALSE(rapport::pdfcheck::read_truetype(std::string("\0\1\0\0\0\x20", 6), error));  // tables past the end
}

TEST_CASE("pdf checker: ToUnicode CMaps are read with bfchar and both bfrange forms") {
  auto map = rapport::pdfcheck::read_to_unicode(
      "2 beginbfchar <0003> <0041> <0004> <D835DC00> endbfchar\n"
      "2 beginbfrange <0010> <0012> <0061> <0020> <0021> [<0030> <FFFD>] endbfrange");
  CHECK(map.codes.at(3) == std::string("\0\x41", 2));
  CHECK(map.codes.at(4).size() == 4);
  CHECK(map.codes.at(0x12) == std::string("\0\x63", 2));
  CHECK(map.codes.at(0x20) == std::string("\0\x30", 2));
  CHECK_FALSE(rapport::pdfcheck::is_real_unicode(map.codes.at(0x21)));
  CHECK(rapport::pdfcheck::is_real_unicode(map.codes.at(4)));
  CHECK_FALSE(rapport::pdfcheck::is_real_unicode(""));
}
