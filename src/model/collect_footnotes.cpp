#include "model/collect_footnotes.hpp"

#include <map>
#include <optional>

namespace rapport {
namespace {

bool is_id_char(char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '[' && c != ']'; }

// The id of a `[^id]` starting at `at`, or nothing when none starts there.
std::optional<std::string> mark_at(const std::string& text, size_t at) {
  if (text.compare(at, 2, "[^") != 0) return std::nullopt;
  size_t end = at + 2;
  while (end < text.size() && is_id_char(text[end])) ++end;
  if (end == at + 2 || end >= text.size() || text[end] != ']') return std::nullopt;
  return text.substr(at + 2, end - at - 2);
}

// The file position of byte `offset`, as MarkdownContext::pos maps cmark's lines and columns.
SourcePos position_of(const TextOrigin& origin, const std::string& text, size_t offset) {
  const SourcePos& first = origin.first_char;
  if (first.line == 0) return first;
  int line = 0;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {first.file, first.line + line, first.col + static_cast<int>(offset - line_start)};
}

struct Lines {
  std::vector<std::pair<size_t, size_t>> spans;  // [begin, end) of each line, without its '\n'
  explicit Lines(const std::string& text) {
    size_t begin = 0;
    for (size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '\n') {
        spans.emplace_back(begin, i);
        begin = i + 1;
      }
  }
};

bool is_continuation(const std::string& text, std::pair<size_t, size_t> line) {
  if (line.first >= line.second || (text[line.first] != ' ' && text[line.first] != '\t')) return false;
  return text.find_first_not_of(" \t\r", line.first) < line.second;
}

// The note's text, parsed as inline Markdown: one paragraph (a list or a second paragraph has
// no place at a page's foot).
RichText parse_note(const std::string& note, const SourcePos& at, const Footnote& footnote, Diagnostics& diags) {
  RichText text;
  for (auto& paragraph : parse_markdown(note, TextOrigin{at}, diags)) {
    if (paragraph.is_list) {
      diags.error(paragraph.pos, "the footnote '[^" + footnote.id + "]' holds a list",
                  "a footnote is one paragraph; write the list in the text");
      continue;
    }
    if (!text.empty()) text.push_back({" ", false, false, {}, false});
    text.insert(text.end(), paragraph.text.begin(), paragraph.text.end());
  }
  if (text.empty())
    diags.error(footnote.pos, "the footnote '[^" + footnote.id + "]' has no text",
                "write the note after the colon: [^" + footnote.id + "]: Se reglemente för …");
  return text;
}

// Takes the definition lines out of `text`, leaving each line empty so cmark's line numbers
// still match the file's.
std::string take_definitions(const std::string& text, const TextOrigin& origin, Diagnostics& diags,
                             FoundFootnotes& found) {
  std::string rest = text;
  Lines lines(text);
  for (size_t i = 0; i < lines.spans.size(); ++i) {
    auto [begin, end] = lines.spans[i];
    auto id = mark_at(text, begin);
    size_t colon = begin + (id ? id->size() + 3 : 0);
    if (!id || colon >= end || text[colon] != ':') continue;
    size_t note_at = std::min(text.find_first_not_of(" \t", colon + 1), end);
    Footnote footnote{*id, {}, position_of(origin, text, begin)};
    std::string note = text.substr(note_at, end - note_at);
    size_t last = i;
    while (last + 1 < lines.spans.size() && is_continuation(text, lines.spans[last + 1])) {
      auto [from, to] = lines.spans[++last];
      size_t words = text.find_first_not_of(" \t", from);
      note += "\n" + text.substr(words, to - words);
    }
    for (size_t k = lines.spans[i].first; k < lines.spans[last].second; ++k)
      if (text[k] != '\n') rest[k] = ' ';
    footnote.text = parse_note(note, position_of(origin, text, note_at), footnote, diags);
    found.definitions.push_back(std::move(footnote));
    i = last;
  }
  return rest;
}

// Every `[^id]` of the text outside code spans, in order, with its byte offset.
std::vector<std::pair<std::string, size_t>> marks_written(const std::string& text) {
  std::vector<std::pair<std::string, size_t>> out;
  for (size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '`') {  // a code span runs to the next run of as many backticks
      size_t run = text.find_first_not_of('`', at) - at;
      size_t close = text.find(std::string(run, '`'), at + run);
      if (close != std::string::npos) at = close + run - 1;
      else at += run - 1;
      continue;
    }
    if (auto id = mark_at(text, at)) out.emplace_back(*id, at);
  }
  return out;
}

struct MarkFinder {
  const std::string& text;
  const TextOrigin& origin;
  FoundFootnotes& found;
  std::vector<std::pair<std::string, size_t>> written;
  std::map<std::string, size_t> next;  // per id, where to look for its next mark in `written`

  SourcePos locate(const std::string& id, const SourcePos& paragraph) {
    for (size_t& k = next[id]; k < written.size(); ++k)
      if (written[k].first == id) return position_of(origin, text, written[k++].second);
    return paragraph;
  }

  // Splits each `[^id]` out of the spans as a mark of its own.
  RichText split(const RichText& spans, const SourcePos& paragraph) {
    RichText out;
    for (const auto& span : spans) {
      if (span.keep_whole || !span.footnote.empty()) {
        out.push_back(span);
        continue;
      }
      size_t from = 0;
      for (size_t at = span.text.find("[^"); at != std::string::npos; at = span.text.find("[^", at + 1)) {
        auto id = mark_at(span.text, at);
        if (!id) continue;
        InlineSpan before = span;
        before.text = span.text.substr(from, at - from);
        if (!before.text.empty()) out.push_back(std::move(before));
        InlineSpan mark = span;
        mark.text.clear();
        mark.link.clear();
        mark.footnote = *id;
        out.push_back(std::move(mark));
        found.marks.push_back({*id, locate(*id, paragraph)});
        from = at + id->size() + 3;
      }
      InlineSpan after = span;
      after.text = span.text.substr(from);
      if (!after.text.empty()) out.push_back(std::move(after));
    }
    return out;
  }

  void walk(std::vector<Prose>& prose) {
    for (auto& p : prose) {
      p.text = split(p.text, p.pos);
      for (auto& item : p.items) walk(item.content);
    }
  }
};

}  // namespace

void refuse_footnote_marks(const std::string& text, const TextOrigin& origin, const std::string& what,
                           Diagnostics& diags) {
  if (text.find("[^") == std::string::npos) return;
  for (const auto& [id, at] : marks_written(text))
    diags.error(position_of(origin, text, at), "a footnote mark ('[^" + id + "]') is not allowed in " + what,
                "headings, captions and column titles are plain text; put the mark in the text or a table cell");
}

std::vector<Prose> parse_footnoted_markdown(const std::string& text, const TextOrigin& origin, Diagnostics& diags,
                                            FoundFootnotes& found) {
  if (text.find("[^") == std::string::npos) return parse_markdown(text, origin, diags);
  std::string rest = take_definitions(text, origin, diags, found);
  std::vector<Prose> prose = parse_markdown(rest, origin, diags);
  MarkFinder finder{rest, origin, found, marks_written(rest), {}};
  finder.walk(prose);
  return prose;
}

}  // namespace rapport
