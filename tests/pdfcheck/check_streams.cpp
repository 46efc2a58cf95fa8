// The file as bytes (PDF/A-2 6.1.2, 6.1.3, 6.1.7): the header, the end, and every stream's
// keywords and /Length checked in the raw file at the offsets the xref table gives, since
// qpdf reads past small syntax errors that a strict reader rejects; then every stream's
// filters decoded.
#include <qpdf/QPDFXRefEntry.hh>

#include <cctype>

#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

bool is_eol(char c) { return c == '\r' || c == '\n'; }

// Where the data of the stream object at `offset` begins, or nothing (and why).
std::optional<size_t> data_start(const std::string& bytes, size_t offset, std::string& problem) {
  size_t end = bytes.find("endobj", offset);
  size_t keyword = bytes.find("stream", offset);
  // The keyword after the dictionary: the first "stream" that only white space separates from ">>".
  while (keyword != std::string::npos) {
    size_t before = keyword;
    while (before > offset && std::isspace(static_cast<unsigned char>(bytes[before - 1]))) --before;
    if (before >= offset + 2 && bytes.compare(before - 2, 2, ">>") == 0) break;
    keyword = bytes.find("stream", keyword + 1);
  }
  if (keyword == std::string::npos || (end != std::string::npos && keyword > end)) {
    problem = "no 'stream' keyword after the dictionary";
    return std::nullopt;
  }
  size_t after = keyword + 6;
  if (bytes.compare(after, 2, "\r\n") == 0) return after + 2;
  if (after < bytes.size() && bytes[after] == '\n') return after + 1;
  problem = "the 'stream' keyword is not followed by CRLF or LF (6.1.7.1)";
  return std::nullopt;
}

// What is wrong between the stream's data and its 'endstream' keyword, or nothing.
std::optional<std::string> end_problem(const std::string& bytes, size_t start, long long length) {
  size_t end = start + static_cast<size_t>(length);
  size_t eol = end < bytes.size() && bytes.compare(end, 2, "\r\n") == 0 ? 2 : end < bytes.size() && is_eol(bytes[end]) ? 1 : 0;
  if (end <= bytes.size() && bytes.compare(end + eol, 9, "endstream") == 0)
    return eol ? std::nullopt : std::optional<std::string>("no end-of-line before 'endstream' (6.1.7.1)");
  size_t keyword = bytes.find("endstream", start);
  if (keyword == std::string::npos) return "no 'endstream' keyword";
  size_t actual = keyword - start;
  if (actual > 0 && bytes[actual + start - 1] == '\n') --actual;
  if (actual > 0 && bytes[actual + start - 1] == '\r') --actual;
  return "/Length " + std::to_string(length) + " but " + std::to_string(actual) + " bytes of data before 'endstream' (6.1.7.1)";
}

std::vector<std::string> filters_of(Handle stream) {
  std::vector<std::string> names;
  for (auto filter : items_of(entry(stream, "/Filter"))) names.push_back(name_of(filter).value_or("(not a name)"));
  return names;
}

// The stream's data as stored; an unreadable one counts as present (decoding reports it).
size_t raw_size(Handle stream) {
  try {
    return stream.getRawStreamData()->getSize();
  } catch (const std::exception&) {
    return 1;
  }
}

}  // namespace

// PDF/A-2 6.1.2: "%PDF-1.n" at byte 0, then a comment of at least four bytes above 127 (so
// transfer programs treat the file as binary); 6.1.3: nothing after the last %%EOF but an EOL.
void check_file_structure(Context& c) {
  const std::string& bytes = c.bytes();
  if (bytes.size() < 9 || bytes.compare(0, 7, "%PDF-1.") != 0 || !std::isdigit(static_cast<unsigned char>(bytes[7])))
    return c.add("file-structure", "the file does not begin with %PDF-1.n");
  size_t line = bytes.find_first_of("\r\n", 8);
  while (line != std::string::npos && line < bytes.size() && is_eol(bytes[line])) ++line;
  if (line == std::string::npos || line >= bytes.size() || bytes[line] != '%') {
    c.add("file-structure", "the header is not followed by a comment line");
  } else {
    size_t high = 0;
    for (size_t i = line + 1; i < bytes.size() && i < line + 5; ++i) high += static_cast<unsigned char>(bytes[i]) > 127;
    if (high < 4) c.add("file-structure", "the comment after the header does not begin with four bytes above 127");
  }
  size_t eof = bytes.rfind("%%EOF");
  if (eof == std::string::npos) return c.add("file-structure", "there is no %%EOF marker");
  std::string tail = bytes.substr(eof + 5);
  if (!(tail.empty() || tail == "\n" || tail == "\r" || tail == "\r\n"))
    c.add("file-structure", std::to_string(tail.size()) + " bytes follow the last %%EOF");
}

