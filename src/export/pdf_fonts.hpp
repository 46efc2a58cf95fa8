#pragma once
// The fonts of a PDF rapport writes itself: each pinned TrueType font the pages use, embedded
// once as a subset that keeps the original glyph ids (so content streams show the ids HarfBuzz
// chose), as a Type0 font with Identity-H encoding over a CIDFontType2 with an identity
// CIDToGIDMap, widths (/W) from the font's own metrics and a ToUnicode map from what the
// glyphs were drawn for. Meets PDF/A-2 6.2.11 (embedded, widths consistent, ToUnicode).
#include <pango/pango.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "export/pdf_file.hpp"

namespace rapport {

class PdfFonts {
 public:
  explicit PdfFonts(PdfFile& file);
  ~PdfFonts();
  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;

  // How a run set in `font` is shown: the resource name ("F1") and the text matrix's size.
  // Fonts that are the same file at another size share one resource.
  struct Use {
    int font = 0;              // handle for the calls below
    std::string resource;      // "F1": the key in the page resources' /Font dictionary
    double size = 0;           // points: the font matrix's scale (Tf operand)
    double skew = 0;           // a synthesised oblique: the font matrix's xy over its xx (0 for upright)
  };
  Use use(PangoFont* font);

  // Records that `glyph` stands for `text` (UTF-8) in the text layer. Returns false when the
  // font's ToUnicode already maps the glyph to other text: the caller then marks the glyph
  // with an /ActualText span. An empty text (a glyph that stands for no character of its
  // own) returns true and records no text. Either way the glyph is marked used: only glyphs
  // passed here are in the embedded subset, so call it for every glyph a page shows.
  // Throws std::invalid_argument for an id the font does not have (Pango's placeholders such
  // as PANGO_GLYPH_EMPTY), std::logic_error after write_all() has written the font.
  bool map_glyph(int font, unsigned glyph, std::string_view text);

  // The glyph's advance in thousandths of an em, as /W says it (what a viewer moves after it).
  double advance(int font, unsigned glyph) const;

  // Writes every font used so far (subset, descriptor, CID font, ToUnicode, Type0) and
  // returns the entries of a /Font resource dictionary: "/F1 12 0 R /F2 17 0 R".
  // Throws std::runtime_error when a font cannot be subset.
  std::string write_all();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport
