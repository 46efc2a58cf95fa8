#include "export/pdf_fonts.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace rapport {
namespace {

template <typename T, void (*destroy)(T*)>
struct Destroy {
  void operator()(T* p) const { destroy(p); }
};
using Blob = std::unique_ptr<hb_blob_t, Destroy<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, Destroy<hb_face_t, hb_face_destroy>>;
using Font = std::unique_ptr<hb_font_t, Destroy<hb_font_t, hb_font_destroy>>;
using SubsetInput = std::unique_ptr<hb_subset_input_t, Destroy<hb_subset_input_t, hb_subset_input_destroy>>;

// What a PDF TrueType font program needs (ISO 32000-1 9.9), hinting included so small text
// renders as the font's designer meant. The layout tables (GSUB, GPOS, GDEF, kern, …) did
// their work when the text was shaped; kept, they would also make hb-subset pull every glyph
// a substitution could reach into the subset.
constexpr hb_tag_t kept_tables[] = {
    HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'),
    HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p'), HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
    HB_TAG('O', 'S', '/', '2'), HB_TAG('p', 'o', 's', 't'), HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'),
    HB_TAG('p', 'r', 'e', 'p'),
};

// ISO 32000-1 9.8.2, table 123.
constexpr int flag_fixed_pitch = 1, flag_nonsymbolic = 32, flag_italic = 64;

// A ToUnicode CMap's bfchar block holds at most 100 entries (Adobe technical note 5411).
constexpr size_t bfchar_block = 100;

// FNV-1a: a stable hash, the same on every machine and run, unlike std::hash.
uint64_t fnv1a(std::string_view bytes, uint64_t hash = 14695981039346656037ull) {
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return hash;
}

// A table of the original font, read big-endian; offsets past its end read as 0, so a short
// or missing table gives defaults rather than garbage.
class Table {
 public:
  Table(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    data_ = hb_blob_get_data(blob_.get(), &size_);
  }
  bool present() const { return size_ > 0; }
  uint32_t u16(unsigned at) const {
    if (at + 2 > size_) return 0;
    return static_cast<uint32_t>(byte(at) << 8 | byte(at + 1));
  }
  int s16(unsigned at) const { return static_cast<int16_t>(static_cast<uint16_t>(u16(at))); }
  uint32_t u32(unsigned at) const { return u16(at) << 16 | u16(at + 2); }

 private:
  uint32_t byte(unsigned at) const { return static_cast<unsigned char>(data_[at]); }
  Blob blob_;
  const char* data_ = nullptr;
  unsigned size_ = 0;
};


// What makes two faces the same resource when HarfBuzz gave them separate objects (another
// font map, say): the same bytes and the same index in a collection.
struct FaceIdentity {
  size_t length = 0;
  unsigned index = 0;
  uint64_t hash = 0;
  auto operator<=>(const FaceIdentity&) const = default;
};

FaceIdentity identity_of(hb_face_t* face) {
  Blob blob(hb_face_reference_blob(face));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  return {length, hb_face_get_index(face), fnv1a(std::string_view(data, length))};
}

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned size = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, nullptr, nullptr) + 1;
  std::string text(size, '\0');
  hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, text.data());
  text.resize(size);
  return text;
}

// The name a PDF font is known by: the font's PostScript name, which by its own rules
// (OpenType 'name' ID 6) is printable ASCII without spaces or PDF delimiters; a font that
// breaks them gets the offending bytes dropped, one without it its family name.
std::string postscript_name(hb_face_t* face) {
  std::string name = name_entry(face, HB_OT_NAME_ID_POSTSCRIPT_NAME);
  if (name.empty()) name = name_entry(face, HB_OT_NAME_ID_FONT_FAMILY);
  std::string clean;
  for (char c : name)
    if (c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos) clean += c;
  if (clean.size() > 63) clean.resize(63);  // PostScript's limit for a font name
  return clean.empty() ? "Font" : clean;
}

struct EmbeddedFont {
  Face face;     // a reference of our own: keeps the face (and its pointer as a key) alive
  Font metrics;  // the face at its units-per-em scale, for the advances of its hmtx table
  ObjectId type0 = 0;
  std::string resource;
  std::set<unsigned> glyphs{0};  // used glyphs; .notdef is part of every TrueType subset
  std::map<unsigned, std::string> text;      // glyph → the UTF-8 text it was first drawn for
  std::map<unsigned, double> advances;       // glyph → thousandths of an em, as /W says
  bool slanted = false;                      // shown with a synthesised oblique somewhere
  bool written = false;
};

