// Every read is bounds-checked: the font program is the file's, so it may be short or lie.
#include "pdfcheck/read_truetype.hpp"

namespace rapport::pdfcheck {
namespace {

class Reader {
 public:
  explicit Reader(const std::string& data) : data_(data) {}
  bool has(size_t at, size_t n) const { return at <= data_.size() && n <= data_.size() - at; }
  unsigned u8(size_t at) const { return has(at, 1) ? static_cast<unsigned char>(data_[at]) : 0; }
  unsigned u16(size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  uint32_t u32(size_t at) const { return (static_cast<uint32_t>(u16(at)) << 16) | u16(at + 2); }

 private:
  const std::string& data_;
};

struct Table {
  size_t offset = 0;
  size_t length = 0;
};

std::map<std::string, Table> table_directory(const Reader& r) {
  std::map<std::string, Table> tables;
  unsigned count = r.u16(4);
  for (unsigned i = 0; i < count; ++i) {
    size_t record = 12 + 16 * static_cast<size_t>(i);
    if (!r.has(record, 16)) break;
    std::string tag;
    for (size_t k = 0; k < 4; ++k) tag += static_cast<char>(r.u8(record + k));
    Table table{r.u32(record + 8), r.u32(record + 12)};
    if (r.has(table.offset, table.length)) tables[tag] = table;
  }
  return tables;
}

// More codes than Unicode has: only a hostile table of overlapping segments maps more.
constexpr size_t kMaxCodes = 0x110000;

void read_format_4(const Reader& r, size_t at, std::map<uint32_t, unsigned>& map) {
  size_t visited = 0;
  unsigned segments = r.u16(at + 6) / 2;
  size_t ends = at + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments,
         offsets = deltas + 2 * segments;
  if (!r.has(at, 16 + 8 * static_cast<size_t>(segments))) return;
  for (unsigned s = 0; s < segments; ++s) {
    unsigned end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s), delta = r.u16(deltas + 2 * s);
    size_t range_at = offsets + 2 * s;
    unsigned range = r.u16(range_at);
    for (unsigned code = start; code <= end && code != 0xFFFF && visited++ < kMaxCodes; ++code) {
      unsigned gid = 0;
      if (range == 0) {
        gid = (code + delta) & 0xFFFF;
      } else {
        size_t glyph_at = range_at + range + 2 * static_cast<size_t>(code - start);
        if (!r.has(glyph_at, 2)) continue;
        gid = r.u16(glyph_at);
        if (gid != 0) gid = (gid + delta) & 0xFFFF;
      }
      if (gid != 0) map[code] = gid;
    }
  }
}

void read_cmap_subtable(const Reader& r, size_t at, std::map<uint32_t, unsigned>& map) {
  unsigned format = r.u16(at);
  if (format == 0 && r.has(at, 262)) {
    for (unsigned code = 0; code < 256; ++code)
      if (unsigned gid = r.u8(at + 6 + code)) map[code] = gid;
  } else if (format == 4) {
    read_format_4(r, at, map);
  } else if (format == 6) {
    unsigned first = r.u16(at + 6), count = r.u16(at + 8);
    for (unsigned i = 0; i < count && r.has(at + 10 + 2 * i, 2); ++i)
      if (unsigned gid = r.u16(at + 10 + 2 * i)) map[first + i] = gid;
  }
}

void read_cmaps(const Reader& r, const Table& cmap, TrueTypeFont& font) {
  unsigned count = r.u16(cmap.offset + 2);
  for (unsigned i = 0; i < count; ++i) {
    size_t record = cmap.offset + 4 + 8 * static_cast<size_t>(i);
    if (!r.has(record, 8)) break;
    read_cmap_subtable(r, cmap.offset + r.u32(record + 4), font.cmaps[{r.u16(record), r.u16(record + 2)}]);
  }
}

}  // namespace

double TrueTypeFont::width(unsigned gid) const {
  if (advances.empty() || units_per_em == 0) return 0;
  unsigned advance = gid < advances.size() ? advances[gid] : advances.back();
  return advance * 1000.0 / units_per_em;
}

std::optional<TrueTypeFont> read_truetype(const std::string& data, std::string& error) {
  Reader r(data);
  uint32_t version = r.u32(0);
  if (version != 0x00010000 && version != 0x74727565 /* 'true' */) {
    error = "the font program is not TrueType (version tag " + std::to_string(version) + ")";
    return std::nullopt;
  }
  auto tables = table_directory(r);
  for (const char* tag : {"head", "hhea", "hmtx", "maxp"})
    if (!tables.count(tag)) {
      error = std::string("the font program has no '") + tag + "' table";
      return std::nullopt;
    }
  TrueTypeFont font;
  font.units_per_em = r.u16(tables["head"].offset + 18);
  font.glyph_count = r.u16(tables["maxp"].offset + 4);
  unsigned metrics = r.u16(tables["hhea"].offset + 34);
  const Table& hmtx = tables["hmtx"];
  if (font.units_per_em == 0 || metrics == 0 || hmtx.length < 4 * static_cast<size_t>(metrics)) {
    error = "the font program's head, hhea or hmtx table is inconsistent";
    return std::nullopt;
  }
  for (unsigned i = 0; i < metrics; ++i) font.advances.push_back(static_cast<uint16_t>(r.u16(hmtx.offset + 4 * i)));
  if (tables.count("cmap")) read_cmaps(r, tables["cmap"], font);
  return font;
}

}  // namespace rapport::pdfcheck
