#pragma once
// A tagged, archival PDF built by hand with libqpdf, valid under every rule of the checker,
// and the means to break it one way at a time (test_pdf_checker*.cpp).
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <functional>
#include <string>
#include <vector>

#include "pdfcheck/check_pdf.hpp"

namespace rapport::test {

using Handle = QPDFObjectHandle;

extern const std::string kTitle;

// pdfaid in attribute form, pdfuaid and dc:title in element form: the checker reads both.
std::string xmp_packet(const std::string& extra_description = "");
// The page's content stream: F1 is a simple TrueType font, F2 a Type0 one (Identity-H).
std::string base_content();

// The objects a variant reaches into to break one thing.
struct TaggedPdf {
  Handle catalog, page, content, font, type0, cid_font, to_unicode, struct_root, document, h1, p, figure, table, tr, th,
      td, list, li, link, annotation, page_parents, metadata, info, icc, intent;
};

struct WriteOptions {
  bool encrypt = false;
  bool drop_id = false;                            // QPDFWriter always writes /ID; blanked afterwards
  std::function<void(std::string&)> edit_bytes;    // the written file's bytes, edited in place
};

using Mutation = std::function<void(QPDF&, TaggedPdf&)>;

struct Variant {
  std::string name;
  std::string expected;  // the rules reported, sorted and joined by ", "
  Mutation mutate;
  WriteOptions options{};
  std::string lang = "sv-SE";
};

TaggedPdf build_tagged_pdf(QPDF& pdf);
std::string write_variant(const Mutation& mutate, const WriteOptions& options = {});
// Checks each variant and expects exactly its rules (none for a harmless one).
void check_variants(const std::vector<Variant>& variants);

std::string rules_of(const std::vector<pdfcheck::Finding>& findings);
std::string describe(const std::vector<pdfcheck::Finding>& findings);

Handle indirect(QPDF& pdf, const std::string& syntax);
Handle struct_element(QPDF& pdf, const std::string& type, Handle parent, Handle page);
void replace_content(TaggedPdf& doc, const std::string& content);
void replace_xmp(TaggedPdf& doc, const std::string& xmp);
std::string replaced(std::string text, const std::string& from, const std::string& to);
void append_to_document(QPDF& pdf, TaggedPdf& doc, const std::string& type);
void add_annotation(QPDF& pdf, TaggedPdf& doc, const std::string& syntax);
// A form XObject with a /BBox, for appearance streams.
Handle form_xobject(QPDF& pdf, const std::string& content);
// A Square annotation that every annotation rule accepts; variants change what they break.
Handle add_square(QPDF& pdf, TaggedPdf& doc);

// The variant lists of each test file, for the check that every rule can fail.
std::vector<Variant> document_variants();
std::vector<Variant> structure_variants();
std::vector<Variant> stream_variants();
std::vector<Variant> font_variants();
std::vector<Variant> metadata_variants();
std::vector<Variant> annotation_variants();

}  // namespace rapport::test