double to_thousandths(double font_units, unsigned upem) { return font_units * 1000.0 / upem; }

// Rounded as pdf_number writes it, so what advance() reports is exactly the /W entry.
double rounded(double v) { return static_cast<double>(std::llround(v * 1000)) / 1000; }

double glyph_advance(EmbeddedFont& font, unsigned glyph) {
  auto [it, inserted] = font.advances.try_emplace(glyph, 0.0);
  if (inserted) {
    hb_position_t units = hb_font_get_glyph_h_advance(font.metrics.get(), glyph);
    it->second = rounded(to_thousandths(units, hb_face_get_upem(font.face.get())));
  }
  return it->second;
}

void drop_unneeded_tables(hb_face_t* face, hb_set_t* drop) {
  hb_tag_t tags[64];
  unsigned start = 0, count = 0;
  do {
    count = std::size(tags);
    hb_face_get_table_tags(face, start, &count, tags);
    for (unsigned i = 0; i < count; ++i)
      if (std::find(std::begin(kept_tables), std::end(kept_tables), tags[i]) == std::end(kept_tables))
        hb_set_add(drop, tags[i]);
    start += count;
  } while (count == std::size(tags));
}

// The font program with only the used glyphs' outlines; every other glyph id stays, empty,
// so the ids in the content streams need no mapping.
std::string subset_program(const EmbeddedFont& font, const std::string& name) {
  // A font with CFF outlines would need a CIDFontType0 and FontFile3; rapport's fonts are
  // all TrueType, so say so rather than embed a program a viewer cannot read.
  if (!Table(font.face.get(), HB_TAG('g', 'l', 'y', 'f')).present())
    throw std::runtime_error("the font " + name + " has no TrueType outlines (glyf table) and cannot be embedded");
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("HarfBuzz could not start subsetting the font " + name);
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  for (unsigned g : font.glyphs) hb_set_add(glyphs, g);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  drop_unneeded_tables(font.face.get(), hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG));
  Face subset(hb_subset_or_fail(font.face.get(), input.get()));
  if (!subset) throw std::runtime_error("HarfBuzz could not subset the font " + name);
  Blob blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (length == 0) throw std::runtime_error("HarfBuzz made an empty subset of the font " + name);
  return std::string(data, length);
}

// ISO 32000-1 9.6.4: six capital letters that differ between subsets of one font; derived
// from the glyphs so the same document gives the same tag.
std::string subset_tag(const EmbeddedFont& font, const std::string& name) {
  uint64_t hash = fnv1a(name);
  for (unsigned g : font.glyphs) {
    char bytes[4] = {static_cast<char>(g >> 24), static_cast<char>(g >> 16), static_cast<char>(g >> 8), static_cast<char>(g)};
    hash = fnv1a(std::string_view(bytes, 4), hash);
  }
  std::string tag;
  for (int i = 0; i < 6; ++i, hash /= 26) tag += static_cast<char>('A' + hash % 26);
  return tag;
}

double metric(hb_font_t* font, hb_ot_metrics_tag_t tag, double fallback, unsigned upem) {
  hb_position_t value = 0;
  return hb_ot_metrics_get_position(font, tag, &value) && value != 0 ? to_thousandths(value, upem) : fallback;
}

// Fonts with an OS/2 table older than version 2 (DejaVu's) do not record their cap height;
// the top of H is what it measures.
double cap_height(hb_font_t* font, double fallback, unsigned upem) {
  hb_codepoint_t h = 0;
  hb_glyph_extents_t extents{};
  if (hb_font_get_nominal_glyph(font, 'H', &h) && hb_font_get_glyph_extents(font, h, &extents) && extents.y_bearing > 0)
    fallback = to_thousandths(extents.y_bearing, upem);
  return metric(font, HB_OT_METRICS_TAG_CAP_HEIGHT, fallback, upem);
}

// A rough stem width from the weight class: the descriptor requires /StemV, TrueType fonts
// do not record it, and viewers only use it to substitute a font, which never happens here.
double stem_v(const Table& os2) {
  double weight = os2.present() && os2.u16(4) != 0 ? os2.u16(4) : 400;
  return std::round(50 + (weight / 65) * (weight / 65));
}

