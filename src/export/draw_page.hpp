#pragma once
#include <cairo.h>

#include <string>

#include "frames/frame.hpp"

namespace rapport {

// What Cairo 1.16 cannot write into the structure tree, in the order the elements are
// drawn, for finish_pdf to add: each Figure's /Alt, each TH's scope, each link's words.
struct StructureNotes {
  std::vector<std::string> figure_alts;
  std::vector<std::string> header_scopes;
  std::vector<std::string> link_texts;
  // Cairo 1.16 marks no content of an element that has child elements (a paragraph with a
  // link, a row with cells), so text drawn straight into such an element goes into a Span of
  // its own and decoration there is an artifact. `has_children` is indexed by the order the
  // elements begin (see elements_with_children); `open` holds the open ones, innermost last.
  std::vector<bool> has_children;
  std::vector<size_t> open;
  size_t next_element = 0;
};

// The structure type artifacts are drawn in, for want of Cairo support; rapport uses it for
// nothing else.
inline constexpr const char* artifact_stand_in = "Private";

// Which of the document's elements, in the order their tags begin, contain other elements
// or links.
std::vector<bool> elements_with_children(const std::vector<Page>& pages);

// Draws a page's items on any Cairo surface. Links, named destinations and structure tags are
// written only when `notes` is given (PDF), and noted there; an image has no use for them.
void draw_page(cairo_t* cr, const Page& page, StructureNotes* notes);

// A string for a Cairo tag attribute: single-quoted, quotes and backslashes escaped.
std::string tag_quoted(const std::string& value);

}  // namespace rapport
