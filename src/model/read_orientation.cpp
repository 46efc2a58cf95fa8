#include "diag/suggest.hpp"
#include "model/build_context.hpp"

namespace rapport {
namespace {

// The word an author most likely meant: a misspelling, or the Swedish word for it (authors
// write "liggande" and "stående"); "" when neither is close.
std::string meant(const std::string& word) {
  if (std::string guess = closest_match(word, {"portrait", "landscape"}); !guess.empty()) return guess;
  std::string swedish = closest_match(word, {"liggande", "stående"});
  return swedish.empty() ? "" : swedish == "liggande" ? "landscape" : "portrait";
}

}  // namespace

bool read_orientation(BuildContext& ctx, const YAML::Node& node) {
  if (!node.IsDefined()) return false;
  auto word = ctx.reader.text(node, "'orientation'");
  if (!word || *word == "portrait" || *word == "landscape") return word && *word == "landscape";
  std::string guess = meant(*word);
  ctx.reader.diags().error(ctx.reader.pos(node), "unknown orientation " + quote_excerpt(*word),
                           guess.empty() ? "write 'orientation: portrait' or 'orientation: landscape'"
                                         : "did you mean 'orientation: " + guess + "'?");
  return false;
}

}  // namespace rapport
