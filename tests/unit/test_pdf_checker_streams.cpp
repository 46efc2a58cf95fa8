// The file's bytes and its streams, each broken one way on the hand-built PDF. Byte edits
// keep the length of what they replace, so the xref offsets stay right and qpdf reads the
// file without repairing it.
#include <doctest/doctest.h>

#include "pdf_fixture.hpp"

namespace rapport::test {
namespace {

WriteOptions editing(std::function<void(std::string&)> edit) { return {false, false, std::move(edit)}; }

// A stream the catalog holds under a private key, so it is written but painted nowhere.
void add_stream(QPDF& pdf, TaggedPdf& d, const std::string& raw, const std::string& filter) {
  Handle stream = pdf.newStream();
  stream.replaceStreamData(raw, Handle::newName(filter), Handle::newNull());
  d.catalog.replaceKey("/RapportTest", stream);
}

void replace_once(std::string& bytes, const std::string& from, const std::string& to) {
  size_t at = bytes.find(from);
  REQUIRE(at != std::string::npos);
  bytes.replace(at, from.size(), to);
}

}  // namespace

std::vector<Variant> stream_variants() {
  return {
      {"bytes after %%EOF", "file-structure", nullptr, editing([](std::string& b) { b += "trailing garbage\n"; })},
      {"no binary comment after the header", "file-structure", nullptr,
       editing([](std::string& b) { b.replace(b.find('\n') + 2, 4, "abcd"); })},
      {"a header that is not %PDF-1.n", "file-structure", nullptr, editing([](std::string& b) { b.replace(0, 8, "%PDF-2.0"); })},
      {"no EOL before endstream", "stream-syntax", nullptr,
       editing([](std::string& b) { replace_once(b, "\nendstream", " endstream"); })},
      {"a CR alone after the stream keyword", "stream-syntax", nullptr,
       editing([](std::string& b) { replace_once(b, "stream\n", "stream\r"); })},
      {"a stream with its data in an external file", "stream-keys",
       [](QPDF&, TaggedPdf& d) { d.content.getDict().replaceKey("/F", Handle::newString("extern.dat")); }},
      {"a stream with /FFilter", "stream-keys",
       [](QPDF&, TaggedPdf& d) { d.icc.getDict().replaceKey("/FFilter", Handle::newName("/FlateDecode")); }},
      {"an LZW stream", "stream-filters",
       [](QPDF& pdf, TaggedPdf& d) { add_stream(pdf, d, std::string("\x80\x0B\x60\x50\x22\x0C\x0C\x85\x01", 9), "/LZWDecode"); }},
      {"an empty FlateDecode stream", "stream-filters", [](QPDF& pdf, TaggedPdf& d) { add_stream(pdf, d, "", "/FlateDecode"); }},
      {"FlateDecode data that is not zlib", "stream-filters",
       [](QPDF& pdf, TaggedPdf& d) { add_stream(pdf, d, "this is not zlib data", "/FlateDecode"); }},
      {"ASCIIHexDecode data with a bad digit", "stream-filters",
       [](QPDF& pdf, TaggedPdf& d) { add_stream(pdf, d, "4142zz>", "/ASCIIHexDecode"); }},
      {"a reference XObject", "xobjects",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle form = form_xobject(pdf, "0 0 9 9 re f");
         form.getDict().replaceKey("/Ref", Handle::parse("<< /F (other.pdf) /Page 0 >>"));
         d.catalog.replaceKey("/RapportTest", form);
       }},
      {"an image with /Interpolate true", "xobjects",
       [](QPDF& pdf, TaggedPdf& d) {
         Handle image = pdf.newStream(std::string(1, '\x80'));
         image.getDict().replaceKey("/Type", Handle::newName("/XObject"));
         image.getDict().replaceKey("/Subtype", Handle::newName("/Image"));
         image.getDict().replaceKey("/Interpolate", Handle::newBool(true));
         d.catalog.replaceKey("/RapportTest", image);
       }},
  };
}

}  // namespace rapport::test

TEST_CASE("pdf checker: each broken byte or stream invariant is reported under exactly its rule") {
  rapport::test::check_variants(rapport::test::stream_variants());
}

TEST_CASE("pdf checker: a /Length that does not match the data is found in the raw bytes") {
  using namespace rapport::test;
  // One digit less: qpdf itself warns and recovers, which is reported as well.
  auto findings = rapport::pdfcheck::check_pdf(write_variant(nullptr, {false, false, [](std::string& b) {
    size_t xml = b.find("/Subtype /XML");
    REQUIRE(xml != std::string::npos);
    size_t dict = b.rfind(" obj", xml), at = b.find("/Length ", dict);
    REQUIRE(at < b.find("stream", xml));
    size_t digit = at + 8;
    while (b[digit + 1] >= '0' && b[digit + 1] <= '9') ++digit;
    b[digit] = b[digit] == '0' ? '1' : static_cast<char>(b[digit] - 1);
  }}));
  INFO(describe(findings));
  CHECK(rules_of(findings).find("stream-syntax") != std::string::npos);
}