// PDF/A-2 6.1.7.1: 'stream' followed by CRLF or LF, an EOL before 'endstream', and /Length
// the number of bytes between.
void check_stream_syntax(Context& c) {
  const std::string& bytes = c.bytes();
  std::vector<std::string> problems;
  for (const auto& [og, xref] : c.pdf.getXRefTable()) {
    if (xref.getType() != 1) continue;  // free, or in an object stream (which holds no streams)
    Handle object = c.pdf.getObjectByObjGen(og);
    if (!object.isStream()) continue;
    std::string where = "obj " + std::to_string(og.getObj()) + " " + std::to_string(og.getGen());
    auto offset = static_cast<size_t>(xref.getOffset());
    std::string header = std::to_string(og.getObj()) + " " + std::to_string(og.getGen()) + " obj";
    if (offset >= bytes.size() || bytes.compare(offset, header.size(), header) != 0) {
      problems.push_back(where + ": the xref offset " + std::to_string(offset) + " does not point at '" + header + "'");
      continue;
    }
    std::string problem;
    auto start = data_start(bytes, offset, problem);
    if (!start) {
      problems.push_back(where + ": " + problem);
      continue;
    }
    auto length = integer_of(entry(object, "/Length"));
    if (!length || *length < 0 || static_cast<size_t>(*length) > bytes.size() - *start) {
      problems.push_back(where + ": /Length is missing, negative or past the end of the file");
      continue;
    }
    if (auto end = end_problem(bytes, *start, *length)) problems.push_back(where + ": " + *end);
  }
  c.add_all("stream-syntax", problems);
}

// PDF/A-2 6.1.7.1: no stream keeps its data in an external file (/F, /FFilter, /FDecodeParms).
void check_stream_keys(Context& c) {
  std::vector<std::string> problems;
  for (auto object : c.pdf.getAllObjects()) {
    if (!object.isStream()) continue;
    for (const char* key : {"/F", "/FFilter", "/FDecodeParms"})
      if (object.getDict().hasKey(key)) problems.push_back(object_id(object) + ": the stream dictionary has " + key);
  }
  c.add_all("stream-keys", problems);
}

// PDF/A-2 6.1.7.2: no LZWDecode; every filter decodes without error or warning, and empty
// FlateDecode data (which is not a zlib stream; qpdf passes it silently) is an error too.
// Image filters qpdf cannot decode (JPX, JBIG2, CCITT) are not tried.
void check_stream_filters(Context& c) {
  static const std::set<std::string> decodable = {"/FlateDecode", "/LZWDecode", "/ASCIIHexDecode", "/ASCII85Decode",
                                                  "/RunLengthDecode", "/DCTDecode"};
  std::vector<std::string> problems;
  for (auto object : c.pdf.getAllObjects()) {
    if (!object.isStream()) continue;
    auto filters = filters_of(object);
    bool lzw = false, flate = false, known = true;
    for (const auto& f : filters) {
      lzw |= f == "/LZWDecode";
      flate |= f == "/FlateDecode";
      known &= decodable.count(f) > 0;
    }
    if (lzw) problems.push_back(object_id(object) + ": LZWDecode is not allowed");
    if (flate && raw_size(object) == 0) {
      problems.push_back(object_id(object) + ": /FlateDecode with no data (empty data is not a zlib stream)");
      continue;
    }
    std::string error;
    if (known && !decoded_data(c.pdf, object, error)) problems.push_back(object_id(object) + ": cannot be decoded: " + error);
  }
  c.add_all("stream-filters", problems);
}

}  // namespace rapport::pdfcheck

namespace rapport::pdfcheck {

// PDF/A-2 6.2.8 and 6.2.9: no reference XObjects (/Ref: content in another file), no OPI, no
// PostScript XObjects or form /Subtype2 /PS, no image /Alternates, no /Interpolate true.
void check_xobjects(Context& c) {
  std::vector<std::string> problems;
  for (auto object : c.pdf.getAllObjects()) {
    // Font programs and metadata have a /Subtype too; only XObjects' are these three.
    auto subtype = name_of(entry(object, "/Subtype")).value_or("");
    if (!object.isStream() || (subtype != "/Form" && subtype != "/Image" && subtype != "/PS")) continue;
    std::string where = object_id(object) + " (" + subtype + ")";
    if (subtype == "/PS" || has_name(object, "/Subtype2", "/PS")) problems.push_back(where + ": a PostScript XObject");
    for (const char* key : {"/Ref", "/OPI", "/Alternates"})
      if (!entry(object, key).isNull()) problems.push_back(where + ": has " + key);
    if (is_true(entry(object, "/Interpolate"))) problems.push_back(where + ": /Interpolate true");
  }
  c.add_all("xobjects", problems);
}

}  // namespace rapport::pdfcheck
