#include <map>
#include <set>

#include "diag/suggest.hpp"
#include "model/collect_footnotes.hpp"

namespace rapport {
namespace {

std::string mark(const std::string& id) { return "'[^" + id + "]'"; }

// The first definition of each id; a second is reported at itself, naming the first's line.
std::map<std::string, const Footnote*> first_definitions(const FoundFootnotes& found, Diagnostics& diags) {
  std::map<std::string, const Footnote*> first;
  for (const auto& footnote : found.definitions) {
    auto [at, fresh] = first.emplace(footnote.id, &footnote);
    if (fresh) continue;
    diags.error(footnote.pos, "the footnote " + mark(footnote.id) + " is defined twice",
                "it is first defined on line " + std::to_string(at->second->pos.line) +
                    "; give one of them another id, or remove one");
  }
  return first;
}

void check_marks(const FoundFootnotes& found, const std::map<std::string, const Footnote*>& defined,
                 Diagnostics& diags) {
  std::vector<std::string> ids;
  for (const auto& [id, footnote] : defined) ids.push_back(id);
  for (const auto& m : found.marks) {
    if (defined.count(m.id)) continue;
    std::string guess = closest_match(m.id, ids);
    diags.error(m.pos, "the footnote " + mark(m.id) + " is not defined",
                guess.empty() ? "add a line '[^" + m.id + "]: …' with the note to a text of the report"
                              : "did you mean " + mark(guess) + "?");
  }
}

void check_unused(const FoundFootnotes& found, const std::map<std::string, const Footnote*>& defined,
                  Diagnostics& diags) {
  std::set<std::string> marked;
  for (const auto& m : found.marks) marked.insert(m.id);
  for (const auto& [id, footnote] : defined)
    if (!marked.count(id))
      diags.error(footnote->pos, "the footnote " + mark(id) + " is defined but no text marks it",
                  "write [^" + id + "] where the note belongs, or remove the definition");
}

}  // namespace

void check_footnotes(FoundFootnotes& found, Diagnostics& diags, std::vector<Footnote>& out) {
  auto defined = first_definitions(found, diags);
  check_marks(found, defined, diags);
  check_unused(found, defined, diags);
  std::set<std::string> kept;
  for (auto& footnote : found.definitions)
    if (kept.insert(footnote.id).second) out.push_back(std::move(footnote));
}

}  // namespace rapport
