#pragma once
#include <cairo.h>

#include <map>
#include <optional>
#include <utility>

#include "export/structure.hpp"
#include "frames/frame.hpp"

namespace rapport {

// Follows the frames' tags while draw_page draws a PDF: opens Cairo marked-content sequences
// around what is drawn, one per run of drawing with the same owner, and records the elements,
// the sequences and the links for finish_pdf. What is drawn belongs to the innermost element,
// except decoration (rules, fills, paths and pictures outside a Figure) and everything inside
// an Artifact tag, which become artifacts. Sequences never cross a page.
class StructureRecorder {
 public:
  explicit StructureRecorder(cairo_t* cr);
  void begin_page();
  void end_page();
  void tag(const TagItem& tag);
  void link(const LinkItem& link);
  // Call before `item` is drawn, so it is drawn in the right marked-content sequence.
  void before_drawing(const Item& item);
  StructureRecord finish();

 private:
  size_t add_element(std::string role);
  size_t open_element(const TagItem& tag);
  size_t page() const;
  long owner_of(const Item& item);
  void end_mark();

  cairo_t* cr_;
  StructureRecord record_;
  std::vector<size_t> open_;  // elements, innermost last; open_[0] is the Document
  int artifact_depth_ = 0;
  std::optional<long> mark_;  // the owner of the open marked-content sequence
  std::string mark_tag_;
  std::optional<std::pair<size_t, size_t>> implicit_;  // a grouping element → the P its loose text is in
  std::map<std::string, size_t> by_id_;          // elements with an id, which a later tag may resume
  std::vector<std::vector<size_t>> suspended_;   // what was open when a Note began
};

}  // namespace rapport
