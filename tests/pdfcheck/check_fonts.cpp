// Fonts (PDF/A-2 6.2.11): embedded, composite fonts well formed, every character code that is
// shown mapped to Unicode, and the widths the PDF gives equal to the font program's. Widths are
// compared for TrueType programs (FontFile2) only; CFF and Type 1 programs (FontFile3,
// FontFile) are not parsed, so their widths are not checked.
#include <cmath>
#include <map>

#include "pdfcheck/read_cmap.hpp"
#include "pdfcheck/read_truetype.hpp"
#include "pdfcheck/rules.hpp"

namespace rapport::pdfcheck {
namespace {

struct FontRef {
  Handle font;
  std::string where;
};

// Every font the pages, their form XObjects and the annotations' appearances name, once each.
class FontCollector {
 public:
  std::vector<FontRef> fonts;

  void resources(Handle resources, const std::string& where, int depth) {
    Handle dict = entry(resources, "/Font");
    if (dict.isDictionary())
      for (auto [name, font] : dict.getDictAsMap())
        if (!font.isIndirect() || seen_fonts_.insert(font.getObjGen()).second) fonts.push_back({font, where + ", font " + name});
    Handle xobjects = entry(resources, "/XObject");
    if (!xobjects.isDictionary() || depth >= kMaxDepth) return;
    for (auto [name, xobject] : xobjects.getDictAsMap()) form(xobject, where + ", form XObject " + name, depth);
  }

  void form(Handle xobject, const std::string& where, int depth) {
    if (!xobject.isStream() || (!entry(xobject, "/Subtype").isNull() && !has_name(xobject, "/Subtype", "/Form"))) return;
    if (xobject.isIndirect() && !seen_forms_.insert(xobject.getObjGen()).second) return;
    resources(entry(xobject, "/Resources"), where, depth + 1);
  }

