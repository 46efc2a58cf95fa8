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
};

// The structure type artifacts are drawn in, for want of Cairo support; rapport uses it for
// nothing else.
inline constexpr const char* artifact_stand_in = "Private";

// Draws a page's items on any Cairo surface. Links, named destinations and structure tags are
// written only when `notes` is given (PDF), and noted there; an image has no use for them.
void draw_page(cairo_t* cr, const Page& page, StructureNotes* notes);

// A string for a Cairo tag attribute: single-quoted, quotes and backslashes escaped.
std::string tag_quoted(const std::string& value);

}  // namespace rapport
