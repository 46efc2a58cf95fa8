#pragma once
#include <map>
#include <optional>
#include <utility>

#include "export/structure.hpp"
#include "frames/frame.hpp"

namespace rapport {

// Where the recorder opens and closes marked-content sequences: the page's content stream.
class MarkSink {
 public:
  virtual ~MarkSink() = default;
  // Opens a sequence tagged `tag`, or an artifact; a structure sequence's MCID is its ordinal
  // among the page's non-artifact sequences.
  virtual void begin_mark(const std::string& tag, bool artifact) = 0;
  virtual void end_mark() = 0;
};

// Follows the frames' tags while a page's content is written: opens marked-content sequences
// around what is drawn, one per run of drawing with the same owner, and records the elements,
// the sequences and the links for the structure tree. What is drawn belongs to the innermost element,
// except decoration (rules, fills, paths and pictures outside a Figure) and everything inside
// an Artifact tag, which become artifacts. Sequences never cross a page.
class StructureRecorder {
 public:
  explicit StructureRecorder(MarkSink& sink);
  void begin_page();
  void end_page();
  void tag(const TagItem& tag);
  void link(const LinkItem& link);
  // Call before `item` is drawn, so it is drawn in the right marked-content sequence.
  void before_drawing(const Item& item);
  StructureRecord finish();
  const StructureRecord& record() const { return record_; }

 private:
  size_t add_element(std::string role);
  size_t open_element(const TagItem& tag);
  size_t page() const;
  long owner_of(const Item& item);
  void end_mark();

  MarkSink& sink_;
  StructureRecord record_;
  std::vector<size_t> open_;  // elements, innermost last; open_[0] is the Document
  int artifact_depth_ = 0;
  std::optional<long> mark_;  // the owner of the open marked-content sequence
  std::optional<std::pair<size_t, size_t>> implicit_;  // a grouping element → the P its loose text is in
  std::map<std::string, size_t> by_id_;          // elements with an id, which a later tag may resume
  std::vector<std::vector<size_t>> suspended_;   // what was open when a Note began
};

}  // namespace rapport
