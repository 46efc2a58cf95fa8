#pragma once
// The document's logical structure as StructureRecorder records it while the pages' content
// is written, for write_structure_tree to write as the structure tree: the elements, which
// marked-content sequence of which page each owns, and the link annotations.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

// A rectangle in page coordinates: points from the page's top-left corner.
struct Box {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  void include(const Box& other);
};

struct StructureKid {
  enum class Kind { element, content, link } kind = Kind::element;
  size_t index = 0;  // element: into elements; content: the mark's ordinal on `page`; link: into links
  size_t page = 0;
};

struct StructureElement {
  std::string role;
  int colspan = 1;
  std::vector<StructureKid> kids;
  // What few elements carry, kept apart: a long document has 100,000s of elements.
  struct Details {
    std::string alt;    // Figure: what it shows; a Link without words of its own: what it says
    std::string scope;  // TH: Column or Row
    std::string id;     // written as the element's /ID (every Note has one)
    std::optional<Box> bbox;  // Figure: what it covers on the page it starts on
    size_t bbox_page = 0;
  };
  const Details& details() const;
  Details& details_to_set();  // made on first use

 private:
  std::unique_ptr<Details> details_;
};

struct LinkAnnotation {
  size_t page = 0;
  Box area;
  std::string target;  // "#name" for a named destination, else a URI
  std::string text;
  size_t element = 0;  // the Link element that owns it
};

// Every marked-content sequence written on a page, in order, by its owner: an element's index,
// or `artifact`. A structure sequence's MCID is its ordinal among the page's non-artifact ones.
struct PageMarks {
  static constexpr long artifact = -1;
  std::vector<long> owners;
};

struct StructureRecord {
  // [0] is the Document, the root of everything. A deque: a long document has 100,000s, and a
  // vector growing by doubling would hold up to three times their size while it moves them.
  std::deque<StructureElement> elements;
  std::vector<PageMarks> pages;
  std::vector<LinkAnnotation> links;
};

}  // namespace rapport