std::string descriptor(const EmbeddedFont& font, const std::string& font_name, ObjectId font_file) {
  hb_face_t* face = font.face.get();
  unsigned upem = hb_face_get_upem(face);
  Table head(face, HB_TAG('h', 'e', 'a', 'd')), post(face, HB_TAG('p', 'o', 's', 't')), os2(face, HB_TAG('O', 'S', '/', '2'));
  auto scaled = [&](int units) { return pdf_number(to_thousandths(units, upem)); };
  double italic_angle = static_cast<int32_t>(post.u32(4)) / 65536.0;
  int flags = flag_nonsymbolic;
  if (italic_angle != 0 || font.slanted) flags |= flag_italic;
  if (post.u32(12) != 0) flags |= flag_fixed_pitch;
  double ascent = metric(font.metrics.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 800, upem);
  double descent = metric(font.metrics.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -200, upem);
  double cap = cap_height(font.metrics.get(), ascent, upem);
  return "<< /Type /FontDescriptor /FontName " + pdf_name(font_name) + " /Flags " + std::to_string(flags) +
         " /FontBBox [" + scaled(head.s16(36)) + " " + scaled(head.s16(38)) + " " + scaled(head.s16(40)) + " " +
         scaled(head.s16(42)) + "] /ItalicAngle " + pdf_number(italic_angle) + " /Ascent " + pdf_number(ascent) +
         " /Descent " + pdf_number(descent) + " /CapHeight " + pdf_number(cap) + " /StemV " +
         pdf_number(stem_v(os2)) + " /FontFile2 " + pdf_ref(font_file) + " >>";
}

// /W as runs of consecutive glyph ids, "first [w1 w2 …]", a line each, for every glyph but
// .notdef.
std::string widths_array(EmbeddedFont& font) {
  std::string out = "[";
  unsigned next = 0;
  bool open = false;
  for (unsigned g : font.glyphs) {
    if (g == 0) continue;  // .notdef: /DW says its width
    if (!open || g != next) {
      if (open) out += "]\n";
      out += std::to_string(g) + " [";
      open = true;
    } else {
      out += ' ';
    }
    append_number(out, glyph_advance(font, g));
    next = g + 1;
  }
  if (open) out += ']';
  return out + "]";
}

// /W lists every glyph shown; /DW, for any other, is .notdef's width, as the subset has it.
std::string cid_font(EmbeddedFont& font, const std::string& font_name, ObjectId descriptor_id) {
  return "<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + pdf_name(font_name) +
         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
         pdf_ref(descriptor_id) + " /CIDToGIDMap /Identity /DW " + pdf_number(glyph_advance(font, 0)) + " /W " +
         widths_array(font) + " >>";
}

// The standard ToUnicode CMap program (Adobe technical note 5411, ISO 32000-1 9.10.3).
std::string to_unicode_cmap(const EmbeddedFont& font) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  auto it = font.text.begin();
  for (size_t left = font.text.size(); left > 0;) {
    size_t n = std::min(left, bfchar_block);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t i = 0; i < n; ++i, ++it) {
      out += '<';
      append_hex4(out, it->first);
      out += "> <" + utf16be_hex(it->second) + ">\n";
    }
    out += "endbfchar\n";
    left -= n;
  }
  return out + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

void write_font(PdfFile& file, EmbeddedFont& font) {
  std::string name = postscript_name(font.face.get());
  std::string program = subset_program(font, name);
  std::string font_name = subset_tag(font, name) + "+" + name;
  ObjectId font_file = file.stream("/Length1 " + std::to_string(program.size()), program);
  ObjectId descriptor_id = file.object(descriptor(font, font_name, font_file));
  ObjectId cid = file.object(cid_font(font, font_name, descriptor_id));
  ObjectId to_unicode = file.stream("", to_unicode_cmap(font));
  file.object(font.type0, "<< /Type /Font /Subtype /Type0 /BaseFont " + pdf_name(font_name) +
                              " /Encoding /Identity-H /DescendantFonts [" + pdf_ref(cid) + "] /ToUnicode " +
                              pdf_ref(to_unicode) + " >>");
  font.written = true;
}

