// Layout shapes the same text in the same font more than once: a table cell measured unwrapped
// and then set in its column, a list marker, the TOC's entries in every pagination round, and
// a whole flow again when page references move. A paragraph's shaping does not depend on the
// measure, so recent ones are kept with the Pango context and set again at any width.
#include <glib-object.h>

#include <list>
#include <string>
#include <unordered_map>

#include "text/paragraph.hpp"

namespace rapport {
namespace {

// Paragraphs kept. On the Kommunstyrelsen example, 1,256 shapings of 803 distinct paragraphs;
// a cell's second shaping comes at most a table's cells later. A kept paragraph holds about
// 70 bytes a character, 5 KB on average.
constexpr size_t kept_paragraphs = 384;

GQuark cache_quark() { return g_quark_from_static_string("rapport-shaping-cache"); }

void append_exact(std::string& key, double value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); }

// Everything shape_paragraph reads: the runs as the paragraph keeps them, and what chooses
// the font.
std::string key_of(const std::vector<TextRun>& runs, const ShapeRequest& request) {
  const TextStyle& style = request.style;
  std::string key = style.family;
  key += '\0';
  append_exact(key, style.size);
  key += std::to_string(style.weight) + (style.italic ? 'i' : 'r') + (request.tabular_figures ? 't' : 'p');
  for (const auto& run : runs) {
    key += '\0';
    key += static_cast<char>('0' + (run.strong << 0 | run.emphasis << 1 | run.underline << 2 | run.raised << 3 |
                                    run.hyphenate << 4 | run.color.has_value() << 5));
    if (run.color)
      for (double channel : {run.color->r, run.color->g, run.color->b}) append_exact(key, channel);
    key += '\0';
    key += std::to_string(run.text.size()) + ':' + run.text;
  }
  return key;
}

class ShapingCache {
 public:
  static ShapingCache& of(PangoContext* context) {
    auto* cache = static_cast<ShapingCache*>(g_object_get_qdata(G_OBJECT(context), cache_quark()));
    if (!cache) {
      cache = new ShapingCache;
      g_object_set_qdata_full(G_OBJECT(context), cache_quark(), cache, [](gpointer p) { delete static_cast<ShapingCache*>(p); });
    }
    return *cache;
  }

  std::shared_ptr<const Paragraph> find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, it->second);  // most recently used first
    return it->second->second;
  }

  void keep(std::string key, std::shared_ptr<const Paragraph> paragraph) {
    recent_.emplace_front(std::move(key), std::move(paragraph));
    index_.emplace(recent_.front().first, recent_.begin());
    if (recent_.size() > kept_paragraphs) {
      index_.erase(recent_.back().first);
      recent_.pop_back();
    }
  }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const Paragraph>>;
  std::list<Entry> recent_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace

std::shared_ptr<const Paragraph> shaped_paragraph(PangoContext* context, const std::vector<TextRun>& runs,
                                                  const ShapeRequest& request) {
  ShapingCache& cache = ShapingCache::of(context);
  std::string key = key_of(runs, request);
  if (auto kept = cache.find(key)) return kept;
  auto paragraph = std::make_shared<Paragraph>();
  shape_paragraph(*paragraph, context, runs, request);
  cache.keep(std::move(key), paragraph);
  return paragraph;
}

}  // namespace rapport
