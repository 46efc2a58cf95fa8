#pragma once
// Writing a PDF file object by object, straight to disk: each object is written as soon as it
// is complete and forgotten, so memory does not grow with the document. Only the objects'
// offsets are kept, for the cross-reference table at the end.
#include <glib.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

using ObjectId = int;

// PDF syntax for values.
// Fixed notation, at most `decimals` decimals: "12.5", "-3", "0.125". Three are a thousandth
// of a point; a form's scale by 1/800 needs more.
std::string pdf_number(double v, int decimals = 3);
void append_number(std::string& out, double v, int decimals = 3);  // the same, appended (content streams)
std::string pdf_name(std::string_view name);  // "/" + the name, delimiters and non-ASCII as #xx
std::string pdf_ref(ObjectId id);             // "12 0 R"
// A text string (ISO 32000-1 7.9.2.2): printable ASCII as a literal "(…)", anything else as
// UTF-16BE with a byte-order mark, "<FEFF…>".
std::string pdf_text_string(std::string_view utf8);
// A byte string as a literal "(…)", with ( ) \ and control bytes escaped.
std::string pdf_byte_string(std::string_view bytes);
// UTF-8 text as UTF-16BE hex digits (surrogate pairs above U+FFFF; U+FFFD for an ill-formed
// sequence), as text strings and CMaps write it.
std::string utf16be_hex(std::string_view utf8);
// Four hex digits: a glyph id or a UTF-16 unit.
void append_hex4(std::string& out, uint32_t value);

// Deflate, at the level measured to pay off for rapport's content (see the .cpp).
std::string deflate_bytes(std::string_view data);

class PdfFile {
 public:
  // Creates `path` and writes the header; throws std::runtime_error when it cannot.
  explicit PdfFile(const std::string& path);
  ~PdfFile();
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  // A number for an object written later (objects may refer to each other in any order).
  ObjectId reserve();
  // Writes object `id`: `body` is its value ("<< /Type /Page … >>", "[1 2 3]", …).
  void object(ObjectId id, std::string_view body);
  ObjectId object(std::string_view body);
  // Writes a stream object. `entries` are its dictionary's entries without "<<", ">>",
  // /Length or /Filter; `data` is deflated when `compress` (and then /Filter /FlateDecode
  // is added).
  void stream(ObjectId id, std::string_view entries, std::string_view data, bool compress = true);
  ObjectId stream(std::string_view entries, std::string_view data, bool compress = true);
  // A stream whose data is already encoded: `entries` name its /Filter (a JPEG's DCTDecode,
  // a font program deflated elsewhere); /Length is added.
  void encoded_stream(ObjectId id, std::string_view entries, std::string_view encoded);

  // Ends the file: the cross-reference table and the trailer, with /Root, /Info and an /ID
  // computed from the bytes written (the same content gives the same ID), then closes it.
  // Throws std::runtime_error when writing failed or a reserved object was never written.
  void finish(ObjectId root, ObjectId info);

 private:
  void write(std::string_view bytes);
  void begin_object(ObjectId id);

  std::FILE* file_ = nullptr;
  std::string path_;
  uint64_t offset_ = 0;
  std::vector<uint64_t> offsets_;  // by object number - 1; 0: reserved, not yet written
  GChecksum* checksum_ = nullptr;  // of every byte written, for the document ID
  bool failed_ = false;
};

}  // namespace rapport