// The font matrix Cairo shows the font with: its size, and a shear when fontconfig
// synthesises an oblique for a family without an italic face.
std::pair<double, double> size_and_skew(PangoFont* font) {
  if (PANGO_IS_CAIRO_FONT(font)) {
    cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (scaled && cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS) {
      cairo_matrix_t m;
      cairo_scaled_font_get_font_matrix(scaled, &m);
      if (m.xx != 0) return {m.xx, m.xy / m.xx};
    }
  }
  PangoFontDescription* description = pango_font_describe_with_absolute_size(font);
  double size = pango_font_description_get_size(description) / static_cast<double>(PANGO_SCALE);
  pango_font_description_free(description);
  return {size, 0.0};
}

}  // namespace

struct PdfFonts::Impl {
  explicit Impl(PdfFile& f) : file(f) {}

  EmbeddedFont& font(int handle) {
    if (handle < 0 || static_cast<size_t>(handle) >= fonts.size())
      throw std::out_of_range("no PDF font with handle " + std::to_string(handle));
    return fonts[static_cast<size_t>(handle)];
  }

  // Pango normally shares one face among a file's fonts at every size, so the face pointer
  // finds it; the content comparison catches the same file loaded twice.
  int handle_of(hb_face_t* face) {
    if (auto it = by_face.find(face); it != by_face.end()) return it->second;
    FaceIdentity identity = identity_of(face);
    auto [it, inserted] = by_identity.try_emplace(identity, static_cast<int>(fonts.size()));
    if (inserted) add(face);
    // A reference to this face too, so its address cannot be reused by another face.
    if (!inserted) extra_faces.emplace_back(hb_face_reference(face));
    by_face.emplace(face, it->second);
    return it->second;
  }

  void add(hb_face_t* face) {
    EmbeddedFont font;
    font.face.reset(hb_face_reference(face));
    font.metrics.reset(hb_font_create(face));
    font.type0 = file.reserve();
    font.resource = std::string("F").append(std::to_string(fonts.size() + 1));
    fonts.push_back(std::move(font));
  }

  PdfFile& file;
  std::vector<EmbeddedFont> fonts;  // by handle, in order of first use
  std::map<const hb_face_t*, int> by_face;  // only looked up, never iterated for output
  std::map<FaceIdentity, int> by_identity;
  std::vector<Face> extra_faces;
};

PdfFonts::PdfFonts(PdfFile& file) : impl_(std::make_unique<Impl>(file)) {}
PdfFonts::~PdfFonts() = default;

PdfFonts::Use PdfFonts::use(PangoFont* font) {
  hb_font_t* hb_font = font ? pango_font_get_hb_font(font) : nullptr;  // owned by Pango
  if (!hb_font) throw std::runtime_error("a font without a HarfBuzz face cannot be embedded in the PDF");
  int handle = impl_->handle_of(hb_font_get_face(hb_font));
  auto [size, skew] = size_and_skew(font);
  EmbeddedFont& embedded = impl_->font(handle);
  if (skew != 0) embedded.slanted = true;
  return {handle, embedded.resource, size, skew};
}

bool PdfFonts::map_glyph(int font, unsigned glyph, std::string_view text) {
  EmbeddedFont& embedded = impl_->font(font);
  // Identity-H shows two-byte codes; a larger id is one of Pango's placeholders
  // (PANGO_GLYPH_EMPTY, an unknown-glyph box), which has no outline in the font to embed.
  if (glyph > 0xFFFF || glyph >= hb_face_get_glyph_count(embedded.face.get()))
    throw std::invalid_argument("glyph " + std::to_string(glyph) + " is not in font " + embedded.resource);
  if (embedded.written) throw std::logic_error("font " + embedded.resource + " was used after it was written");
  embedded.glyphs.insert(glyph);
  if (text.empty()) return true;
  auto [it, inserted] = embedded.text.try_emplace(glyph, text);
  return inserted || it->second == text;
}

double PdfFonts::advance(int font, unsigned glyph) const { return glyph_advance(impl_->font(font), glyph); }

std::string PdfFonts::write_all() {
  std::string entries;
  for (EmbeddedFont& font : impl_->fonts) {
    if (!font.written) write_font(impl_->file, font);
    if (!entries.empty()) entries += ' ';
    entries += pdf_name(font.resource) + " " + pdf_ref(font.type0);
  }
  return entries;
}

}  // namespace rapport
