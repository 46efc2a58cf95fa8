#include "export/pdf_images.hpp"

#include <cairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <new>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport {
namespace {

using Handle = QPDFObjectHandle;

// Decimals for numbers copied from an SVG's page and for a form's /Matrix, which scales by
// 1/width: three would round 1/800 = 0.00125 away; nine keep a picture's edges within a
// millionth of its box.
constexpr int fine = 9;

std::string_view as_view(const Buffer& buffer) {
  return {reinterpret_cast<const char*>(buffer.getBuffer()), buffer.getSize()};
}

// ---- JPEG -------------------------------------------------------------------------------

std::string_view jpeg_bytes(cairo_surface_t* surface) {
  const unsigned char* data = nullptr;
  unsigned long length = 0;
  cairo_surface_get_mime_data(surface, CAIRO_MIME_TYPE_JPEG, &data, &length);
  return {reinterpret_cast<const char*>(data), data ? length : 0};
}

// Start-of-frame markers; C4 (Huffman tables), C8 (reserved) and CC (arithmetic
// conditioning) share the range but are not frames.
bool is_frame_marker(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// The number of colour components in the JPEG's frame header, which DCTDecode's colour space
// must match; the file's header is the only place that says it (the decoded surface is RGB
// either way).
int jpeg_components(std::string_view jpeg) {
  auto byte = [&](size_t at) { return static_cast<unsigned char>(jpeg[at]); };
  if (jpeg.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8)
    throw std::runtime_error("the JPEG data does not start with a JPEG header");
  size_t at = 2;
  while (at + 4 <= jpeg.size()) {
    if (byte(at) != 0xFF) break;
    unsigned char marker = byte(at + 1);
    if (marker == 0xFF) {  // fill byte before a marker
      ++at;
      continue;
    }
    at += 2;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // markers without a length
    if (marker == 0xD9 || marker == 0xDA) break;                         // image data before any frame
    size_t length = static_cast<size_t>(byte(at)) << 8 | byte(at + 1);
    if (is_frame_marker(marker)) {
      if (length < 8 || at + 8 > jpeg.size()) break;
      if (byte(at + 2) != 8)
        throw std::runtime_error("the JPEG has " + std::to_string(byte(at + 2)) + "-bit samples; PDF takes only 8");
      return byte(at + 7);
    }
    at += length;
  }
  throw std::runtime_error("the JPEG data has no readable frame header");
}

void write_jpeg(PdfFile& file, ObjectId id, cairo_surface_t* surface, std::string_view jpeg) {
  int components = jpeg_components(jpeg);
  const char* space = components == 3 ? "/DeviceRGB" : components == 1 ? "/DeviceGray" : nullptr;
  if (!space)
    throw std::runtime_error("the JPEG has " + std::to_string(components) +
                             " colour components (CMYK?); only RGB and greyscale are supported");
  std::string size = "/Width " + std::to_string(cairo_image_surface_get_width(surface)) + " /Height " +
                     std::to_string(cairo_image_surface_get_height(surface));
  file.encoded_stream(id, "/Type /XObject /Subtype /Image " + size + " /ColorSpace " + space +
                              " /BitsPerComponent 8 /Filter /DCTDecode",
                      jpeg);
}

// ---- PNG (any image surface without JPEG data) -------------------------------------------

struct Samples {
  std::string rgb, alpha;
  bool opaque = true;
};

// Cairo keeps a pixel as one native-endian 32-bit word, alpha in the top byte, colours
// premultiplied by it; PDF wants the colours as they are, alpha apart.
Samples unpremultiplied(cairo_surface_t* surface) {
  cairo_format_t format = cairo_image_surface_get_format(surface);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    throw std::runtime_error("the bitmap is neither ARGB32 nor RGB24");
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  if (!data) throw std::runtime_error("the bitmap has no pixel data");
  size_t width = static_cast<size_t>(cairo_image_surface_get_width(surface));
  size_t height = static_cast<size_t>(cairo_image_surface_get_height(surface));
  size_t stride = static_cast<size_t>(cairo_image_surface_get_stride(surface));
  bool has_alpha = format == CAIRO_FORMAT_ARGB32;
  Samples out;
  out.rgb.reserve(width * height * 3);
  out.alpha.reserve(width * height);
  for (size_t y = 0; y < height; ++y) {
    for (size_t x = 0; x < width; ++x) {
      uint32_t pixel;
      std::memcpy(&pixel, data + y * stride + x * 4, sizeof pixel);
      uint32_t a = has_alpha ? pixel >> 24 : 255;
      for (int shift = 16; shift >= 0; shift -= 8) {
        uint32_t c = (pixel >> shift) & 0xFF;
        if (a != 255) c = a == 0 ? 0 : std::min<uint32_t>(255, (c * 255 + a / 2) / a);
        out.rgb += static_cast<char>(c);
      }
      out.alpha += static_cast<char>(a);
      if (a != 255) out.opaque = false;
    }
  }
  return out;
}

void write_bitmap(PdfFile& file, ObjectId id, cairo_surface_t* surface) {
  Samples samples = unpremultiplied(surface);
  std::string size = "/Width " + std::to_string(cairo_image_surface_get_width(surface)) + " /Height " +
                     std::to_string(cairo_image_surface_get_height(surface));
  std::string mask;
  if (!samples.opaque) {
    ObjectId mask_id = file.reserve();
    file.stream(mask_id, "/Type /XObject /Subtype /Image " + size + " /ColorSpace /DeviceGray /BitsPerComponent 8",
                samples.alpha);
    mask = " /SMask " + pdf_ref(mask_id);
  }
  file.stream(id, "/Type /XObject /Subtype /Image " + size + " /ColorSpace /DeviceRGB /BitsPerComponent 8" + mask,
              samples.rgb);
}

// ---- SVG ------------------------------------------------------------------------------------

// Copies objects from a QPDF document into the PdfFile under new numbers: each indirect
// object met is given a number at once and written after the object that refers to it, in
// the order met (dictionaries by sorted key), so the same picture gives the same bytes.
class ObjectCopier {
 public:
  explicit ObjectCopier(PdfFile& file) : file_(file) {}

  std::string value(Handle h) { return h.isIndirect() ? reference(h) : direct(h); }

  void write_pending() {
    while (!pending_.empty()) {
      auto [id, h] = pending_.front();
      pending_.pop_front();
      if (h.isStream())
        file_.encoded_stream(id, entries(h.getDict(), true), as_view(*h.getRawStreamData()));
      else
        file_.object(id, direct(h));
    }
  }

 private:
  std::string reference(Handle h) {
    auto [it, added] = ids_.try_emplace(h.getObjGen(), 0);
    if (added) {
      it->second = file_.reserve();
      pending_.emplace_back(it->second, h);
    }
    return pdf_ref(it->second);
  }

  std::string direct(Handle h) {
    if (h.isNull()) return "null";
    if (h.isBool()) return h.getBoolValue() ? "true" : "false";
    if (h.isInteger()) return std::to_string(h.getIntValue());
    if (h.isReal()) return real(h);
    if (h.isName()) return pdf_name(h.getName().substr(1));  // getName() is "/" + the unescaped name
    if (h.isString()) return pdf_byte_string(h.getStringValue());
    if (h.isArray()) {
      std::string out = "[";
      for (auto& item : h.getArrayAsVector()) out += (out.size() > 1 ? " " : "") + value(item);
      return out + "]";
    }
    if (h.isDictionary()) return "<< " + entries(h, false) + " >>";
    throw std::runtime_error(std::string("Cairo's PDF holds an object of an unexpected kind: ") + h.getTypeName());
  }

  // A real as written in Cairo's file; PDF has no exponents, so anything else is rewritten.
  static std::string real(Handle h) {
    std::string text = h.getRealValue();
    bool plain = !text.empty() && text.find_first_not_of("0123456789.+-") == std::string::npos;
    return plain ? text : pdf_number(h.getNumericValue(), fine);
  }

  // The entries without "<<" ">>", changed where PDF/A-2 or the new file requires: a stream's
  // /Length is PdfFile's to write; images are not interpolated (6.2.8); a CIDFontType2 names
  // its CID-to-glyph map (6.2.11.3.2; Cairo numbers a subset's glyphs by CID and leaves it
  // out); /StructParent(s) would point into Cairo's structure tree, which is not copied.
  std::string entries(Handle dict, bool stream) {
    std::map<std::string, Handle> items = dict.getDictAsMap();
    auto is = [&](const char* key, const char* name) {
      auto it = items.find(key);
      return it != items.end() && it->second.isNameAndEquals(name);
    };
    bool image = is("/Subtype", "/Image");
    bool needs_cid_map = is("/Subtype", "/CIDFontType2") && !items.contains("/CIDToGIDMap");
    std::string out;
    for (auto& [key, v] : items) {
      if (v.isNull() || (stream && key == "/Length") || (image && key == "/Interpolate") || key == "/StructParent" ||
          key == "/StructParents")
        continue;
      if (!out.empty()) out += ' ';
      out += pdf_name(key.substr(1)) + " " + value(v);
    }
    if (needs_cid_map) out += " /CIDToGIDMap /Identity";
    return out;
  }

  PdfFile& file_;
  std::map<QPDFObjGen, ObjectId> ids_;
  std::deque<std::pair<ObjectId, Handle>> pending_;
};

// Maps the page's box onto the unit square, y upwards, as an image fills it.
std::string unit_square_matrix(Handle box) {
  std::vector<double> v;
  if (box.isArray())
    for (auto& item : box.getArrayAsVector())
      if (item.isNumber()) v.push_back(item.getNumericValue());
  if (v.size() != 4 || !(v[2] - v[0] > 0) || !(v[3] - v[1] > 0))
    throw std::runtime_error("Cairo's page has no usable MediaBox");
  double sx = 1 / (v[2] - v[0]), sy = 1 / (v[3] - v[1]);
  return "[" + pdf_number(sx, fine) + " 0 0 " + pdf_number(sy, fine) + " " + pdf_number(-v[0] * sx, fine) + " " +
         pdf_number(-v[1] * sy, fine) + "]";
}

// A page's content may be split over several streams, at token boundaries.
std::string page_content(QPDFPageObjectHelper& page) {
  std::string content;
  for (auto& part : page.getPageContents()) {
    if (!content.empty()) content += '\n';
    content += as_view(*part.getStreamData(qpdf_dl_generalized));
  }
  return content;
}

// librsvg tags an SVG's links (<a href="#…">), so Cairo marks their drawing as structure
// content with MCIDs, which in the form would be claimed by no element of rapport's tree; the
// picture is tagged as a whole where the page shows it. Marked-content operators only group
// and label, so removing them all, operands and all, leaves the drawing as it was.
class MarkedContentRemover : public QPDFObjectHandle::ParserCallbacks {
 public:
  explicit MarkedContentRemover(const std::string& content) : content_(content) {}

  void handleObject(Handle h, size_t offset, size_t length) override {
    if (!h.isOperator()) {
      if (operands_at_ == std::string::npos) operands_at_ = offset;
      return;
    }
    std::string op = h.getOperatorValue();
    if (op == "BMC" || op == "BDC" || op == "EMC") {
      size_t start = operands_at_ == std::string::npos ? offset : operands_at_;
      out_.append(content_, kept_to_, start - kept_to_);
      out_ += '\n';
      kept_to_ = offset + length;
    }
    operands_at_ = std::string::npos;
  }

  void handleEOF() override { out_.append(content_, kept_to_); }

  std::string result() { return std::move(out_); }

 private:
  const std::string& content_;
  std::string out_;
  size_t kept_to_ = 0;                       // content_ up to here is in out_ or dropped
  size_t operands_at_ = std::string::npos;  // where the next operator's operands start
};

std::string without_marked_content(QPDF& document, const std::string& content) {
  if (content.find("EMC") == std::string::npos) return content;  // Cairo marks nothing unless asked
  MarkedContentRemover remover(content);
  Handle::newStream(&document, content).parseAsContents(&remover);
  return remover.result();
}

void write_svg(PdfFile& file, ObjectId id, const Picture& picture) {
  const std::string& pdf = picture.vector_pdf();  // QPDF reads it in place: it must outlive `document`
  QPDF document;
  // Cairo 1.16 writes an image used twice into the resources twice under the same key, which
  // qpdf warns about on stderr; the value is the same either way. Real damage throws.
  document.setSuppressWarnings(true);
  document.processMemoryFile(picture.path.c_str(), pdf.data(), pdf.size());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(document).getAllPages();
  if (pages.size() != 1) throw std::runtime_error("Cairo drew " + std::to_string(pages.size()) + " pages, not one");
  QPDFPageObjectHelper& page = pages.front();
  Handle box = page.getMediaBox();
  Handle resources = page.getAttribute("/Resources", false);
  ObjectCopier copier(file);
  // The page's /Group is not carried over: it is there for the page as a whole (Cairo gives
  // every page one), and a group on the form would only isolate the picture from the page.
  file.stream(id,
              "/Type /XObject /Subtype /Form /BBox " + copier.value(box) + " /Matrix " + unit_square_matrix(box) +
                  " /Resources " + (resources.isDictionary() ? copier.value(resources) : "<< >>"),
              without_marked_content(document, page_content(page)));
  copier.write_pending();
}

void write_picture(PdfFile& file, ObjectId id, const Picture& picture) {
  if (picture.svg) {
    if (!(picture.width > 0) || !(picture.height > 0)) throw std::runtime_error("the SVG has no size");
    write_svg(file, id, picture);
  } else if (picture.bitmap) {
    if (cairo_surface_status(picture.bitmap) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_get_type(picture.bitmap) != CAIRO_SURFACE_TYPE_IMAGE)
      throw std::runtime_error("the bitmap is not a readable image");
    if (std::string_view jpeg = jpeg_bytes(picture.bitmap); !jpeg.empty())
      write_jpeg(file, id, picture.bitmap, jpeg);
    else
      write_bitmap(file, id, picture.bitmap);
  } else {
    throw std::runtime_error("nothing was loaded");
  }
}

}  // namespace

struct PdfImages::Impl {
  PdfFile& file;
  std::map<const Picture*, size_t> index;  // into `written`; looked up only, never iterated
  std::vector<std::pair<std::string, ObjectId>> written;  // resource names and objects, in order of first use
};

PdfImages::PdfImages(PdfFile& file) : impl_(std::make_unique<Impl>(Impl{file, {}, {}})) {}

PdfImages::~PdfImages() = default;

std::string PdfImages::resource(const Picture& picture) {
  if (auto it = impl_->index.find(&picture); it != impl_->index.end()) return impl_->written[it->second].first;
  ObjectId id = impl_->file.reserve();
  try {
    write_picture(impl_->file, id, picture);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot put the picture '" + picture.path + "' into the PDF: " + e.what());
  }
  impl_->index.emplace(&picture, impl_->written.size());
  impl_->written.emplace_back("Im" + std::to_string(impl_->written.size() + 1), id);
  return impl_->written.back().first;
}

std::string PdfImages::entries() const {
  std::string out;
  for (const auto& [name, id] : impl_->written) {
    if (!out.empty()) out += ' ';
    out += pdf_name(name) + " " + pdf_ref(id);
  }
  return out;
}

}  // namespace rapport