 private:
  std::set<QPDFObjGen> seen_fonts_, seen_forms_;
};

std::vector<FontRef> all_fonts(Context& c) {
  FontCollector collector;
  for (size_t i = 0; i < c.pages.size(); ++i)
    collector.resources(c.pages[i].getAttribute("/Resources", false), page_label(i), 0);
  for (const auto& a : c.annotations()) collector.form(entry(entry(a.object, "/AP"), "/N"), a.where + " appearance", 0);
  return collector.fonts;
}

std::string font_place(const FontRef& ref) {
  auto base_font = name_of(entry(ref.font, "/BaseFont"));
  return ref.where + " (" + object_id(ref.font) + (base_font ? ", /BaseFont " + *base_font : "") + ")";
}

bool is_composite(Handle font) { return has_name(font, "/Subtype", "/Type0"); }

Handle descendant(Handle font) {
  auto fonts = items_of(entry(font, "/DescendantFonts"));
  return fonts.empty() ? Handle::newNull() : fonts.front();
}

// The dictionary whose descriptor and widths describe the glyphs: the descendant of a Type0.
Handle glyph_font(Handle font) { return is_composite(font) ? descendant(font) : font; }

bool has_embedded_font_file(Handle font) {
  Handle descriptor = entry(font, "/FontDescriptor");
  return entry(descriptor, "/FontFile").isStream() || entry(descriptor, "/FontFile2").isStream() ||
         entry(descriptor, "/FontFile3").isStream();
}

// Why the font is not embedded, or nothing when it is (or need not be: Type3 glyphs are
// content streams in the file itself).
std::optional<std::string> embedding_problem(Handle font) {
  if (!font.isDictionary()) return "is not a font dictionary";
  if (has_name(font, "/Subtype", "/Type3")) return std::nullopt;
  if (is_composite(font)) {
    if (descendant(font).isNull()) return "is a Type0 font without /DescendantFonts";
    if (!has_embedded_font_file(descendant(font))) return "has a descendant font that is not embedded";
    return std::nullopt;
  }
  if (!entry(font, "/FontDescriptor").isDictionary()) return "has no /FontDescriptor (not embedded)";
  if (!has_embedded_font_file(font)) return "has no /FontFile, /FontFile2 or /FontFile3 (not embedded)";
  return std::nullopt;
}

// A simple font whose encoding alone gives each code a Unicode value (PDF/A-2 6.2.11.7.2).
bool has_standard_encoding(Handle font) {
  if (is_composite(font) || has_name(font, "/Subtype", "/Type3")) return false;
  static const std::set<std::string> standard = {"/WinAnsiEncoding", "/MacRomanEncoding", "/MacExpertEncoding"};
  Handle encoding = entry(font, "/Encoding");
  if (auto name = name_of(encoding)) return standard.count(*name) > 0;
  return encoding.isDictionary() && standard.count(name_of(encoding.getKey("/BaseEncoding")).value_or("")) &&
         encoding.getKey("/Differences").isNull();
}

// The character codes in the strings a font shows: two bytes each for Identity-H/V, one else.
std::set<uint32_t> codes_shown(Handle font, const std::set<std::string>& strings) {
  size_t length = is_composite(font) ? 2 : 1;
  std::set<uint32_t> codes;
  for (const auto& s : strings)
    for (size_t i = 0; i + length <= s.size(); i += length) {
      uint32_t code = 0;
      for (size_t k = 0; k < length; ++k) code = (code << 8) | static_cast<unsigned char>(s[i + k]);
      codes.insert(code);
    }
  return codes;
}

std::string hex(uint32_t code, size_t bytes) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out = "<";
  for (size_t i = bytes * 2; i-- > 0;) out += digits[(code >> (4 * i)) & 0xF];
  return out + ">";
}

// ---- widths ------------------------------------------------------------------------------

// A CIDFont's /W array (ISO 32000-1 9.7.4.3): "c [w1 w2 …]" and "c_first c_last w".
std::map<uint32_t, double> cid_widths(Handle w) {
  std::map<uint32_t, double> widths;
  auto items = items_of(w.isArray() ? w : Handle::newNull());
  for (size_t i = 0; i < items.size();) {
    auto first = integer_of(items[i]);
    if (!first || *first < 0 || i + 1 >= items.size()) break;
    if (items[i + 1].isArray()) {
      uint32_t cid = static_cast<uint32_t>(*first);
      for (auto width : items[i + 1].getArrayAsVector()) widths[cid++] = number_of(width).value_or(0);
      i += 2;
    } else {
      auto last = integer_of(items[i + 1]);
      if (!last || i + 2 >= items.size() || *last < *first || *last - *first > 0xFFFF) break;
      for (long long cid = *first; cid <= *last; ++cid) widths[static_cast<uint32_t>(cid)] = number_of(items[i + 2]).value_or(0);
      i += 3;
    }
  }
  return widths;
}

// The code point WinAnsiEncoding gives a code; Latin-1 outside 0x80–0x9F.
uint32_t win_ansi_unicode(uint32_t code) {
  static const uint32_t high[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
  return code >= 0x80 && code < 0xA0 ? high[code - 0x80] : code;
}

unsigned lookup(const TrueTypeFont& program, unsigned platform, unsigned encoding, uint32_t code) {
  auto table = program.cmaps.find({platform, encoding});
  if (table == program.cmaps.end()) return 0;
  auto found = table->second.find(code);
  return found == table->second.end() ? 0 : found->second;
}

// The glyph a simple TrueType font's code selects (ISO 32000-1 9.6.6.4): through Unicode and
// the (3,1) cmap for a non-symbolic font, else the (3,0) cmap at code or 0xF000+code, else (1,0).
unsigned simple_glyph(const TrueTypeFont& program, Handle font, uint32_t code) {
  auto flags = integer_of(entry(entry(font, "/FontDescriptor"), "/Flags")).value_or(0);
  bool symbolic = (flags & 4) != 0;
  if (!symbolic && program.cmaps.count({3, 1}))
    if (unsigned gid = lookup(program, 3, 1, win_ansi_unicode(code))) return gid;
  for (uint32_t c : {code, 0xF000 + code, 0xF100 + code, 0xF200 + code})
    if (unsigned gid = lookup(program, 3, 0, c)) return gid;
  return lookup(program, 1, 0, code);
}

// The glyph id a CID selects through /CIDToGIDMap: `map` is the stream's data, or nothing for
// /Identity (or none, which cid-to-gid-map reports).
unsigned cid_glyph(const std::optional<std::string>& map, uint32_t cid) {
  if (!map) return cid;
  if (2 * static_cast<size_t>(cid) + 1 >= map->size()) return 0;
  return (static_cast<unsigned char>((*map)[2 * cid]) << 8) | static_cast<unsigned char>((*map)[2 * cid + 1]);
}

void judge_widths(Context& c, const FontRef& ref, const std::set<uint32_t>& codes, std::vector<std::string>& problems) {
  Handle font = glyph_font(ref.font);
  Handle program_stream = entry(entry(font, "/FontDescriptor"), "/FontFile2");
  if (!program_stream.isStream()) return;  // not TrueType: not checked (see the file comment)
  std::string error;
  auto data = decoded_data(c.pdf, program_stream, error);
  std::optional<TrueTypeFont> program;
  if (data) program = read_truetype(*data, error);
  if (!program) return problems.push_back(font_place(ref) + ": the embedded font program cannot be read: " + error);
  bool composite = is_composite(ref.font);
  std::optional<std::string> gid_map;
  if (composite && entry(font, "/CIDToGIDMap").isStream()) {
    gid_map = decoded_data(c.pdf, entry(font, "/CIDToGIDMap"), error);
    if (!gid_map) return problems.push_back(font_place(ref) + ": the /CIDToGIDMap cannot be read: " + error);
  }
  auto w = composite ? cid_widths(entry(font, "/W")) : std::map<uint32_t, double>{};
  double dw = number_of(entry(font, "/DW")).value_or(1000);
  auto widths = items_of(entry(font, "/Widths"));
  long long first_char = integer_of(entry(font, "/FirstChar")).value_or(0);
  size_t reported = problems.size();
  for (uint32_t code : codes) {
    unsigned gid = composite ? cid_glyph(gid_map, code) : simple_glyph(*program, font, code);
    std::string at = font_place(ref) + ": code " + hex(code, composite ? 2 : 1) + " (glyph " + std::to_string(gid) + ")";
    if (gid == 0 || gid >= program->glyph_count) {
      problems.push_back(at + (gid == 0 ? " shows .notdef (PDF/A-2 6.2.11.8)" : " is not in the font program (6.2.11.4.1)"));
      continue;
    }
    double pdf_width = dw;
    if (composite && w.count(code)) pdf_width = w[code];
    if (!composite) {
      long long index = static_cast<long long>(code) - first_char;
      pdf_width = index >= 0 && index < static_cast<long long>(widths.size())
                      ? number_of(widths[static_cast<size_t>(index)]).value_or(0)
                      : number_of(entry(entry(font, "/FontDescriptor"), "/MissingWidth")).value_or(0);
    }
    if (std::fabs(pdf_width - program->width(gid)) > 1)
      problems.push_back(at + ": the PDF gives width " + std::to_string(static_cast<long long>(std::lround(pdf_width))) +
                         ", the font program " + std::to_string(static_cast<long long>(std::lround(program->width(gid)))));
    if (problems.size() - reported >= kMaxListed) return;  // one broken font need not drown the rest
  }
}

}  // namespace

void check_fonts_embedded(Context& c) {
  std::vector<std::string> problems;
  for (const auto& ref : all_fonts(c))
    if (auto problem = embedding_problem(ref.font)) problems.push_back(font_place(ref) + " " + *problem);
  c.add_all("fonts-embedded", problems);
}

// PDF/A-2 6.2.11.3.2: a CIDFontType2 maps CIDs to glyphs explicitly, /Identity or a stream.
void check_cid_to_gid_map(Context& c) {
  std::vector<std::string> problems;
  for (const auto& ref : all_fonts(c)) {
    Handle cid_font = is_composite(ref.font) ? descendant(ref.font) : Handle::newNull();
    if (!has_name(cid_font, "/Subtype", "/CIDFontType2")) continue;
    Handle map = entry(cid_font, "/CIDToGIDMap");
    if (!map.isStream() && name_of(map) != "/Identity")
      problems.push_back(font_place(ref) + ": the CIDFontType2 " + object_id(cid_font) + " has no /CIDToGIDMap /Identity or stream");
  }
  c.add_all("cid-to-gid-map", problems);
}

// PDF/A-2 6.2.11.3.1 and 6.2.11.3.3: a CIDFont has a complete /CIDSystemInfo; with Identity-H
// or Identity-V any values do; an embedded CMap's Registry and Ordering equal the CIDFont's and
// its Supplement is not lower. (Other predefined CMap names are accepted without comparing.)
void check_cid_system_info(Context& c) {
  std::vector<std::string> problems;
  for (const auto& ref : all_fonts(c)) {
    if (!is_composite(ref.font)) continue;
    Handle info = entry(descendant(ref.font), "/CIDSystemInfo");
    if (!text_of(entry(info, "/Registry")) || !text_of(entry(info, "/Ordering")) || !integer_of(entry(info, "/Supplement"))) {
      problems.push_back(font_place(ref) + ": the CIDFont has no /CIDSystemInfo with Registry, Ordering and Supplement");
      continue;
    }
    Handle encoding = entry(ref.font, "/Encoding");
    if (!encoding.isStream()) continue;
    Handle cmap_info = entry(encoding, "/CIDSystemInfo");
    if (text_of(entry(cmap_info, "/Registry")) != text_of(entry(info, "/Registry")) ||
        text_of(entry(cmap_info, "/Ordering")) != text_of(entry(info, "/Ordering")) ||
        integer_of(entry(info, "/Supplement")).value_or(0) > integer_of(entry(cmap_info, "/Supplement")).value_or(-1))
      problems.push_back(font_place(ref) + ": the CIDSystemInfo of the font and of its CMap disagree");
  }
  c.add_all("cid-system-info", problems);
}

// PDF/A-2 6.2.11.7 (level A), PDF/UA-1 7.21.7, Matterhorn 31-009: every font has a /ToUnicode
// map unless its standard encoding says it all, and every code shown maps to a real character.
void check_to_unicode(Context& c) {
  std::vector<std::string> problems;
  const auto& used = c.content().fonts;
  for (const auto& ref : all_fonts(c)) {
    Handle to_unicode = entry(ref.font, "/ToUnicode");
    bool standard = has_standard_encoding(ref.font);
    if (!to_unicode.isStream()) {
      if (!standard) problems.push_back(font_place(ref) + ": no /ToUnicode CMap");
      continue;
    }
    std::string error;
    auto data = decoded_data(c.pdf, to_unicode, error);
    if (!data) {
      problems.push_back(font_place(ref) + ": the /ToUnicode CMap cannot be read: " + error);
      continue;
    }
    auto use = ref.font.isIndirect() ? used.find(ref.font.getObjGen()) : used.end();
    if (use == used.end()) continue;
    auto map = read_to_unicode(*data);
    std::vector<std::string> bad;
    for (uint32_t code : codes_shown(ref.font, use->second.strings)) {
      auto found = map.codes.find(code);
      if (found == map.codes.end() ? !standard : !is_real_unicode(found->second))
        bad.push_back(hex(code, is_composite(ref.font) ? 2 : 1));
    }
    if (!bad.empty())
      problems.push_back(font_place(ref) + ": codes shown without a Unicode value (none, U+0000, U+FFFD, U+FEFF): " + listing(bad));
  }
  c.add_all("to-unicode", problems);
}

// PDF/A-2 6.2.11.5 (and 6.2.11.4.1, 6.2.11.8): for each code shown, the glyph is in the embedded
// TrueType program, is not .notdef, and its advance, scaled to 1000 units per em, is the width
// the PDF gives within 1 unit.
void check_glyph_widths(Context& c) {
  std::vector<std::string> problems;
  const auto& used = c.content().fonts;
  for (const auto& ref : all_fonts(c)) {
    auto use = ref.font.isIndirect() ? used.find(ref.font.getObjGen()) : used.end();
    if (use == used.end() || embedding_problem(ref.font)) continue;
    judge_widths(c, ref, codes_shown(ref.font, use->second.strings), problems);
  }
  c.add_all("glyph-widths", problems);
}

}  // namespace rapport::pdfcheck
