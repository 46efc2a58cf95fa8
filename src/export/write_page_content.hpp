#pragma once
// A page's items as a PDF content stream: text as glyph runs of the embedded fonts, rules,
// fills, paths and pictures, inside the marked-content sequences the structure recorder
// opens. The backend draws what layout placed; it lays out nothing.
#include <string>
#include <vector>

#include "export/pdf_fonts.hpp"
#include "export/pdf_forms.hpp"
#include "export/pdf_images.hpp"
#include "export/record_structure.hpp"
#include "frames/frame.hpp"

namespace rapport {

struct PdfResources {
  PdfFonts& fonts;
  PdfImages& images;
  PdfForms& forms;
};

// A named place on a page, for the document's named destinations.
struct PlacedAnchor {
  std::string name;
  size_t page = 0;
  double x = 0, y = 0;  // points from the page's top-left
};

// Where the page's marked-content sequences are written: the content stream of the page being
// written (start_page), numbering its structure sequences from 0.
class ContentMarks : public MarkSink {
 public:
  void start_page(std::string& out) {
    out_ = &out;
    next_mcid_ = 0;
  }
  void begin_mark(const std::string& tag, bool artifact) override;
  void end_mark() override;

 private:
  std::string* out_ = nullptr;
  int next_mcid_ = 0;
};

// What pages are written with: shared resources, the document's structure recorder (drawing
// into `marks`) and the named places found so far.
struct PageContext {
  PdfResources& resources;
  StructureRecorder& recorder;
  ContentMarks& marks;
  std::vector<PlacedAnchor>& anchors;
};

// The content stream of `page` (`height` points tall, the `index`th), uncompressed; its links
// and tags go to the recorder, its named places to the anchors.
std::string write_page_content(const Page& page, double height, size_t index, PageContext& ctx);

}  // namespace rapport
