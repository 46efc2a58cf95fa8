#include "model/parse_markdown.hpp"

#include "model/check_link.hpp"

#include <cmark.h>

#include <memory>
#include <string>

namespace rapport {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// Emphasis inside emphasis inside a link… and lists inside lists: no real text nests deeper
// than a few levels, and the walk over cmark's tree is recursive, so it stops here.
constexpr int max_nesting = 16;

struct MarkdownContext {
  const TextOrigin& origin;
  Diagnostics& diags;
  int depth = 0;
  bool reported_depth = false;

  // False, with the error reported once, when `node` would nest too deep to follow.
  bool enter(cmark_node* node) {
    if (depth < max_nesting) {
      ++depth;
      return true;
    }
    if (!reported_depth)
      diags.error(pos(node), "emphasis, links or lists nest more than " + std::to_string(max_nesting) + " levels deep",
                  "check for stray * or _ characters, or lists indented under lists");
    reported_depth = true;
    return false;
  }
  void leave() { --depth; }

  SourcePos pos(cmark_node* node) const {
    SourcePos p = origin.first_char;
    int line = cmark_node_get_start_line(node);
    int col = cmark_node_get_start_column(node);
    if (p.line == 0 || line <= 0) return p;
    if (line == 1) return {p.file, p.line, p.col + col - 1};
    return {p.file, p.line + line - 1, p.col + col - 1};
  }
  void unsupported(cmark_node* node, const std::string& what, const std::string& hint) {
    diags.error(pos(node), what + " is not supported in text", hint);
  }
};

struct InlineState {
  bool emphasis = false;
  bool strong = false;
  std::string link;
  bool keep_whole = false;
};

void append_span(RichText& out, const std::string& text, const InlineState& state) {
  if (text.empty()) return;
  if (!out.empty()) {
    InlineSpan& last = out.back();
    if (last.emphasis == state.emphasis && last.strong == state.strong && last.link == state.link &&
        last.keep_whole == state.keep_whole) {
      last.text += text;
      return;
    }
  }
  out.push_back({text, state.emphasis, state.strong, state.link, state.keep_whole});
}

void collect_inlines(MarkdownContext& ctx, cmark_node* parent, InlineState state, RichText& out);

void collect_nested(MarkdownContext& ctx, cmark_node* node, const InlineState& state, RichText& out) {
  if (!ctx.enter(node)) return;
  collect_inlines(ctx, node, state, out);
  ctx.leave();
}

void collect_inlines(MarkdownContext& ctx, cmark_node* parent, InlineState state, RichText& out) {
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT: append_span(out, cmark_node_get_literal(node), state); break;
      case CMARK_NODE_CODE: {  // `Timrå IK`: a name the author wants kept whole
        InlineState inner = state;
        inner.keep_whole = true;
        append_span(out, cmark_node_get_literal(node), inner);
        break;
      }
      case CMARK_NODE_SOFTBREAK: append_span(out, " ", state); break;
      case CMARK_NODE_LINEBREAK: append_span(out, "\n", state); break;
      case CMARK_NODE_EMPH: {
        InlineState inner = state;
        inner.emphasis = true;
        collect_nested(ctx, node, inner, out);
        break;
      }
      case CMARK_NODE_STRONG: {
        InlineState inner = state;
        inner.strong = true;
        collect_nested(ctx, node, inner, out);
        break;
      }
      case CMARK_NODE_LINK: {
        InlineState inner = state;
        inner.link = cmark_node_get_url(node);
        if (inner.link.empty()) ctx.diags.error(ctx.pos(parent), "a link has no target", "write [text](https://…) or [text](#section-id)");
        else check_link_target(inner.link, ctx.pos(parent), ctx.diags);
        collect_nested(ctx, node, inner, out);
        break;
      }
      case CMARK_NODE_IMAGE:
        ctx.unsupported(parent, "an image", "put a picture in a figure block of its own: - figure: {file: bild.svg, caption: …, alt: …}");
        break;
      case CMARK_NODE_HTML_INLINE:
        ctx.unsupported(parent, "inline HTML", "use *emphasis* or **strong** instead of HTML tags");
        break;
      default: collect_nested(ctx, node, state, out); break;
    }
  }
}

std::vector<Prose> collect_blocks(MarkdownContext& ctx, cmark_node* parent);

Prose make_list(MarkdownContext& ctx, cmark_node* node) {
  Prose list;
  list.is_list = true;
  list.pos = ctx.pos(node);
  list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
  list.start = list.ordered ? cmark_node_get_list_start(node) : 1;
  if (!ctx.enter(node)) return list;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item))
    list.items.push_back({collect_blocks(ctx, item)});
  ctx.leave();
  return list;
}

std::vector<Prose> collect_blocks(MarkdownContext& ctx, cmark_node* parent) {
  std::vector<Prose> out;
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH: {
        Prose paragraph;
        paragraph.pos = ctx.pos(node);
        collect_inlines(ctx, node, {}, paragraph.text);
        out.push_back(std::move(paragraph));
        break;
      }
      case CMARK_NODE_LIST: out.push_back(make_list(ctx, node)); break;
      case CMARK_NODE_HEADING:
        ctx.unsupported(node, "a Markdown heading", "start a new '- section:' for a heading");
        break;
      case CMARK_NODE_CODE_BLOCK:
        ctx.unsupported(node, "a code block",
                        "text indented by four spaces or more, or fenced with ```, is read as code; remove the indentation");
        break;
      case CMARK_NODE_BLOCK_QUOTE: ctx.unsupported(node, "a block quote", "remove the leading '>'"); break;
      case CMARK_NODE_HTML_BLOCK: ctx.unsupported(node, "an HTML block", "write the text without HTML tags"); break;
      case CMARK_NODE_THEMATIC_BREAK:
        ctx.unsupported(node, "a horizontal rule", "use the plain block 'pagebreak' to start a new page");
        break;
      default: break;
    }
  }
  return out;
}

}  // namespace

std::vector<Prose> parse_markdown(const std::string& text, const TextOrigin& origin, Diagnostics& diags) {
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
  MarkdownContext ctx{origin, diags, 0, false};
  return collect_blocks(ctx, document.get());
}

}  // namespace rapport
