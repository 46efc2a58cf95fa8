#pragma once
// The neutral output of layout: pages of positioned items. Layout fills these; backends
// (export/) only draw them. Coordinates are PostScript points from the page's top-left.
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "frames/text_line.hpp"
#include "style/style.hpp"

namespace rapport {

struct Picture;

// One set line of text, or the part of it whose runs start in [from, to) (bytes of the
// paragraph's text): a link's words are drawn as a piece of their own, so the tagged PDF can
// put them inside the Link element. `x` is where the whole line starts.
struct TextLineItem {
  std::shared_ptr<const TextLine> line;
  double x = 0, baseline = 0;
  Color color;
  int from = 0, to = std::numeric_limits<int>::max();
  std::string text() const;  // the line's characters, for traces and tests
};

struct RuleItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Color color;
};

struct RectItem {
  double x = 0, y = 0, width = 0, height = 0;
  Color fill;
};

struct PathOp {
  enum class Kind { move, line, curve, arc, close } kind = Kind::move;
  double a[6] = {0, 0, 0, 0, 0, 0};  // points; for arc: centre x, y, radius, angle1, angle2
};

// A vector drawing such as a status icon. What it means in words is the alt of the Figure
// tag around it.
struct PathItem {
  std::vector<PathOp> ops;
  bool has_fill = false, has_stroke = false;
  Color fill, stroke;
  double stroke_width = 1;
};

// A clickable area; `target` is "#id" for a place in this document, else a URI. `text` is
// what the link says, for readers that announce links.
struct LinkItem {
  double x = 0, y = 0, width = 0, height = 0;
  std::string target;
  std::string text;
};

// A named place that links and the outline can point to.
struct AnchorItem {
  std::string name;
  double x = 0, y = 0;
};

// A picture (a logo): SVG, drawn as vectors, or PNG. `picture` is the file's decoded form, kept
// by whoever created it; backends only draw it into the box. Its alternative text is the
// Figure tag's around it.
struct ImageItem {
  std::shared_ptr<const Picture> picture;
  double x = 0, y = 0, width = 0, height = 0;
};

// Opens or closes an element of the document's logical structure (H1, P, L, LI, Table, TR,
// TH, Figure, …), which a tagged PDF carries for screen readers. Within a document the tags,
// in drawing order, nest; an element may run across pages. "Artifact" marks what a reader
// should skip: running heads, page numbers, watermarks, repeated table headers.
struct TagItem {
  enum class Kind { begin, end } kind = Kind::begin;
  std::string role;
  std::string alt;    // Figure: what it shows, in words
  std::string scope;  // TH: "Column" or "Row"
  int colspan = 1;    // TH, TD: the columns the cell spans
  double x = 0, y = 0;  // unused; lets translate() treat every item alike
  // The element's /ID, unique in the document (PDF/UA-1 7.9 asks it of a Note); a later tag
  // with the same id resumes the element (a footnote continued on the next page).
  std::string id = {};
};
TagItem begin_tag(std::string role, std::string alt = {});
TagItem end_tag(std::string role);
using Item = std::variant<TextLineItem, RuleItem, RectItem, PathItem, LinkItem, AnchorItem, ImageItem, TagItem>;
// Encloses `items` in the element `begin` opens.
void enclose(std::vector<Item>& items, const TagItem& begin);
// Drops every tag: the items become plain content of whatever encloses them.
void remove_tags(std::vector<Item>& items);

// Moves an item by (dx, dy).
void translate(Item& item, double dx, double dy);

struct Page {
  std::vector<Item> items;
  bool landscape = false;  // the document's page size turned a quarter: width and height swap
  // For checks of the page breaks: the share of the content area the flow filled (-1 for a
  // page outside it: cover, back page), and whether the page ends a level-1 chapter (the next
  // page starts with a level-1 heading, or the flow ends there).
  double filled = -1;
  bool ends_chapter = false;
};

struct OutlineEntry {
  std::string title;
  int level = 1;
  std::string anchor;
  bool in_toc = true;  // false: in the outline for navigation, but not in a table of contents
};

struct DocumentMetadata {
  std::string title, author, subject, keywords, creator;
  std::string date;  // ISO 8601, from the report (never the clock)
};

// Receives a document's pages in order, each once.
using PageSink = std::function<void(Page&&)>;

struct DocumentFrames {
  double width = 0, height = 0;  // of a portrait page
  double width_of(const Page& page) const { return page.landscape ? height : width; }
  double height_of(const Page& page) const { return page.landscape ? width : height; }
  std::vector<Page> pages;
  // A long document's pages are not held in `pages`: `stream` lays them out and hands them to
  // its sink one at a time, `streamed_pages` of them, so they leave memory as they are written.
  // It runs once.
  std::function<void(const PageSink&)> stream;
  size_t streamed_pages = 0;
  size_t page_count() const { return stream ? streamed_pages : pages.size(); }
  // Where each anchor is (a page index), known before a streamed document's pages are.
  std::map<std::string, size_t> anchor_pages;
  std::vector<OutlineEntry> outline;
  DocumentMetadata metadata;
};

// Every page of `document` in order: the pages it holds, or a stream's as they are laid out.
void for_each_page(const DocumentFrames& document, const std::function<void(const Page&)>& visit);
// The same, each page handed over: `document` holds no pages after.
void take_pages(DocumentFrames& document, const PageSink& sink);
// Where each anchor on `pages` is: the page index of its first appearance.
std::map<std::string, size_t> find_anchors(const std::vector<Page>& pages);

}  // namespace rapport
